// What many lanes hold, under one limit. A sharded build writes a lane per
// shard (indexer/write/sharded_build.h): a month-sharded archive has a hundred
// or more, and each held its own share of --batch-mb uncommitted plus an open
// database (zlib streams and block buffers, about 2 MB, and six files): the
// 132 monthly shards of the 20k scaled corpus took 706 MB at the default
// 16 MB (2 GB at 64), and a longer archive has more months. So a lane takes
// one of a few slots before it opens its database, the one idle longest being
// asked to commit and close its own when none is free; and each lane reports
// what it holds after every batch: past the byte limit, the lane holding most
// commits. A lane not reporting is asked through its queue, so a lane with no
// more articles obeys too.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>

namespace newsdesk {

// What a lane under a budget is asked to do (WriteLane; a test's fake). Any
// thread may ask; the lane obeys on its own thread once it has written the
// batch in hand.
class BudgetedLane {
  public:
    virtual ~BudgetedLane() = default;
    virtual void request_commit() = 0;  // commit what it holds (then report)
    virtual void request_close() = 0;   // commit and close its database (then closed())
};

class LaneBudget {
  public:
    // `bytes` uncommitted and `open` databases open, across the lanes.
    LaneBudget(std::size_t bytes, std::size_t open) : m_limit(bytes), m_open_limit(open < 1 ? 1 : open) {}

    // Waits for a slot for `lane` to open its database in, asking the open
    // lane idle longest to close while none is free.
    void open(BudgetedLane* lane);

    // Records that `lane`, its database open, holds `pending` uncommitted
    // bytes. Past the byte limit, returns true when `lane` itself holds most
    // (the caller commits and reports again), else asks the lane holding most
    // to commit.
    [[nodiscard]] bool report(BudgetedLane* lane, std::size_t pending);

    // Records that `lane` committed and closed its database, freeing its slot.
    void closed(BudgetedLane* lane);

  private:
    std::mutex m_mutex;  // taken before a lane's own (the requests take it)
    std::condition_variable m_slot_freed;
    const std::size_t m_limit, m_open_limit;
    std::size_t m_total = 0, m_waiting = 0;
    std::uint64_t m_clock = 0;
    std::map<BudgetedLane*, std::size_t> m_pending;  // open lanes' uncommitted bytes
    std::map<BudgetedLane*, std::uint64_t> m_used;   // open lanes' last report
    std::set<BudgetedLane*> m_asked, m_asked_to_close;  // not reported (closed) since
};

}  // namespace newsdesk
