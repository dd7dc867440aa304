// Writes a sharded collection (common/db/collection.h): each article to the shard
// its scheme names, every shard by a lane of its own (indexer/write/write_lane.h),
// the spelling data and the collection's metadata to the control database.
//
// A new collection is built in "DIR.build-PID" (databases not synced, scratch
// until the end; each shard as a set of small parts, indexer/write/part_set.h);
// finish() compacts every shard's parts and the control database into
// "DIR.merge-PID", writes its stub and renames it to DIR, so the collection
// appears whole or not at all, as a parallel build's database does. An existing
// collection is written in place: new shards are created beside the others and
// added to the stub by finish(); a shard written to loses its "compacted" mark.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "common/db/collection.h"
#include "indexer/write/index_writer.h"
#include "indexer/write/lane_budget.h"
#include "indexer/write/write_lane.h"

namespace newsdesk {

class ShardedBuild {
  public:
    // Writes the collection at `dir`: a new one with `scheme` when nothing is
    // there (or an empty directory), else the existing collection, whose scheme
    // must be `scheme`. Throws UsageError when `dir` holds a single database or
    // a collection of another scheme, IndexError when it cannot be written.
    ShardedBuild(std::string dir, ShardScheme scheme, BatchLimits limits, bool spelling, unsigned threads);
    // An unfinished new build is removed.
    ~ShardedBuild();
    ShardedBuild(const ShardedBuild&) = delete;
    ShardedBuild& operator=(const ShardedBuild&) = delete;

    // Hands each article's document to its shard's lane, the spelling words to
    // the control lane. `bytes` is the documents' accounted size.
    void add(const std::vector<Article>& articles, std::vector<Xapian::Document>&& documents, std::size_t bytes,
             SpellingWords words);

    // Commits every lane; a new collection is compacted and moved into place,
    // an existing one gains the new shards in its stub. Throws IndexError.
    void finish();

    [[nodiscard]] const std::string& path() const { return m_dir; }
    [[nodiscard]] std::size_t commits() const { return m_commits; }
    // The collection's articles (after finish()).
    [[nodiscard]] Xapian::doccount doc_count() const;

    // The scheme recorded in the collection at `dir`; throws IndexError when
    // it is not a collection or records none.
    [[nodiscard]] static ShardScheme scheme_of(const std::string& dir);

  private:
    WriteLane& lane_for(const std::string& shard);
    void compact_into_place(const std::map<std::string, std::vector<std::string>>& shards);

    std::string m_dir, m_work;  // m_work: where lanes write (DIR.build-PID, or DIR)
    ShardScheme m_scheme;
    BatchLimits m_limits;
    bool m_spelling, m_fresh, m_finished = false;
    unsigned m_threads;
    std::vector<ShardEntry> m_existing;  // the stub's shards when written in place
    LaneBudget m_budget;  // --batch-mb, shared by the shards' lanes (outlives them)
    std::unique_ptr<WriteLane> m_control;
    std::map<std::string, std::unique_ptr<WriteLane>> m_lanes;  // by shard name
    std::size_t m_commits = 0;
};

}  // namespace newsdesk
