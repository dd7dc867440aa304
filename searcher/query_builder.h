// Query text -> Xapian::Query, with every field prefix of the schema.
#pragma once

#include <string>

#include <xapian.h>

namespace newsdesk {

struct ParsedQuery {
    Xapian::Query query;
    std::string corrected;  // "did you mean" from the index's spelling data; empty if none
};

// Parses `text` against `db` (used for wildcard expansion and spelling). Syntax:
// words, "phrases", AND/OR/NOT, +/-, trailing wildcards; free-text fields
// headline: (title:) caption: quote: body: byline:; filters source: lang:
// country: (name or ISO code) expert: person: institution: (org:) speaker:;
// date:YYYY[-MM[-DD]] and date:A..B ranges. Filters of one kind OR together,
// different kinds AND, and filters do not change the ranking. quote:WORDS with
// speaker:NAME matches words that NAME said. An empty query matches everything.
// Throws newsdesk::UsageError with a one-line message on a syntax error.
[[nodiscard]] ParsedQuery parse_user_query(const std::string& text, const Xapian::Database& db);

// parse_user_query(text, db).query
[[nodiscard]] Xapian::Query build_query(const std::string& text, const Xapian::Database& db);

// The stemmer build_query uses (highlighting needs the same).
[[nodiscard]] Xapian::Stem query_stemmer();

}  // namespace newsdesk
