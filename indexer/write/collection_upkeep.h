// Looking after a sharded collection (common/db/collection.h) between updates:
// time shards whose period is over are compacted once and then left alone,
// the oldest shards beyond a retention count are dropped, and databases a
// stub no longer names are removed. Run under the writers' lock
// (`newsdesk-index --update --close-after DAYS --retain N`, the nightly job).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace newsdesk {

struct UpkeepOptions {
    // Compact a time shard this many days after its year or month ended,
    // once (a shard written to afterwards is compacted again); nullopt: never.
    std::optional<double> close_after_days;
    // Keep only the newest N time shards ("undated" and hash shards stay).
    std::optional<unsigned> retain;
    // Today, as days since 1970-01-01 (the clock, unless a test sets it).
    double today = 0;
};

struct UpkeepSummary {
    std::vector<std::string> compacted;  // shard names
    std::vector<std::string> dropped;    // shard names
    std::vector<std::string> removed;    // directories under shards/ no stub names any more
};

// Does the upkeep of the collection at `dir`. Directories the stub stopped
// naming in an earlier upkeep (compacted-away copies, dropped shards) are
// removed first, so readers that opened them before the stub changed had a
// whole run to finish. Throws IndexError naming the collection.
UpkeepSummary upkeep_collection(const std::string& dir, const UpkeepOptions& options);

// Writes a compacted copy of a database or a collection at `to` (which must
// not exist): a collection's control database and every shard, each shard
// marked compacted, and its stub. Up to `threads` databases at once. Throws
// IndexError; nothing is left at `to` on failure.
void compact_database(const std::string& from, const std::string& to, unsigned threads);

// Writes a compacted collection at `to` (which must not exist) from databases
// written apart: the control database `control`, and each shard merged from
// its sources (a new collection's parts, indexer/write/part_set.h) in one
// compaction; every shard marked compacted, and the stub. Up to `threads`
// databases at once; with `scratch`, each database's sources are removed once
// it is written (a million articles' parts and their merge need not fit on
// the disk at once). Throws IndexError naming `name`; nothing is left at `to`
// on failure.
void compact_collection(const std::string& control, const std::map<std::string, std::vector<std::string>>& shards,
                        const std::string& to, unsigned threads, const std::string& name, bool scratch);

// Days since 1970-01-01 now (UTC).
[[nodiscard]] double today_in_days();

}  // namespace newsdesk
