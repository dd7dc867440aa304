// Searching: ranking, snippets, sorting, paging, facets, folded copies, ties,
// quotes and experts, each test run over every kind of database
// (tests/support/search_backend.h): one database, a sharded collection, and
// two shards behind xapian-tcpsrv. Articles are built with the indexer's own
// DocumentBuilder; in a collection they alternate between the two shards.
#include <algorithm>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "common/db/database.h"
#include "searcher/query_builder.h"
#include "searcher/render.h"
#include "searcher/searcher.h"
#include "tests/support/search_backend.h"

namespace newsdesk::test {
namespace {

Article article(std::string id, std::string headline, std::string body, std::string date) {
    Article a;
    a.id = a.path = std::move(id);
    a.headline = std::move(headline);
    a.body = std::move(body);
    a.date = std::move(date);
    return a;
}

std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const auto& h : result.hits) out.push_back(h.id);
    return out;
}

std::vector<std::string> sorted_ids(const SearchResult& result) {
    auto out = ids(result);
    std::sort(out.begin(), out.end());
    return out;
}

class SearcherTest : public ::testing::TestWithParam<Backend> {
  protected:
    void SetUp() override {
        db = std::make_unique<BackendDatabase>(GetParam());
        ASSERT_TRUE(db->ready()) << "xapian-tcpsrv did not start (scripts/setup installs xapian-tools)";
    }

    void add(const Article& a) { db->add(a); }

    SearchResult run(const SearchRequest& request) {
        Searcher searcher(db->path());
        return searcher.run(request, {"[", "]"});
    }

    SearchResult search(const std::string& query, SortOrder sort = SortOrder::relevance, Xapian::doccount offset = 0,
                        Xapian::doccount limit = 10) {
        SearchRequest request;
        request.query = query;
        request.sort = sort;
        request.offset = offset;
        request.limit = limit;
        return run(request);
    }

    std::unique_ptr<BackendDatabase> db;
};

TEST_P(SearcherTest, HeadlineMatchOutranksTheSameWordInTheBody) {
    add(article("body", "Markets close higher", "Analysts discussed the sanctions at length. Markets rose.", "2024-01-02"));
    add(article("head", "New sanctions on Pyongyang", "The measures were announced on Monday.", "2024-01-01"));
    const auto result = search("sanctions");
    ASSERT_EQ(result.hits.size(), 2u);
    EXPECT_EQ(result.hits[0].id, "head");
}

// Describing the query costs; a request that prints no description (plain
// text, CSV) gets none, and the same hits.
TEST_P(SearcherTest, TheQueryIsDescribedOnlyWhenAsked) {
    add(article("a", "Sanctions on Pyongyang", "The measures were announced on Monday.", "2024-01-01"));
    add(article("b", "Markets", "Analysts discussed the sanctions.", "2024-01-02"));
    SearchRequest request;
    request.query = "sanctions";
    const auto described = run(request);
    request.describe = false;
    const auto plain = run(request);
    EXPECT_NE(described.query_description.find("sanction"), std::string::npos) << described.query_description;
    EXPECT_EQ(plain.query_description, "");
    EXPECT_EQ(ids(plain), ids(described));
    EXPECT_EQ(plain.total, described.total);
}

TEST_P(SearcherTest, SnippetHighlightsStemmedMatchesInPlainText) {
    add(article("a", "Talks", "Diplomats met in Geneva & agreed on <nothing>. The talks ended.", "2024-01-01"));
    const auto result = search("diplomat");
    ASSERT_EQ(result.hits.size(), 1u);
    EXPECT_NE(result.hits[0].snippet.find("[Diplomats]"), std::string::npos) << result.hits[0].snippet;
    // Xapian escapes for HTML; plain snippets must read as the article did.
    EXPECT_NE(result.hits[0].snippet.find("Geneva & agreed on <nothing>"), std::string::npos) << result.hits[0].snippet;
}

TEST_P(SearcherTest, SortByDateShowsNewestFirstAndPagingContinues) {
    add(article("old", "Pact signed", "A pact.", "2019-05-01"));
    add(article("new", "Pact renewed", "The pact again.", "2024-06-21"));
    add(article("mid", "Pact debated", "The pact, debated.", "2021-03-03"));
    const auto first = search("pact", SortOrder::date, 0, 2);
    EXPECT_EQ(ids(first), (std::vector<std::string>{"new", "mid"}));
    const auto second = search("pact", SortOrder::date, 2, 2);
    EXPECT_EQ(ids(second), std::vector<std::string>{"old"});
}

