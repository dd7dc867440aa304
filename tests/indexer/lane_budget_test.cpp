// The budget many writer lanes share (indexer/write/lane_budget.h): past its
// bytes the lane holding most commits; a lane opens its database only in a
// free slot, the lane idle longest asked to close when none is; a lane asked
// is not asked again until it reports (or closes).
#include "indexer/write/lane_budget.h"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

namespace newsdesk {
namespace {

struct FakeLane : BudgetedLane {
    int commits_asked = 0, closes_asked = 0;
    void request_commit() override { ++commits_asked; }
    void request_close() override { ++closes_asked; }
};

TEST(LaneBudget, UnderItsBytesNoLaneIsAskedAnything) {
    LaneBudget budget(1000, 4);
    FakeLane a, b;
    EXPECT_FALSE(budget.report(&a, 400));
    EXPECT_FALSE(budget.report(&b, 600));  // exactly the limit
    EXPECT_EQ(a.commits_asked + b.commits_asked, 0);
}

TEST(LaneBudget, PastItsBytesTheReporterHoldingMostCommitsItself) {
    LaneBudget budget(1000, 4);
    FakeLane a, b;
    EXPECT_FALSE(budget.report(&a, 300));
    EXPECT_TRUE(budget.report(&b, 800));
    EXPECT_EQ(a.commits_asked, 0);
    EXPECT_FALSE(budget.report(&b, 0));  // committed: 300 held in all
}

TEST(LaneBudget, PastItsBytesAnotherLaneHoldingMostIsAskedOnce) {
    LaneBudget budget(1000, 4);
    FakeLane a, b, c;
    EXPECT_FALSE(budget.report(&a, 900));  // a holds most, then has no more articles
    EXPECT_FALSE(budget.report(&b, 200));
    EXPECT_EQ(a.commits_asked, 1);
    // Still past the limit before a obeys: the next holding most is asked, not a again.
    EXPECT_FALSE(budget.report(&c, 100));
    EXPECT_EQ(a.commits_asked, 1);
    EXPECT_EQ(b.commits_asked, 1);
    EXPECT_FALSE(budget.report(&a, 0));
    EXPECT_FALSE(budget.report(&b, 0));
    EXPECT_FALSE(budget.report(&c, 150));  // 150 held: nobody is asked
    EXPECT_EQ(a.commits_asked + b.commits_asked + c.commits_asked, 2);
}

TEST(LaneBudget, AClosedLaneHoldsNothingAndIsAskedNothing) {
    LaneBudget budget(1000, 4);
    FakeLane a, b;
    EXPECT_FALSE(budget.report(&a, 900));
    budget.closed(&a);
    EXPECT_FALSE(budget.report(&b, 900));  // a's 900 went with it
    EXPECT_EQ(a.commits_asked + a.closes_asked, 0);
}

// Obeys a request to close on a thread of its own, as a lane does.
struct ClosingLane : BudgetedLane {
    explicit ClosingLane(LaneBudget& b) : budget(b) {}
    ~ClosingLane() override {
        if (closer.joinable()) closer.join();
    }
    void request_commit() override {}
    void request_close() override {
        ++closes_asked;
        if (closer.joinable()) closer.join();
        closer = std::thread([this] { budget.closed(this); });
    }
    LaneBudget& budget;
    std::atomic<int> closes_asked{0};
    std::thread closer;
};

TEST(LaneBudget, ALaneOpensInAFreeSlotOrOnceTheLaneIdleLongestHasClosed) {
    LaneBudget budget(1 << 20, 2);
    ClosingLane a(budget), b(budget), c(budget), d(budget);
    budget.open(&a);
    budget.open(&b);
    EXPECT_FALSE(budget.report(&a, 1));  // a written to again: b is idle longest
    budget.open(&c);                      // waits until b has closed
    EXPECT_EQ(b.closes_asked, 1);
    EXPECT_EQ(a.closes_asked, 0);
    budget.open(&a);  // open already: no slot taken, nobody asked
    EXPECT_EQ(a.closes_asked + c.closes_asked, 0);
    budget.open(&d);  // a is now idle longest (c opened after its report)
    EXPECT_EQ(a.closes_asked, 1);
    EXPECT_EQ(c.closes_asked, 0);
}

}  // namespace
}  // namespace newsdesk
