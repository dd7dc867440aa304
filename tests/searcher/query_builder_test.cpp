// The query language as a table: query text -> Xapian::Query::get_description(),
// in the style of Xapian's own api_queryparser tests. Each row is a promise of
// docs/schema.md and newsdesk-search --help.
#include <gtest/gtest.h>

#include <set>

#include "common/error.h"
#include "searcher/query_builder.h"

namespace {

struct Row {
    std::string query;
    std::string description;
};

// A plain word searches every free-text field: headline S, body XB, caption
// XCAP and byline A, each indexed once under its own prefix.
std::string any_field(const std::string& stem, int pos) {
    const std::string p = "@" + std::to_string(pos);
    return "(ZS" + stem + p + " OR ZXB" + stem + p + " OR ZXCAP" + stem + p + " OR ZA" + stem + p + ")";
}

class QueryBuilderTest : public ::testing::Test {
  protected:
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};

    void SetUp() override {
        // Terms for wildcard expansion.
        Xapian::Document doc;
        for (const char* term : {"XBdiplomat", "XBdiplomacy", "XBdiplomatic", "Sdiplomat"}) doc.add_term(term);
        db.add_document(doc);
        // kEnoughMatches articles holding both words of "north korea": that query
        // means both (kEnoughMatches).
        for (Xapian::doccount i = 0; i < newsdesk::kEnoughMatches; ++i) {
            Xapian::Document both;
            for (const char* term : {"ZXBnorth", "ZXBkorea", "ZXBpact"}) both.add_term(term);
            both.add_value(0, "20240615");  // slot::date
            db.add_document(both);
        }
    }
};

const Row kRows[] = {
    // Words kEnoughMatches articles hold together AND together (kKeywordQueryWords)
    // and are stemmed (Z prefix = stemmed form).
    {"north korea", "Query((" + any_field("north", 1) + " AND " + any_field("korea", 2) + "))"},
    {"sanctions OR embargo", "Query((ZSsanction@1 OR ZXBsanction@1 OR ZXCAPsanction@1 OR ZAsanction@1 OR " +
                                 any_field("embargo", 2) + "))"},
    {"kim NOT putin", "Query((" + any_field("kim", 1) + " AND_NOT " + any_field("putin", 2) + "))"},
    {"+kim -putin", "Query((" + any_field("kim", 1) + " AND_NOT " + any_field("putin", 2) + "))"},
    // Phrases keep positions, are not stemmed, and match within one field.
    {"\"security pact\"",
     "Query(((Ssecurity@1 PHRASE 2 Spact@2) OR (XBsecurity@1 PHRASE 2 XBpact@2) OR "
     "(XCAPsecurity@1 PHRASE 2 XCAPpact@2) OR (Asecurity@1 PHRASE 2 Apact@2)))"},
    // Field prefixes from common/schema.h.
    {"headline:pact", "Query(ZSpact@1)"},
    {"title:pact", "Query(ZSpact@1)"},
    {"caption:pyongyang", "Query(ZXCAPpyongyang@1)"},
    {"quote:restraint", "Query(ZXQrestraint@1)"},
    {"body:chaos", "Query(ZXBchao@1)"},
    {"byline:smith", "Query(ZAsmith@1)"},
    {"headline:\"security pact\"", "Query((Ssecurity@1 PHRASE 2 Spact@2))"},
    // Boolean filters do not change the ranking.
    {"pact source:\"The Hindu\"", "Query((" + any_field("pact", 1) + " FILTER XSOURCEthe hindu))"},
    {"pact lang:EN", "Query((" + any_field("pact", 1) + " FILTER Len))"},
    {"pact date:2024", "Query((" + any_field("pact", 1) + " FILTER Y2024))"},
    {"pact date:2024-06", "Query((" + any_field("pact", 1) + " FILTER M202406))"},
    {"pact date:2024-06-21", "Query((" + any_field("pact", 1) + " FILTER D20240621))"},
    // Date ranges run over the sortable date value in slot 0.
    {"pact date:2024-06-01..2024-06-30", "Query((" + any_field("pact", 1) + " FILTER VALUE_RANGE 0 20240601 20240630))"},
    // Years and months at either end mean their first and last days; an end may be open.
    {"pact date:2019..2020", "Query((" + any_field("pact", 1) + " FILTER VALUE_RANGE 0 20190101 20201231))"},
    {"pact date:2019-06..2020-02", "Query((" + any_field("pact", 1) + " FILTER VALUE_RANGE 0 20190601 20200231))"},
    {"pact date:..2019", "Query((" + any_field("pact", 1) + " FILTER VALUE_LE 0 20191231))"},
    // Entity filters: countries by code or name, names normalised as indexed;
    // one kind ORs, institution: and org: are one kind.
    {"country:KP", "Query(0 * XCOUNTRYkp)"},
    {"country:\"north korea\" country:RU", "Query(0 * (XCOUNTRYkp OR XCOUNTRYru))"},
    {"expert:\"Victor Cha\"", "Query(0 * XEXPERTvictor cha)"},
    {"org:CSIS institution:\"Stimson Center\"", "Query(0 * (XORGcsis OR XORGstimson center))"},
    {"speaker:cha", "Query(0 * XSPEAKERcha)"},
    // quote: with speaker: means the speaker said those words.
    {"quote:restraint speaker:russel", "Query((XQSrussel:restraint FILTER XSPEAKERrussel))"},
    // A trailing wildcard expands over the lexicon, in every free-text field.
    {"diplom*", "Query((WILDCARD OR Sdiplom SYNONYM WILDCARD OR XBdiplom SYNONYM WILDCARD OR XCAPdiplom SYNONYM "
                "WILDCARD OR Adiplom))"},
    // An empty query matches every article (browse by date).
    {"", "Query(<alldocuments>)"},
};

