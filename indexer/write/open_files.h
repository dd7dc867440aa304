// Open files, the limit a build of many parts meets. A read-only glass
// database holds a descriptor for each of its tables (five or six), and a
// compaction opens every source at once: the hundred parts of a million
// articles took about six hundred descriptors, so a two-million build died at
// its final merge under the usual soft limit of 1,024. A build therefore
// raises the soft limit to the hard one (as Go's runtime does at start-up),
// keeps no closed part open (indexer/write/part_set.h) and merges in rounds
// of as many databases as the descriptors left allow.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsdesk {

// Descriptors one open glass database may hold: a table each.
inline constexpr std::size_t kFilesPerDatabase = 6;

// Raises this process's soft limit on open files to its hard limit; quietly
// leaves it as it is where that fails.
void raise_open_file_limit();

// How many databases `at_once` compactions may each open together, with the
// descriptors now open and a reserve left aside: at least 2.
std::size_t databases_openable(std::size_t at_once = 1);

// Compacts `sources` (one database or several, merged in order, as
// Xapian::Database::compact does) into `to`, opening at most `fan_in` at once:
// with more, groups of `fan_in` are compacted into scratch databases beside
// `to` (removed once merged) and those merged in turn, which gives the same
// database. Throws Xapian::Error as compact does; the scratch is removed.
void compact_in_rounds(const std::vector<std::string>& sources, const std::string& to, std::size_t fan_in);

}  // namespace newsdesk
