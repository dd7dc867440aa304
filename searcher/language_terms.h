// The index's language terms (prefix::language: the indexer gives each
// article one, its language) with how many articles hold each. The query
// parser asks for them (which stemmers read the query) and so does the query
// planner (which branch restrictions it may drop), each search; a walk of the
// terms reads several blocks of the posting table (7 of a plain search's 90
// at 20,000 articles), so they are read once per revision of a database.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace newsdesk {

struct LanguageTerm {
    std::string term;  // "Len"
    Xapian::doccount articles = 0;
};

// The language terms of `db`, in term order. Read once per revision of one
// database (known by its uuid and revision, on this thread), each time for a
// collection or where the database does not say its revision. Throws what
// Xapian throws reading the terms.
[[nodiscard]] std::vector<LanguageTerm> language_terms(const Xapian::Database& db);

}  // namespace newsdesk
