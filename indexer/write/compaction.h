// Compaction in rounds: a compaction opens every source at once, and a
// build of many parts (indexer/write/part_set.h) can have more of them than
// the open-file limit allows (common/db/open_files.h).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsdesk {

// Compacts `sources` (one database or several, merged in order, as
// Xapian::Database::compact does) into `to`, opening at most `fan_in` at once:
// with more, groups of `fan_in` are compacted into scratch databases beside
// `to` (removed once merged) and those merged in turn, which gives the same
// database. Throws Xapian::Error as compact does; the scratch is removed.
void compact_in_rounds(const std::vector<std::string>& sources, const std::string& to, std::size_t fan_in);

}  // namespace newsdesk
