// parse_date / find_date_in_text as a table: input -> expected date and datetime.
#include "common/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

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
        // both <= 12: day first by rule (see common/dates.cpp)
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

}  // namespace
}  // namespace newsdesk
