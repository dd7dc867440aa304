// common/facet_set.h: the bytes of slot::facets. A set reads back as the
// sorted, de-duplicated tagged values it was made of; each value's id is the
// same in every article (so counting ids counts values), and the forms of one
// person's name share a group id (so they count as one person).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "common/facet_set.h"
#include "common/hash.h"
#include "common/person_key.h"

namespace newsdesk {
namespace {

std::vector<FacetEntry> entries(std::string_view encoded, bool* complete = nullptr) {
    std::vector<FacetEntry> out;
    const bool ok = for_each_facet_entry(encoded, [&](const FacetEntry& e) { out.push_back(e); });
    if (complete) *complete = ok;
    return out;
}

TEST(FacetSet, ReadsBackSortedWithoutDuplicatesOrEmptyValues) {
    const std::string set = encode_set({"len", "cRU", "cKP", "cKP", "c", "pVictor Cha", "d20240621"});
    EXPECT_EQ(decode_set(set), (std::vector<std::string>{"cKP", "cRU", "d20240621", "len", "pVictor Cha"}));
    EXPECT_EQ(encode_set({}), "");
}

TEST(FacetSet, AValueHasOneIdInEveryArticleAndTheTagTellsFacetsApart) {
    std::map<std::string, std::uint64_t> ids;
    const std::vector<std::string> sets{encode_set({"cKP", "len"}), encode_set({"lko", "cKP", "sKP"})};
    for (const auto& set : sets)
        for (const auto& e : entries(set)) {
            const std::string tagged = e.tag + std::string(e.value);
            EXPECT_EQ(e.id, fnv1a(tagged)) << tagged;
            ids.emplace(tagged, e.id);
        }
    EXPECT_EQ(ids.size(), 4u);
    EXPECT_NE(ids.at("cKP"), ids.at("sKP"));
}

TEST(FacetSet, FormsOfOnePersonShareAGroupOtherFacetsHaveNone) {
    const std::string set = encode_set({"pJohn R. Bolton", "pJohn Bolton", "eMr. Victor Cha", "iUnited Nations"});
    const auto read = entries(set);  // views into `set`
    ASSERT_EQ(read.size(), 4u);
    std::map<std::string, std::uint64_t> group;
    for (const auto& e : read) group[e.tag + std::string(e.value)] = e.group;
    EXPECT_EQ(group.at("pJohn R. Bolton"), group.at("pJohn Bolton"));
    EXPECT_EQ(group.at("pJohn Bolton"), fnv1a(person_key("John Bolton")));
    EXPECT_EQ(group.at("eMr. Victor Cha"), fnv1a(person_key("Victor Cha")));
    EXPECT_EQ(group.at("iUnited Nations"), 0u);
}

TEST(FacetSet, LongValuesKeepTheirLength) {
    const std::string name(300, 'x');
    const std::string set = encode_set({"i" + name, "len"});
    const auto read = entries(set);
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].value, name);
    EXPECT_EQ(read[1].value, "en");
}

TEST(FacetSet, AValueOfAnotherFormatStopsTheReadingAtTheBrokenEntry) {
    bool complete = true;
    // Schema 2's form: tagged values joined by U+001F.
    EXPECT_TRUE(entries("cKP\x1f" "len", &complete).empty());
    EXPECT_FALSE(complete);
    std::string set = encode_set({"cKP", "len"});
    set.pop_back();  // "en" cut short
    const auto read = entries(set, &complete);
    EXPECT_FALSE(complete);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].value, "KP");
}

}  // namespace
}  // namespace newsdesk
