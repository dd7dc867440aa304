#include "common/cli/heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older kernels answer EINVAL
#endif

namespace newsdesk::cli {

void prefault_heap(std::size_t bytes) {
#if defined(__GLIBC__) && defined(__linux__)
    // One block of `bytes` from the heap itself (not a mapping of its own),
    // which stays the heap's once freed: the heap shrinks only past four
    // times that. Its pages are mapped at once, and the search's allocations
    // then land in them.
    if (mallopt(M_MMAP_THRESHOLD, static_cast<int>(4 * bytes)) != 1 ||
        mallopt(M_TRIM_THRESHOLD, static_cast<int>(4 * bytes)) != 1)
        return;
    void* block = std::malloc(bytes);
    if (!block) return;
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto from = (reinterpret_cast<std::uintptr_t>(block) + page - 1) & ~(page - 1);
    const auto to = (reinterpret_cast<std::uintptr_t>(block) + bytes) & ~(page - 1);
    if (to > from) (void)madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);
    std::free(block);
#else
    (void)bytes;
#endif
}

}  // namespace newsdesk::cli
