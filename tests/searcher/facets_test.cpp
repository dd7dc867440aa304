// Facet counts must be exact over the whole match: checked against a brute-force
// count over every matching article's stored record, for every facet, on the
// bundled Wikinews articles with the real parser and extractors, in one
// database (without and with its facet column), a sharded collection and two
// shards behind xapian-tcpsrv (where the built-in spy counts, not newsdesk's own).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/db/facet_column.h"
#include "common/person_key.h"
#include "common/schema.h"
#include "indexer/document/document_builder.h"
#include "indexer/extract/extract.h"
#include "indexer/formats/parsers.h"
#include "searcher/facets.h"
#include "searcher/query_builder.h"
#include "searcher/searcher.h"
#include "tests/searcher/corpus_articles.h"
#include "tests/support/search_backend.h"

namespace newsdesk::test {

const std::vector<Article>& corpus_articles() {
    static const std::vector<Article> articles = [] {
        const std::string path = std::string(NEWSDESK_SOURCE_DIR) + "/corpus/wikinews/wikinews-2019.jsonl";
        std::ifstream in(path);
        std::stringstream bytes;
        bytes << in.rdbuf();
        auto parsed = newsdesk::parse_any(bytes.str(), path);
        for (auto& article : parsed) newsdesk::extract_all(article);
        return parsed;
    }();
    return articles;
}

}  // namespace newsdesk::test

namespace {

using newsdesk::Article;
using newsdesk::test::corpus_articles;

using newsdesk::test::Backend;
using newsdesk::test::BackendDatabase;

Xapian::Database corpus_database() {
    static Xapian::WritableDatabase db = [] {
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        newsdesk::DocumentBuilder builder;
        for (const auto& article : corpus_articles())
            db.replace_document(newsdesk::id_term(article.id), builder.build(article));
        return db;
    }();
    return db;
}

// The same articles in a database of each kind, built once per kind.
BackendDatabase& corpus_backend(Backend backend) {
    static std::map<Backend, std::unique_ptr<BackendDatabase>> built;
    auto& db = built[backend];
    if (!db) {
        db = std::make_unique<BackendDatabase>(backend);
        db->add(corpus_articles());
    }
    return *db;
}

// facet name -> value -> count, by reading every matching document's record.
std::map<std::string, std::map<std::string, Xapian::doccount>> brute_force(const Xapian::Database& db,
                                                                           const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const auto mset = enquire.get_mset(0, db.get_doccount());
    std::map<std::string, std::map<std::string, Xapian::doccount>> counts;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Article a = newsdesk::article_from_json(nlohmann::json::parse(it.get_document().get_data()));
        std::map<std::string, std::set<std::string>> values;
        for (const auto& c : a.countries) values["country"].insert(c.code);
        // People and experts count once per person, whatever form of the name.
        for (const auto& e : a.experts) values["expert"].insert(newsdesk::person_key(e.name));
        for (const auto& p : a.people) values["person"].insert(newsdesk::person_key(p.name));
        for (const auto& i : a.institutions) values["institution"].insert(i.name);
        values["language"].insert(a.language);
        if (a.source) values["source"].insert(*a.source);
        if (a.date) values["date"].insert(a.date->substr(0, 7));
        for (const auto& [facet, set] : values)
            for (const auto& v : set) ++counts[facet][v];
    }
    return counts;
}

newsdesk::SearchRequest every_facet_request(const std::string& query) {
    newsdesk::SearchRequest request;
    request.query = query;
    request.limit = 3;  // counts must not depend on the page shown
    // Wire copies fold in the hit list (the default), yet facets count every
    // matching article, as the brute force does.
    request.facets = {"country", "expert", "person", "institution", "language", "source", "date"};
    request.facet_size = 100000;
    request.date_bucket = newsdesk::DateBucket::month;
    return request;
}

class FacetCounts : public ::testing::TestWithParam<std::tuple<Backend, const char*>> {};

