// common/facet_set.h: the bytes of slot::facets. A set reads back as the
// sorted, de-duplicated tagged values it was made of; each value's id is the
// same in every article (so counting ids counts values), and the forms of one
// person's name share a group id (so they count as one person).
#include <gtest/gtest.h>

#include <map>
#include <optional>
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

std::vector<std::pair<std::uint64_t, std::uint64_t>> ids(std::string_view encoded, bool* complete = nullptr) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    const bool ok = for_each_facet_id(encoded, [&](std::uint64_t id, std::uint64_t group) { out.emplace_back(id, group); });
    if (complete) *complete = ok;
    return out;
}

// slot::facet_ids holds the entries of slot::facets, in the same order, as ids.
TEST(FacetIdSet, HoldsTheIdsOfTheSetInItsOrderWithTheGroupsOfPeople) {
    const std::vector<std::string> tagged{"len", "cRU", "cKP", "pJohn R. Bolton", "d20240621", "iUnited Nations", "cKP"};
    const auto read = ids(encode_id_set(tagged));
    const std::string set = encode_set(tagged);
    const auto full = entries(set);  // views into `set`
    ASSERT_EQ(read.size(), full.size());
    for (std::size_t i = 0; i < full.size(); ++i) {
        EXPECT_EQ(read[i].first, facet_id(full[i].tag, full[i].value)) << full[i].value;
        EXPECT_EQ(read[i].first, facet_id(full[i].tag, full[i].value, full[i].id)) << "from the stored hash";
        EXPECT_EQ(facet_id_tag(read[i].first), full[i].tag);
        EXPECT_EQ(read[i].second, full[i].group) << full[i].value;
    }
    EXPECT_EQ(encode_id_set({}), "");
}

TEST(FacetIdSet, DatesCodesAndShortValuesAreReadFromTheIdLongOnesAreNot) {
    const auto text_of = [](char tag, std::string_view value) -> std::optional<std::string> {
        std::string out;
        if (!facet_id_text(facet_id(tag, value), out)) return std::nullopt;
        return out;
    };
    EXPECT_EQ(text_of('d', "20240621"), "20240621");
    EXPECT_EQ(text_of('d', "00010101"), "00010101");  // leading zeros kept
    EXPECT_EQ(text_of('c', "KP"), "KP");
    EXPECT_EQ(text_of('l', "zh-Hant"), std::nullopt);  // 7 bytes: hashed
    EXPECT_EQ(text_of('l', "pt-BR"), "pt-BR");
    EXPECT_EQ(text_of('i', "NATO"), "NATO");
    EXPECT_EQ(text_of('i', "United Nations"), std::nullopt);
    EXPECT_EQ(text_of('d', "2024-06-21"), std::nullopt);  // not 8 digits: hashed like any text
    // The tag tells facets apart whatever the id's kind.
    EXPECT_NE(facet_id('c', "KP"), facet_id('s', "KP"));
    EXPECT_NE(facet_id('i', "United Nations"), facet_id('s', "United Nations"));
    EXPECT_NE(facet_id('d', "20240621"), facet_id('d', "20240622"));
}

TEST(FacetIdSet, ASetOfAnotherFormatIsReportedIncomplete) {
    bool complete = true;
    (void)ids(encode_set({"cKP", "len"}).substr(0, 11), &complete);  // not a whole number of ids
    EXPECT_FALSE(complete);
    std::string set = encode_id_set({"pVictor Cha"});
    set.resize(12);  // the group cut short
    EXPECT_TRUE(ids(set, &complete).empty());
    EXPECT_FALSE(complete);
}

}  // namespace
}  // namespace newsdesk
