// Dates of real pages in other languages (tests/fixtures/intl/, provenance in
// tests/fixtures/README.md) through the real parsers: the date is printed in the
// page's visible text, in the page's language, and nowhere in its metadata.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "indexer/formats/parsers.h"
#include "indexer/input/input.h"

namespace newsdesk {
namespace {

Article page(const std::string& name) {
    const auto bytes = load_file(std::string(NEWSDESK_FIXTURES) + "/" + name, 16u << 20);
    auto articles = parse_any(bytes, name, nullptr);
    EXPECT_EQ(articles.size(), 1u) << name;
    return articles.empty() ? Article{} : articles.front();
}

TEST(IntlPageDates, ArabicDateUnderTheHeadline) {
    // CNN Arabic prints "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00" under the <h1>:
    // the Levantine and the Egyptian name of August, Arabic commas.
    const auto a = page("intl/newspaper4k-arabic_article.html.gz");
    EXPECT_EQ(a.date.value_or(""), "2013-08-28");
}

TEST(IntlPageDates, SpanishTimeElementWithAWeekday) {
    // Ultima Hora writes the date in words inside <time datetime="jueves, 09 enero 2014
    // 10:21">, which no ISO reader understands.
    const auto a = page("intl/newspaper4k-spanish_article.html.gz");
    EXPECT_EQ(a.date.value_or(""), "2014-01-09");
    EXPECT_EQ(a.datetime.value_or(""), "2014-01-09T10:21:00");
}

// Every dated page of tests/fixtures/intl/, each date from a source independent of
// newsdesk: readability's expected metadata, newspaper4k's, or the page's own text.
struct PageRow {
    const char* fixture;
    const char* date;
};

void PrintTo(const PageRow& row, std::ostream* os) { *os << row.fixture; }

class IntlPageTable : public ::testing::TestWithParam<PageRow> {};

TEST_P(IntlPageTable, DateOfThePage) {
    const auto a = page(std::string("intl/") + GetParam().fixture);
    EXPECT_EQ(a.date.value_or("(none)"), GetParam().date);
}

INSTANTIATE_TEST_SUITE_P(
    Pages, IntlPageTable,
    ::testing::Values(
        // readability publishedTime 2021-11-01T10:52:50+0100
        PageRow{"readability-aktualne.html.gz", "2021-11-01"},
        // readability publishedTime; the text says "21.dez.2018 às 12h55"
        PageRow{"readability-folha.html.gz", "2018-12-21"},
        // the text says "Le Monde | 04.05.2015 à 13h36"
        PageRow{"readability-lemonde-1.html.gz", "2015-05-04"},
        // the text says "2016年10月14日07:17"
        PageRow{"readability-qq.html.gz", "2016-10-14"},
        // newspaper4k publish_date 2023-11-17
        PageRow{"newspaper4k-chinese_article_001.html.gz", "2023-11-17"},
        PageRow{"newspaper4k-chinese_article_002.html.gz", "2023-11-17"},
        // newspaper4k publish_date 2018-06-19T05:50:00+09:00
        PageRow{"newspaper4k-japanese_article.html.gz", "2018-06-19"},
        // the page says "Submitted on Mon, 2019-01-21 13:49"
        PageRow{"newspaper4k-thai_article.html.gz", "2019-01-21"},
        // the text under the headline: "الأربعاء، 28 آب/اغسطس 2013"
        PageRow{"newspaper4k-arabic_article.html.gz", "2013-08-28"},
        // <time datetime="jueves, 09 enero 2014 10:21">
        PageRow{"newspaper4k-spanish_article.html.gz", "2014-01-09"}));

TEST(IntlPageDates, HindiDatesInTheFixtureText) {
    // The IL-NER sentences carry dates in running text, not a publication date:
    // the plain-text parser must not take "22 जून 1964" from the middle of the body.
    const auto a = page("intl/ilner-hindi-dates.txt");
    EXPECT_FALSE(a.date.has_value()) << *a.date;
}

}  // namespace
}  // namespace newsdesk
