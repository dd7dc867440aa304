#include "common/db/open_files.h"

#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

namespace newsdesk {

namespace {

// Descriptors kept aside for what else may open meanwhile (the other
// compactions' outputs are counted as databases).
constexpr std::size_t kReserve = 16;

std::size_t open_now() {
    std::error_code ec;
    std::size_t n = 0;
    for (std::filesystem::directory_iterator it("/proc/self/fd", ec), end; !ec && it != end; it.increment(ec)) ++n;
    return n;
}

}  // namespace

void raise_open_file_limit() {
    static std::once_flag once;
    std::call_once(once, [] {
        rlimit limit{};
        if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
        limit.rlim_cur = limit.rlim_max;
        (void)::setrlimit(RLIMIT_NOFILE, &limit);
    });
}

std::size_t databases_openable(std::size_t at_once) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 1024;
    const auto soft = static_cast<std::size_t>(limit.rlim_cur);
    const std::size_t used = open_now() + kReserve;
    const std::size_t free = soft > used ? soft - used : 0;
    // One database more than the sources: the compaction's output.
    const std::size_t each = free / std::max<std::size_t>(1, at_once) / kFilesPerDatabase;
    return each > 3 ? each - 1 : 2;
}

}  // namespace newsdesk
