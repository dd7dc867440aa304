// The stored-record reader (searcher/stored_article.h) gives exactly what the
// general path gives, article_from_json(nlohmann::json::parse(record)): on the
// records the indexer stores for real articles, and on records written by hand
// to take every corner (escapes, wrong types, duplicate keys, malformed JSON);
// read for plain output, the same with the lists left empty.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include <nlohmann/json.hpp>

#include "indexer/write/pipeline.h"
#include "searcher/stored_article.h"

namespace {

using newsdesk::Article;

Article general(const std::string& record) {
    return newsdesk::article_from_json(nlohmann::json::parse(record, nullptr, false));
}

// Read for plain output, `record` gives the plain fields the whole read gives,
// and no lists.
void expect_plain_read(const std::string& record) {
    const Article whole = general(record);
    const Article plain = newsdesk::read_stored_article(record, newsdesk::RecordParts::plain);
    EXPECT_EQ(std::tie(plain.path, plain.id, plain.url, plain.source, plain.language, plain.headline, plain.date,
                       plain.datetime, plain.body, plain.truncated),
              std::tie(whole.path, whole.id, whole.url, whole.source, whole.language, whole.headline, whole.date,
                       whole.datetime, whole.body, whole.truncated))
        << record;
    EXPECT_TRUE(plain.byline.empty() && plain.captions.empty() && plain.quotes.empty() && plain.experts.empty() &&
                plain.people.empty() && plain.institutions.empty() && plain.countries.empty())
        << record;
}

// The fast path read `record` (no fallback) and agrees with the general path.
void expect_read_fast(const std::string& record) {
    Article fast;
    EXPECT_TRUE(newsdesk::read_stored_article_fast(record, fast)) << record;
    EXPECT_EQ(fast, general(record)) << record;
    EXPECT_EQ(newsdesk::read_stored_article(record), general(record)) << record;
    expect_plain_read(record);
}

// The fast path declines `record`, and the whole reader still agrees.
void expect_fallback(const std::string& record) {
    Article fast;
    EXPECT_FALSE(newsdesk::read_stored_article_fast(record, fast)) << record;
    EXPECT_EQ(newsdesk::read_stored_article(record), general(record)) << record;
    expect_plain_read(record);
}

TEST(StoredArticle, EveryRecordTheIndexerStoresForTheWikinewsCorpusReadsAsTheGeneralPathReadsIt) {
    newsdesk::PipelineOptions options;
    options.threads = 1;
    std::size_t records = 0, with_quotes = 0, with_countries = 0, non_ascii = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(NEWSDESK_SOURCE_DIR) + "/corpus/wikinews")) {
        if (!entry.is_regular_file() || entry.path().filename().string().starts_with("LICENSE")) continue;
        const auto result = newsdesk::process_file(entry.path(), options);
        for (const auto& document : result.documents) {
            const std::string record = document.get_data();
            expect_read_fast(record);
            const Article a = newsdesk::read_stored_article(record);
            ++records;
            with_quotes += !a.quotes.empty();
            with_countries += !a.countries.empty();
            non_ascii += std::any_of(record.begin(), record.end(), [](char c) { return c & 0x80; });
        }
    }
    // The corpus exercises what a page reads: quotes, countries, text beyond ASCII.
    EXPECT_GT(records, 100u);
    EXPECT_GT(with_quotes, 10u);
    EXPECT_GT(with_countries, 10u);
    EXPECT_GT(non_ascii, 10u);
}

TEST(StoredArticle, EscapesAndUnicodeReadAsJsonDefinesThem) {
    expect_read_fast(R"({"headline":"caf\u00e9 \ud83d\ude00 \"q\" a\\b \/ \b\f\n\r\t","body":"Zürich 東京 😀"})");
    expect_read_fast(R"({"body":"nul \u0000 inside","id":"x"})");
    expect_read_fast(" \n{ \"id\" : \"spaced\" , \"quotes\" : [ ] }\r\n ");
}

TEST(StoredArticle, MissingNullAndWrongTypedFieldsTakeTheGeneralPathsDefaults) {
    expect_read_fast(R"({})");
    expect_read_fast(R"({"url":null,"source":null,"date":null,"language":null,"headline":5,"body":["x"]})");
    expect_read_fast(R"({"language":7,"datetime":"2024-06-21T09:30:00+05:30","byline":["A",null,3,"B"]})");
    expect_read_fast(R"({"truncated":true,"body":"cut"})");
    expect_read_fast(R"({"truncated": false})");
    expect_read_fast(R"({"truncated":"true"})");
    expect_read_fast(R"({"truncated":1})");
    expect_read_fast(R"({"byline":"not a list","captions":{"text":"x"},"quotes":"none","experts":null})");
    // Elements that are not objects still count, with defaults.
    expect_read_fast(R"({"captions":[{"text":"c","credit":"AP"},"bare",null,{"credit":1}]})");
    expect_read_fast(
        R"({"quotes":[{"text":"We will","speaker":"Ann Lee","speaker_title":"minister","institution":null,"extra":{"a":[1,2.5e3,true,false,null]}},{"speaker":4}]})");
    expect_read_fast(R"({"experts":[{"name":"Victor Cha","title":"professor","quotes":3},{"name":"B","quotes":2.5},{"name":"C","quotes":-7}]})");
    expect_read_fast(R"({"institutions":[{"name":"CSIS","acronym":"CSIS","mentions":4},{"name":"X","mentions":"4"}]})");
    expect_read_fast(R"({"countries":[{"code":"KP","name":"North Korea","mentions":2},{"code":"FR","mentions":1e2}]})");
}

