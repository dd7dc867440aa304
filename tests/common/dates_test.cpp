// parse_date / find_date_in_text as a table: input -> expected date and datetime.
#include "common/lang/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/lang/month_names.h"
#include "tests/support/fixture.h"

namespace newsdesk {
namespace {

struct Row {
    const char* input;
    const char* date;      // nullptr: no date expected
    const char* datetime;  // nullptr: no time expected
};

void PrintTo(const Row& row, std::ostream* os) { *os << '"' << row.input << '"'; }

class ParseDateTable : public ::testing::TestWithParam<Row> {};

TEST_P(ParseDateTable, MapsInputToIsoDate) {
    const Row& row = GetParam();
    const auto got = parse_date(row.input);
    if (row.date == nullptr) {
        EXPECT_FALSE(got.has_value()) << "got " << got->date;
        return;
    }
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->date, row.date);
    if (row.datetime == nullptr)
        EXPECT_FALSE(got->datetime.has_value()) << *got->datetime;
    else
        EXPECT_EQ(got->datetime.value_or("(none)"), row.datetime);
}

INSTANTIATE_TEST_SUITE_P(
    Dates, ParseDateTable,
    ::testing::Values(
        // month name first, US style
        Row{"June 21, 2024", "2024-06-21", nullptr},
        // abbreviated month with a dot, no comma
        Row{"Jun. 21 2024", "2024-06-21", nullptr},
        // "Sept" is a common four-letter abbreviation
        Row{"Sept 3, 2019", "2019-09-03", nullptr},
        // ordinal suffix
        Row{"March 1st, 2020", "2020-03-01", nullptr},
        // day first, British / international style
        Row{"21 June 2024", "2024-06-21", nullptr},
        // "21st of June, 2024"
        Row{"21st of June, 2024", "2024-06-21", nullptr},
        // weekday before the date (Wikinews datelines)
        Row{"Friday, January 4, 2019", "2019-01-04", nullptr},
        // ISO date
        Row{"2024-06-21", "2024-06-21", nullptr},
        // ISO datetime keeps the time and the offset
        Row{"2024-06-21T09:30:00+05:30", "2024-06-21", "2024-06-21T09:30:00+05:30"},
        // Z suffix and fractional seconds (dropped)
        Row{"2024-06-21T09:30:00.123Z", "2024-06-21", "2024-06-21T09:30:00Z"},
        // space instead of T, no seconds
        Row{"2024-06-21 09:30", "2024-06-21", "2024-06-21T09:30:00"},
        // RFC 822 with GMT
        Row{"Fri, 21 Jun 2024 09:30:00 GMT", "2024-06-21", "2024-06-21T09:30:00Z"},
        // RFC 822 with a numeric offset
        Row{"Fri, 21 Jun 2024 09:30:00 +0100", "2024-06-21", "2024-06-21T09:30:00+01:00"},
        // RFC 822 with a US zone name
        Row{"Mon, 03 Feb 2020 17:05:00 EST", "2020-02-03", "2020-02-03T17:05:00-05:00"},
        // Reuters-21578 DATE field
        Row{"26-FEB-1987 15:01:01.79", "1987-02-26", "1987-02-26T15:01:01"},
        // slashes, year first
        Row{"2024/06/21", "2024-06-21", nullptr},
        // day > 12: unambiguously day first
        Row{"21/06/2024", "2024-06-21", nullptr},
        // second number > 12: US month first
        Row{"06/21/2024", "2024-06-21", nullptr},
        // both <= 12: day first by rule (see common/lang/dates.cpp)
        Row{"03/04/2024", "2024-04-03", nullptr},
        // German dotted form
        Row{"21.06.2024", "2024-06-21", nullptr},
        // compact ISO when it is the whole text
        Row{"20240621", "2024-06-21", nullptr},
        // compact ISO basic datetime (NewsML-G2 / NITF date.issue)
        Row{"20240621T093000Z", "2024-06-21", "2024-06-21T09:30:00Z"},
        // noise: bullet
        Row{"\xE2\x80\xA2 June 21, 2024", "2024-06-21", nullptr},
        // noise: label
        Row{"Published: 21 June 2024", "2024-06-21", nullptr},
        // noise: label and 12-hour clock
        Row{"Updated: June 21, 2024 at 9:30 pm", "2024-06-21", "2024-06-21T21:30:00"},
        // US newspaper style "p.m." with a zone name
        Row{"June 21, 2024, 9:30 p.m. EDT", "2024-06-21", "2024-06-21T21:30:00-04:00"},
        // Chinese / Japanese
        Row{"\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xB6\xE9\x97\xB4\xEF\xBC\x9A"
            "2024\xE5\xB9\xB4"
            "6\xE6\x9C\x88"
            "21\xE6\x97\xA5 09:30",
            "2024-06-21", "2024-06-21T09:30:00"},
        // Korean, with spaces
        Row{"2024\xEB\x85\x84 6\xEC\x9B\x94 21\xEC\x9D\xBC", "2024-06-21", nullptr},
        // leap day in a leap year
        Row{"February 29, 2024", "2024-02-29", nullptr},
        // invalid: February 30
        Row{"February 30, 2024", nullptr, nullptr},
        // invalid: leap day in a common year
        Row{"2023-02-29", nullptr, nullptr},
        // invalid: month 13
        Row{"2024-13-01", nullptr, nullptr},
        // a compact run inside text is an id, not a date
        Row{"story 20240621 updated", nullptr, nullptr},
        // "May" inside "Mayor" is not a month
        Row{"Mayor 5, 2020", nullptr, nullptr},
        // no year: not a date
        Row{"June 21", nullptr, nullptr},
        // empty
        Row{"", nullptr, nullptr}));

// Other languages: month names from ICU (common/lang/month_names.h). Rows marked
// "real" are copied from the pages in tests/fixtures/intl/.
INSTANTIATE_TEST_SUITE_P(
    Languages, ParseDateTable,
    ::testing::Values(
        // French
        Row{"21 juin 2024", "2024-06-21", nullptr},
        // French first of the month
        Row{"1er juin 2024", "2024-06-01", nullptr},
        // French weekday, "à" and the 13h36 clock
        Row{"vendredi 21 juin 2024 \xC3\xA0 13h36", "2024-06-21", "2024-06-21T13:36:00"},
        // French abbreviation with its period, accented
        Row{"3 f\xC3\xA9vr. 2024", "2024-02-03", nullptr},
        // French capitals fold with ICU
        Row{"21 F\xC3\x89VRIER 2024", "2024-02-21", nullptr},
        // real (lemonde-1): numeric date with a French time
        Row{"Le Monde | 04.05.2015 \xC3\xA0 13h36", "2015-05-04", "2015-05-04T13:36:00"},
        // German day with a period
        Row{"21. Juni 2024", "2024-06-21", nullptr},
        // German weekday, time with "um"
        Row{"Freitag, 21. Juni 2024 um 10:21 Uhr", "2024-06-21", "2024-06-21T10:21:00"},
        // German umlaut
        Row{"3. M\xC3\xA4rz 2024", "2024-03-03", nullptr},
        // Austrian January (de_AT)
        Row{"5. J\xC3\xA4nner 2024", "2024-01-05", nullptr},
        // Spanish "de ... de"
        Row{"21 de junio de 2024", "2024-06-21", nullptr},
        // Spanish "del" before the year, ordinal indicator
        Row{"1\xC2\xBA de junio del 2024", "2024-06-01", nullptr},
        // Peruvian September (es_PE)
        Row{"5 de setiembre de 2023", "2023-09-05", nullptr},
        // real (ultimahora.es <time datetime>): weekday, no "de", time
        Row{"jueves, 09 enero 2014 10:21", "2014-01-09", "2014-01-09T10:21:00"},
        // Spanish abbreviation in lower case
        Row{"21 ago 2024", "2024-08-21", nullptr},
        // Portuguese
        Row{"21 de junho de 2024", "2024-06-21", nullptr},
        Row{"3 de mar\xC3\xA7o de 2024", "2024-03-03", nullptr},
        // real (folha): day.abbreviation.year and "às 12h55"
        Row{"21.dez.2018 \xC3\xA0s 12h55", "2018-12-21", "2018-12-21T12:55:00"},
        // Czech genitive month
        Row{"21. \xC4\x8D" "ervna 2024", "2024-06-21", nullptr},
        Row{"1. listopadu 2021", "2021-11-01", nullptr},
        // Czech numeric date with spaces
        Row{"1. 11. 2021", "2021-11-01", nullptr},
        // Italian, Dutch, Polish genitive, Russian genitive with "года"
        Row{"21 giugno 2024", "2024-06-21", nullptr},
        Row{"21 juni 2024", "2024-06-21", nullptr},
        Row{"21 czerwca 2024", "2024-06-21", nullptr},
        Row{"21 \xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F 2024 \xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB0",
            "2024-06-21", nullptr},
        // Hindi, real (ilner-hindi-dates)
        Row{"22 \xE0\xA4\x9C\xE0\xA5\x82\xE0\xA4\xA8 1964", "1964-06-22", nullptr},
        // Hindi with a comma, real (ilner-hindi-dates): 01 जुलाई, 1964
        Row{"01 \xE0\xA4\x9C\xE0\xA5\x81\xE0\xA4\xB2\xE0\xA4\xBE\xE0\xA4\x88, 1964",
            "1964-07-01", nullptr},
        // Hindi in Devanagari digits: २२ जून १९६४
        Row{"\xE0\xA5\xA8\xE0\xA5\xA8 \xE0\xA4\x9C\xE0\xA5\x82\xE0\xA4\xA8 "
            "\xE0\xA5\xA7\xE0\xA5\xAF\xE0\xA5\xAC\xE0\xA5\xAA",
            "1964-06-22", nullptr},
        // Hindi without the nukta: फरवरी for ICU's फ़रवरी
        Row{"5 \xE0\xA4\xAB\xE0\xA4\xB0\xE0\xA4\xB5\xE0\xA4\xB0\xE0\xA5\x80 2024",
            "2024-02-05", nullptr},
        // Hindi half-nasal spelling from data/dates/month_names.tsv: सितम्बर
        Row{"10 \xE0\xA4\xB8\xE0\xA4\xBF\xE0\xA4\xA4\xE0\xA4\xAE\xE0\xA5\x8D"
            "\xE0\xA4\xAC\xE0\xA4\xB0 2023",
            "2023-09-10", nullptr},
        // Arabic (Egyptian names)
        Row{"21 \xD9\x8A\xD9\x88\xD9\x86\xD9\x8A\xD9\x88 2024", "2024-06-21", nullptr},
        // Arabic, Levantine name: 21 حزيران 2024
        Row{"21 \xD8\xAD\xD8\xB2\xD9\x8A\xD8\xB1\xD8\xA7\xD9\x86 2024", "2024-06-21",
            nullptr},
        // Arabic two-word Levantine name: 5 كانون الثاني 2024
        Row{"5 \xD9\x83\xD8\xA7\xD9\x86\xD9\x88\xD9\x86 "
            "\xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x86\xD9\x8A 2024",
            "2024-01-05", nullptr},
        // real (CNN Arabic): both names after a slash, Arabic commas, bare alef in اغسطس
        Row{"\xD8\xA7\xD9\x84\xD8\xA3\xD8\xB1\xD8\xA8\xD8\xB9\xD8\xA7\xD8\xA1\xD8\x8C 28 "
            "\xD8\xA2\xD8\xA8/\xD8\xA7\xD8\xBA\xD8\xB3\xD8\xB7\xD8\xB3 2013\xD8\x8C",
            "2013-08-28", nullptr},
        // Arabic-Indic digits: ٢١ يونيو ٢٠٢٤
        Row{"\xD9\xA2\xD9\xA1 \xD9\x8A\xD9\x88\xD9\x86\xD9\x8A\xD9\x88 "
            "\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA4",
            "2024-06-21", nullptr},
        // Maghreb name (ar_DZ): 21 جوان 2024
        Row{"21 \xD8\xAC\xD9\x88\xD8\xA7\xD9\x86 2024", "2024-06-21", nullptr},
        // Thai, Buddhist era: 21 มิถุนายน 2567
        Row{"21 \xE0\xB8\xA1\xE0\xB8\xB4\xE0\xB8\x96\xE0\xB8\xB8\xE0\xB8\x99"
            "\xE0\xB8\xB2\xE0\xB8\xA2\xE0\xB8\x99 2567",
            "2024-06-21", nullptr},
        // real (prachatai): abbreviation with inner periods, year glued on: 21 ม.ค.2561
        Row{"21 \xE0\xB8\xA1.\xE0\xB8\x84.2561", "2018-01-21", nullptr},
        // Thai two-digit Buddhist year: 21 มิ.ย. 67
        Row{"21 \xE0\xB8\xA1\xE0\xB8\xB4.\xE0\xB8\xA2. 67", "2024-06-21", nullptr},
        // Thai in Thai digits: ๒๑ ม.ค. ๒๕๖๗
        Row{"\xE0\xB9\x92\xE0\xB9\x91 \xE0\xB8\xA1.\xE0\xB8\x84. "
            "\xE0\xB9\x92\xE0\xB9\x95\xE0\xB9\x96\xE0\xB9\x97",
            "2024-01-21", nullptr},
        // Japanese in full-width digits: ２０２４年６月２１日
        Row{"\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94\xE5\xB9\xB4"
            "\xEF\xBC\x96\xE6\x9C\x88\xEF\xBC\x92\xEF\xBC\x91\xE6\x97\xA5",
            "2024-06-21", nullptr},
        // real (nikkei): the year right after a Han character, weekday in brackets
        Row{"\xE6\x97\xA5\xE6\x9C\xAC\xE7\xB5\x8C\xE6\xB8\x88\xE6\x96\xB0\xE8\x81\x9E"
            "2018\xE5\xB9\xB4"
            "6\xE6\x9C\x88"
            "20\xE6\x97\xA5\xEF\xBC\x88\xE6\xB0\xB4\xEF\xBC\x89",
            "2018-06-20", nullptr},
        // Korean dotted date
        Row{"2024. 6. 21.", "2024-06-21", nullptr},
        // Persian digits and name: ۲۱ ژوئن ۲۰۲۴
        Row{"\xDB\xB2\xDB\xB1 \xDA\x98\xD9\x88\xD8\xA6\xD9\x86 "
            "\xDB\xB2\xDB\xB0\xDB\xB2\xDB\xB4",
            "2024-06-21", nullptr},
        // a Spanish month first, as some Latin American outlets write it
        Row{"junio 21, 2024", "2024-06-21", nullptr},
        // not a date: another language's abbreviation opens no month-first date
        Row{"pro 5, 2024", nullptr, nullptr},
        // not a date: a capitalised foreign abbreviation without a period is a word
        Row{"Windows 11 Pro 2024", nullptr, nullptr},
        // not a date: "mar" (Spanish March, also "sea") without a day
        Row{"el mar, 2024", nullptr, nullptr},
        // not a date: a month and a year without a day
        Row{"juin 2024", nullptr, nullptr},
        // not a date: a month name inside a longer word
        Row{"21 juinet 2024", nullptr, nullptr}));

// The ICU-built lookup itself: every form a date uses, one row per language.
TEST(MonthNames, NamesFromIcuInEveryForm) {
    const std::vector<std::pair<const char*, int>> rows = {
        {"June", 6}, {"jun", 6}, {"Sept.", 9}, {"juin", 6}, {"juil.", 7}, {"Juni", 6},
        {"M\xC3\xA4rz", 3}, {"junio", 6}, {"junho", 6},
        {"\xC4\x8D" "ervna", 6},   // Czech genitive (FORMAT)
        {"\xC4\x8D" "erven", 6},   // Czech nominative (STANDALONE)
        {"\xE0\xA4\x9C\xE0\xA5\x82\xE0\xA4\xA8", 6},                      // जून
        {"\xE0\xA4\x9C\xE0\xA4\xA8\xE0\xA5\xB0", 1},                      // जन॰
        {"\xD9\x8A\xD9\x88\xD9\x86\xD9\x8A\xD9\x88", 6},                  // يونيو
        {"\xD8\xAD\xD8\xB2\xD9\x8A\xD8\xB1\xD8\xA7\xD9\x86", 6},        // حزيران
        {"\xE0\xB8\xA1\xE0\xB8\xB4.\xE0\xB8\xA2.", 6},                     // มิ.ย.
        {"6\xEC\x9B\x94", 0},  // "6월" is read by the CJK shape, not here
    };
    for (const auto& [word, month] : rows) {
        const auto m = month_word(word);
        EXPECT_EQ(m ? m->month : 0, month) << word;
    }
    EXPECT_TRUE(month_word("June")->english);
    EXPECT_FALSE(month_word("juin")->english);
    EXPECT_TRUE(month_word("juin")->wide);
    EXPECT_FALSE(month_word("led")->wide);  // Czech abbreviation of leden
    EXPECT_TRUE(month_word("\xE0\xB8\xA1.\xE0\xB8\x84.")->buddhist_era);  // ม.ค.
    EXPECT_FALSE(month_word("monday"));
}

TEST(MonthNames, WeekdaysAreIsoNumbered) {
    EXPECT_EQ(weekday_word("Monday"), 1);
    EXPECT_EQ(weekday_word("vendredi"), 5);
    EXPECT_EQ(weekday_word("Freitag"), 5);
    EXPECT_EQ(weekday_word("domingo"), 7);
    EXPECT_EQ(weekday_word("\xE0\xA4\xB6\xE0\xA5\x81\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB0"
                           "\xE0\xA4\xB5\xE0\xA4\xBE\xE0\xA4\xB0"),
              5);  // शुक्रवार
    EXPECT_EQ(weekday_word("\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xB9\xD8\xA9"), 5);  // الجمعة
    EXPECT_EQ(weekday_word("\xE9\x87\x91\xE6\x9B\x9C\xE6\x97\xA5"), 5);  // 金曜日
    EXPECT_EQ(weekday_word("June"), 0);
}

TEST(MonthNames, KeysFoldCaseAndSpellingVariants) {
    EXPECT_EQ(calendar_key("F\xC3\x89VR."), "f\xC3\xA9vr");  // FÉVR. -> févr
    // फ़रवरी (precomposed nukta letter) and फरवरी share a key.
    EXPECT_EQ(calendar_key("\xE0\xA5\x9E\xE0\xA4\xB0\xE0\xA4\xB5\xE0\xA4\xB0\xE0\xA5\x80"),
              calendar_key("\xE0\xA4\xAB\xE0\xA4\xB0\xE0\xA4\xB5\xE0\xA4\xB0\xE0\xA5\x80"));
    // أغسطس and اغسطس share a key.
    EXPECT_EQ(calendar_key("\xD8\xA3\xD8\xBA\xD8\xB3\xD8\xB7\xD8\xB3"),
              calendar_key("\xD8\xA7\xD8\xBA\xD8\xB3\xD8\xB7\xD8\xB3"));
}

TEST(FindDateInText, FindsDatelineInsideRunningText) {
    auto d = find_date_in_text("WASHINGTON, June 21, 2024 - The Senate voted");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->date, "2024-06-21");
}

