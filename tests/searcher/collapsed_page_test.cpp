// The page of a plain search worked out from what its match's spy saw
// (searcher/collapsed_page.h) is the page Xapian's collapsing match, sorted
// by relevance then tie-break value, gives: over articles whose weights tie
// within and across signatures, at every offset, asking for tie-break values
// only where weights tie.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/collapsed_page.h"

namespace newsdesk::test {
namespace {

constexpr Xapian::valueno kSignature = 2;
constexpr Xapian::valueno kTiebreak = 11;

// 60 articles of one length holding "storm" once, twice or three times (three
// weights), in 12 signatures of copies or none, each with its own tie-break
// value in an order unrelated to the docids.
Xapian::Database articles_with_ties() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (unsigned i = 0; i < 60; ++i) {
        Xapian::Document doc;
        const unsigned storms = 1 + i % 3;
        for (unsigned w = 0; w < 6; ++w) doc.add_posting(w < storms ? "storm" : "calm" + std::to_string(w), w + 1);
        if (i % 5 != 4) doc.add_value(kSignature, "sig" + std::to_string(i % 12));
        doc.add_value(kTiebreak, "2024" + std::to_string((i * 37) % 60 + 100));
        db.add_document(doc);
    }
    return db;
}

struct Spy : Xapian::MatchSpy {
    std::vector<SeenArticle> seen;
    void operator()(const Xapian::Document& doc, double weight) override {
        seen.push_back({doc.get_docid(), weight, doc.get_value(kSignature)});
    }
};

std::vector<Xapian::docid> xapians_page(const Xapian::Database& db, Xapian::doccount offset, Xapian::doccount limit) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("storm"));
    enquire.set_collapse_key(kSignature);
    enquire.set_sort_by_relevance_then_value(kTiebreak, true);
    const Xapian::MSet mset = enquire.get_mset(offset, limit, db.get_doccount());
    std::vector<Xapian::docid> page;
    for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back(*it);
    return page;
}

std::vector<SeenArticle> spied(const Xapian::Database& db) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("storm"));
    Spy spy;
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 1, db.get_doccount());
    return spy.seen;
}

TEST(CollapsedPage, IsThePageOfXapiansCollapsingMatchSortedByRelevanceThenTiebreak) {
    const Xapian::Database db = articles_with_ties();
    const std::vector<SeenArticle> seen = spied(db);
    ASSERT_EQ(seen.size(), 60u);
    const auto tiebreak = [&](Xapian::docid did) { return db.get_document(did).get_value(kTiebreak); };
    for (Xapian::doccount offset = 0; offset <= 30; ++offset) {
        for (const Xapian::doccount limit : {1u, 4u, 10u, 40u}) {
            std::vector<Xapian::docid> page;
            for (const std::size_t i : collapsed_page(seen, offset, limit, tiebreak).hits) page.push_back(seen[i].docid);
            EXPECT_EQ(page, xapians_page(db, offset, limit)) << "offset " << offset << " limit " << limit;
        }
    }
}

TEST(CollapsedPage, AsksForTiebreakValuesOnlyWhereWeightsTieAndEachOnce) {
    std::vector<std::string> asked;
    const auto tiebreak = [&](Xapian::docid did) {
        asked.push_back(std::to_string(did));
        return "t" + std::to_string(did % 7);
    };
    // Weights all different: nothing to ask.
    const std::vector<SeenArticle> distinct = {{1, 3.0, "a"}, {2, 2.0, "a"}, {3, 5.0, ""}, {4, 1.0, "b"}};
    const auto page = collapsed_page(distinct, 0, 10, tiebreak);
    EXPECT_EQ(page.hits, (std::vector<std::size_t>{2, 0, 3}));
    EXPECT_EQ(page.articles, (std::vector<Xapian::doccount>{1, 2, 1}));  // "a" has two copies
    EXPECT_EQ(page.folded, 3u);
    EXPECT_TRUE(asked.empty());
    // Two copies of "a" weigh the same: the one with the greater value leads
    // (docid 6: "t6" > "t5"), and no value is read twice.
    const std::vector<SeenArticle> tied = {{5, 3.0, "a"}, {6, 3.0, "a"}, {7, 1.0, "b"}, {8, 0.5, "c"}};
    EXPECT_EQ(collapsed_page(tied, 0, 1, tiebreak).hits, (std::vector<std::size_t>{1}));
    const std::set<std::string> distinct_asked(asked.begin(), asked.end());
    EXPECT_EQ(distinct_asked.size(), asked.size());
    EXPECT_EQ(distinct_asked, (std::set<std::string>{"5", "6"}));
}

TEST(CollapsedPage, AnOffsetPastTheLastHitGivesAnEmptyPage) {
    const std::vector<SeenArticle> seen = {{1, 3.0, "a"}, {2, 2.0, "a"}};
    const auto past = collapsed_page(seen, 1, 10, [](Xapian::docid) { return std::string(); });
    EXPECT_TRUE(past.hits.empty());
    EXPECT_EQ(past.folded, 1u);
    EXPECT_TRUE(collapsed_page({}, 0, 10, [](Xapian::docid) { return std::string(); }).hits.empty());
}

}  // namespace
}  // namespace newsdesk::test