TEST(StoredArticle, PeopleTakeTheirMentionsByPositionSkippingNamesThatAreNotStrings) {
    expect_read_fast(R"({"people":["Ann",5,"Bo","Cy"],"people_mentions":[1,2,3]})");
    expect_read_fast(R"({"people_mentions":[4,"x",6],"people":["Ann","Bo","Cy"]})");
    expect_read_fast(R"({"people":["Ann"],"people_mentions":"none"})");
    const Article a = newsdesk::read_stored_article(R"({"people":["Ann",5,"Bo","Cy"],"people_mentions":[1,2,3]})");
    ASSERT_EQ(a.people.size(), 3u);
    EXPECT_EQ(a.people[1].name, "Bo");
    EXPECT_EQ(a.people[1].mentions, 3);
    EXPECT_EQ(a.people[2].mentions, 0);
}

TEST(StoredArticle, ARepeatedKeyKeepsItsLastValue) {
    expect_read_fast(R"({"id":"a","id":"b","quotes":[{"text":"x"}],"quotes":[],"people":["A"],"people":["B","C"]})");
    expect_read_fast(R"({"quotes":[{"text":"x","text":"y","speaker":"S","speaker":null}]})");
}

// Plain text is read sixteen (SSE2) or eight bytes at a time: a quote,
// backslash, control character or non-ASCII byte is found at every place in
// and around two blocks.
TEST(StoredArticle, EveryByteThatEndsAPlainRunIsFoundWhereverItStands) {
    for (std::size_t at = 0; at < 40; ++at) {
        const std::string before(at, 'a'), after(39 - at, 'b');
        for (const std::string special : {"\\\"", "\\\\", "\\n", "\u00e9", "\u00ff", "\x7f"})
            expect_read_fast("{\"body\":\"" + before + special + after + "\",\"id\":\"" + after + special + "\"}");
        expect_fallback("{\"body\":\"" + before + "\x1f" + after + "\"}");  // a raw control character
        expect_fallback("{\"body\":\"" + before + "\xff" + after + "\"}");  // not UTF-8
        expect_fallback("{\"body\":\"" + before + after);                    // no closing quote
    }
}

TEST(StoredArticle, RecordsTheFastPathDoesNotReadExactlyGoToTheGeneralPath) {
    expect_fallback(R"({"id":"x")");                             // cut off
    expect_fallback(R"({"id":"x"} trailing)");                   // not one value
    expect_fallback(R"({"id":"x",})");                           // trailing comma
    expect_fallback(R"({"id":"lone \udc00 surrogate"})");        // malformed escape
    expect_fallback(R"({"id":"bad \x escape"})");
    expect_fallback("{\"id\":\"raw \x01 control\"}");
    expect_fallback("{\"id\":\"bad \xff byte\"}");               // invalid UTF-8
    expect_fallback("{\"id\":\"overlong \xc0\xaf\"}");
    expect_fallback(R"({"experts":[{"name":"A","quotes":12345678901}]})");  // a 64-bit number
    expect_fallback(R"({"experts":[{"name":"A","quotes":01}]})");           // not a JSON number
    expect_fallback(R"(["an","array"])");
    expect_fallback("");
}

}  // namespace

namespace {

// A record whose byline list holds `list`, between plain fields.
std::string with_byline(const std::string& list) {
    return R"({"headline":"Storm hits coast","byline":)" + list + R"(,"body":"Rain fell.","language":"en"})";
}

}  // namespace

// Read for plain output the lists are checked, not kept (their strings are
// not copied): a list whose strings are not JSON still sends the record to the
// general path, and one whose strings are (escapes, UTF-8) does not.
TEST(StoredArticle, ListsSkippedForPlainOutputAreStillCheckedAsJson) {
    for (const std::string bad : {"[\"a\x01b\"]", R"(["\x"])", "[\"\xff\"]", R"(["\ud800"])", R"(["\ud800\u0041"])",
                                  R"(["unterminated])", R"([{"name":"Ann\q"}])"}) {
        Article fast;
        EXPECT_FALSE(newsdesk::read_stored_article_fast(with_byline(bad), fast, newsdesk::RecordParts::plain)) << bad;
        expect_plain_read(with_byline(bad));
    }
    for (const std::string good : {R"(["Ann \"Nan\" Lee\\", "Jos\u00e9"])", "[\"Zo\xc3\xab\", null, 3]",
                                   R"([{"name":"\ud83d\ude00","n":[1,{"k":"v\n"}]}])"}) {
        Article fast;
        EXPECT_TRUE(newsdesk::read_stored_article_fast(with_byline(good), fast, newsdesk::RecordParts::plain)) << good;
        EXPECT_EQ(fast.headline, "Storm hits coast");
        EXPECT_EQ(fast.body, "Rain fell.");
        EXPECT_TRUE(fast.byline.empty()) << good;
        expect_plain_read(with_byline(good));
    }
}