TEST(FindDateInText, FindsWikinewsDatelineAtBodyStart) {
    auto d = find_date_in_text("Friday, January 4, 2019 \n\nOn Wednesday, the police said");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->date, "2019-01-04");
}

TEST(FindDateInText, StopsAfterMaxBytes) {
    const std::string text = std::string(500, 'x') + " June 21, 2024";
    EXPECT_FALSE(find_date_in_text(text, 400));
    EXPECT_TRUE(find_date_in_text(text, 600));
}

TEST(FindDateInText, IgnoresCompactDigitsInText) {
    EXPECT_FALSE(find_date_in_text("Call 20240621 now"));
}

TEST(FindDateInText, FindsHindiDatesInTheRealFixtureSentence) {
    // tests/fixtures/intl/ilner-hindi-dates.txt, IL-NER Hindi: the sentence holding
    // "22 जून 1964" and, further on, "01 जुलाई, 1964".
    const std::string text = test::fixture("intl/ilner-hindi-dates.txt");
    const auto at = text.find("22 \xE0\xA4\x9C\xE0\xA5\x82\xE0\xA4\xA8");
    ASSERT_NE(at, std::string::npos);
    const auto sentence_start = text.rfind("\xE0\xA5\xA4", at);  // the previous danda
    ASSERT_NE(sentence_start, std::string::npos);
    const std::string_view sentence = std::string_view(text).substr(sentence_start + 3);
    const auto first = find_date_in_text(sentence);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->date, "1964-06-22");
    const auto second = find_date_in_text(sentence.substr(at - sentence_start - 3 + 10));
    ASSERT_TRUE(second);
    EXPECT_EQ(second->date, "1964-07-01");
}

TEST(FindDateInText, ReadsEveryDateInTheHindiFixture) {
    // The first date of every sentence (ended by a danda) that has one, in order.
    const std::string text = test::fixture("intl/ilner-hindi-dates.txt");
    const std::string_view danda = "\xE0\xA5\xA4";
    std::vector<std::string> dates;
    for (std::size_t start = 0; start < text.size();) {
        auto end = text.find(danda, start);
        if (end == std::string::npos) end = text.size();
        const std::string_view sentence = std::string_view(text).substr(start, end - start);
        if (auto d = find_date_in_text(sentence, sentence.size())) dates.push_back(d->date);
        start = end + danda.size();
    }
    EXPECT_EQ(dates, (std::vector<std::string>{"1964-06-22", "2004-10-01", "2021-08-20",
                                               "1979-11-28", "2019-07-22"}))
        << ::testing::PrintToString(dates);
}

}  // namespace
}  // namespace newsdesk
