// Word tokens for the entity extractor: byte offsets into the original text (so
// names keep their spelling), capitalisation and sentence-start flags.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace newsdesk::entities {

struct Token {
    std::size_t begin = 0;  // byte offsets into the tokenised text
    std::size_t end = 0;
    std::string_view text;
    bool word = false;            // letters/digits; false for a punctuation mark
    bool capitalised = false;     // first letter upper case
    bool upper = false;           // two or more letters, all upper case ("CSIS", "U.S.")
    bool digit = false;           // contains a digit
    bool sentence_start = false;  // first word of a sentence or of the text
    bool hyphen_before = false;   // joined to the previous word by a hyphen
};

// Words are runs of letters, digits and inner apostrophes; dotted abbreviations
// ("U.S.", "U.N.") and initials ("J.") keep their periods. A hyphen splits words
// ("Russia-North" -> "Russia", "North") so each part can be looked up.
// `abbreviations` (lower case, without the period: "mr", "gen", "inc") are words
// whose following period does not end a sentence.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text,
                                          const std::unordered_set<std::string>& abbreviations);

// Letters and digits of any script are word characters; general punctuation,
// symbols and spaces are not.
[[nodiscard]] bool is_word_cp(char32_t cp);

// True when the text is written in capitals (an agency headline): at least 60%
// of its letters upper case. Capitalisation is then no evidence of a name.
[[nodiscard]] bool is_shouting(std::string_view text);

}  // namespace newsdesk::entities
