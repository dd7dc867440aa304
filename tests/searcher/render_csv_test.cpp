// CSV cells as RFC 4180 and spreadsheets need them (searcher/render_csv.h).
#include "searcher/render_csv.h"

#include <sstream>

#include <gtest/gtest.h>

namespace newsdesk {
namespace {

TEST(CsvCell, PlainTextStaysAsItIs) {
    EXPECT_EQ(csv_cell("Victor Cha"), "Victor Cha");
    EXPECT_EQ(csv_cell("Pjöngjang – 평양"), "Pjöngjang – 평양");  // UTF-8 untouched
    EXPECT_EQ(csv_cell(""), "");
    EXPECT_EQ(csv_cell("it's"), "it's");
}

TEST(CsvCell, CommasQuotesAndLineBreaksAreQuotedWithQuotesDoubled) {
    EXPECT_EQ(csv_cell("Russia-North Korea pact could dent China’s influence, but Beijing still holds sway"),
              "\"Russia-North Korea pact could dent China’s influence, but Beijing still holds sway\"");
    EXPECT_EQ(csv_cell("He said \"no\""), "\"He said \"\"no\"\"\"");
    EXPECT_EQ(csv_cell("line one\nline two"), "\"line one\nline two\"");
    EXPECT_EQ(csv_cell("a\r\nb"), "\"a\r\nb\"");
}

TEST(CsvCell, ACellASpreadsheetWouldRunBecomesText) {
    EXPECT_EQ(csv_cell("=HYPERLINK(\"http://evil.example\",\"click\")"),
              "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
    EXPECT_EQ(csv_cell("+1 555 0100"), "'+1 555 0100");
    EXPECT_EQ(csv_cell("-2+3"), "'-2+3");
    EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_cell("\tcmd"), "'\tcmd");
    EXPECT_EQ(csv_cell("\rcmd"), "\"'\rcmd\"");
    // Only the first character matters.
    EXPECT_EQ(csv_cell("North Korea = DPRK"), "North Korea = DPRK");
}

TEST(CsvRow, CellsAreJoinedByCommasAndEndWithCrLf) {
    std::ostringstream out;
    write_csv_row({"2024-06-21", "Pact, signed", "", "=1"}, out);
    EXPECT_EQ(out.str(), "2024-06-21,\"Pact, signed\",,'=1\r\n");
}

TEST(CsvRows, AHitWithoutUrlNamesItsFileAndListsJoinWithSemicolons) {
    SearchResult result;
    Hit hit;
    hit.article.headline = "Pact could dent China's influence";
    hit.article.date = "2024-06-21";
    hit.article.path = "/archive/seed/pact-china-influence.txt";
    hit.article.countries = {{"KP", "North Korea", 9}, {"CN", "China", 12}};
    hit.article.experts = {{"Victor Cha", std::nullopt, std::nullopt, 5}, {"Danny Russel", std::nullopt, std::nullopt, 4}};
    result.hits.push_back(hit);
    std::ostringstream out;
    render_csv(result, out);
    EXPECT_EQ(out.str(),
              "date,headline,source,url,countries,experts\r\n"
              "2024-06-21,Pact could dent China's influence,,/archive/seed/pact-china-influence.txt,"
              "North Korea; China,Victor Cha; Danny Russel\r\n");
}

}  // namespace
}  // namespace newsdesk
