// Curated word lists for quote attribution (data/quotes/*.txt, described in
// data/README.md). Loaded once, on first use, thread-safely; read-only after.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace newsdesk {

// Gender a pronoun or honorific implies: 'm', 'f', 'x' (unknown / plural: never
// resolved), or 'a' (any one person: Hindi उन्होंने is he or she, resolved to the
// latest speaker whatever the gender).
using Gender = char;

struct QuoteLexicon {
    std::unordered_set<std::string> speech_verbs;        // every inflected form
    std::unordered_map<std::string, Gender> pronouns;    // "he" -> 'm'
    std::unordered_map<std::string, Gender> given_genders;  // "hillary" -> 'f', for "he" / "she"
    std::unordered_map<std::string, Gender> honorifics;  // "ms" -> 'f'
    std::unordered_set<std::string> title_words;         // "sen", "speaker", "former", "republican"
    std::unordered_set<std::string> role_words;          // "spokesman", "nurse": heads of titles
    std::unordered_set<std::string> abbreviations;       // keep their period
    std::unordered_set<std::string> not_names;           // "the", "monday"
    std::unordered_set<std::string> opener_words;        // "across", "often": opening a sentence, no name
    std::unordered_set<std::string> organisation_words;  // "ministry", "center"
    std::unordered_set<std::string> place_words;         // "korea", "states"
    std::unordered_set<std::string> skip_words;          // "also", "has", "a" (a déclaré)
    std::unordered_set<std::string> speech_nouns;        // "accusation", "slogan": said by their owner
    // Single words that cite a source like "according to": "selon", "laut", "según".
    std::unordered_set<std::string> according_to;
    // Postpositions after the source they cite, Hindi "X के मुताबिक": "मुताबिक".
    std::unordered_set<std::string> according_to_after;
    // Words that cite the speaker right after a German-marked quote: „…“, so X.
    std::unordered_set<std::string> after_quote_cues;
    // Postpositions marking the speaker before a verb in Hindi: "X ने कहा".
    std::unordered_set<std::string> subject_markers;
    // Words that end a name in scripts without capitals (Hindi postpositions).
    std::unordered_set<std::string> function_words;

    // All queries take a lower-case word without a final period.
    [[nodiscard]] bool is_speech_verb(std::string_view w) const;
    [[nodiscard]] bool is_skip_word(std::string_view w) const;
};

// Throws newsdesk::Error when a data file is missing.
[[nodiscard]] const QuoteLexicon& quote_lexicon();

}  // namespace newsdesk
