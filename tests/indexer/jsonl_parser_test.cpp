// parse_jsonl on Wikinews articles (CC BY 2.5) and a file with malformed lines.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/text.h"
#include "indexer/formats/parsers.h"
#include "tests/support/fixture.h"

namespace newsdesk {
namespace {

using newsdesk::test::fixture;

TEST(JsonlParser, WikinewsLines) {
    std::vector<std::string> errors;
    const auto items = parse_jsonl(fixture("jsonl/wikinews.jsonl"), "w.jsonl", &errors);
    EXPECT_TRUE(errors.empty());
    ASSERT_EQ(items.size(), 4u);
    const auto& a = items[0];
    EXPECT_EQ(a.path, "w.jsonl#1");
    EXPECT_EQ(
        a.url,
        "https://en.wikinews.org//wiki/Escape_room_fire_kills_five_teen_girls_in_Koszalin,_Poland");
    EXPECT_EQ(a.headline, "Escape room fire kills five teen girls in Koszalin, Poland");
    EXPECT_EQ(a.date, "2019-01-05");
    EXPECT_EQ(a.source, "Wikinews");
    // the "Saturday, January 5, 2019" dateline is metadata, not body
    EXPECT_TRUE(a.body.starts_with("A fire yesterday afternoon killed five girls"))
        << a.body.substr(0, 60);
    EXPECT_GE(split_paragraphs(a.body).size(), 3u);
    EXPECT_EQ(items[3].path, "w.jsonl#4");
    EXPECT_EQ(items[3].date, "2019-01-12");
}

// A brief of one sentence that mentions a date (a real Wikinews sentence) is
// text, not a dateline: it was taken for one and the line refused as empty.
TEST(JsonlParser, AFirstSentenceThatMentionsADateIsTextNotADateline) {
    const std::string line =
        R"({"url": "https://example.org/brief", "title": "Puerto Rico governor announces resignation", )"
        R"("date": "2019-07-25", "text": "Rosselló began serving as Puerto Rico's eleventh governor on January 2, 2017."})";
    std::vector<std::string> errors;
    const auto items = parse_jsonl(line, "b.jsonl", &errors);
    EXPECT_TRUE(errors.empty()) << errors.front();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].body, "Rosselló began serving as Puerto Rico's eleventh governor on January 2, 2017.");
    EXPECT_EQ(items[0].date, "2019-07-25");  // the record's date, not the sentence's
}

TEST(JsonlParser, MalformedLinesAreReportedAndSkipped) {
    std::vector<std::string> errors;
    const auto items = parse_jsonl(fixture("jsonl/mixed.jsonl"), "m.jsonl", &errors);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].path, "m.jsonl#1");
    EXPECT_EQ(items[0].headline, "First");  // "headline" alias
    EXPECT_EQ(items[0].body, "Body one.");  // "body" alias
    EXPECT_EQ(items[0].byline, (std::vector<std::string>{"A. Writer", "B. Writer"}));
    EXPECT_EQ(items[0].datetime, "2024-06-21T09:30:00Z");
    EXPECT_EQ(items[1].path, "m.jsonl#6");  // N is the line number, blank line included
    EXPECT_EQ(items[1].body, "Body four.\n\nSecond paragraph.");
    EXPECT_EQ(items[1].date, "2024-06-21");
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_TRUE(errors[0].starts_with("m.jsonl#2: malformed JSON")) << errors[0];
    EXPECT_EQ(errors[1], "m.jsonl#4: not a JSON object");
    EXPECT_TRUE(errors[2].starts_with("m.jsonl#5: no text field")) << errors[2];
}

TEST(JsonlParser, Latin1LineIsRepaired) {
    const auto items =
        parse_jsonl("{\"title\": \"Caf\xE9\", \"text\": \"M\xFCnster\"}\n", "l.jsonl");
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].headline, "Caf\xC3\xA9");
    EXPECT_EQ(items[0].body, "M\xC3\xBCnster");
}

TEST(JsonlParser, NulBytesAndEscapedNulsAreRemoved) {
    // A raw NUL is not allowed in a JSON string (the line used to fail); an escaped
    // one is removed by parse_any's clean-up, keeping the text after it.
    const std::string raw("{\"title\": \"Raw\", \"text\": \"Before\0 after.\"}\n", 43);
    std::vector<std::string> errors;
    const auto items = parse_any(
        raw + "{\"title\": \"Escaped\", \"text\": \"Before\\u0000 after.\"}\n", "n.jsonl", &errors);
    EXPECT_TRUE(errors.empty()) << errors.at(0);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].body, "Before after.");
    EXPECT_EQ(items[1].body, "Before after.");
}

TEST(JsonlParser, DeeplyNestedValuesDoNotOverflowTheStack) {
    // nlohmann's parser and destructor are iterative: a field nested 100,000 deep
    // is read (and ignored), and a line that is nothing but brackets is one bad line.
    const std::string deep(100000, '['), closed(100000, ']');
    std::vector<std::string> errors;
    const auto items =
        parse_any("{\"title\": \"Deep\", \"text\": \"Deep JSON text.\", \"extra\": " + deep +
                      closed + "}\n" + deep + "\n{\"title\": \"Next\", \"text\": \"Next line.\"}\n",
                  "d.jsonl", &errors);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].body, "Deep JSON text.");
    EXPECT_EQ(items[1].path, "d.jsonl#3");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_TRUE(errors[0].starts_with("d.jsonl#2: malformed JSON")) << errors[0];
}

}  // namespace
}  // namespace newsdesk