TEST_F(QueryBuilderTest, QueryTextBecomesTheDocumentedXapianQuery) {
    for (const auto& row : kRows)
        EXPECT_EQ(newsdesk::build_query(row.query, db).get_description(), row.description)
            << "query: " << row.query;
}

// A date range given apart from the text (the page's from and to) is the query
// the same range typed after the text in brackets gives...
TEST_F(QueryBuilderTest, ADateRangeGivenApartIsTheRangeTypedAfterTheText) {
    const struct {
        std::string text, from, to, typed;
    } rows[] = {
        {"pact", "2024-06-01", "2024-06-30", "(pact) date:2024-06-01..2024-06-30"},
        {"north korea OR pact", "2024-06-01", "", "(north korea OR pact) date:2024-06-01.."},
        {"pact country:KP", "", "2024-06-30", "(pact country:KP) date:..2024-06-30"},
        {"", "2024-06-01", "", "date:2024-06-01.."},  // the range alone, unweighted
        {"", "", "", ""},
    };
    for (const auto& row : rows) {
        const auto given = newsdesk::parse_user_query(row.text, db, {}, newsdesk::date_range(row.from, row.to));
        EXPECT_EQ(given.query.get_description(), newsdesk::build_query(row.typed, db).get_description())
            << row.typed;
    }
}

// ...and, whatever brackets, quotes, operators or prefixes the text holds, it
// filters the whole query: the text cannot take it in (issue 22).
TEST_F(QueryBuilderTest, ADateRangeGivenApartFiltersWhateverTheTextHolds) {
    const auto range = newsdesk::date_range("2024-01-01", "2024-12-31");
    for (const std::string text : {"x) OR (pact", "pact)", "\"pact", "pact) NOT (x",
                                   "pact) date:2019-01-01..2019-12-31 (pact", "pact) OR country:KP OR (x"}) {
        const auto query = newsdesk::parse_user_query(text, db, {}, range).query;
        ASSERT_EQ(query.get_type(), Xapian::Query::OP_FILTER) << text << ": " << query.get_description();
        EXPECT_EQ(query.get_subquery(1).get_description(), range.get_description()) << text;
    }
}

