// The query as run (searcher/query_plan.h): over the bundled articles, some of
// them German and Hindi, the planned query matches the same articles with the
// same weights in the same order as the query as built, its bitmap holds the
// same articles, and a page with facets (which runs the plan) shows the same
// hits, scores and percentages as one without (which runs the query as built).
#include <gtest/gtest.h>

#include "common/schema.h"
#include "indexer/document/document_builder.h"
#include "searcher/language_terms.h"
#include "searcher/match_set.h"
#include "searcher/query_builder.h"
#include "searcher/query_plan.h"
#include "searcher/searcher.h"
#include "tests/searcher/corpus_articles.h"
#include "tests/support/temp_dir.h"

namespace newsdesk::test {
namespace {

// Every seventh article German, every eleventh Hindi (their words are English:
// the queries are then read with three stemmers in three branches).
class MixedCorpus {
  public:
    MixedCorpus() : m_path((m_dir / "db").string()) {
        Xapian::WritableDatabase db(m_path, Xapian::DB_CREATE);
        DocumentBuilder builder;
        const auto& articles = corpus_articles();
        for (std::size_t i = 0; i < articles.size(); ++i) {
            Article a = articles[i];
            if (i % 7 == 3) a.language = "de";
            else if (i % 11 == 5) a.language = "hi";
            db.add_document(builder.build(a));
        }
        db.commit();
    }
    [[nodiscard]] const std::string& path() const { return m_path; }