TEST_P(SearcherTest, DateRangeAndYearFilterSelectByPublicationDate) {
    add(article("june", "Pact", "Pact text.", "2024-06-21"));
    add(article("july", "Pact", "Pact text.", "2024-07-02"));
    add(article("2019", "Pact", "Pact text.", "2019-06-21"));
    EXPECT_EQ(sorted_ids(search("pact date:2024-06-01..2024-06-30")), std::vector<std::string>{"june"});
    EXPECT_EQ(sorted_ids(search("pact date:2024")), (std::vector<std::string>{"july", "june"}));
    EXPECT_EQ(sorted_ids(search("date:2019-06-21")), std::vector<std::string>{"2019"});
}

TEST_P(SearcherTest, JsonCarriesEstimateAndHitFields) {
    add(article("https://example.org/a", "Pact signed", "The pact.", "2024-06-21"));
    const auto json = render_json(search("pact"));
    EXPECT_EQ(json["estimate"], 1);
    ASSERT_EQ(json["hits"].size(), 1u);
    EXPECT_EQ(json["hits"][0]["id"], "https://example.org/a");
    EXPECT_EQ(json["hits"][0]["date"], "2024-06-21");
    EXPECT_EQ(json["hits"][0]["headline"], "Pact signed");
    EXPECT_TRUE(json["hits"][0]["url"].is_null());
}

TEST_P(SearcherTest, NoMatchSaysSo) {
    add(article("a", "Pact", "Text.", "2024-06-21"));
    std::ostringstream out;
    render_text(search("zebra"), out);
    EXPECT_EQ(out.str().rfind("No matches", 0), 0u) << out.str();
}

// Facet counts are exact over the whole match, not the page shown, wherever
// the articles are.
TEST_P(SearcherTest, FacetCountsAreExactOverEveryMatchingArticle) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> about = {
        {"a", {"KP", "RU"}}, {"b", {"KP"}}, {"c", {"KP", "CN"}}, {"d", {"RU"}}, {"e", {"US"}}};
    for (const auto& [id, codes] : about) {
        Article a = article(id, "Summit", "Leaders met at the summit.", "2024-06-2" + std::string(1, id[0] - 'a' + '1'));
        for (const auto& code : codes) a.countries.push_back({code, code, 1});
        add(a);
    }
    SearchRequest request;
    request.query = "summit";
    request.limit = 1;  // one hit shown, five counted
    request.facets = {"country", "date"};
    const auto result = run(request);
    EXPECT_TRUE(result.exact);
    EXPECT_EQ(result.total, 5u);
    ASSERT_EQ(result.facets.size(), 2u);
    const std::vector<FacetValue> countries = {
        {"KP", "North Korea", 3}, {"RU", "Russia", 2}, {"CN", "China", 1}, {"US", "United States", 1}};
    EXPECT_EQ(result.facets[0].values, countries);
    EXPECT_EQ(result.facets[1].bucket, "day");
    EXPECT_EQ(result.facets[1].values.size(), 5u);

    request.filters = {{"country", "KP"}, {"country", "RU"}};  // one facet's values OR
    EXPECT_EQ(run(request).total, 4u);
}

// Copies of one wire story (the same body of 40 words or more) fold into one
// hit, which says how many it stands for, even when they are in different shards.
TEST_P(SearcherTest, CopiesOfOneWireStoryFoldIntoOneHit) {
    const std::string wire =
        "The harbour master said on Tuesday that the ferry service between the two islands would resume next week "
        "after repairs to the pier were finished ahead of schedule, and that tickets bought for cancelled sailings "
        "would be honoured on any crossing before the end of the month.";
    add(article("outlet-1", "Ferry service to resume", wire, "2024-03-05"));
    add(article("outlet-2", "Island ferry back next week", wire, "2024-03-05"));
    add(article("other", "Ferry fares rise", "Ferry fares rise by a tenth from April, the operator said.", "2024-03-01"));
    const auto folded = search("ferry");
    ASSERT_EQ(folded.hits.size(), 2u);
    const auto copy = std::find_if(folded.hits.begin(), folded.hits.end(), [](const Hit& h) { return h.id != "other"; });
    ASSERT_NE(copy, folded.hits.end());
    EXPECT_EQ(copy->collapsed, 1u);

    SearchRequest all;
    all.query = "ferry";
    all.collapse = false;
    EXPECT_EQ(run(all).hits.size(), 3u);
}

