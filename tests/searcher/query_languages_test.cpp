// Stemming by language at query time (docs/schema.md, "Languages at query
// time"): query text (+ language filters) -> Xapian::Query::get_description(),
// over an index holding articles in English, German, Hindi, Arabic and Chinese.
#include <gtest/gtest.h>

#include "searcher/query_builder.h"

namespace {

// A plain word in every free-text field, as read by one stemmer: `marker` is
// "Z" for a stem, "" for the exact form.
std::string any_field(const std::string& marker, const std::string& word) {
    std::string out;
    for (const char* field : {"S", "XB", "XCAP", "A"}) out += (out.empty() ? "(" : " OR ") + marker + field + word + "@1";
    return out + ")";
}
std::string stemmed(const std::string& stem) { return any_field("Z", stem); }
std::string exact(const std::string& word) { return any_field("", word); }

struct Row {
    std::string query;
    std::vector<std::string> languages;  // the request's language filters
    std::string description;
};

class QueryLanguagesTest : public ::testing::Test {
  protected:
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};

    void SetUp() override {
        for (const char* language : {"Len", "Lde", "Lhi", "Lar", "Lzh"}) {
            Xapian::Document doc;
            doc.add_boolean_term(language);
            db.add_document(doc);
        }
    }
};

const Row kRows[] = {
    // A Latin-script word: German and English read it with their stemmers, each
    // in its own articles; "forests" is German "for" but never in English text.
    // The languages of other scripts match the exact form.
    {"forests", {},
     "Query(((" + stemmed("for") + " FILTER Lde) OR (" + stemmed("forest") + " FILTER Len) OR (" + exact("forests") +
         " FILTER (Lar OR Lhi OR Lzh))))"},
    // lang: decides the stemmer.
    {"forests lang:de", {}, "Query((" + stemmed("for") + " FILTER Lde))"},
    {"forests lang:en", {}, "Query((" + stemmed("forest") + " FILTER Len))"},
    // So does a language filter of the request (--filter lang=de).
    {"forests", {"de"}, "Query(" + stemmed("for") + ")"},
    // A negated language filter does not choose the stemmer (each reading keeps it).
    {"forests NOT lang:de", {},
     "Query((((" + stemmed("for") + " AND_NOT Lde) FILTER Lde) OR ((" + stemmed("forest") +
         " AND_NOT Lde) FILTER Len) OR ((" + exact("forests") + " AND_NOT Lde) FILTER (Lar OR Lhi OR Lzh))))"},
    // A Devanagari word: Hindi's libstemmer stemmer in Hindi articles, the exact
    // form elsewhere.
    {"मंत्रियों", {},
     "Query(((" + stemmed("मंत्र") + " FILTER Lhi) OR (" + exact("मंत्रियों") + " FILTER (Lar OR Lde OR Len OR Lzh))))"},
    // Arabic's Xapian stemmer for an Arabic word.
    {"مقاتلين", {},
     "Query(((" + stemmed("مقاتل") + " FILTER Lar) OR (" + exact("مقاتلين") + " FILTER (Lde OR Len OR Lhi OR Lzh))))"},
    // Chinese has no stemmer: character n-grams everywhere, one reading, no split.
    {"会談", {},
     "Query(((S会@1 AND S会談@1 AND S談@1) OR (XB会@1 AND XB会談@1 AND XB談@1) OR (XCAP会@1 AND XCAP会談@1 AND "
     "XCAP談@1) OR (A会@1 AND A会談@1 AND A談@1)))"},
    // A capitalised word is not stemmed (Xapian's STEM_SOME takes it for a name),
    // except in German, which capitalises every noun.
    {"Regierungen", {}, "Query(((" + stemmed("regier") + " FILTER Lde) OR (" + exact("regierungen") +
                            " FILTER (Len OR Lar OR Lhi OR Lzh))))"},
    {"Berlin lang:en", {}, "Query((" + exact("berlin") + " FILTER Len))"},
    // Filters alone have no words to stem.
    {"country:KP", {}, "Query(0 * XCOUNTRYkp)"},
};

TEST_F(QueryLanguagesTest, EachLanguageReadsTheQueryWithItsOwnStemmer) {
    for (const auto& row : kRows)
        EXPECT_EQ(newsdesk::parse_user_query(row.query, db, row.languages).query.get_description(), row.description)
            << row.query;
}

TEST_F(QueryLanguagesTest, BranchForGivesTheStemmerAnArticleWasMatchedWith) {
    const auto parsed = newsdesk::parse_user_query("forests", db);
    EXPECT_EQ(parsed.branch_for("de").stem.get_description(), "Xapian::Stem(german)");
    EXPECT_EQ(parsed.branch_for("en").stem.get_description(), "Xapian::Stem(english)");
    EXPECT_EQ(parsed.branch_for("hi").stem.get_description(), "Xapian::Stem(none)");
    EXPECT_EQ(parsed.branch_for("zh").stem.get_description(), "Xapian::Stem(none)");
    const auto hindi = newsdesk::parse_user_query("मंत्रियों", db);
    EXPECT_EQ(hindi.branch_for("hi").stem.get_description(), "Xapian::Stem(libstemmer:hi)");
}

}  // namespace
