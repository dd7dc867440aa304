// End to end, article language (issue 5): pages indexed by newsdesk-index are
// found by newsdesk-search's lang: filter and counted by the language facet
// under the language detected from their text.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "tests/support/e2e_support.h"

namespace {

using newsdesk::test::kIndex;
using newsdesk::test::kSeed;
using newsdesk::test::run;
using newsdesk::test::search_json;
using newsdesk::test::TempDir;

const std::string kFixtures = std::string(NEWSDESK_SOURCE_DIR) + "/tests/fixtures";

std::vector<std::string> headlines(const nlohmann::json& result) {
    std::vector<std::string> out;
    for (const auto& hit : result["hits"]) out.push_back(hit["headline"]);
    return out;
}

TEST(LanguageEndToEnd, LangFilterAndFacetUseTheDetectedLanguage) {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto indexed = run({kIndex, "--db", db, kFixtures + "/html/readability-heise.html.gz",
                              kFixtures + "/html/readability-liberation-1.html.gz",
                              // declares no language: found under zh by detection alone
                              kFixtures + "/intl/newspaper4k-chinese_article_001.html.gz", kSeed});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;

    EXPECT_EQ(headlines(search_json(db, {"lang:de"})),
              std::vector<std::string>{"1Password für Mac generiert Einmal-Passwörter"});
    EXPECT_EQ(headlines(search_json(db, {"lang:fr"})),
              std::vector<std::string>{"Un troisième Français mort dans le séisme au Népal"});
    EXPECT_EQ(headlines(search_json(db, {"lang:zh"})),
              std::vector<std::string>{"外国专家：中美合作共赢符合国际社会利益"});
    EXPECT_EQ(search_json(db, {"lang:en"})["hits"].size(), 1u);  // the seed

    const auto all = search_json(db, {"--facets", "language", ""});
    std::map<std::string, int> counts;
    for (const auto& v : all["facets"]["language"]) counts[v["value"]] = v["count"];
    EXPECT_EQ(counts, (std::map<std::string, int>{{"de", 1}, {"en", 1}, {"fr", 1}, {"zh", 1}}));
}

}  // namespace
