// Names by any part: `person:putin`, `expert:cha`, `institution:"health
// organization"` find the people and institutions whose indexed name holds
// every word typed, whatever else it holds ("vladimir putin", "victor cha").
#pragma once

#include <string_view>

#include <xapian.h>

namespace newsdesk {

// At most this many names a filter expands to, those in most articles kept.
inline constexpr std::size_t kMaxNameExpansion = 500;

// The articles whose `prefix` terms (XPERSON, XEXPERT, XORG: one per name,
// its words lower-cased and separated by one space) hold every word of `key`
// (the typed name normalised the same way), as whole words in any order: the
// name itself when indexed, or each name holding those words, ORed. A key
// matching no name gives its own term, which finds nothing.
[[nodiscard]] Xapian::Query name_filter(const Xapian::Database& db, std::string_view prefix, std::string_view key);

}  // namespace newsdesk
