// What part of a capitalised run names a person. Shared by the entity scan
// (people) and quote attribution (speakers, experts), so both read "United
// States Senator from Vermont Bernie Sanders" as Bernie Sanders.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace newsdesk::entities {

// One word of a capitalised run; hyphenated words ("Fourteen-year-old") are one.
struct RunWord {
    std::string_view text;  // as written
    std::string key;        // lookup_key(text)
    bool sentence_start = false;
};

// How many leading words of `run` describe the person instead of naming them:
// an age or origin compound ("Fourteen-year-old Zoe", "Virginia-based"), an
// adverb opening the sentence ("Reportedly Smith"), a word never in a name
// ("Twitter West"), a hyphenated title ("Vice-President Biden"), an owner ("Native
// American Rights Fund's Jacqueline De León"), and words before a given
// name that are a place, a title, an organisation word or a word the article
// also writes in lower case ("Vermont Bernie Sanders", "United States Joe
// Biden", "State Mike Pompeo" of "Secretary of State"). At least one word is
// always left; a prefix is dropped before a given name only when two or more
// words follow it, so "Jordan Henderson" and "Ray Charles" stay whole.
[[nodiscard]] std::size_t descriptor_words(const std::vector<RunWord>& run,
                                           const std::unordered_set<std::string>& lower_words);

// True when no given name opens `run` ("Jude Law", "James Cagney film" are
// people; a given name that is also a place may open a thing: "Paris Métro")
// and it ends in a word that heads names of things ("Natural Law", "Bangalore
// Tippu Express", "Geological Survey", "Wikinews"), or `next` (the lower-case
// words right after the run) opens with such a word ("Adult Swim television
// channel"); or the run is a known institution, ends in an organisation word
// ("Coast Guard"), or is a place, or a place and one more word ("Hong Kong",
// "Utah Jazz", "Baltimore Sun").
[[nodiscard]] bool names_a_thing(const std::vector<RunWord>& run, const std::vector<std::string>& next);

}  // namespace newsdesk::entities
