// searcher/value_tally.h: the counts facets are made of. Checked against
// std::map on many values of every length, through many rehashes.
#include "searcher/value_tally.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace newsdesk {
namespace {

std::map<std::string, Xapian::doccount> as_map(const ValueTally& tally) {
    std::map<std::string, Xapian::doccount> out;
    tally.for_each([&](std::string_view value, Xapian::doccount count) {
        EXPECT_TRUE(out.emplace(value, count).second) << "value listed twice: " << value;
    });
    return out;
}

TEST(ValueTally, SumsTheCountsOfEachDistinctValue) {
    const std::vector<std::string> values = {"cKP", "cRU", "cKP", "pVictor Cha", "", "cKP", "pVictor Ch"};
    ValueTally tally(1);
    for (const auto& v : values) tally.add(v, 2);
    const std::map<std::string, Xapian::doccount> expected{
        {"", 2}, {"cKP", 6}, {"cRU", 2}, {"pVictor Ch", 2}, {"pVictor Cha", 2}};
    EXPECT_EQ(as_map(tally), expected);
    EXPECT_EQ(tally.size(), expected.size());
}

TEST(ValueTally, AgreesWithAnOrderedMapThroughManyRehashes) {
    // Values of every length from 0 to 40 bytes, differing in one byte
    // anywhere (the hash reads 8-byte words, 4-byte halves and single bytes).
    std::vector<std::string> values;
    for (std::size_t length = 0; length <= 40; ++length)
        for (std::size_t at = 0; at < std::max<std::size_t>(length, 1); ++at)
            for (char c : {'a', 'b', '\x1f', '\xe2'}) {
                std::string v(length, 'x');
                if (length > 0) v[at] = c;
                values.push_back(v);
            }
    ValueTally tally(4);
    std::map<std::string, Xapian::doccount> expected;
    for (std::size_t round = 0; round < 3; ++round)
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto count = static_cast<Xapian::doccount>(i % 7 + 1);
            tally.add(values[i], count);
            expected[values[i]] += count;
        }
    EXPECT_EQ(as_map(tally), expected);
    EXPECT_EQ(tally.size(), expected.size());
}

}  // namespace
}  // namespace newsdesk
