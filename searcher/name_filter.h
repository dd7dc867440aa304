// Names by any part: `person:putin`, `expert:cha`, `institution:"health
// organization"` find the people and institutions whose indexed name holds
// every word typed, whatever else it holds ("vladimir putin", "victor cha").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdesk {

// At most this many names a filter expands to, those in most articles kept.
inline constexpr std::size_t kMaxNameExpansion = 500;

// The articles whose `prefix` terms (XPERSON, XEXPERT, XORG: one per name,
// its words lower-cased and separated by one space) hold every word of `key`
// (the typed name normalised the same way), as whole words in any order, ORed.
// A key that is itself an indexed name (a facet value typed back) means that
// name alone, so it finds what the facet counted, except a single word when
// `one_word_is_a_part` (people: `person:trump` is every Trump, while
// `institution:congress` is the one named Congress); a key matching no name
// gives its own term, which finds nothing.
[[nodiscard]] Xapian::Query name_filter(const Xapian::Database& db, std::string_view prefix, std::string_view key,
                                        bool one_word_is_a_part);

// The names each typed name expanded to (two or more) since the list was last
// cleared, on this thread: parse_user_query clears it before it parses.
[[nodiscard]] std::vector<std::vector<std::string>>& expansions();

// `query` with the articles of the fullest names it matched ranked first: where
// a typed name expanded to several (expert:cha to "victor cha" and "cha du
// hyeon"), an article gains a fixed weight of one over the number of words of
// the shortest such name it holds, so the name the typed words cover most
// comes first. Filters carry no
// weight of their own, so without this a name typed alone ranked nothing.
// `query` itself when no name expanded (expansions() is empty).
[[nodiscard]] Xapian::Query fullest_names_first(const Xapian::Query& query);

}  // namespace newsdesk
