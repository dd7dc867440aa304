// Proximity of the query words: a question typed as a sentence often names a
// thing in several words ("ngo dinh diem", "north korea", "nuclear test ban");
// articles where those words stand near each other are more likely about it.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace newsdesk {

// Whether `text` is plain words only: no field prefix, quote, bracket, +/-
// or operator in capitals. Only such a query gets a proximity boost.
[[nodiscard]] bool is_plain_words(const std::string& text);

// One OP_NEAR (within `window` words, either order) per pair of consecutive
// words of `text` after the stopwords of `languages` are dropped, over the
// unstemmed headline and body terms (which carry positions), ORed; empty when
// `text` has fewer than two such words.
[[nodiscard]] Xapian::Query word_pairs_near(const std::string& text, const std::vector<std::string>& languages,
                                            Xapian::termcount window);

}  // namespace newsdesk
