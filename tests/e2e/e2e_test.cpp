// End to end: the real newsdesk-index and newsdesk-search binaries on a real
// database in the test's own temporary directory, over the bundled corpus.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/e2e_support.h"

namespace {

using newsdesk::test::run;
using newsdesk::test::TempDir;
using newsdesk::test::write_file;

using newsdesk::test::kCorpus;
using newsdesk::test::kIndex;
using newsdesk::test::kSearch;
using newsdesk::test::kSeed;
using newsdesk::test::search_json;

std::vector<std::string> hit_ids(const nlohmann::json& result) {
    std::vector<std::string> ids;
    for (const auto& hit : result["hits"]) ids.push_back(hit["id"]);
    return ids;
}

// The bundled corpus, indexed once per run, for the read-only tests below.
class IndexedCorpus : public newsdesk::test::CorpusTest {};

TEST_F(IndexedCorpus, SummaryCountsFilesAndArticles) {
    EXPECT_NE(index_stderr.find("0 failed"), std::string::npos) << index_stderr;
    // 295 Wikinews articles in two JSONL files, the seed and three IPTC stories;
    // the corpus's README and licence files are passed over, and counted as such.
    EXPECT_NE(index_stderr.find("299 articles indexed"), std::string::npos) << index_stderr;
    EXPECT_NE(index_stderr.find("3 skipped as not articles"), std::string::npos) << index_stderr;
    const auto all = search_json(db, {"--limit", "0", ""});
    EXPECT_EQ(all["total"].get<int>(), 299);
    EXPECT_TRUE(all["exact"].get<bool>());
}

TEST_F(IndexedCorpus, SeedArticleIsFoundByItsSubjectAndRanksFirstForItsHeadline) {
    const auto result = search_json(db, {"headline:pact china influence"});
    ASSERT_FALSE(result["hits"].empty());
    EXPECT_EQ(result["hits"][0]["date"], "2024-06-21");
    EXPECT_EQ(result["hits"][0]["headline"],
              "Russia-North Korea pact could dent China’s influence, but Beijing still holds sway over both");
}

TEST_F(IndexedCorpus, WikinewsArticlesKeepTheirUrlAsId) {
    const auto result = search_json(db, {"magnitogorsk"});
    ASSERT_FALSE(result["hits"].empty());
    const std::string url = result["hits"][0]["url"];
    EXPECT_EQ(url.rfind("https://en.wikinews.org/wiki/Magnitogorsk", 0), 0u) << url;
    EXPECT_EQ(result["hits"][0]["id"], url);
}

TEST_F(IndexedCorpus, DateRangeKeepsOnlyArticlesInsideIt) {
    const auto result = search_json(db, {"--limit", "100", "date:2019-01-01..2019-01-31"});
    ASSERT_FALSE(result["hits"].empty());
    for (const auto& hit : result["hits"]) {
        const std::string date = hit["date"];
        EXPECT_TRUE(date >= "2019-01-01" && date <= "2019-01-31") << date;
    }
}

TEST_F(IndexedCorpus, SortByDatePutsNewestFirst) {
    const auto result = search_json(db, {"--sort", "date", "--limit", "20", "president"});
    ASSERT_GE(result["hits"].size(), 2u);
    for (std::size_t i = 1; i < result["hits"].size(); ++i)
        EXPECT_GE(result["hits"][i - 1]["date"].get<std::string>(), result["hits"][i]["date"].get<std::string>());
}

TEST_F(IndexedCorpus, TextOutputShowsHeadlineDateAndMarkedSnippet) {
    const auto r = run({kSearch, "--db", db, "restraint"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("2024-06-21"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("**restraint**"), std::string::npos) << r.out;
}

TEST_F(IndexedCorpus, NoMatchExitsZeroAndSaysSo) {
    const auto r = run({kSearch, "--db", db, "xylophonequartz"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("No matches"), std::string::npos) << r.out;
}

TEST_F(IndexedCorpus, QueryErrorsAreOneLineAndExitTwo) {
    const auto r = run({kSearch, "--db", db, "date:someday"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("someday"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST(Index, ReindexingReplacesInsteadOfDuplicating) {
    TempDir dir;
    const auto db = (dir / "db").string();
    ASSERT_EQ(run({kIndex, "--db", db, kSeed}).exit_code, 0);
    const auto again = run({kIndex, "--db", db, kSeed});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.err.find("holds 1 articles"), std::string::npos) << again.err;
}

TEST(Index, BadFilesAreReportedSkippedAndDoNotLoseIndexedArticles) {
    TempDir dir;
    const auto db = (dir / "db").string();
    ASSERT_EQ(run({kIndex, "--db", db, kSeed}).exit_code, 0);

    const auto in = dir / "in";
    std::filesystem::create_directory(in);
    write_file(in / "empty.html", "");
    write_file(in / "binary.bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20));
    write_file(in / "truncated.xml", "<?xml version=\"1.0\"?><nitf><head><title>Cut");
    write_file(in / "good.txt", "Harbour reopens after storm\n\nThe harbour reopened on Tuesday after the storm.\n");

    const auto r = run({kIndex, "--db", db, in.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    for (const char* name : {"empty.html", "binary.bin", "truncated.xml"})
        EXPECT_NE(r.err.find((in / name).string() + ": "), std::string::npos) << name << "\n" << r.err;
    EXPECT_NE(r.err.find("3 failed"), std::string::npos) << r.err;

    EXPECT_EQ(hit_ids(search_json(db, {"harbour"})).size(), 1u);
    EXPECT_EQ(hit_ids(search_json(db, {"restraint"})).size(), 1u);  // the seed is still there
}

TEST(Index, ExtractPrintsJsonLinesAndWritesNoDatabase) {
    TempDir dir;
    const auto r = run({kIndex, "--extract", kSeed}, {"NEWSDESK_DB=" + (dir / "db").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto record = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    EXPECT_EQ(record["path"], kSeed);
    EXPECT_EQ(record["date"], "2024-06-21");
    for (const char* key : {"id", "url", "source", "language", "headline", "byline", "captions", "body", "quotes",
                            "experts", "people", "institutions", "countries"})
        EXPECT_TRUE(record.contains(key)) << key;
    EXPECT_FALSE(std::filesystem::exists(dir / "db"));
}

TEST(Index, DatabaseFromEnvironmentWhenNoDbOption) {
    TempDir dir;
    const std::string env = "NEWSDESK_DB=" + (dir / "envdb").string();
    ASSERT_EQ(run({kIndex, "--quiet", kSeed}, {env}).exit_code, 0);
    EXPECT_TRUE(std::filesystem::exists(dir / "envdb"));
    const auto r = run({kSearch, "--json", "restraint"}, {env});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Cli, UsageErrorsExitTwoAndMissingDatabaseExitsOne) {
    EXPECT_EQ(run({kIndex}).exit_code, 2);
    EXPECT_EQ(run({kIndex, "--no-such-option", kSeed}).exit_code, 2);
    EXPECT_EQ(run({kSearch, "--sort", "sideways", "x"}).exit_code, 2);
    TempDir dir;
    const auto missing = run({kSearch, "--db", (dir / "nothing").string(), "x"});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find((dir / "nothing").string()), std::string::npos) << missing.err;
}

TEST(Cli, HelpTeachesAndExitsZero) {
    const auto index_help = run({kIndex, "--help"});
    EXPECT_EQ(index_help.exit_code, 0);
    EXPECT_NE(index_help.out.find("Examples:"), std::string::npos);
    const auto search_help = run({kSearch, "--help"});
    EXPECT_EQ(search_help.exit_code, 0);
    EXPECT_NE(search_help.out.find("date:2024-06-01..2024-06-30"), std::string::npos);
}

}  // namespace