std::set<std::string> terms_of(const Xapian::Query& query) {
    return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

// Issue 19: a question typed as a sentence required every word, "what" and
// "the" included, and found nothing.
TEST_F(QueryBuilderTest, ASentenceDropsItsStopwordsAndMeansAnyOfItsWords) {
    const auto parsed = newsdesk::parse_user_query("what did experts say about the north korea pact", db);
    EXPECT_TRUE(parsed.any_word);
    const auto terms = terms_of(parsed.query);
    for (const char* stopword : {"ZXBwhat", "ZXBdid", "ZXBabout", "ZXBthe"}) EXPECT_EQ(terms.count(stopword), 0u) << stopword;
    for (const char* word : {"ZXBexpert", "ZXBsay", "ZXBnorth", "ZXBkorea", "ZXBpact"}) EXPECT_EQ(terms.count(word), 1u) << word;
    // The articles holding every word are boosted; pairs of neighbouring
    // words weigh a little more when near each other in the text.
    EXPECT_EQ(parsed.query.get_type(), Xapian::Query::OP_AND_MAYBE);
    EXPECT_NE(parsed.query.get_description().find("XBkorea NEAR 8 XBpact"), std::string::npos);
}

TEST_F(QueryBuilderTest, AShortQueryMeansAllItsWordsOnlyWhenEnoughArticlesHoldThem) {
    EXPECT_FALSE(newsdesk::parse_user_query("north korea pact", db).any_word);
    // No article holds "embargo": all of the words would find nothing.
    EXPECT_TRUE(newsdesk::parse_user_query("north korea embargo", db).any_word);
    // Four words are more than a keyword query.
    EXPECT_TRUE(newsdesk::parse_user_query("north korea pact diplomat", db).any_word);
}

// The caller that runs the query anyway may count its matches itself: the
// words are then read as all of them, marked as not yet counted, and read
// as any of them when asked, as a count of too few would have them read.
TEST_F(QueryBuilderTest, TheCallerMayCountWhetherAFewWordsMeanAllOfThem) {
    using newsdesk::WordsReading;
    const auto read = [&](const std::string& text, WordsReading reading) {
        return newsdesk::parse_user_query(text, db, {}, {}, newsdesk::PairLookup::few, reading);
    };
    for (const std::string text : {"north korea pact", "north korea embargo"}) {
        const auto counted = read(text, WordsReading::count);
        // Enough articles hold "north korea pact" (SetUp); none hold "embargo".
        ASSERT_EQ(counted.any_word, text == "north korea embargo") << text;
        const auto all = read(text, WordsReading::all_uncounted);
        EXPECT_FALSE(all.any_word) << text;
        EXPECT_TRUE(all.all_words_uncounted) << text;
        EXPECT_FALSE(counted.all_words_uncounted) << text;
        if (!counted.any_word) {
            EXPECT_EQ(all.query.get_description(), counted.query.get_description()) << text;
        }
        const auto any = read(text, WordsReading::any);
        EXPECT_TRUE(any.any_word) << text;
        if (counted.any_word) {
            EXPECT_EQ(any.query.get_description(), counted.query.get_description()) << text;
        }
    }
    // One word, or four, leave nothing to count.
    for (const std::string text : {"korea", "north korea pact diplomat", "\"north korea\""})
        EXPECT_FALSE(read(text, WordsReading::all_uncounted).all_words_uncounted) << text;
}

TEST_F(QueryBuilderTest, OperatorsAreOperatorsOnlyInCapitals) {
    const auto lower = newsdesk::build_query("korea or pact", db);
    EXPECT_EQ(terms_of(lower), terms_of(newsdesk::build_query("korea pact", db)));  // "or" is a stopword
    EXPECT_EQ(lower.get_type(), Xapian::Query::OP_AND);
    EXPECT_EQ(newsdesk::build_query("korea OR pact", db).get_type(), Xapian::Query::OP_OR);
    EXPECT_EQ(terms_of(newsdesk::build_query("pact not korea", db)), terms_of(newsdesk::build_query("pact korea", db)));
    // Stopwords in a phrase stay, and "+" keeps one outside it.
    EXPECT_EQ(terms_of(newsdesk::build_query("\"the pact\"", db)).count("XBthe"), 1u);
    EXPECT_EQ(terms_of(newsdesk::build_query("+the pact", db)).count("ZXBthe"), 1u);
}

TEST_F(QueryBuilderTest, MalformedDateIsAUsageErrorNamingTheValue) {
    try {
        (void)newsdesk::build_query("pact date:June", db);
        FAIL() << "expected UsageError";
    } catch (const newsdesk::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("June"), std::string::npos) << e.what();
    }
}

