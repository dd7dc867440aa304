// parse_text on real layouts: the seed (checked against its hand-made gold),
// Wikinews (dateline in the body), a Latin-1 file, and small edge cases.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.h"
#include "common/text.h"
#include "indexer/formats/parsers.h"
#include "tests/support/fixture.h"
#include "tests/support/hostile_inputs.h"

namespace newsdesk {
namespace {

using newsdesk::test::fixture;

TEST(TextParser, SeedMeetsItsGold) {
    const auto gold = nlohmann::json::parse(fixture("text/pact-china-influence.gold.json"));
    const auto a = parse_text(fixture("text/pact-china-influence.txt"), "pact-china-influence.txt");
    EXPECT_EQ(a.headline, gold["headline"].get<std::string>());
    EXPECT_EQ(a.date, gold["date"].get<std::string>());
    ASSERT_EQ(a.captions.size(), 1u);
    EXPECT_EQ(a.captions[0].text, gold["captions"][0]["text"].get<std::string>());
    EXPECT_EQ(a.captions[0].credit, gold["captions"][0]["credit"].get<std::string>());
    for (const auto& s : gold["body_must_contain"])
        EXPECT_NE(a.body.find(s.get<std::string>()), std::string::npos) << s;
    for (const auto& s : gold["body_must_not_contain"])
        EXPECT_EQ(a.body.find(s.get<std::string>()), std::string::npos) << s;
}

TEST(TextParser, SeedBodyKeepsParagraphsAndDropsHeader) {
    const auto a = parse_text(fixture("text/pact-china-influence.txt"), "seed.txt");
    const auto paras = split_paragraphs(a.body);
    ASSERT_GE(paras.size(), 20u);
    EXPECT_TRUE(paras.front().starts_with("With no obvious options")) << paras.front();
    EXPECT_TRUE(paras.back().ends_with("desperately wants stability.\xE2\x80\x9D")) << paras.back();
    EXPECT_EQ(a.body.find(a.headline), std::string::npos);  // the repeated headline is gone
    EXPECT_EQ(a.path, "seed.txt");
}

TEST(TextParser, WikinewsDatelineBecomesTheDate) {
    const auto a = parse_text(fixture("text/wikinews-magnitogorsk.txt"), "w.txt");
    EXPECT_EQ(a.headline, "Magnitogorsk apartment building collapses after explosion, dozens dead");
    EXPECT_EQ(a.date, "2019-01-04");
    EXPECT_TRUE(a.body.starts_with("An apartment building collapsed on Monday in Magnitogorsk"))
        << a.body.substr(0, 80);
    EXPECT_EQ(a.body.find("January 4, 2019"), std::string::npos);
}

TEST(TextParser, Latin1FileIsReadAsUtf8) {
    const auto a = parse_text(fixture("text/latin1-cafe.txt"), "l.txt");
    EXPECT_EQ(a.headline, "Caf\xC3\xA9 owners in M\xC3\xBCnster welcome new rules");
    EXPECT_TRUE(is_valid_utf8(a.body));
    EXPECT_NE(a.body.find("\xC2\xABsensible\xC2\xBB"), std::string::npos);
    EXPECT_NE(a.body.find("\xE2\x80\x9C"
                          "fair compromise\xE2\x80\x9D"),
              std::string::npos);
    EXPECT_FALSE(a.date.has_value());
}

TEST(TextParser, HeadlineThenBlankThenBody) {
    const auto a = parse_text(
        "Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu.\n\nHe failed "
        "a drugs test.\n",
        "b.txt");
    EXPECT_EQ(a.headline, "Chelsea sack Mutu");
    EXPECT_EQ(a.body, "Chelsea have sacked Adrian Mutu.\n\nHe failed a drugs test.");
}

TEST(TextParser, CrLfAndHardWrappedLines) {
    const auto a = parse_text(
        "Title here\r\n\r\nThe first paragraph is\r\nwrapped over\r\nthree "
        "lines.\r\n\r\nSecond.\r\n",
        "c.txt");
    EXPECT_EQ(a.body, "The first paragraph is wrapped over three lines.\n\nSecond.");
}

TEST(TextParser, DatelineAtBodyStartGivesDate) {
    const auto a = parse_text(
        "Senate passes bill\n\nWASHINGTON, June 21, 2024 - The Senate voted "
        "on Friday.\n",
        "d.txt");
    EXPECT_EQ(a.date, "2024-06-21");
    EXPECT_TRUE(a.body.starts_with("WASHINGTON, June 21, 2024 - The Senate"));
}

TEST(TextParser, StandaloneCreditTakesPreviousParagraphAsCaption) {
    const auto a = parse_text(
        "Title\n\nBody text one.\n\nA man walks a dog.\n\nPhoto: Reuters\n\n"
        "Body text two.\n",
        "e.txt");
    ASSERT_EQ(a.captions.size(), 1u);
    EXPECT_EQ(a.captions[0], (Caption{"A man walks a dog.", "Reuters"}));
    EXPECT_EQ(a.body, "Body text one.\n\nBody text two.");
}

TEST(TextParser, RelatedHeadingInOtherLanguageEndsBody) {
    const auto a = parse_text("Titre\n\nLe corps.\n\nLire aussi :\n\nAutre article\n", "f.txt");
    EXPECT_EQ(a.body, "Le corps.");
}

TEST(TextParser, BodyOnlyFileOpeningWithWireDatelineHasNoHeadline) {
    const auto a = parse_text(
        "WASHINGTON (CNN) \xE2\x80\x94 Not everyone makes a resolution.\n\nSecond.\n", "h.txt");
    EXPECT_EQ(a.headline, "");
    EXPECT_TRUE(a.body.starts_with("WASHINGTON (CNN)"));
}

TEST(TextParser, LongChineseFirstSentenceIsNotAHeadline) {
    // 66 Han characters: a sentence; Chinese headlines run to about 30.
    std::string sentence;
    for (int i = 0; i < 66; ++i) sentence += "\xE4\xB8\xAD";
    const auto a = parse_text(sentence + "\n\n" + sentence + "\n", "zh.txt");
    EXPECT_EQ(a.headline, "");
    EXPECT_EQ(split_paragraphs(a.body).size(), 2u);
}

TEST(TextParser, PublishedAndUpdatedLinesAreNotHeadlines) {
    const auto a = parse_text(
        "Published: June 20, 2024 10:00 GMT\nUpdated: June 21, 2024\n\nCouncil "
        "approves budget\n\nThe council approved it.\n",
        "u.txt");
    EXPECT_EQ(a.date, "2024-06-20");
    EXPECT_EQ(a.datetime, "2024-06-20T10:00:00Z");
    EXPECT_EQ(a.headline, "Council approves budget");
    EXPECT_EQ(a.body, "The council approved it.");
}

TEST(TextParser, HeadlineContainingADateIsStillTheHeadline) {
    const auto a = parse_text("Markets rally on June 21, 2024\n\nShares rose.\n", "m.txt");
    EXPECT_EQ(a.headline, "Markets rally on June 21, 2024");
    EXPECT_FALSE(a.date.has_value());
    EXPECT_EQ(a.body, "Shares rose.");
}

TEST(TextParser, EmptyOrBlankInputIsAParseError) {
    EXPECT_THROW((void)parse_text("", "x.txt"), ParseError);
    EXPECT_THROW((void)parse_text(" \n\n \xC2\xA0\n", "x.txt"), ParseError);
}

TEST(TextParser, SingleLongParagraphIsBodyNotHeadline) {
    const auto a = parse_text("Just one short line.", "g.txt");
    EXPECT_EQ(a.body, "Just one short line.");
    EXPECT_EQ(a.headline, "");
}

// Date lines in other languages: month and weekday names come from ICU, and a
// headline that merely contains a date in any language stays the headline.
TEST(TextParser, DateLinesInOtherLanguages) {
    const struct {
        const char* line;
        const char* date;
    } rows[] = {
        {"vendredi 21 juin 2024", "2024-06-21"},
        {"Freitag, 21. Juni 2024, 10:00 Uhr", "2024-06-21"},
        {"viernes, 21 de junio de 2024", "2024-06-21"},
        {"sexta-feira, 21 de junho de 2024", "2024-06-21"},
        {"pátek 21. června 2024", "2024-06-21"},
        {"शुक्रवार, 21 जून 2024", "2024-06-21"},
        {"2024年6月21日", "2024-06-21"},
    };
    for (const auto& row : rows) {
        const auto a = parse_text(std::string(row.line) + "\n\nHeadline words here\n\nBody text.\n", "d.txt");
        EXPECT_EQ(a.date, row.date) << row.line;
        EXPECT_EQ(a.headline, "Headline words here") << row.line;
    }
}

TEST(TextParser, HeadlineContainingADateInAnotherLanguageIsStillTheHeadline) {
    for (const char* headline : {"Les marchés montent fortement le vendredi 21 juin 2024",
                                 "Die Börsen steigen kräftig am 21. Juni 2024",
                                 "शेयर बाज़ार में भारी तेज़ी 21 जून 2024 को दर्ज की गई"}) {
        const auto a = parse_text(std::string(headline) + "\n\nBody text.\n", "h.txt");
        EXPECT_EQ(a.headline, headline);
        EXPECT_FALSE(a.date.has_value()) << headline;
    }
}

TEST(TextParser, Utf16AndNulBytes) {
    const std::string text =
        "Caf\xE9 quay opens\n\nThe harbour authority said on Monday that the "
        "new quay would open in spring.\n";
    for (bool le : {true, false})
        for (bool bom : {true, false}) {
            const auto a = parse_text(test::utf16(text, le, bom), "u.txt");
            EXPECT_EQ(a.headline, "Caf\xC3\xA9 quay opens");
            EXPECT_EQ(
                a.body,
                "The harbour authority said on Monday that the new quay would open in spring.");
        }
    std::string damaged = text;
    damaged.replace(damaged.find(" open"), 1, std::string("\0 ", 2));
    const auto a = parse_text(damaged, "n.txt");
    EXPECT_EQ(a.body,
              "The harbour authority said on Monday that the new quay would open in spring.");
}

}  // namespace
}  // namespace newsdesk
