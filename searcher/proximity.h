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
// hold both its terms; in one local database, at most
// kPairArticlesLookedUpLocally (the look-up tests positions once in each of
// them, where the match with the NEAR tested them again and again: a sentence
// of common words cost 0.7G to 1.4G instructions at 20,000 articles).
inline constexpr Xapian::doccount kPairArticlesLookedUp = 32;
inline constexpr Xapian::doccount kPairArticlesLookedUpLocally = 20000;

// How far pair_near may look a pair up: not at all where a shard is remote
// (reading a posting list there fetches it whole over the network), up to
// kPairArticlesLookedUp articles in a local collection, and up to
// kPairArticlesLookedUpLocally in one local database, whose docids a query
// may name.
enum class PairLookup { none, few, many };

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
// there before, though its words stand apart. So where few articles hold both
// terms (kPairArticlesLookedUp; kPairArticlesLookedUpLocally when
// `lookup` many: `db` is one database, none of it remote, and the
// match runs on it), the NEAR is run once alone over them, and the pair is
// restricted to the articles it matches:
//   none:      `(a NEAR b) AND_NOT (a AND b)`;
//   a few:     `(a NEAR b) FILTER (Q... OR Q...)`, by their id terms (the NEAR
//              as it is if one has no id term of its own);
//   many:      `(a AND b) AND_NOT DocidSet(...)`, the articles holding both
//              where the NEAR failed taken out by their docids (no positions
//              tested in the match; a PostingSource beside a FILTER would
//              count as a matching subquery, on the right of AND_NOT it
//              counts as none).
// Otherwise the NEAR as it is.
[[nodiscard]] Xapian::Query pair_near(const std::string& a, const std::string& b, Xapian::termcount window,
                                      const Xapian::Database& db, PairLookup lookup = PairLookup::few);

// pair_near for each pair of consecutive words of `text` after the stopwords
// of `languages` are dropped, over the unstemmed headline and body terms
// (which carry positions), ORed; empty when `text` has fewer than two such
// words.
[[nodiscard]] Xapian::Query word_pairs_near(const std::string& text, const std::vector<std::string>& languages,
                                            Xapian::termcount window, const Xapian::Database& db,
                                            PairLookup lookup = PairLookup::few);

}  // namespace newsdesk