  private:
    TempDir m_dir;
    std::string m_path;
};

const char* const kQueries[] = {"election", "people", "police", "president trump", "said", "court ruling",
                                "china russia", "minister", "government", "storm"};

struct Ranked {
    std::vector<Xapian::docid> docids;
    std::vector<double> weights;
};

Ranked ranked(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(ranking_weight());
    enquire.set_sort_by_relevance_then_value(slot::tiebreak, true);
    Ranked out;
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.docids.push_back(*it);
        out.weights.push_back(it.get_weight());
    }
    return out;
}

TEST(QueryPlan, LanguageBranchesRunAsMaxAndTheCommonLanguageAsTheOthersLeftOut) {
    MixedCorpus corpus;
    const Xapian::Database db(corpus.path());
    bool rewritten = false;
    const Xapian::Query built = parse_user_query("election", db).query;
    ASSERT_NE(built.get_description().find(" FILTER Len)"), std::string::npos) << built.get_description();
    const std::string planned = planned_query(built, db, rewritten).get_description();
    EXPECT_TRUE(rewritten);
    EXPECT_NE(planned.find(" MAX "), std::string::npos) << planned;
    EXPECT_NE(planned.find(" AND_NOT (Lde OR Lhi))"), std::string::npos) << planned;
    EXPECT_EQ(planned.find("FILTER Len"), std::string::npos) << planned;
}

TEST(QueryPlan, MatchesWeighsAndOrdersAsTheQueryAsBuilt) {
    MixedCorpus corpus;
    const Xapian::Database db(corpus.path());
    std::size_t rewritten_queries = 0;
    for (const char* text : kQueries) {
        const Xapian::Query built = parse_user_query(text, db).query;
        bool rewritten = false;
        const Xapian::Query planned = planned_query(built, db, rewritten);
        rewritten_queries += rewritten;
        const Ranked want = ranked(db, built), got = ranked(db, planned);
        ASSERT_FALSE(want.docids.empty()) << text;
        EXPECT_EQ(got.docids, want.docids) << text;
        EXPECT_EQ(got.weights, want.weights) << text;  // bit for bit
        const auto bitmap = match_set(planned, db);
        ASSERT_TRUE(bitmap) << text;
        EXPECT_EQ(bitmap->count(), want.docids.size()) << text;
    }
    // All but those read as any of their words, whose pairs of words near
    // each other (proximity.h) Xapian weighs by position.
    EXPECT_GE(rewritten_queries, 8u);
}

TEST(QueryPlan, APageWithFacetsShowsTheHitsScoresAndPercentagesOfOneWithout) {
    MixedCorpus corpus;
    for (const char* text : kQueries) {
        for (const Xapian::doccount offset : {0u, 10u}) {
            for (const SortOrder sort : {SortOrder::relevance, SortOrder::recency}) {
                SearchRequest request;
                request.query = text;
                request.offset = offset;
                request.sort = sort;
                const SearchResult plain = Searcher(corpus.path()).run(request);
                request.facets = {"country", "language"};
                const SearchResult faceted = Searcher(corpus.path()).run(request);
                ASSERT_EQ(faceted.hits.size(), plain.hits.size()) << text << " offset " << offset;
                for (std::size_t i = 0; i < plain.hits.size(); ++i) {
                    EXPECT_EQ(faceted.hits[i].id, plain.hits[i].id) << text << " #" << offset + i;
                    EXPECT_EQ(faceted.hits[i].score, plain.hits[i].score) << text << " #" << offset + i;
                    EXPECT_EQ(faceted.hits[i].percent, plain.hits[i].percent) << text << " #" << offset + i;
                    EXPECT_EQ(faceted.hits[i].collapsed, plain.hits[i].collapsed) << text << " #" << offset + i;
                }
            }
        }
    }
}

TEST(QueryPlan, AnArticleWithoutALanguageTermLeavesTheQueryAsBuilt) {
    MixedCorpus corpus;
    {
        Xapian::WritableDatabase db(corpus.path());
        Xapian::Document doc = DocumentBuilder().build(corpus_articles().front());
        doc.remove_term(make_term(prefix::language, corpus_articles().front().language));
        db.add_document(doc);
        db.commit();
    }
    const Xapian::Database db(corpus.path());
    bool rewritten = true;
    const Xapian::Query built = parse_user_query("election", db).query;
    EXPECT_EQ(planned_query(built, db, rewritten).get_description(), built.get_description());
    EXPECT_FALSE(rewritten);
}

TEST(QueryPlan, APhraseLeavesTheQueryAsBuilt) {
    MixedCorpus corpus;
    const Xapian::Database db(corpus.path());
    bool rewritten = true;
    const Xapian::Query built = parse_user_query("\"prime minister\" election", db).query;
    EXPECT_EQ(planned_query(built, db, rewritten).get_description(), built.get_description());
    EXPECT_FALSE(rewritten);
}

TEST(QueryPlan, TheRestrictedQueryMatchesWeighsAndScalesPercentagesAsTheQueryAsBuilt) {
    MixedCorpus corpus;
    const Xapian::Database db(corpus.path());
    const auto percentages = [&](const Xapian::Query& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(ranking_weight());
        enquire.set_sort_by_relevance_then_value(slot::tiebreak, true);
        std::vector<int> out;
        const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(it.get_percent());
        return out;
    };
    std::size_t rewritten_queries = 0;
    for (const char* text : kQueries) {
        const Xapian::Query built = parse_user_query(text, db).query;
        bool rewritten = false;
        const Xapian::Query restricted = restricted_query(built, db, rewritten);
        rewritten_queries += rewritten;
        if (rewritten) {
            EXPECT_EQ(restricted.get_description().find(" MAX "), std::string::npos) << text;
            EXPECT_EQ(restricted.get_description().find("FILTER Len"), std::string::npos) << text;
        }
        const Ranked want = ranked(db, built), got = ranked(db, restricted);
        EXPECT_EQ(got.docids, want.docids) << text;
        EXPECT_EQ(got.weights, want.weights) << text;  // bit for bit
        EXPECT_EQ(percentages(restricted), percentages(built)) << text;
    }
    EXPECT_GE(rewritten_queries, 8u);
}

TEST(QueryPlan, TheUpperBoundIsNeverBelowTheMatchesAndZeroForAWordNoArticleHolds) {
    MixedCorpus corpus;
    const Xapian::Database db(corpus.path());
    std::vector<std::string> texts(std::begin(kQueries), std::end(kQueries));
    texts.insert(texts.end(), {"\"prime minister\"", "court -ruling", "diplom*", "lang:en storm", "country:KP", ""});
    for (const auto& text : texts) {
        const Xapian::Query built = parse_user_query(text, db).query;
        Xapian::Enquire enquire(db);
        enquire.set_query(built);
        const Xapian::MSet all = enquire.get_mset(0, 0, db.get_doccount());
        ASSERT_EQ(all.get_matches_lower_bound(), all.get_matches_upper_bound()) << text;
        const Xapian::doccount bound = match_upper_bound(built, db);
        EXPECT_GE(bound, all.get_matches_estimated()) << text;
        // Counted up to a cap, it is the bound or the cap, whichever is less.
        for (const Xapian::doccount cap : {0u, 1u, 2u, 5u, 20u, 100u, bound, bound + 1})
            EXPECT_EQ(match_upper_bound(built, db, cap), std::min(bound, cap)) << text << " up to " << cap;
    }
    EXPECT_EQ(match_upper_bound(parse_user_query("zzqqxx", db).query, db), 0u);
    EXPECT_EQ(match_upper_bound(parse_user_query("zzqqxx OR qqzzxx", db).query, db), 0u);
    EXPECT_GT(match_upper_bound(parse_user_query("zzqqxx OR election", db).query, db), 0u);
}

// The language terms are read once per revision of a database: a commit that
// brings a new language, seen by a reader reopened at the new revision, is
// read again; a collection of two databases is read whole each time.
TEST(LanguageTerms, AreReadAgainWhenTheDatabaseChangesAndWholeForACollection) {
    TempDir dir;
    const std::string path = (dir / "db").string(), other = (dir / "other").string();
    const auto doc = [](const std::string& language) {
        Xapian::Document d;
        d.add_boolean_term(std::string(prefix::language) + language);
        return d;
    };
    const auto listed = [](const Xapian::Database& db) {
        std::vector<std::pair<std::string, Xapian::doccount>> out;
        for (const auto& l : language_terms(db)) out.emplace_back(l.term, l.articles);
        return out;
    };
    using Listed = std::vector<std::pair<std::string, Xapian::doccount>>;
    Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
    writer.add_document(doc("en"));
    writer.add_document(doc("en"));
    writer.commit();
    Xapian::Database reader(path);
    EXPECT_EQ(listed(reader), (Listed{{"Len", 2}}));
    writer.add_document(doc("de"));
    writer.commit();
    EXPECT_EQ(listed(reader), (Listed{{"Len", 2}})) << "the reader's revision is still the first";
    ASSERT_TRUE(reader.reopen());
    EXPECT_EQ(listed(reader), (Listed{{"Lde", 1}, {"Len", 2}}));
    Xapian::WritableDatabase second(other, Xapian::DB_CREATE);
    second.add_document(doc("hi"));
    second.add_document(doc("en"));
    second.commit();
    Xapian::Database both(path);
    both.add_database(Xapian::Database(other));
    EXPECT_EQ(listed(both), (Listed{{"Lde", 1}, {"Len", 3}, {"Lhi", 1}}));
    EXPECT_EQ(listed(Xapian::Database(other)), (Listed{{"Len", 1}, {"Lhi", 1}}));
}

}  // namespace
}  // namespace newsdesk::test
