// Open files, the limit many databases meet. A read-only glass database holds
// a descriptor for each of its tables (five or six): a collection of 240
// monthly shards holds over a thousand, and a compaction opens every source at
// once. So every process that opens databases first raises its soft limit on
// open files to the hard one (as Go's runtime does at start-up: the usual soft
// limit is 1,024 where the hard one is far higher), and the indexer merges its
// parts in rounds of as many databases as the descriptors left allow.
#pragma once

#include <cstddef>

namespace newsdesk {

// Descriptors one open glass database may hold: a table each.
inline constexpr std::size_t kFilesPerDatabase = 6;

// Raises this process's soft limit on open files to its hard limit, once;
// leaves it as it is where that fails (the opening then says why).
void raise_open_file_limit();

// How many databases each of `at_once` compactions may open together, with
// the descriptors now open and a reserve left aside: at least 2.
[[nodiscard]] std::size_t databases_openable(std::size_t at_once = 1);

}  // namespace newsdesk