// Equal scores come newest first, then in one fixed order by id: the same
// however the articles are split, though docids differ between layouts.
TEST_P(SearcherTest, EqualScoresComeNewestFirstInAnOrderThatIgnoresTheLayout) {
    for (const std::string id : {"k1", "k2", "k3", "k4", "k5", "k6"}) {
        Article a = article(id, "Briefing", "Briefing notes.", id <= "k3" ? "2024-05-01" : "2024-05-02");
        a.countries.push_back({"KP", "North Korea", 1});
        add(a);
    }
    const auto result = search("country:KP");  // a filter alone: every score is equal
    ASSERT_EQ(result.hits.size(), 6u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(result.hits[i].article.date, "2024-05-02") << i;
    // The order within a day is the single database's, whatever the backend.
    BackendDatabase single(Backend::single);
    for (const auto& hit : result.hits) single.add(hit.article);
    SearchRequest request;
    request.query = "country:KP";
    EXPECT_EQ(ids(Searcher(single.path()).run(request)), ids(result));
}

TEST_P(SearcherTest, QuotesAndExpertsComeFromEveryMatchingArticle) {
    for (int i = 0; i < 3; ++i) {
        Article a = article("q" + std::to_string(i), "Sanctions debate", "Sanctions were debated again.",
                            "2024-06-1" + std::to_string(i));
        a.quotes.push_back({"Sanctions alone will not change the calculus", std::string("Victor Cha"), {}, {}});
        a.experts.push_back({"Victor Cha", std::string("senior vice president"), std::string("CSIS"), 1});
        if (i == 2) {
            a.quotes.push_back({"Sanctions hurt ordinary people first", std::string("Sun Yun"), {}, {}});
            a.experts.push_back({"Sun Yun", std::string("director"), std::string("Stimson Center"), 1});
        }
        add(a);
    }
    SearchRequest request;
    request.query = "sanctions";
    Searcher searcher(db->path());
    const auto quotes = searcher.quotes(request);
    EXPECT_EQ(quotes.quotes.size(), 4u);
    const auto experts = searcher.experts(request);
    ASSERT_EQ(experts.experts.size(), 2u);
    EXPECT_EQ(experts.experts[0].name, "Victor Cha");
    EXPECT_EQ(experts.experts[0].articles, 3u);
    EXPECT_EQ(experts.experts[0].first_date, "2024-06-10");
    EXPECT_EQ(experts.experts[0].last_date, "2024-06-12");
    EXPECT_EQ(experts.experts[1].name, "Sun Yun");
    EXPECT_EQ(experts.experts[1].articles, 1u);
}

// The experts tab says "most quoted first": quotes in the matching articles,
// then articles. Recency once let a spokesperson quoted once this week outrank
// a president quoted thirteen times four years before (issue 18).
TEST_P(SearcherTest, ExpertsAreRankedByQuotesThenArticlesNotByRecency) {
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
    Searcher searcher(db->path());
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
TEST_P(SearcherTest, PersonFacetFoldsFormsOfOneNameUnderTheCommonest) {
    auto with_person = [](std::string id, std::string name) {
        Article a = article(std::move(id), "Bolton out", "The adviser left.", "2019-09-10");
        a.people.push_back(newsdesk::Person{std::move(name), 1});
        return a;
    };
    add(with_person("a", "John R. Bolton"));
    add(with_person("b", "John R. Bolton"));
    add(with_person("c", "John Bolton"));
    add(with_person("d", "Mike Pompeo"));
    Searcher searcher(db->path());
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

TEST_P(SearcherTest, ASentenceQueryLiftsArticlesThatShareTheWordsOfItsBestMatches) {
    // Three articles answer the question in full and keep naming Diem, Saigon
    // and the Buddhists; two others hold one of its words each, equally, and
    // the newer of them (which a tie puts first) is about something else.
    for (const std::string id : {"t1", "t2", "t3"})
        add(article(id, "South Vietnam government and the Buddhists",
                    "The South Vietnam government of Diem faced Buddhists in Saigon. Diem's Saigon police "
                    "arrested Buddhists; the Buddhists of Saigon protested against Diem.",
                    "2024-05-01"));
    add(article("related", "Monks in Saigon", "Diem's police arrested Buddhists in Saigon; the government said "
                "the Buddhists had broken the law in Saigon.", "2024-05-02"));
    add(article("unrelated", "Budget talks", "The government said the budget talks with congress and the "
                "senate had broken down over farm spending.", "2024-05-03"));
    const std::string question = "what is the south vietnam government doing about the protests";
    const auto result = search(question);
    const auto order = ids(result);
    const auto at = [&](const std::string& id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
    ASSERT_EQ(result.total, 5u) << "feedback reweighs the matches, it never adds or drops one";
    EXPECT_LT(at("related"), at("unrelated"));
    // A keyword query (three words or fewer) is ranked by its own words alone.
    const std::string keywords = "government police saigon";
    const Xapian::Database xdb = open_for_reading(db->path());
    // Where a shard is remote the proximity boost looks no pair up (searcher/proximity.h).
    const auto lookup = GetParam() == Backend::remote ? PairLookup::none : PairLookup::few;
    EXPECT_EQ(search(keywords).query_description, parse_user_query(keywords, xdb, {}, {}, lookup).query.get_description());
    EXPECT_NE(result.query_description, parse_user_query(question, xdb).query.get_description());
}

// Two words that fewer than kEnoughMatches articles hold together mean either
// of them, those with both first; of those, the one where they stand next to
// each other comes first (searcher/proximity.h), though the other holds the
// same words (so weighs the same without that boost) and is newer (which
// would put it first on a tie). A filter or date range around the query must
// not give the boost to both: Xapian 1.4's matcher did, there, when it had
// checked the pair at an earlier article holding one word (issue 20).
TEST_P(SearcherTest, TheEitherWordReadingRanksTheWordsNearEachOtherFirst) {
    add(article("near", "Port works", "The harbour tunnel carried freight trucks past warehouses, cranes and "
                "ferries every morning while engineers inspected ventilation shafts beside quays.", "2024-05-01"));
    add(article("harbour", "Harbour dues", "Fishing boats paid the harbour dues.", "2024-05-03"));
    add(article("apart", "Port works", "The harbour carried freight trucks past warehouses, cranes and ferries "
                "every morning while engineers inspected ventilation shafts beside tunnel quays.", "2024-05-02"));
    add(article("tunnel", "Tunnel closed", "The tunnel closed for repairs.", "2024-05-03"));
    SearchRequest request;
    request.query = "harbour tunnel";
    request.collapse = false;  // the two share most of their words
    for (const std::string from : {"", "2024-01-01"}) {
        request.from = from;
        const auto result = run(request);
        ASSERT_EQ(result.total, 4u) << "either word: " << from;
        EXPECT_EQ(ids(result)[0], "near") << from;
        EXPECT_EQ(ids(result)[1], "apart") << from;
        EXPECT_GT(result.hits[0].score, result.hits[1].score) << from;
    }
}

// A few words mean all of them when kEnoughMatches articles hold them all,
// else any of them: the search counts that in the match it runs anyway, and
// runs again reading any word only when too few hold them all. A facet filter
// narrows the match but not that decision: two words that enough articles
// hold still mean both, however few of those the filter keeps.
TEST_P(SearcherTest, AFewWordsMeanAllOfThemOnlyWhereEnoughArticlesHoldThemAll) {
    const auto with_country = [](Article a, const std::string& code) {
        a.countries.push_back({code, code, 1});
        return a;
    };
    // Articles unlike each other but for the two words (no copies to fold).
    const std::vector<std::string> bodies = {
        "The grain ferry sailed at dawn with tractors for the northern farms.",
        "Customs officers searched a ferry carrying grain and found nothing.",
        "A storm kept the grain ferry in port; the captain waited three days.",
        "Villagers cheered when the ferry unloaded the first grain of the year.",
        "The ferry company doubled its grain prices after the bridge closed."};
    static_assert(kEnoughMatches == 5, "one body per article holding both words");
    for (Xapian::doccount i = 0; i + 1 < kEnoughMatches; ++i)
        add(with_country(article("both" + std::to_string(i), "Harvest news " + std::to_string(i), bodies[i],
                                 "2024-05-0" + std::to_string(i + 1)),
                         i == 0 ? "KP" : "RU"));
    add(article("grain", "Grain prices", "Grain prices rose again.", "2024-06-01"));
    add(article("ferry", "Ferry strike", "The ferry crews went on strike.", "2024-06-02"));
    add(with_country(article("grain-kp", "Harvest in the north", "The grain harvest failed.", "2024-06-03"), "KP"));
    // One article short of enough: either word.
    const auto few = search("grain ferry");
    EXPECT_EQ(few.total, kEnoughMatches + 2);
    EXPECT_TRUE(few.exact);
    // Enough: both words, and the page is the articles holding both.
    add(with_country(article("both-last", "Harvest news", bodies[kEnoughMatches - 1], "2024-05-09"), "RU"));
    const auto enough = search("grain ferry");
    EXPECT_EQ(enough.total, kEnoughMatches);
    ASSERT_EQ(enough.hits.size(), kEnoughMatches);
    for (const auto& id : ids(enough)) EXPECT_EQ(id.rfind("both", 0), 0u) << id;
    // A filter keeping one of them (and an article with one word) leaves the
    // reading as it was.
    SearchRequest filtered;
    filtered.query = "grain ferry";
    filtered.filters = {{"country", "KP"}};
    const auto kp = run(filtered);
    ASSERT_EQ(kp.total, 1u);
    EXPECT_EQ(ids(kp)[0], "both0");
    // As parse_user_query reads them, counting on its own.
    const Xapian::Database xdb = open_for_reading(db->path());
    EXPECT_FALSE(parse_user_query("grain ferry", xdb).any_word);
}

INSTANTIATE_TEST_SUITE_P(Backends, SearcherTest,
                         ::testing::Values(Backend::single, Backend::column, Backend::sharded, Backend::remote),
                         [](const ::testing::TestParamInfo<Backend>& info) { return to_string(info.param); });

}  // namespace
}  // namespace newsdesk::test
