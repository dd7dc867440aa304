// Dates of real pages in other languages (tests/fixtures/intl/, provenance in
// tests/fixtures/README.md) through the real parsers: the date is printed in the
// page's visible text, in the page's language, and nowhere in its metadata.
#include <gtest/gtest.h>

#include <string>

#include "indexer/input.h"
#include "indexer/parsers.h"

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

TEST(IntlPageDates, HindiDatesInTheFixtureText) {
    // The IL-NER sentences carry dates in running text, not a publication date:
    // the plain-text parser must not take "22 जून 1964" from the middle of the body.
    const auto a = page("intl/ilner-hindi-dates.txt");
    EXPECT_FALSE(a.date.has_value()) << *a.date;
}

}  // namespace
}  // namespace newsdesk
