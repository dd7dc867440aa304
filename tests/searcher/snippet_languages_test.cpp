// Highlighting in the article's language (searcher/snippet.h): the stemmer that
// read the query for the article's language marks its words, and CJK characters
// are marked where the query's characters and pairs match.
#include <gtest/gtest.h>

#include "searcher/query_builder.h"
#include "searcher/snippet.h"

namespace {

struct Row {
    std::string query;
    std::string language;  // the article's
    std::string text;
    std::string highlighted;
};

const Row kRows[] = {
    // German reads the dative plural down to the stem of "Passwortmanagers".
    {"passwortmanagern", "de", "seines bekannten Passwortmanagers 1Password",
     "seines bekannten **Passwortmanagers** 1Password"},
    // English reads "forests" as "forest"; German's "for" is not marked in English text.
    {"forests", "en", "the forest, for all we know", "the **forest**, for all we know"},
    {"forests", "de", "für alle, for", "für alle, **for**"},
    // Hindi (libstemmer): the oblique plural; the danda is not part of the word.
    {"संबंध", "hi", "भारत - अमेरिका संबंधों में। यह संबंध।", "भारत - अमेरिका **संबंधों** में। यह **संबंध**।"},
    // A language whose script does not fit the query matches exact forms only.
    {"संबंध", "en", "संबंधों and संबंध", "संबंधों and **संबंध**"},
    // Chinese: the characters of a matched run, marked as one.
    {"元首会晤", "zh", "中美元首会晤吸引了全世界的目光", "中美**元首会晤**吸引了全世界的目光"},
    // A one-character query word marks that character wherever it stands.
    {"美", "zh", "中美元首会晤，美方", "中**美**元首会晤，**美**方"},
    // Japanese kanji pair inside kana.
    {"会談", "ja", "米朝首脳会談を巡って", "米朝首脳**会談**を巡って"},
    // English words are stemmed only when they start like a query stem, in
    // either case; the forms that do are all marked, and nothing else.
    {"foray", "en", "Forays into FORAY, for a ray of fora", "**Forays** into **FORAY**, for a ray of fora"},
    {"skies", "en", "a clear sky over Sky News, skies and skiers", "a clear **sky** over **Sky** News, **skies** and skiers"},
    {"vazquez", "en", "Wanda Vázquez, VAZQUEZ and Vazquez-Garced", "Wanda **Vázquez**, **VAZQUEZ** and **Vazquez**-Garced"},
    // Indonesian strips prefixes, so its words are all stemmed: "menggunakan" is "guna".
    {"guna", "id", "dengan menggunakan alat", "dengan **menggunakan** alat"},
};

TEST(SnippetLanguages, ArticlesAreHighlightedWithTheirLanguagesReading) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* language : {"Len", "Lde", "Lhi", "Lzh", "Lja", "Lid"}) {
        Xapian::Document doc;
        doc.add_boolean_term(language);
        db.add_document(doc);
    }
    for (const auto& row : kRows) {
        const auto parsed = newsdesk::parse_user_query(row.query, db);
        newsdesk::Highlighter highlighter(parsed, parsed.query);
        const auto& reading = highlighter.reading(row.language);
        EXPECT_EQ(newsdesk::highlight(row.text, reading.stems, reading.stem, {}), row.highlighted)
            << row.query << " in " << row.language;
    }
}

}  // namespace
