// newsdesk-search's command line (searcher/cli/cli_request.h): a plain command
// line read directly gives exactly what cxxopts gives with the program's
// options; any other goes to cxxopts (whose help and errors cli_test pins).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/error.h"
#include "searcher/cli/cli_request.h"

namespace {

using newsdesk::SearchArgs;

std::vector<const char*> argv_of(const std::vector<std::string>& words) {
    std::vector<const char*> argv{"newsdesk-search"};
    for (const auto& w : words) argv.push_back(w.c_str());
    return argv;
}

SearchArgs through_cxxopts(const std::vector<std::string>& words) {
    cxxopts::Options options("newsdesk-search");
    newsdesk::add_command_line_options(options);
    const auto argv = argv_of(words);
    return newsdesk::search_args(options.parse(static_cast<int>(argv.size()), argv.data()));
}

std::optional<SearchArgs> read_plainly(const std::vector<std::string>& words) {
    const auto argv = argv_of(words);
    return newsdesk::plain_search_args(static_cast<int>(argv.size()), argv.data());
}

TEST(CommandLine, APlainCommandLineReadsAsCxxoptsReadsIt) {
    const std::vector<std::vector<std::string>> lines = {
        {},
        {"kim"},
        {"north", "korea", "china"},
        {"--limit", "5", "north", "korea"},
        {"--db", "var/news.db", "--json", "sanctions"},
        {"--limit=3", "--offset=20", "--db=x", "pact"},
        {"--offset", "0", "--limit", "999999999", "q"},
        {"--sort", "date", "--facets", "country,expert", "--filter", "country=KP", "--filter", "lang=en", "q"},
        {"--filter=source=the hindu", "headline:pact date:2024"},
        {"--facets", "date", "--date-histogram", "month", "--facet-size", "3", "q"},
        {"--no-collapse", "--quotes", "--explain", "restraint"},
        {"--experts", "russia north korea pact"},
        {"--like", "https://example.org/a?b=c", "--csv", "--all"},
        {"\"security pact\"", "+kim", "diplom*", "country:KP"},
        {"--sort", "nowhere"},  // a bad value is request_from_args' to report, with the option's name
    };
    for (const auto& line : lines) {
        const auto plain = read_plainly(line);
        ASSERT_TRUE(plain.has_value()) << ::testing::PrintToString(line);
        EXPECT_EQ(*plain, through_cxxopts(line)) << ::testing::PrintToString(line);
    }
}

TEST(CommandLine, AnythingElseIsLeftToCxxopts) {
    const std::vector<std::vector<std::string>> lines = {
        {"--help"},
        {"-h"},
        {"--version"},
        {"--bogus", "q"},
        {"kim", "-putin"},           // cxxopts reads -putin as options
        {"--", "-putin"},
        {"kim,putin"},               // cxxopts splits a word at its commas
        {"--filter", "country=KP,RU"},
        {""},
        {"--limit"},                 // a missing value
        {"--limit", "abc"},
        {"--limit", "010"},
        {"--limit", "-5"},
        {"--limit", "1234567890"},
        {"--limit", "5", "--limit", "6"},  // given twice
        {"--json", "--json", "q"},
        {"--json=true", "q"},
        {"--db", "--json"},          // cxxopts takes the next word as the value, whatever it is
        {"--db="},
        {"--query", "kim"},
    };
    for (const auto& line : lines) EXPECT_FALSE(read_plainly(line).has_value()) << ::testing::PrintToString(line);
}

TEST(CommandLine, TheArgumentsMakeTheRequest) {
    const auto cli = newsdesk::request_from_args(*read_plainly(
        {"--limit", "5", "--facets", "country", "--date-histogram", "year", "--filter", "country=KP", "north", "korea"}));
    EXPECT_EQ(cli.request.query, "north korea");
    EXPECT_EQ(cli.request.limit, 5u);
    EXPECT_EQ(cli.request.facets, (std::vector<std::string>{"country", "date"}));
    EXPECT_EQ(cli.request.filters.size(), 1u);
    EXPECT_THROW((void)newsdesk::request_from_args(*read_plainly({"--sort", "nowhere"})), newsdesk::UsageError);
    EXPECT_THROW((void)newsdesk::request_from_args(*read_plainly({"--quotes", "--experts"})), newsdesk::UsageError);
}

}  // namespace
