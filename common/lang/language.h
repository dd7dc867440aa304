// Language codes, stemmer choice and writing scripts, shared by indexer and
// searcher so stems at index and query time cannot drift apart.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdesk {

// The BCP 47 primary subtag of `language`, lower case ("pt-BR" -> "pt",
// "zh_Hant" -> "zh"); empty when it is not 2 or 3 ASCII letters.
[[nodiscard]] std::string primary_language(std::string_view language);

// The stemmer for a BCP 47 language code: Xapian's Snowball stemmer when Xapian
// 1.4 has one, else libstemmer's (Hindi, Greek, Serbian, Yiddish; see
// common/lang/snowball_stem.h), else the "none" stemmer. Only the primary subtag
// counts; anything that is not a language code ("english", "porter", "") gets
// "none", so a stemmer is never picked by algorithm name. Each call builds a new
// stemmer: give each thread its own.
[[nodiscard]] Xapian::Stem stemmer_for(std::string_view language);

// Whether text read with `stem` is indexed and searched with the accents of
// Latin letters folded (fold_for_search, common/unicode_fold.h): with the
// English stemmer, which ignores accents while English news writes foreign
// names with them (Vázquez, Müller, Agnès), and with none. The other Snowball
// stemmers read accents (French "adoptée" and "adopté" stem alike only with
// them), so text they stem keeps its accents.
[[nodiscard]] bool folds_accents(const Xapian::Stem& stem);

// Whether every word `stem` reads keeps its first letter when that is ASCII:
// the stem of "Forays" starts with 'f', so a word is compared with a set of
// stems by its first letter before it is stemmed (searcher/snippet.cpp). True
// for English (Porter2 changes only suffixes and a y it restores) and none;
// false for the stemmers that strip prefixes (Irish, Indonesian) and for those
// not checked against real text.
[[nodiscard]] bool keeps_first_letter(const Xapian::Stem& stem);

// Whether, more than that, a stem of two letters or more keeps the ASCII
// word's second letter too, unless that is a y (Porter2's "dying" -> "die",
// "lying", "tying"): so a word is compared with the stems sought by its first
// two letters (searcher/snippet.cpp). True for English (checked against the
// words of corpus/wikinews, and outside the tests against every string of up
// to four letters with Porter2's suffixes, 11.4 million) and none; false
// where keeps_first_letter is.
[[nodiscard]] bool keeps_first_two_letters(const Xapian::Stem& stem);

// Whether, more than that, the ASCII word begins with its stem's letters but
// the last two ("campaign" cannot stem to "capt", whose "ca" it has, nor
// "committed" to "committe", whose "commit" it has: Porter2 rewrites at most
// the last two letters of what it keeps, "ational" -> "ate", "biliti" ->
// "ble", a final y -> i, and its exceptions' stems, "die" from "dying", have
// three letters): so a word is compared with the stems sought by their
// beginnings before it is stemmed (searcher/snippet.cpp). True for English
// (checked against the words of corpus/wikinews, and outside the tests
// against the 38,665 body words of 200,000 scaled BBC articles and 3 million strings
// of up to eight letters with Porter2's suffixes) and none.
[[nodiscard]] bool keeps_stem_start(const Xapian::Stem& stem);

// Whether the stem of every ASCII word `stem` reads is no longer than the word,
// so a word shorter than every stem sought needs no stemming either
// (searcher/snippet.cpp). True for English (Porter2 removes suffixes, and what
// it puts back, an e or a y, replaces more than it adds) and none; false for
// the stemmers not checked against real text.
[[nodiscard]] bool never_lengthens(const Xapian::Stem& stem);

// Whether stemmer_for(language) stems at all.
[[nodiscard]] bool has_stemmer(std::string_view language);

// The ISO 15924 code of the script `word` is written in: that of its first
// letter with a script of its own ("Latn", "Deva", "Arab", "Hani", "Hira");
// empty when it has none (digits, punctuation).
[[nodiscard]] std::string script_of(std::string_view word);

// Whether `language` is written in `script`: ICU's likely script for the
// language (Japanese: Hira, Kana and Hani; Korean: Hang and Hani), and Latn for
// Serbian too, whose Snowball stemmer reads both alphabets. True for a language
// ICU knows no script for.
[[nodiscard]] bool script_fits(std::string_view script, std::string_view language);

// Whether code point `c` is Han, Hiragana, Katakana or Hangul: the characters
// Xapian's CJK n-gram mode indexes as single characters and pairs.
[[nodiscard]] bool is_cjk(char32_t c);

// Whether any code point of the UTF-8 `text` is_cjk.
[[nodiscard]] bool has_cjk(std::string_view text);

}  // namespace newsdesk
