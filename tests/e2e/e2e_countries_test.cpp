// End to end, countries named in other languages (issue 5): Hindi, Arabic and
// German articles from tests/fixtures/ indexed by newsdesk-index, then found by
// newsdesk-search under the ISO code, the English name or the name in Hindi.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/support/e2e_support.h"

namespace {

using newsdesk::test::kIndex;
using newsdesk::test::run;
using newsdesk::test::TempDir;

const std::string kFixtures = std::string(NEWSDESK_SOURCE_DIR) + "/tests/fixtures";

std::vector<std::string> paths(const nlohmann::json& result) {
    std::vector<std::string> out;
    for (const auto& hit : result["hits"]) {
        const std::string path = hit.value("path", hit.value("id", ""));
        out.push_back(std::filesystem::path(path).filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(CountriesE2E, HindiTextFoundByCodeAndByNameInAnyLanguage) {
    TempDir dir;
    const auto in = dir / "in";
    std::filesystem::create_directory(in);
    for (const char* name : {"intl/ilner-hindi-diplomacy.txt", "intl/ilner-hindi-neighbours.txt",
                             "intl/newspaper4k-arabic_article.html.gz", "html/readability-heise.html.gz"})
        std::filesystem::copy_file(kFixtures + "/" + name, in / std::filesystem::path(name).filename());
    const auto db = (dir / "db").string();
    const auto indexed = run({kIndex, "--quiet", "--db", db, in.string()});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;

    // Only the diplomacy text names Russia (रूस).
    const auto by_code = newsdesk::test::search_json(db, {"country:RU"});
    EXPECT_EQ(paths(by_code), std::vector<std::string>{"ilner-hindi-diplomacy.txt"});
    EXPECT_EQ(paths(newsdesk::test::search_json(db, {"country:russia"})), paths(by_code));
    EXPECT_EQ(paths(newsdesk::test::search_json(db, {"country:रूस"})), paths(by_code));
    EXPECT_EQ(paths(newsdesk::test::search_json(db, {"country:SY"})),
              std::vector<std::string>{"newspaper4k-arabic_article.html.gz"});

    // The facet counts India once per article whatever script named it, under its English name.
    const auto faceted = newsdesk::test::search_json(db, {"--facets", "country", "country:IN"});
    ASSERT_EQ(faceted["total"], 2);
    const auto& counts = faceted["facets"]["country"];
    const auto india = std::find_if(counts.begin(), counts.end(), [](const auto& c) { return c["value"] == "IN"; });
    ASSERT_NE(india, counts.end()) << counts.dump();
    EXPECT_EQ((*india)["count"], 2);
    EXPECT_EQ((*india)["label"], "India");
}

}  // namespace
