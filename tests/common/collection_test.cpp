// common/db/collection.h: which shard an article goes to, when a time shard's
// period ends, and the collection's stub, as a table of cases.
#include "common/db/collection.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/lang/dates.h"
#include "common/schema.h"

namespace newsdesk {
namespace {

namespace fs = std::filesystem;

Article dated(std::optional<std::string> date) {
    Article a;
    a.id = "https://example.org/a";
    a.date = std::move(date);
    return a;
}

TEST(ShardScheme, ParsesTheSchemesItNamesAndNothingElse) {
    EXPECT_EQ(ShardScheme::parse("year"), (ShardScheme{ShardScheme::Kind::year, 0}));
    EXPECT_EQ(ShardScheme::parse("month"), (ShardScheme{ShardScheme::Kind::month, 0}));
    EXPECT_EQ(ShardScheme::parse("hash:2"), (ShardScheme{ShardScheme::Kind::hash, 2}));
    EXPECT_EQ(ShardScheme::parse("hash:256"), (ShardScheme{ShardScheme::Kind::hash, 256}));
    for (const char* bad : {"", "Year", "week", "hash", "hash:", "hash:1", "hash:257", "hash:4x", "hash:-4", "hash: 4"})
        EXPECT_FALSE(ShardScheme::parse(bad)) << bad;
    for (const char* text : {"year", "month", "hash:16"}) EXPECT_EQ(ShardScheme::parse(text)->to_string(), text);
}

TEST(ShardScheme, TimeShardsFollowTheDateAndUndatedArticlesHaveOneOfTheirOwn) {
    const auto year = *ShardScheme::parse("year"), month = *ShardScheme::parse("month");
    const std::string term = id_term("https://example.org/a");
    EXPECT_EQ(year.shard_of(dated("2024-06-21"), term), "2024");
    EXPECT_EQ(month.shard_of(dated("2024-06-21"), term), "2024-06");
    for (const auto& date : {std::optional<std::string>{}, std::optional<std::string>{""},
                             std::optional<std::string>{"June 2024"}, std::optional<std::string>{"20x4-06-01"}}) {
        EXPECT_EQ(year.shard_of(dated(date), term), "undated") << date.value_or("(none)");
        EXPECT_EQ(month.shard_of(dated(date), term), "undated") << date.value_or("(none)");
    }
    EXPECT_TRUE(year.by_time());
    EXPECT_FALSE(ShardScheme::parse("hash:4")->by_time());
}

TEST(ShardScheme, HashShardsDependOnTheIdAloneAndSpreadOverAll) {
    const auto four = *ShardScheme::parse("hash:4");
    std::map<std::string, int> seen;
    for (int i = 0; i < 400; ++i) {
        const std::string term = id_term("https://example.org/" + std::to_string(i));
        const auto shard = four.shard_of(dated("2024-06-21"), term);
        EXPECT_EQ(four.shard_of(dated(std::nullopt), term), shard) << "the date does not move an article";
        ++seen[shard];
    }
    ASSERT_EQ(seen.size(), 4u);
    for (const auto& [shard, n] : seen) {
        EXPECT_TRUE(shard == "h00" || shard == "h01" || shard == "h02" || shard == "h03") << shard;
        EXPECT_GT(n, 60) << shard;  // 100 expected each
    }
}

TEST(ShardPeriod, EndsOnTheFirstDayAfterItsYearOrMonth) {
    EXPECT_EQ(shard_period_end("2024"), days_since_epoch("2025-01-01"));
    EXPECT_EQ(shard_period_end("2024-06"), days_since_epoch("2024-07-01"));
    EXPECT_EQ(shard_period_end("2024-12"), days_since_epoch("2025-01-01"));
    for (const char* none : {"undated", "h03", "2024-13", "2024-00", "24", "2024-6"})
        EXPECT_FALSE(shard_period_end(none)) << none;
}

TEST(CollectionStub, NamesControlFirstThenTheShardsInOrder) {
    const fs::path dir = fs::temp_directory_path() / ("newsdesk-collection-test-" + std::to_string(::getpid()));
    fs::create_directories(dir / "control");
    write_collection_stub(dir.string(), {{"2024", "shards/2024"}, {"2019", "shards/2019@2"}, {"undated", "shards/undated"}});
    std::ifstream in(dir / "XAPIANDB");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text.substr(text.find("auto ")),
              "auto control\nauto shards/2019@2\nauto shards/2024\nauto shards/undated\n");
    EXPECT_TRUE(is_collection(dir.string()));
    const std::vector<ShardEntry> expected{{"2019", "shards/2019@2"}, {"2024", "shards/2024"}, {"undated", "shards/undated"}};
    EXPECT_EQ(read_collection_stub(dir.string()), expected);

    // The nightly job's live stub names one directory: writers write there.
    std::ofstream(dir / "live.stub") << "# live\nauto live.stub.d/gen-1\n";
    EXPECT_EQ(resolve_write_target((dir / "live.stub").string()), (dir / "live.stub.d" / "gen-1").string());
    std::ofstream(dir / "two.stub") << "auto a\nauto b\n";
    EXPECT_EQ(resolve_write_target((dir / "two.stub").string()), (dir / "two.stub").string());
    std::ofstream(dir / "remote.stub") << "remote 10.0.0.1:7100\n";
    EXPECT_EQ(resolve_write_target((dir / "remote.stub").string()), (dir / "remote.stub").string());
    fs::remove_all(dir);
}

}  // namespace
}  // namespace newsdesk
