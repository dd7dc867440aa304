// Query text -> Xapian::Query, with every field prefix of the schema.
#pragma once

#include <string>

#include <xapian.h>

namespace newsdesk {

// Builds the query for `text` against `db` (used for wildcard expansion and
// spelling). Syntax: words, "phrases", AND/OR/NOT, +/-, trailing wildcards,
// headline: caption: quote: body: byline: (free text), source: lang: (filters),
// date:YYYY[-MM[-DD]] and date:A..B ranges. An empty query matches everything.
// Throws newsdesk::UsageError with a one-line message on a syntax error.
[[nodiscard]] Xapian::Query build_query(const std::string& text, const Xapian::Database& db);

// The stemmer and parser flags build_query uses (highlighting needs the same).
[[nodiscard]] Xapian::Stem query_stemmer();

}  // namespace newsdesk
