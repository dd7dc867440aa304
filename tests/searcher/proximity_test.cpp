// pair_near (searcher/proximity.h): two words near each other, looked up in the
// index where few articles hold both, matching and weighing as Xapian's own
// OP_NEAR does.
#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

#include "searcher/proximity.h"
#include "searcher/searcher.h"

namespace {

using Query = Xapian::Query;
constexpr Xapian::termcount kWindow = 8;

class PairNearTest : public ::testing::Test {
  protected:
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};

    // An article with id term "Q" + `id` and each body word at its position.
    void add(const std::string& id, const std::vector<std::pair<std::string, Xapian::termpos>>& words) {
        Xapian::Document doc;
        doc.add_boolean_term("Q" + id);
        for (const auto& [word, pos] : words) doc.add_posting("XB" + word, pos);
        db.add_document(doc);
    }

    // Each matching article's weight (BM25 as the searcher ranks).
    std::map<Xapian::docid, double> weights(const Query& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(newsdesk::ranking_weight());
        std::map<Xapian::docid, double> out;
        const auto mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
        return out;
    }

    // Each article's percentage when the pair boosts either word, as read_words adds it.
    std::map<Xapian::docid, int> percentages(const Query& pair) {
        Xapian::Enquire enquire(db);
        enquire.set_query(Query(Query::OP_AND_MAYBE, Query(Query::OP_OR, Query("XBharbour"), Query("XBtunnel")), pair));
        enquire.set_weighting_scheme(newsdesk::ranking_weight());
        std::map<Xapian::docid, int> out;
        const auto mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_percent();
        return out;
    }

    Query near() {
        const Query terms[] = {Query("XBharbour"), Query("XBtunnel")};
        return Query(Query::OP_NEAR, terms, terms + 2, kWindow);
    }
    Query pair() { return newsdesk::pair_near("XBharbour", "XBtunnel", kWindow, db); }
};

TEST_F(PairNearTest, MatchesTheArticlesWhereTheWordsStandNearEitherWayWeighedAsTheNear) {
    add("next", {{"harbour", 1}, {"tunnel", 2}, {"quay", 3}});
    add("reversed", {{"tunnel", 4}, {"quay", 5}, {"harbour", 11}});  // 7 words apart: within 8
    add("apart", {{"harbour", 1}, {"quay", 2}, {"tunnel", 40}});
    add("one word", {{"harbour", 1}, {"quay", 2}});
    const auto held = weights(pair());
    EXPECT_EQ(held, weights(near()));
    EXPECT_EQ(held.size(), 2u);
    EXPECT_TRUE(held.count(1) && held.count(2));
    // Looked up: the NEAR restricted to those two by their id terms.
    EXPECT_NE(pair().get_description().find("FILTER (Qnext OR Qreversed)"), std::string::npos)
        << pair().get_description();
    EXPECT_EQ(percentages(pair()), percentages(near()));
}

TEST_F(PairNearTest, WhereNoArticleHoldsThemNearItMatchesNothingAndCountsAsTheNearDoes) {
    add("apart", {{"harbour", 1}, {"quay", 2}, {"tunnel", 40}});
    add("also apart", {{"tunnel", 1}, {"quay", 2}, {"harbour", 30}});
    add("one word", {{"harbour", 1}});
    EXPECT_TRUE(weights(pair()).empty());
    // Xapian's percentages count the pair's two terms among the query's subqueries.
    const auto percent = percentages(pair());
    EXPECT_EQ(percent, percentages(near()));
    EXPECT_EQ(percent.size(), 3u);
}

// Past kPairArticlesLookedUp articles holding both words, id terms would
// cost more than they save: the NEAR itself, unless the match runs on this
// one local database, where the articles it fails in are taken out of the
// pair's AND by their docids.
TEST_F(PairNearTest, WhereManyArticlesHoldBothWordsOnlyOneLocalDatabaseLooksThemUp) {
    for (Xapian::doccount i = 0; i <= newsdesk::kPairArticlesLookedUp; ++i)
        add("a" + std::to_string(i), {{"harbour", 1}, {"tunnel", 2 + i % 12}});  // 7 of each 12 near
    add("one word", {{"harbour", 1}});
    EXPECT_EQ(pair().get_description(), near().get_description());
    EXPECT_EQ(weights(pair()), weights(near()));
    const Query local = newsdesk::pair_near("XBharbour", "XBtunnel", kWindow, db, newsdesk::PairLookup::many);
    EXPECT_NE(local.get_description().find("AND_NOT PostingSource(DocidSet(12 articles))"), std::string::npos) << local.get_description();
    const auto held = weights(local);
    EXPECT_EQ(held, weights(near()));
    EXPECT_GT(held.size(), 10u);
    EXPECT_LT(held.size(), newsdesk::kPairArticlesLookedUp);
    EXPECT_EQ(percentages(local), percentages(near()));
}

// Where a shard is remote, reading the pair's posting lists would fetch them
// whole over the network: the NEAR itself, looked up nowhere.
TEST_F(PairNearTest, IsTheNearItselfWhereAShardIsRemote) {
    add("next", {{"harbour", 1}, {"tunnel", 2}});
    add("apart", {{"harbour", 1}, {"quay", 2}, {"tunnel", 40}});
    EXPECT_NE(pair().get_description(), near().get_description());  // looked up where it may be
    EXPECT_EQ(newsdesk::pair_near("XBharbour", "XBtunnel", kWindow, db, newsdesk::PairLookup::none).get_description(),
              near().get_description());
}

// An id term two articles share cannot single out the one the NEAR matches.
TEST_F(PairNearTest, IsTheNearItselfWhereAMatchHasNoIdOfItsOwn) {
    add("same", {{"harbour", 1}, {"tunnel", 2}});
    add("same", {{"harbour", 1}, {"quay", 2}, {"tunnel", 40}});
    EXPECT_EQ(pair().get_description(), near().get_description());
}

}  // namespace
