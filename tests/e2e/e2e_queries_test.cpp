// End to end, queries as people type them (issue 19): sentences, operators,
// and counts that are true, over the bundled corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/support/e2e_support.h"

namespace {

using newsdesk::test::run;
using newsdesk::test::kSearch;

nlohmann::json search(const std::string& db, const std::vector<std::string>& args) {
    return newsdesk::test::search_json(db, args);
}

std::vector<std::string> ids(const nlohmann::json& result) {
    std::vector<std::string> out;
    for (const auto& hit : result["hits"]) out.push_back(hit["id"]);
    return out;
}

const std::string kSeedHeadline =
    "Russia-North Korea pact could dent China’s influence, but Beijing still holds sway over both";

class Queries : public newsdesk::test::CorpusTest {};

TEST_F(Queries, AQuestionTypedAsASentenceFindsItsArticle) {
    // Every word was required before, "what", "did" and "the" included: nothing.
    const auto pact = search(db, {"what did experts say about the russia north korea pact"});
    ASSERT_FALSE(pact["hits"].empty());
    EXPECT_EQ(pact["hits"][0]["headline"], kSeedHeadline);
    // The seed article quotes experts on China; it is among the first answers.
    const auto china = search(db, {"--limit", "3", "who is quoted about china"});
    std::vector<std::string> top;
    for (const auto& hit : china["hits"]) top.push_back(hit["headline"]);
    EXPECT_NE(std::find(top.begin(), top.end(), kSeedHeadline), top.end()) << china["hits"];
}

TEST_F(Queries, StopwordsOutsidePhrasesAreDropped) {
    EXPECT_EQ(ids(search(db, {"the pact"})), ids(search(db, {"pact"})));
    EXPECT_EQ(search(db, {"the pact"})["total"], search(db, {"pact"})["total"]);
    // A query of stopwords alone still searches them.
    EXPECT_GT(search(db, {"--limit", "1", "the"})["total"].get<int>(), 200);
}

// "who" is an English stopword, but typed in capitals it is the World Health
// Organization: an acronym is never dropped.
TEST_F(Queries, AStopwordTypedInCapitalsIsAnAcronymAndKept) {
    const auto acronym = search(db, {"--limit", "100", "WHO coronavirus"});
    const auto both = search(db, {"--limit", "100", "+who +coronavirus"});
    const auto sentence = search(db, {"--limit", "100", "who coronavirus"});
    ASSERT_GT(both["total"].get<int>(), 0);
    // With WHO kept, the articles holding both words come first.
    const auto first = ids(acronym), required = ids(both);
    ASSERT_GE(first.size(), required.size());
    EXPECT_EQ(std::set<std::string>(first.begin(), first.begin() + static_cast<long>(required.size())),
              std::set<std::string>(required.begin(), required.end()));
    // In lower case it is the stopword: the query is "coronavirus" alone.
    EXPECT_EQ(ids(sentence), ids(search(db, {"--limit", "100", "coronavirus"})));
    EXPECT_NE(ids(sentence), first);
}

TEST_F(Queries, ArticlesHoldingEveryWordComeFirstThenThoseHoldingSome) {
    // Four articles mention both China and Russia: fewer than kEnoughMatches,
    // so the query also finds those naming one of them, after the four.
    const auto both = search(db, {"--limit", "50", "+china +russia"});
    const auto typed = search(db, {"--limit", "50", "china russia"});
    const auto all = ids(both);
    ASSERT_GE(all.size(), 2u);
    ASSERT_GT(typed["hits"].size(), all.size());
    const auto first = ids(typed);
    EXPECT_EQ(std::set<std::string>(first.begin(), first.begin() + static_cast<long>(all.size())),
              std::set<std::string>(all.begin(), all.end()));
    EXPECT_EQ(typed["total"], search(db, {"--limit", "1", "china OR russia"})["total"]);
}

TEST_F(Queries, AShortKeywordQueryMeansAllItsWordsWhenEnoughArticlesHoldThem) {
    // 14 articles report COVID-19 cases, 82 one or the other.
    const auto typed = search(db, {"--limit", "1", "covid-19 cases"});
    const auto required = search(db, {"--limit", "1", "+covid-19 +cases"});
    ASSERT_GE(required["total"].get<int>(), 5);
    EXPECT_EQ(typed["total"], required["total"]);
    EXPECT_LT(typed["total"].get<int>(), search(db, {"--limit", "1", "covid-19 OR cases"})["total"].get<int>());
}

TEST_F(Queries, OperatorsOnlyInCapitalsKeepTheirMeaning) {
    // "or" and "and" in lower case are words of a sentence (stopwords here).
    EXPECT_EQ(ids(search(db, {"china or russia"})), ids(search(db, {"china russia"})));
    EXPECT_EQ(search(db, {"trump and biden"})["total"], search(db, {"trump biden"})["total"]);
    // In capitals they are operators: AND is every word, NOT excludes, - too.
    EXPECT_EQ(search(db, {"china AND russia"})["total"], search(db, {"+china +russia"})["total"]);
    const auto without = search(db, {"--limit", "50", "china NOT russia"});
    EXPECT_EQ(without["total"], search(db, {"china -russia"})["total"]);
    for (const auto& hit : without["hits"]) EXPECT_NE(hit["headline"], kSeedHeadline);
    // A phrase keeps its stopwords and its order.
    EXPECT_EQ(search(db, {"\"the pact\""})["total"], 1);
    EXPECT_EQ(search(db, {"\"pact the\""})["total"], 0);
}

TEST_F(Queries, CountsAreExactAndTheSameWhateverThePageOrFacets) {
    // Issue 19: "About 23" (and "About 5" with --limit 1) for 39 articles; 72
    // on the command line and 56 on the page (which counts with facets).
    for (const std::string query : {"COVID-19", "trump", "china russia"}) {
        const auto plain = search(db, {query});
        const auto one = search(db, {"--limit", "1", "--offset", "3", query});
        const auto faceted = search(db, {"--facets", "country", query});
        ASSERT_TRUE(plain.contains("total")) << query;
        EXPECT_TRUE(plain["exact"].get<bool>()) << query;
        EXPECT_EQ(plain["total"], faceted["total"]) << query;
        EXPECT_EQ(plain["estimate"], faceted["estimate"]) << query;
        EXPECT_EQ(one["total"], plain["total"]) << query;
        EXPECT_EQ(one["estimate"], plain["estimate"]) << query;
    }
    EXPECT_EQ(search(db, {"COVID-19"})["total"], 39);
    EXPECT_EQ(search(db, {"trump"})["total"], 56);
}

TEST_F(Queries, DateRangesOfYearsAndMonthsAndBadDatesSayWhatTheyDo) {
    const auto total = [&](const std::string& query) { return search(db, {"--limit", "1", query})["total"].get<int>(); };
    EXPECT_GT(total("date:2019"), 0);
    EXPECT_EQ(total("date:2019..2020"), total("date:2019") + total("date:2020"));
    EXPECT_EQ(total("date:2019-06..2019-07"), total("date:2019-06") + total("date:2019-07"));
    EXPECT_GE(total("date:..2019"), total("date:2019"));
    // A month and year in words, in English or another language; a day too.
    EXPECT_EQ(total("date:\"june 2020\""), total("date:2020-06"));
    EXPECT_EQ(total("date:\"Juni 2020\""), total("date:2020-06"));
    EXPECT_EQ(total("date:\"5 June 2020\""), total("date:2020-06-05"));
    for (const std::string words : {"date:\"June 31 2020\"", "date:\"blah 2020\""}) {
        const auto wrong = run({kSearch, "--db", db, words});
        EXPECT_EQ(wrong.exit_code, 2) << words;
        EXPECT_NE(wrong.err.find("month and year"), std::string::npos) << wrong.err;
    }
    const auto bad = run({kSearch, "--db", db, "covid-19 date:2020-02-30"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("2020-02-30"), std::string::npos) << bad.err;
    EXPECT_TRUE(bad.out.empty()) << bad.out;
}

// Whether `name` holds `word` as a whole word, in any letter case.
bool names_word(std::string name, const std::string& word) {
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string padded = " " + name + " ";
    for (auto& c : padded) if (c == '.' || c == ',' || c == '-') c = ' ';
    return padded.find(" " + word + " ") != std::string::npos;
}

TEST_F(Queries, NamesAreFoundByAnyOfTheirParts) {
    // Issue 19: `expert:cha` and `person:putin` found nothing; the full name was needed.
    const auto every = search(db, {"--no-collapse", "--limit", "1000", ""});
    ASSERT_EQ(every["hits"].size(), every["total"].get<std::size_t>());
    const auto count = [&](const char* field, const std::string& word) {
        int n = 0;
        for (const auto& hit : every["hits"]) {
            bool found = false;
            for (const auto& name : hit[field]) found = found || names_word(name.is_string() ? name.get<std::string>() : name["name"].get<std::string>(), word);
            n += found;
        }
        return n;
    };
    const int putin = count("people", "putin"), cha = count("experts", "cha"), trump = count("people", "trump");
    ASSERT_GT(putin, 0);
    ASSERT_GT(trump, putin);
    EXPECT_EQ(search(db, {"--no-collapse", "person:putin"})["total"], putin);
    EXPECT_EQ(search(db, {"--no-collapse", "person:Trump"})["total"], trump);
    EXPECT_EQ(search(db, {"--no-collapse", "expert:cha"})["total"], cha);
    EXPECT_EQ(search(db, {"expert:cha"})["hits"][0]["headline"], kSeedHeadline);
    // Ranked by fullest match: the articles first whose John is named in the fewest words.
    const auto johns = search(db, {"--no-collapse", "--limit", "100", "person:john"});
    ASSERT_GT(johns["hits"].size(), 3u);
    const auto fewest_words = [](const nlohmann::json& hit) {
        std::size_t fewest = 99;
        for (const auto& name : hit["people"]) {
            if (!names_word(name.get<std::string>(), "john")) continue;
            std::size_t words = 0;
            std::string word;
            for (const char c : name.get<std::string>() + " ") {
                if (std::isalpha(static_cast<unsigned char>(c))) { word += c; continue; }
                if (c == '.' && word.size() == 1) word.clear();  // an initial
                words += word.size() > 1 ? 1 : 0;
                word.clear();
            }
            fewest = std::min(fewest, words);
        }
        return fewest;
    };
    for (std::size_t i = 1; i < johns["hits"].size(); ++i)
        EXPECT_LE(fewest_words(johns["hits"][i - 1]), fewest_words(johns["hits"][i])) << johns["hits"][i]["people"];
    // Every word typed must be in the name: a given name and a surname of two people do not meet.
    EXPECT_EQ(search(db, {"person:\"victor putin\""})["total"], 0);
    // An institution by part of its name, or by its acronym.
    const auto who = search(db, {"--no-collapse", "institution:WHO"});
    ASSERT_GT(who["total"].get<int>(), 0);
    EXPECT_EQ(search(db, {"--no-collapse", "institution:\"health organization\""})["total"], who["total"]);
    // A facet value clicked (--filter) stays the one person it counted.
    EXPECT_LE(search(db, {"--no-collapse", "--filter", "person=Vladimir Putin", ""})["total"].get<int>(), putin);
}

TEST_F(Queries, EveryFacetValueTypedBackFindsWhatItsCountSays) {
    // Issue 19: `source:"Global Wire – World"`, copied from the facet, found nothing.
    const auto facets = search(db, {"--no-collapse", "--limit", "0", "--facet-size", "8", "--facets",
                                    "country,expert,institution,person,language,source", ""});
    int checked = 0;
    for (const auto& [name, values] : facets["facets"].items()) {
        for (const auto& v : values) {
            const std::string typed = (name == "language" ? std::string("lang") : name) + ":\"" +
                                      v["label"].get<std::string>() + "\"";
            EXPECT_EQ(search(db, {"--no-collapse", "--limit", "0", typed})["total"], v["count"]) << typed;
            ++checked;
        }
    }
    EXPECT_GE(checked, 30);
}

TEST_F(Queries, LimitZeroGivesTheCountAndTheFacetsAlone) {
    const auto r = run({kSearch, "--db", db, "--limit", "0", "--facets", "country", "korea"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind(std::to_string(search(db, {"korea"})["total"].get<int>()) + " matching articles", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("none shown"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("North Korea [KP] ("), std::string::npos) << r.out;
}

TEST_F(Queries, ACountryNamedAsTheArticlesDoNotFindsTheArticlesAboutIt) {
    // Issue 19: `Türkiye`, the label of the country facet, found nothing in
    // free text: the articles say Turkey.
    const auto sorted = [](std::vector<std::string> v) { std::sort(v.begin(), v.end()); return v; };
    const auto about = [&](const std::string& q) { return sorted(ids(search(db, {"--no-collapse", "--limit", "100", q}))); };
    ASSERT_FALSE(about("country:TR").empty());
    EXPECT_EQ(about("Türkiye"), about("country:TR"));
    EXPECT_EQ(about("country:Türkiye"), about("country:TR"));
    // With other words: the country's articles that hold them.
    ASSERT_FALSE(about("earthquake country:TR").empty());
    EXPECT_EQ(about("Türkiye earthquake"), about("earthquake country:TR"));
    // A name the articles use is searched as words, as before.
    for (const std::string used : {"turkey", "Turkey", "turkey earthquake"})
        EXPECT_EQ(search(db, {used})["query"].get<std::string>().find("XCOUNTRY"), std::string::npos) << used;
    EXPECT_NE(search(db, {"Türkiye"})["query"].get<std::string>().find("XCOUNTRYtr"), std::string::npos);
}

TEST_F(Queries, TheCountReadsAsEnglish) {
    const auto one = run({kSearch, "--db", db, "\"the pact\""});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(one.out.rfind("1 matching article; showing 1-1.", 0), 0u) << one.out;
    const auto unfolded = run({kSearch, "--db", db, "--no-collapse", "trump"});
    ASSERT_EQ(unfolded.exit_code, 0) << unfolded.err;
    EXPECT_EQ(unfolded.out.find("folding"), std::string::npos) << unfolded.out.substr(0, 200);
    EXPECT_EQ(unfolded.out.rfind("56 matching articles;", 0), 0u) << unfolded.out.substr(0, 200);
}

}  // namespace

namespace {

// Accents, compatibility forms and typographic quotes (common/unicode_fold.h):
// names typed without their accents, and phrases pasted with curly quotes.
class Folding : public newsdesk::test::CorpusTest {};

std::vector<std::string> headlines(const nlohmann::json& result) {
    std::vector<std::string> out;
    for (const auto& hit : result["hits"]) out.push_back(hit["headline"]);
    return out;
}

TEST_F(Folding, ANameTypedWithoutItsAccentsFindsIt) {
    // The article writes "Agnès Callamard"; the suggestion was "ages Callamard".
    const auto agnes = search(db, {"Agnes Callamard"});
    ASSERT_EQ(agnes["total"], 1);
    EXPECT_TRUE(agnes["did_you_mean"].is_null()) << agnes["did_you_mean"];
    EXPECT_NE(agnes["hits"][0]["snippet"].get<std::string>().find("**Agnès** **Callamard**"), std::string::npos)
        << agnes["hits"][0]["snippet"];
    // "Wanda Vázquez" as written, without the accent, and in capitals.
    const auto vazquez = search(db, {"Wanda Vazquez"});
    EXPECT_GE(vazquez["total"].get<int>(), 1);
    EXPECT_EQ(headlines(vazquez), headlines(search(db, {"Wanda Vázquez"})));
    EXPECT_EQ(headlines(vazquez), headlines(search(db, {"WANDA VAZQUEZ"})));
}

TEST_F(Folding, DidYouMeanOnlyWhenTheSuggestionFindsMore) {
    const auto typo = search(db, {"coronavirs"});
    EXPECT_EQ(typo["total"], 0);
    EXPECT_EQ(typo["did_you_mean"], "coronavirus");
    // No article of 1999 says coronavirus: the suggestion would find nothing more.
    EXPECT_TRUE(search(db, {"coronavirs date:1999"})["did_you_mean"].is_null());
    // A name the index holds is never "corrected", accents or not.
    for (const std::string name : {"Agnes Callamard", "Agnès Callamard", "agnes"})
        EXPECT_TRUE(search(db, {name})["did_you_mean"].is_null()) << name;
}

TEST_F(Folding, APhrasePastedInCurlyQuotesIsAPhrase) {
    EXPECT_EQ(headlines(search(db, {"“defence pact”"})), std::vector<std::string>{kSeedHeadline});
    EXPECT_EQ(search(db, {"“pact defence”"})["total"], 0);
    EXPECT_EQ(search(db, {"China’s leaders"})["total"], search(db, {"China's leaders"})["total"]);
}

}  // namespace
