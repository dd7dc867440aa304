// Language codes and stemmer choice, shared by indexer and searcher so stems at
// index and query time cannot drift apart.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdesk {

// The stemmer for a BCP 47 primary language code ("en", "de"); the "none"
// stemmer when neither Xapian nor libstemmer has one for it.
[[nodiscard]] Xapian::Stem stemmer_for(std::string_view language);

}  // namespace newsdesk
