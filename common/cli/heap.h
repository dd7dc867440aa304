// A process that answers one request and exits (newsdesk-search, the CGI page)
// touches a few hundred kilobytes of fresh heap, and the kernel faults each
// 4 KB page in on first touch: about a hundred faults a search, a fifth of
// what the process spends in the kernel (issue 20, the command line).
// prefault_heap maps that much heap in one call before the search starts.
#pragma once

#include <cstddef>

namespace newsdesk::cli {

// Grows the heap by `bytes` and has the kernel map those pages at once
// (MADV_POPULATE_WRITE, Linux 5.14), with malloc set to serve blocks of up
// to four times that from the heap and to keep that much when freed. Where
// the kernel or the C library cannot, nothing changes: the pages fault in as
// before. For programs that exit after one request, not for servers.
void prefault_heap(std::size_t bytes);

}  // namespace newsdesk::cli
