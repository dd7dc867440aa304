// Sharded collections kept up to date (issue 9): `newsdesk-index --update` on a
// collection writes each article to its shard and touches no other shard; an
// article whose date moves leaves its old shard; closed time shards are
// compacted once and left alone; retention drops the oldest; a scheme that
// does not match is refused. The real binary on generated JSON Lines files.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/e2e_support.h"

namespace newsdesk::test {
namespace {

namespace fs = std::filesystem;

std::string article(const std::string& url, const std::string& date, const std::string& words) {
    return nlohmann::json{{"url", url},
                          {"title", "Council notes on " + words},
                          {"date", date},
                          {"text", "The council met to discuss " + words +
                                       ". Members spoke for several hours about the plan.\n\n"
                                       "A vote is expected next month, officials said."}}
               .dump() +
           "\n";
}

Run update(const std::string& db, const std::vector<std::string>& extra, const std::string& input) {
    std::vector<std::string> argv{kIndex, "--update", "--no-entities", "--db", db};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(input);
    return run(argv);
}

// Stub entry of each shard ("2019" -> "shards/2019@1").
std::map<std::string, std::string> entries(const std::string& db) {
    std::map<std::string, std::string> out;
    std::istringstream stub(read_file(fs::path(db) / "XAPIANDB"));
    for (std::string line; std::getline(stub, line);) {
        if (line.rfind("auto shards/", 0) != 0) continue;
        const std::string entry = line.substr(5);
        out[entry.substr(7, entry.find('@') == std::string::npos ? std::string::npos : entry.find('@') - 7)] = entry;
    }
    return out;
}

// Each shard's revision: Xapian's commit counter, which only a write moves.
std::map<std::string, Xapian::rev> revisions(const std::string& db) {
    std::map<std::string, Xapian::rev> out;
    for (const auto& [name, entry] : entries(db)) out[name] = Xapian::Database((fs::path(db) / entry).string()).get_revision();
    return out;
}

Xapian::doccount docs_in(const std::string& db, const std::string& shard) {
    return Xapian::Database((fs::path(db) / entries(db).at(shard)).string()).get_doccount();
}

std::string this_year() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    return std::to_string(1900 + utc.tm_year);
}

TEST(Collections, AnUpdateWritesOnlyTheShardsWhoseArticlesChanged) {
    TempDir dir;
    fs::create_directories(dir / "src");
    write_file(dir / "src" / "a.jsonl", article("https://example.org/a", "2019-03-01", "bridges"));
    write_file(dir / "src" / "b.jsonl", article("https://example.org/b", "2020-05-01", "tunnels"));
    write_file(dir / "src" / "c.jsonl", article("https://example.org/c", "2021-07-01", "ferries"));
    const std::string db = (dir / "news").string();
    auto r = update(db, {"--shard-by", "year"}, (dir / "src").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto before = revisions(db);
    ASSERT_EQ(before.size(), 3u);

    write_file(dir / "src" / "b.jsonl", article("https://example.org/b", "2020-05-01", "gryphonwort tunnels"));
    r = update(db, {}, (dir / "src").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto after = revisions(db);
    EXPECT_EQ(after.at("2019"), before.at("2019"));
    EXPECT_EQ(after.at("2021"), before.at("2021"));
    EXPECT_GT(after.at("2020"), before.at("2020"));
    EXPECT_EQ(search_json(db, {"gryphonwort"})["hits"].size(), 1u);
    EXPECT_EQ(search_json(db, {"council"})["hits"].size(), 3u);
}

TEST(Collections, AnArticleWhoseDateMovesLeavesItsOldShard) {
    TempDir dir;
    const auto file = dir / "a.jsonl";
    write_file(file, article("https://example.org/a", "2019-03-01", "bridges"));
    const std::string db = (dir / "news").string();
    ASSERT_EQ(update(db, {"--shard-by", "year"}, file.string()).exit_code, 0);
    write_file(file, article("https://example.org/a", "2021-03-01", "bridges"));
    const auto r = update(db, {}, file.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(docs_in(db, "2019"), 0u);
    EXPECT_EQ(docs_in(db, "2021"), 1u);
    const auto hits = search_json(db, {"bridges"})["hits"];
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0]["date"], "2021-03-01");
}

TEST(Collections, AGoneFileTakesItsArticlesFromEveryShard) {
    TempDir dir;
    fs::create_directories(dir / "src");
    write_file(dir / "src" / "two-years.jsonl", article("https://example.org/a", "2019-03-01", "bridges") +
                                                    article("https://example.org/b", "2020-03-01", "bridges"));
    write_file(dir / "src" / "stays.jsonl", article("https://example.org/c", "2020-04-01", "ferries"));
    const std::string db = (dir / "news").string();
    ASSERT_EQ(update(db, {"--shard-by", "year"}, (dir / "src").string()).exit_code, 0);
    fs::remove(dir / "src" / "two-years.jsonl");
    const auto r = update(db, {}, (dir / "src").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("1 deleted"), std::string::npos) << r.err;
    EXPECT_EQ(docs_in(db, "2019"), 0u);
    EXPECT_EQ(docs_in(db, "2020"), 1u);
    EXPECT_TRUE(search_json(db, {"bridges"})["hits"].empty());
}

TEST(Collections, ClosedShardsAreCompactedOnceAndLeftAlone) {
    TempDir dir;
    fs::create_directories(dir / "src");
    write_file(dir / "src" / "old.jsonl", article("https://example.org/a", "2019-03-01", "bridges"));
    write_file(dir / "src" / "new.jsonl", article("https://example.org/b", this_year() + "-01-01", "ferries"));
    const std::string db = (dir / "news").string();
    auto r = update(db, {"--shard-by", "year", "--close-after", "0"}, (dir / "src").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("compacted shards 2019\n"), std::string::npos) << r.err;
    auto shards = entries(db);
    EXPECT_EQ(shards.at("2019"), "shards/2019@1");
    EXPECT_EQ(shards.at(this_year()), "shards/" + this_year()) << "this year is not over: not closed";
    EXPECT_EQ(Xapian::Database(db + "/shards/2019@1").get_metadata("newsdesk:compacted"), "1");
    EXPECT_EQ(search_json(db, {"bridges"})["hits"].size(), 1u);

    // Left alone: nothing to compact, nothing written, the copy it replaced removed.
    const auto before = revisions(db);
    r = update(db, {"--close-after", "0"}, (dir / "src").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err.find("compacted"), std::string::npos) << r.err;
    EXPECT_EQ(entries(db), shards);
    EXPECT_EQ(revisions(db), before);
    EXPECT_FALSE(fs::exists(db + "/shards/2019"));

    // Written to again, it is compacted again.
    write_file(dir / "src" / "old.jsonl", article("https://example.org/a", "2019-03-01", "gryphonwort bridges"));
    r = update(db, {"--close-after", "0"}, (dir / "src").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("compacted shards 2019\n"), std::string::npos) << r.err;
    EXPECT_EQ(entries(db).at("2019"), "shards/2019@2");
    EXPECT_EQ(search_json(db, {"gryphonwort"})["hits"].size(), 1u);
}

TEST(Collections, RetentionKeepsTheNewestShards) {
    TempDir dir;
    std::string lines;
    for (const char* year : {"2017", "2018", "2019", "2020"})
        lines += article(std::string("https://example.org/") + year, std::string(year) + "-06-01", "bridges");
    write_file(dir / "a.jsonl", lines);
    const std::string db = (dir / "news").string();
    const auto r = update(db, {"--shard-by", "year", "--retain", "2"}, (dir / "a.jsonl").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("dropped shards 2017,2018"), std::string::npos) << r.err;
    std::map<std::string, std::string> expected{{"2019", "shards/2019"}, {"2020", "shards/2020"}};
    EXPECT_EQ(entries(db), expected);
    const auto hits = search_json(db, {"--facets", "date", "bridges"});
    EXPECT_EQ(hits["total"], 2);
    // The dropped shards' directories go at the next run, and they stay dropped.
    ASSERT_EQ(update(db, {"--retain", "2"}, (dir / "a.jsonl").string()).exit_code, 0);
    EXPECT_FALSE(fs::exists(db + "/shards/2017"));
    EXPECT_EQ(entries(db), expected);
}

TEST(Collections, ASchemeThatDoesNotMatchIsAUsageError) {
    TempDir dir;
    write_file(dir / "a.jsonl", article("https://example.org/a", "2019-03-01", "bridges"));
    const std::string sharded = (dir / "sharded").string(), single = (dir / "single").string();
    ASSERT_EQ(update(sharded, {"--shard-by", "year"}, (dir / "a.jsonl").string()).exit_code, 0);
    ASSERT_EQ(run({kIndex, "--db", single, (dir / "a.jsonl").string()}).exit_code, 0);
    for (const auto& r : {update(sharded, {"--shard-by", "month"}, (dir / "a.jsonl").string()),
                          run({kIndex, "--db", sharded, "--shard-by", "hash:4", (dir / "a.jsonl").string()}),
                          update(single, {"--shard-by", "year"}, (dir / "a.jsonl").string()),
                          run({kIndex, "--db", single, "--shard-by", "year", (dir / "a.jsonl").string()}),
                          run({kIndex, "--db", (dir / "new").string(), "--shard-by", "week", (dir / "a.jsonl").string()})}) {
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    EXPECT_EQ(search_json(sharded, {"bridges"})["hits"].size(), 1u);
    EXPECT_EQ(search_json(single, {"bridges"})["hits"].size(), 1u);
}

TEST(Collections, AFullIndexIntoACollectionWritesItsShardsInPlace) {
    TempDir dir;
    write_file(dir / "a.jsonl", article("https://example.org/a", "2019-03-01", "bridges"));
    write_file(dir / "b.jsonl", article("https://example.org/b", "2022-03-01", "ferries"));
    const std::string db = (dir / "news").string();
    auto r = run({kIndex, "--db", db, "--shard-by", "year", (dir / "a.jsonl").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("collection " + db + " holds 1 articles"), std::string::npos) << r.err;
    r = run({kIndex, "--db", db, (dir / "b.jsonl").string(), (dir / "a.jsonl").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, std::string> expected{{"2019", "shards/2019"}, {"2022", "shards/2022"}};
    EXPECT_EQ(entries(db), expected);
    EXPECT_EQ(search_json(db, {"council"})["hits"].size(), 2u);  // a.jsonl replaced, not duplicated
}

}  // namespace
}  // namespace newsdesk::test