// Issue 19: date:2020-02-30 found nothing, silently.
TEST_F(QueryBuilderTest, ADateThatDoesNotExistIsAUsageErrorNamingIt) {
    for (const std::string value : {"2020-02-30", "2019-02-29", "2019-13", "2019..2019-04-31", "june"}) {
        try {
            (void)newsdesk::build_query("pact date:" + value, db);
            ADD_FAILURE() << value << ": expected UsageError";
        } catch (const newsdesk::UsageError& e) {
            const std::string bad = value.substr(value.find("..") == std::string::npos ? 0 : value.find("..") + 2);
            EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
        }
    }
    EXPECT_NO_THROW((void)newsdesk::build_query("date:2020-02-29", db));  // a leap day
    EXPECT_THROW((void)newsdesk::build_query("date:2020..2019", db), newsdesk::UsageError);
}

TEST_F(QueryBuilderTest, InvalidUtf8IsAUsageError) {
    EXPECT_THROW((void)newsdesk::build_query("caf\xe9", db), newsdesk::UsageError);
}

}  // namespace

namespace {

// Wildcards share one expansion budget (query_builder.h): a database with 1,500
// body words starting with "w" and 1,500 with "v", each in its own article.
class WildcardBudgetTest : public ::testing::Test {
  protected:
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};

    void SetUp() override {
        for (const char* letter : {"w", "v"})
            for (int i = 0; i < 1500; ++i) {
                Xapian::Document doc;
                doc.add_term(std::string("XB") + letter + std::to_string(10000 + i));
                db.add_document(doc);
            }
    }

    Xapian::doccount matches(const std::string& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(newsdesk::build_query(query, db));
        return enquire.get_mset(0, db.get_doccount()).size();
    }
};

TEST_F(WildcardBudgetTest, OneWildcardExpandsToTheWholeBudget) {
    EXPECT_EQ(matches("w*"), newsdesk::kMaxWildcardExpansion);
}

TEST_F(WildcardBudgetTest, SeveralWildcardsShareTheBudget) {
    // Each of the two gets half: 500 "w" words and 500 "v" words, not 1,000 of each.
    EXPECT_EQ(matches("w* OR v*"), newsdesk::kMaxWildcardExpansion);
    EXPECT_EQ(matches("w* OR v* OR w* OR v*"), newsdesk::kMaxWildcardExpansion / 2);
}

TEST_F(WildcardBudgetTest, MoreThanTheMaximumIsAUsageError) {
    std::string at_most, too_many;
    for (std::size_t i = 0; i < newsdesk::kMaxWildcards; ++i) at_most += "w* ";
    too_many = at_most + "v*";
    EXPECT_NO_THROW((void)matches(at_most));
    try {
        (void)matches(too_many);
        FAIL() << "expected UsageError";
    } catch (const newsdesk::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("too many wildcards"), std::string::npos) << e.what();
    }
    // A '*' that ends no word is not a wildcard.
    EXPECT_NO_THROW((void)matches(std::string(200, '*')));
}

}  // namespace
