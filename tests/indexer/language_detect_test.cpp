// Article language (issue 5), read as a specification: real pages through the
// real parser get their language, what a page declares is a hint and the
// answer only for text too short to judge, a trailing list in another language
// does not change an article's language, and bad input is judged, not fatal.
// Fixtures and their provenance: tests/fixtures/README.md.
#include "indexer/extract/language_detect.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "common/text.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/input.h"

namespace newsdesk {
namespace {

std::string fixture_path(const std::string& name) {
    return std::string(NEWSDESK_FIXTURES) + "/" + name;
}

// The bytes of a fixture (gunzipped) or of a file under the repository root.
std::string bytes_of(const std::string& path) { return load_file(path); }

Article parse_one(const std::string& bytes, const std::string& path) {
    auto articles = parse_any(bytes, path);
    EXPECT_EQ(articles.size(), 1u) << path;
    return articles.empty() ? Article{} : articles.front();
}

Article parse_fixture(const std::string& name) {
    const auto path = fixture_path(name);
    return parse_one(bytes_of(path), path);
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

// --- real pages through parse_any -------------------------------------------

struct Page {
    const char* fixture;
    const char* language;  // expected
    const char* declared;  // what the page declares, as a code; "" for nothing
};

std::ostream& operator<<(std::ostream& out, const Page& p) { return out << p.fixture; }

class RealPage : public ::testing::TestWithParam<Page> {};

TEST_P(RealPage, GetsItsLanguage) {
    const auto& page = GetParam();
    const auto a = parse_fixture(page.fixture);
    EXPECT_EQ(a.language, page.language) << a.headline;
    EXPECT_EQ(declared_language_code(a.declared_language), page.declared) << a.declared_language;
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, RealPage,
    ::testing::Values(
        // Pages declaring nothing: detection alone.
        Page{"intl/newspaper4k-chinese_article_001.html.gz", "zh", ""},
        Page{"intl/newspaper4k-chinese_article_002.html.gz", "zh", ""},
        Page{"intl/readability-qq.html.gz", "zh", ""},
        Page{"intl/readability-gmw.html.gz", "zh", ""},
        Page{"intl/ilner-hindi-dates.txt", "hi", ""},
        Page{"intl/ilner-hindi-diplomacy.txt", "hi", ""},
        Page{"intl/ilner-hindi-neighbours.txt", "hi", ""},
        Page{"html/scrapinghub-aljazeera-7916ecca.html.gz", "en", ""},
        Page{"html/scrapinghub-jpost-e372e42c.html.gz", "en", ""},
        Page{"text/wikinews-magnitogorsk.txt", "en", ""},
        // Pages declaring their language (regional tags reduced to the language).
        Page{"intl/newspaper4k-arabic_article.html.gz", "ar", "ar"},
        Page{"intl/newspaper4k-japanese_article.html.gz", "ja", "ja"},
        Page{"intl/newspaper4k-spanish_article.html.gz", "es", "es"},
        Page{"intl/newspaper4k-thai_article.html.gz", "th", "th"},
        Page{"intl/readability-aktualne.html.gz", "cs", "cs"},
        Page{"intl/readability-folha.html.gz", "pt", "pt"},  // pt-BR
        Page{"intl/readability-lemonde-1.html.gz", "fr", "fr"},
        Page{"intl/readability-yahoo-4.html.gz", "ja", "ja"},
        Page{"html/readability-heise.html.gz", "de", "de"},
        Page{"html/readability-liberation-1.html.gz", "fr", "fr"},
        Page{"html/readability-ars-1.html.gz", "en", "en"},         // en-us
        Page{"html/readability-herald-sun-1.html.gz", "en", "en"},  // en-au
        Page{"html/scrapinghub-expapp-4648a420.html.gz", "en", "en"}));

// --- the declared language is a hint ------------------------------------------

TEST(DeclaredLanguage, WrongDeclarationLosesToTheText) {
    // Le Monde's page with its lang="fr" swapped for German: still French.
    auto lemonde = bytes_of(fixture_path("intl/readability-lemonde-1.html.gz"));
    ASSERT_NE(lemonde.find("lang=\"fr\""), std::string::npos);
    replace_all(lemonde, "lang=\"fr\"", "lang=\"de\"");
    const auto a = parse_one(lemonde, "lemonde-as-de.html");
    EXPECT_EQ(a.declared_language, "de");
    EXPECT_EQ(a.language, "fr");

    // A close neighbour in the same script: El Mundo's Spanish declared Portuguese.
    auto spanish = bytes_of(fixture_path("intl/newspaper4k-spanish_article.html.gz"));
    ASSERT_NE(spanish.find("lang=\"es\""), std::string::npos);
    replace_all(spanish, "lang=\"es\"", "lang=\"pt-BR\"");
    EXPECT_EQ(parse_one(spanish, "spanish-as-pt.html").language, "es");
}

TEST(DeclaredLanguage, EnglishDeclarationOnAnotherScript) {
    const auto hindi = parse_fixture("intl/ilner-hindi-diplomacy.txt");
    const auto arabic = parse_fixture("intl/newspaper4k-arabic_article.html.gz");
    EXPECT_EQ(detect_language(hindi.body, hindi.headline, "en"), "hi");
    EXPECT_EQ(detect_language(arabic.body, arabic.headline, "en-US"), "ar");
}

// --- mixed text: the language of most of the article --------------------------

TEST(MixedText, EnglishArticleWithTrailingHindiRelatedPostsIsEnglish) {
    // The seed as saved: the article, then "Related post" titles in Hindi.
    const auto seed = bytes_of(fixture_path("text/pact-china-influence.txt"));
    const auto related = seed.find("Related post");
    ASSERT_NE(related, std::string::npos);
    ASSERT_NE(seed.find("\xE0\xA4\xB0\xE0\xA5\x82\xE0\xA4\xB8", related), std::string::npos);  // रूस
    EXPECT_EQ(detect_language(seed, "", ""), "en");
    EXPECT_EQ(detect_language(seed, "", "hi"), "en");  // a page filed under Hindi

    // The same page as HTML, every paragraph kept: the Hindi titles reach the
    // body, and the article is still English.
    std::string html = "<html><body><article>";
    for (const auto& p : split_paragraphs(seed)) html += "<p>" + p + "</p>";
    html += "</article></body></html>";
    const auto a = parse_one(html, "seed.html");
    ASSERT_NE(a.body.find("\xE0\xA4\xB0\xE0\xA5\x82\xE0\xA4\xB8"), std::string::npos)
        << "the Hindi titles should be in the body for this test";
    EXPECT_EQ(a.language, "en");
}

TEST(MixedText, HindiArticleWithTrailingEnglishTitlesIsHindi) {
    const auto hindi = parse_fixture("intl/ilner-hindi-dates.txt");
    const auto seed = bytes_of(fixture_path("text/pact-china-influence.txt"));
    // The English related-post titles from the end of the seed, three times.
    const std::string titles =
        "Putin: Russia may use new missile again after attack on Ukraine – Times of India\n\n"
        "Share Putin has lowered the threshold for using Moscow’s nuclear arsenals Russian "
        "President Vladimir Putin said his forces…\n\n";
    ASSERT_NE(seed.find(titles.substr(0, 60)), std::string::npos);
    EXPECT_EQ(detect_language(hindi.body + "\n\n" + titles + titles + titles, hindi.headline, ""),
              "hi");
}

TEST(MixedText, OnlyTheStartOfAHugeBodyIsRead) {
    // Past kLanguageSampleBytes nothing counts: an English article padded to
    // that size, then ten times as much French, is judged on the English.
    const auto english = parse_fixture("text/wikinews-magnitogorsk.txt").body;
    const auto french = parse_fixture("intl/readability-lemonde-1.html.gz").body;
    std::string body;
    while (body.size() < kLanguageSampleBytes) body += english + "\n\n";
    const auto english_bytes = body.size();
    while (body.size() < english_bytes * 11) body += french + "\n\n";
    EXPECT_EQ(detect_language(body, "", ""), "en");
    EXPECT_EQ(detect_language(body.substr(english_bytes), "", ""), "fr");
}

// --- short text ------------------------------------------------------------

TEST(ShortText, FallsBackToTheDeclaredLanguage) {
    // Wikinews headlines (corpus/wikinews), alone CLD2 reads them as French
    // and Indonesian; under an English declaration they are English.
    for (const char* headline :
         {"Notre Dame in Paris catches fire", "Former Egyptian President Hosni Mubarak dies"}) {
        EXPECT_EQ(detect_language("", headline, "en"), "en") << headline;
        EXPECT_EQ(detect_language("", headline, "en-GB"), "en") << headline;
    }
    const auto lemonde = parse_fixture("intl/readability-lemonde-1.html.gz");
    EXPECT_EQ(detect_language("", lemonde.headline, "fr"), "fr") << lemonde.headline;
    // Le Monde's headline is enough text to overrule a wrong declaration; its
    // first four words are not, and the page is believed.
    ASSERT_TRUE(lemonde.headline.starts_with("Le projet de loi "));
    EXPECT_EQ(detect_language("", lemonde.headline, "it"), "fr") << lemonde.headline;
    EXPECT_EQ(detect_language("", "Le projet de loi", "it"), "it");
}

TEST(ShortText, WithoutDeclarationCld2Guesses) {
    EXPECT_EQ(detect_language("", parse_fixture("intl/ilner-hindi-diplomacy.txt").headline, ""),
              "hi");
    EXPECT_EQ(
        detect_language("", parse_fixture("intl/newspaper4k-thai_article.html.gz").headline, ""),
        "th");
    EXPECT_EQ(
        detect_language("", parse_fixture("intl/newspaper4k-arabic_article.html.gz").headline, ""),
        "ar");
    // A short English article in a file declaring nothing.
    EXPECT_EQ(parse_fixture("text/latin1-cafe.txt").language, "en");
}

TEST(ShortText, ShortHeadlineInAnotherScriptThanDeclared) {
    // The start of a Hindi headline, too short for CLD2's answer to count on
    // its own, on a page declaring English: the declaration cannot be right.
    const auto headline = parse_fixture("intl/ilner-hindi-diplomacy.txt").headline;
    const auto hindi =
        headline.substr(0, headline.find(' ', headline.find(' ', headline.find(' ') + 1) + 1));
    ASSERT_LT(hindi.size(), 60u) << hindi;
    EXPECT_EQ(detect_language("", hindi, "en"), "hi") << hindi;
    EXPECT_EQ(detect_language("", hindi, "hi-IN"), "hi") << hindi;
}

TEST(ShortText, NothingToJudge) {
    EXPECT_EQ(detect_language("", "", ""), "und");
    EXPECT_EQ(detect_language("2024-06-21 | 15:30 | +0.4 % | 1,234", "(( ))", ""), "und");
    EXPECT_EQ(detect_language("2024-06-21 | 15:30 | +0.4 % | 1,234", "", "de-DE"), "de");
    EXPECT_EQ(detect_language("", "", "x-default"), "und");
}

// --- bad input ---------------------------------------------------------------

TEST(BadInput, InvalidUtf8AndControlCharactersAreSkipped) {
    const auto french = parse_fixture("intl/readability-lemonde-1.html.gz").body;
    // CLD2 refuses a whole buffer for one bad byte; the detector must not.
    std::string broken = "\xFF\xFE\xC3 \x01\x02" + french.substr(0, 600);
    broken.insert(300, std::string("\x00\x7F\xC2\x80\xEF\xBF\xBE\xED\xA0\x80", 10));
    broken += "\xE2\x82";  // a truncated code point at the end
    EXPECT_EQ(detect_language(broken, "\xC0\xAF", ""), "fr");
    EXPECT_EQ(detect_language("\xFF\xFF\xFF", "\x80", "fr"), "fr");
}

TEST(BadInput, BinaryBytesDoNotCrash) {
    std::string noise(200000, '\0');
    for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 7919u) >> 3);
    const auto language = detect_language(noise, noise.substr(0, 500), "");
    EXPECT_TRUE(language == "und" || (language.size() >= 2 && language.size() <= 3)) << language;
}

// --- codes -------------------------------------------------------------------

TEST(Codes, DeclaredTagsBecomeBcp47PrimarySubtags) {
    // Retired codes as ICU canonicalises them (iw, in, ji, jw); "fil", CLDR's
    // code for Tagalog; one code for Norwegian Bokmål; nothing for what names
    // no language.
    const std::vector<std::pair<std::string, std::string>> table = {
        {"en-US", "en"},
        {"en_GB", "en"},
        {"EN", "en"},
        {"pt-BR", "pt"},
        {"zh-Hant-TW", "zh"},
        {"zh_CN", "zh"},
        {"de-DE-1996", "de"},
        {"iw", "he"},
        {"in", "id"},
        {"ji", "yi"},
        {"jw", "jv"},
        {"tl", "fil"},
        {"nb-NO", "no"},
        {"no", "no"},
        {"nn", "nn"},
        {"", ""},
        {"x-default", ""},
        {"English", ""},
        {"und", ""},
        {"mul", ""},
        {"*", ""},
        {"xx", ""},
    };
    for (const auto& [tag, code] : table) EXPECT_EQ(declared_language_code(tag), code) << tag;
}

TEST(Codes, ChineseInTraditionalCharactersIsZh) {
    // qq.com's article turned into traditional characters with ICU.
    const auto qq = parse_fixture("intl/readability-qq.html.gz");
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> to_traditional(
        icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
    ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
    auto text = icu::UnicodeString::fromUTF8(qq.body);
    to_traditional->transliterate(text);
    std::string traditional;
    text.toUTF8String(traditional);
    ASSERT_NE(traditional, qq.body);
    EXPECT_EQ(detect_language(traditional, "", ""), "zh");
    EXPECT_EQ(detect_language(traditional, "", "zh-TW"), "zh");
}

}  // namespace
}  // namespace newsdesk