TEST_P(FacetCounts, EqualABruteForceCountForEveryFacetAndValue) {
    const auto db = corpus_database();
    ASSERT_GT(db.get_doccount(), 100u);
    const auto& [backend, query] = GetParam();
    BackendDatabase& searched = corpus_backend(backend);
    ASSERT_TRUE(searched.ready()) << "xapian-tcpsrv did not start (scripts/setup installs xapian-tools)";
    const auto request = every_facet_request(query);
    if (backend == Backend::column) {  // counted from the column, not the fallback
        ASSERT_TRUE(newsdesk::FacetColumn::open(searched.path(), Xapian::Database(searched.path())));
    }
    const auto result = newsdesk::Searcher(searched.path()).run(request);

    const auto expected = brute_force(db, newsdesk::build_query(request.query, db));
    ASSERT_TRUE(result.exact);
    Xapian::Enquire all(db);
    all.set_query(newsdesk::build_query(request.query, db));
    const auto everything = all.get_mset(0, db.get_doccount());
    EXPECT_EQ(result.total, everything.size());
    // With the copies of a wire story folded into one: distinct signatures,
    // plus the articles without one.
    std::set<std::string> signatures;
    std::map<std::string, Xapian::doccount> per_signature;
    Xapian::doccount unsigned_articles = 0;
    for (auto it = everything.begin(); it != everything.end(); ++it) {
        const auto signature = it.get_document().get_value(newsdesk::slot::collapse);
        if (signature.empty()) ++unsigned_articles;
        else signatures.insert(signature), ++per_signature[signature];
    }
    EXPECT_EQ(result.estimate, signatures.size() + unsigned_articles) << "folded count for '" << request.query << "'";
    // Each hit shows the other matching articles with its signature as its copies.
    for (const auto& hit : result.hits) {
        const auto posting = db.postlist_begin(newsdesk::id_term(hit.id));
        ASSERT_NE(posting, db.postlist_end(newsdesk::id_term(hit.id))) << hit.id;
        const auto signature = db.get_document(*posting).get_value(newsdesk::slot::collapse);
        EXPECT_EQ(hit.collapsed, signature.empty() ? 0 : per_signature[signature] - 1) << hit.id;
    }
    for (const auto& facet : result.facets) {
        std::map<std::string, Xapian::doccount> got;
        const bool people = facet.name == "person" || facet.name == "expert";
        for (const auto& v : facet.values) got[people ? newsdesk::person_key(v.value) : v.value] = v.count;
        auto want = expected.count(facet.name) ? expected.at(facet.name) : std::map<std::string, Xapian::doccount>{};
        EXPECT_EQ(got, want) << "facet " << facet.name << " for query '" << request.query << "'";
    }
    EXPECT_EQ(result.facets.size(), 7u);

    // Every kind of database shows the same values, labels and order as one
    // database in memory: people under the same form, ties in the same order.
    const auto local = newsdesk::Searcher(db, "corpus").run(request);
    ASSERT_EQ(result.facets.size(), local.facets.size());
    for (std::size_t i = 0; i < local.facets.size(); ++i) {
        EXPECT_EQ(result.facets[i].name, local.facets[i].name);
        EXPECT_EQ(result.facets[i].values, local.facets[i].values) << "facet " << local.facets[i].name;
    }
}

INSTANTIATE_TEST_SUITE_P(Queries, FacetCounts,
                         ::testing::Combine(::testing::Values(Backend::single, Backend::column, Backend::sharded,
                                                              Backend::remote),
                                            ::testing::Values("", "president", "police OR court", "country:US",
                                                              "said")),
                         [](const auto& info) {
                             const std::string query = std::get<1>(info.param);
                             std::string name = newsdesk::test::to_string(std::get<0>(info.param)) + "_";
                             for (char c : query.empty() ? std::string("everything") : query)
                                 name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             return name;
                         });

TEST(FacetCounts, FiltersOfOneFacetOrAndOfDifferentFacetsAnd) {
    const auto db = corpus_database();
    const auto count = [&](const std::vector<std::pair<std::string, std::string>>& filters) {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll,
                                        newsdesk::combine_filters(filters)));
        return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    };
    const auto us = count({{"country", "US"}}), gb = count({{"country", "GB"}});
    const auto both_or = count({{"country", "US"}, {"country", "United Kingdom"}});
    const auto us_2019_01 = count({{"country", "US"}, {"date", "2019-01"}});
    ASSERT_GT(us, 0u);
    ASSERT_GT(gb, 0u);
    EXPECT_GE(both_or, std::max(us, gb));
    EXPECT_LE(both_or, us + gb);
    EXPECT_LT(us_2019_01, us);
}

TEST(FacetCounts, SetCountsDecomposeIntoOneCountPerValueOfEachFacet) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    // Each article's tagged values in one slot: c = country, l = language.
    for (const auto& set : {std::vector<std::string>{"cKP", "cRU", "len"}, {"cKP", "len"},
                            {"cRU", "cKP", "cKP", "lko"}, {"cCN", "len"}, {"len"}}) {
        Xapian::Document doc;
        doc.add_value(newsdesk::slot::facets, newsdesk::encode_set(set));
        db.add_document(doc);
    }
    Xapian::ValueCountMatchSpy spy(newsdesk::slot::facets);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    const std::map<char, std::map<std::string, Xapian::doccount>> expected{
        {'c', {{"CN", 1}, {"KP", 3}, {"RU", 2}}}, {'l', {{"en", 4}, {"ko", 1}}}};
    EXPECT_EQ(newsdesk::decompose_set_counts(spy), expected);
}

TEST(FacetCounts, AFacetAskedForTwiceIsCountedOnce) {
    const auto db = corpus_database();
    newsdesk::Searcher searcher(db, "corpus");
    newsdesk::SearchRequest request;
    request.facets = {"country", "lang", "country", "language"};
    const auto result = searcher.run(request);
    ASSERT_EQ(result.facets.size(), 2u);
    EXPECT_EQ(result.facets[0].name, "country");
    EXPECT_EQ(result.facets[1].name, "language");
}

}  // namespace
