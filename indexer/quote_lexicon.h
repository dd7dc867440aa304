// Curated word lists for quote attribution (data/quotes/*.txt, described in
// data/README.md). Loaded once, on first use, thread-safely; read-only after.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace newsdesk {

// Gender a pronoun or honorific implies: 'm', 'f', or 'x' (unknown / plural).
using Gender = char;

struct QuoteLexicon {
    std::unordered_set<std::string> speech_verbs;        // every inflected form
    std::unordered_map<std::string, Gender> pronouns;    // "he" -> 'm'
    std::unordered_map<std::string, Gender> honorifics;  // "ms" -> 'f'
    std::unordered_set<std::string> title_words;         // "sen", "speaker"
    std::unordered_set<std::string> abbreviations;       // keep their period
    std::unordered_set<std::string> not_names;           // "the", "monday"
    std::unordered_set<std::string> organisation_words;  // "ministry", "center"
    std::unordered_set<std::string> place_words;         // "korea", "states"
    std::unordered_set<std::string> skip_words;          // "also", "has"

    // All queries take a lower-case word without a final period.
    [[nodiscard]] bool is_speech_verb(std::string_view w) const;
    [[nodiscard]] bool is_skip_word(std::string_view w) const;
};

// Throws newsdesk::Error when a data file is missing.
[[nodiscard]] const QuoteLexicon& quote_lexicon();

}  // namespace newsdesk
