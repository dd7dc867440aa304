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

// A pair is looked up in the index (pair_near) when at most this many articles
// hold both its terms.
inline constexpr Xapian::doccount kPairArticlesLookedUp = 32;

// Terms `a` and `b` within `window` words of each other, either order: the
// articles `a NEAR b` matches in `db`, each weighed as that NEAR weighs it,
// and its two terms counted among the query's subqueries as the NEAR's are
// (so Xapian's percentages are the same too).
//
// A NEAR as the right side of AND_MAYBE (the boost read_words adds) costs
// Xapian 1.4 a test of both terms' positions for every article of the left
// side it checks while the NEAR waits at an article that holds both words
// apart: on the 20,000-article benchmark `chicago neat` took 22.5M
// instructions (9.7M with the look-up below). And where that NEAR shares an
// OR with another subquery (nested AND_MAYBEs under a FILTER merge their
// right sides), Xapian counted it at such an article once it had been checked
// there before, though its words stand apart. So where at most
// kPairArticlesLookedUp articles hold both terms, the NEAR is run once alone
// over them and restricted to those it matches, by their id terms:
// `(a NEAR b) FILTER (Q... OR Q...)`, or `(a NEAR b) AND_NOT (a AND b)` when
// it matches none. Otherwise, or when an article it matches has no id term
// of its own, the NEAR as it is.
[[nodiscard]] Xapian::Query pair_near(const std::string& a, const std::string& b, Xapian::termcount window,
                                      const Xapian::Database& db);

// pair_near for each pair of consecutive words of `text` after the stopwords
// of `languages` are dropped, over the unstemmed headline and body terms
// (which carry positions), ORed; empty when `text` has fewer than two such
// words.
[[nodiscard]] Xapian::Query word_pairs_near(const std::string& text, const std::vector<std::string>& languages,
                                            Xapian::termcount window, const Xapian::Database& db);

}  // namespace newsdesk
