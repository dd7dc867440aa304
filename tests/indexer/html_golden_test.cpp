// Golden checks over real pages (tests/fixtures/html, provenance in
// tests/fixtures/README.md): each page's .expected.json states facts checked
// by hand against the page: headline, date, byline, captions, and phrases the
// body must and must not contain.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "indexer/formats/parsers.h"
#include "indexer/input/input.h"

namespace newsdesk {
namespace {

const std::filesystem::path kDir = std::filesystem::path(NEWSDESK_FIXTURES) / "html";


std::vector<std::string> fixture_names() {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(kDir)) {
        const auto name = e.path().filename().string();
        if (name.ends_with(".expected.json")) names.push_back(name.substr(0, name.size() - 14));
    }
    std::sort(names.begin(), names.end());
    return names;
}

class HtmlGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(HtmlGolden, MatchesHandCheckedFacts) {
    const auto name = GetParam();
    std::ifstream in(kDir / (name + ".expected.json"));
    const auto expected = nlohmann::json::parse(in);
    const auto article = parse_html(load_file(kDir / (name + ".html.gz")), name + ".html");

    EXPECT_EQ(article.headline, expected.at("headline").get<std::string>());
    if (expected.at("date").is_null())
        EXPECT_FALSE(article.date) << *article.date;
    else
        EXPECT_EQ(article.date.value_or("(none)"), expected.at("date").get<std::string>());
    EXPECT_EQ(article.byline, expected.at("byline").get<std::vector<std::string>>());
    for (const auto& c : expected.at("captions")) {
        const auto text = c.at("text").get<std::string>();
        auto it = std::find_if(article.captions.begin(), article.captions.end(),
                               [&](const Caption& got) { return got.text == text; });
        ASSERT_NE(it, article.captions.end()) << "caption missing: " << text;
        if (c.at("credit").is_null())
            EXPECT_FALSE(it->credit) << *it->credit;
        else
            EXPECT_EQ(it->credit.value_or("(none)"), c.at("credit").get<std::string>());
    }
    for (const auto& phrase : expected.at("body_must_contain"))
        EXPECT_NE(article.body.find(phrase.get<std::string>()), std::string::npos)
            << "body lacks: " << phrase;
    for (const auto& phrase : expected.at("body_must_not_contain"))
        EXPECT_EQ(article.body.find(phrase.get<std::string>()), std::string::npos)
            << "body has: " << phrase;
}

INSTANTIATE_TEST_SUITE_P(Pages, HtmlGolden, ::testing::ValuesIn(fixture_names()),
                         [](const auto& info) {
                             std::string n = info.param;
                             std::replace_if(
                                 n.begin(), n.end(),
                                 [](char c) { return !std::isalnum((unsigned char)c); }, '_');
                             return n;
                         });

}  // namespace
}  // namespace newsdesk
