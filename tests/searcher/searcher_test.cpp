// Searching: ranking, snippets, sorting and paging over a small in-memory index
// built with the indexer's own DocumentBuilder.
#include <gtest/gtest.h>

#include <map>

#include "indexer/document/document_builder.h"
#include "searcher/render.h"
#include "searcher/searcher.h"

namespace {

using newsdesk::Article;

Article article(std::string id, std::string headline, std::string body, std::string date) {
    Article a;
    a.id = a.path = std::move(id);
    a.headline = std::move(headline);
    a.body = std::move(body);
    a.date = std::move(date);
    return a;
}

class SearcherTest : public ::testing::Test {
  protected:
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};

    void add(const Article& a) {
        newsdesk::DocumentBuilder builder;
        db.add_document(builder.build(a));
    }

    newsdesk::SearchResult search(const std::string& query, newsdesk::SortOrder sort = newsdesk::SortOrder::relevance,
                                  Xapian::doccount offset = 0, Xapian::doccount limit = 10) {
        newsdesk::Searcher searcher(db, "in-memory");
        newsdesk::SearchRequest request;
        request.query = query;
        request.sort = sort;
        request.offset = offset;
        request.limit = limit;
        return searcher.run(request, {"[", "]"});
    }
};

TEST_F(SearcherTest, HeadlineMatchOutranksTheSameWordInTheBody) {
    add(article("body", "Markets close higher", "Analysts discussed the sanctions at length. Markets rose.", "2024-01-02"));
    add(article("head", "New sanctions on Pyongyang", "The measures were announced on Monday.", "2024-01-01"));
    const auto result = search("sanctions");
    ASSERT_EQ(result.hits.size(), 2u);
    EXPECT_EQ(result.hits[0].id, "head");
}

TEST_F(SearcherTest, SnippetHighlightsStemmedMatchesInPlainText) {
    add(article("a", "Talks", "Diplomats met in Geneva & agreed on <nothing>. The talks ended.", "2024-01-01"));
    const auto result = search("diplomat");
    ASSERT_EQ(result.hits.size(), 1u);
    EXPECT_NE(result.hits[0].snippet.find("[Diplomats]"), std::string::npos) << result.hits[0].snippet;
    // Xapian escapes for HTML; plain snippets must read as the article did.
    EXPECT_NE(result.hits[0].snippet.find("Geneva & agreed on <nothing>"), std::string::npos) << result.hits[0].snippet;
}

TEST_F(SearcherTest, SortByDateShowsNewestFirstAndPagingContinues) {
    add(article("old", "Pact signed", "A pact.", "2019-05-01"));
    add(article("new", "Pact renewed", "The pact again.", "2024-06-21"));
    add(article("mid", "Pact debated", "The pact, debated.", "2021-03-03"));
    const auto first = search("pact", newsdesk::SortOrder::date, 0, 2);
    ASSERT_EQ(first.hits.size(), 2u);
    EXPECT_EQ(first.hits[0].id, "new");
    EXPECT_EQ(first.hits[1].id, "mid");
    const auto second = search("pact", newsdesk::SortOrder::date, 2, 2);
    ASSERT_EQ(second.hits.size(), 1u);
    EXPECT_EQ(second.hits[0].id, "old");
}

TEST_F(SearcherTest, DateRangeAndYearFilterSelectByPublicationDate) {
    add(article("june", "Pact", "Pact text.", "2024-06-21"));
    add(article("july", "Pact", "Pact text.", "2024-07-02"));
    add(article("2019", "Pact", "Pact text.", "2019-06-21"));
    auto ids = [](const newsdesk::SearchResult& r) {
        std::vector<std::string> out;
        for (const auto& h : r.hits) out.push_back(h.id);
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(ids(search("pact date:2024-06-01..2024-06-30")), std::vector<std::string>{"june"});
    EXPECT_EQ(ids(search("pact date:2024")), (std::vector<std::string>{"july", "june"}));
    EXPECT_EQ(ids(search("date:2019-06-21")), std::vector<std::string>{"2019"});
}

TEST_F(SearcherTest, JsonCarriesEstimateAndHitFields) {
    add(article("https://example.org/a", "Pact signed", "The pact.", "2024-06-21"));
    const auto json = newsdesk::render_json(search("pact"));
    EXPECT_EQ(json["estimate"], 1);
    ASSERT_EQ(json["hits"].size(), 1u);
    EXPECT_EQ(json["hits"][0]["id"], "https://example.org/a");
    EXPECT_EQ(json["hits"][0]["date"], "2024-06-21");
    EXPECT_EQ(json["hits"][0]["headline"], "Pact signed");
    EXPECT_TRUE(json["hits"][0]["url"].is_null());
}

TEST_F(SearcherTest, NoMatchSaysSo) {
    add(article("a", "Pact", "Text.", "2024-06-21"));
    std::ostringstream out;
    newsdesk::render_text(search("zebra"), out);
    EXPECT_EQ(out.str().rfind("No matches", 0), 0u) << out.str();
}

// The experts tab says "most quoted first": quotes in the matching articles,
// then articles. Recency once let a spokesperson quoted once this week outrank
// a president quoted thirteen times four years before (issue 18).
TEST_F(SearcherTest, ExpertsAreRankedByQuotesThenArticlesNotByRecency) {
    auto with_expert = [](std::string id, std::string date, std::string name, int quotes) {
        Article a = article(std::move(id), "Trade talks", "The trade talks went on.", std::move(date));
        a.experts.push_back(newsdesk::Expert{std::move(name), std::nullopt, std::nullopt, quotes});
        return a;
    };
    add(with_expert("older", "2020-01-10", "Donald Trump", 13));
    add(with_expert("newest", "2024-06-21", "Lin Jian", 1));
    add(with_expert("new-a", "2024-06-01", "Victor Cha", 2));
    add(with_expert("old-b", "2022-02-01", "Sun Yun", 1));
    add(with_expert("old-c", "2022-03-01", "Sun Yun", 1));
    newsdesk::Searcher searcher(db, "in-memory");
    newsdesk::SearchRequest request;
    request.query = "trade";
    const auto result = searcher.experts(request);
    std::vector<std::string> names;
    for (const auto& e : result.experts) names.push_back(e.name);
    // Victor Cha and Sun Yun have two quotes each; Sun Yun was quoted in two articles.
    EXPECT_EQ(names, (std::vector<std::string>{"Donald Trump", "Sun Yun", "Victor Cha", "Lin Jian"}));
    ASSERT_FALSE(result.experts.empty());
    EXPECT_EQ(result.experts[0].quotes, 13);
}

// One person, one facet value across the archive: "John R. Bolton" (two
// articles) and "John Bolton" (one) count as one person under the form most
// articles wrote, and filtering by either form finds all three (issue 18).
TEST_F(SearcherTest, PersonFacetFoldsFormsOfOneNameUnderTheCommonest) {
    auto with_person = [](std::string id, std::string name) {
        Article a = article(std::move(id), "Bolton out", "The adviser left.", "2019-09-10");
        a.people.push_back(newsdesk::Person{std::move(name), 1});
        return a;
    };
    add(with_person("a", "John R. Bolton"));
    add(with_person("b", "John R. Bolton"));
    add(with_person("c", "John Bolton"));
    add(with_person("d", "Mike Pompeo"));
    newsdesk::Searcher searcher(db, "in-memory");
    newsdesk::SearchRequest request;
    request.facets = {"person"};
    const auto result = searcher.run(request);
    ASSERT_EQ(result.facets.size(), 1u);
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& v : result.facets[0].values) counts[v.value] = v.count;
    EXPECT_EQ(counts, (std::map<std::string, Xapian::doccount>{{"John R. Bolton", 3}, {"Mike Pompeo", 1}}));
    for (const char* form : {"John Bolton", "john r bolton", "JOHN R. BOLTON"}) {
        newsdesk::SearchRequest filtered;
        filtered.filters = {{"person", form}};
        EXPECT_EQ(searcher.run(filtered).total, 3u) << form;
    }
}

}  // namespace
