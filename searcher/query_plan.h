// The query as it is run: an equivalent of the query as built (and described)
// that Xapian's matcher prunes (issue 20, the page at 200,000 articles).
//
// A query read in several languages is an OR of branches, each restricted to
// its languages' articles (`X FILTER Len`, `Y FILTER (Lar OR Lhi)`;
// query_builder.h). Every article holds exactly one language term (L + its
// code; the indexer writes one per document), so:
//   - the branches match disjoint articles, and an OR of them weighs each
//     article as the one branch it matches does, as OP_MAX does. Xapian's OR
//     cannot know that: it hands each branch the best weight still needed less
//     the other branch's greatest possible weight, so the few articles of one
//     language (an exact-form branch whose terms weigh as much as the stems)
//     kept the matcher from ever skipping the English articles that could not
//     make the page. OP_MAX hands each branch the needed weight whole.
//   - a branch restricted to the languages of most articles is the same
//     branch with the other languages' articles taken out (`X AND_NOT Lhi`),
//     which reads the few postings of the rare languages instead of one per
//     candidate of the common one.
// Weights, matches and so order are the same; Xapian's percentages are not
// (OP_MAX counts its matching subqueries otherwise), so the searcher takes
// those from the query as built (searcher.cpp). Where the database does not
// hold one language term per article (the sum of their frequencies is not
// its article count), and for a query with a phrase or NEAR (whose terms
// Xapian weighs by where they stand in the query), the query is run as built.
#pragma once

#include <xapian.h>

namespace newsdesk {

// `query` with its language branches rewritten as above where `db` allows;
// `query` itself when nothing was rewritten (then `rewritten` is false).
// Subqueries under operators other than OR, AND, FILTER, AND_NOT and
// AND_MAYBE are left as they are.
[[nodiscard]] Xapian::Query planned_query(const Xapian::Query& query, const Xapian::Database& db,
                                          bool& rewritten);

// `query` with only its restrictions to common languages rewritten
// (`X AND_NOT Lhi` for `X FILTER Len`), its branches left under their OR, so
// that Xapian's percentages are those of the query as built too (a filter's
// or AND_NOT's right side weighs nothing and counts as no subquery). Its
// estimates may differ, so it is for a match that sees every article (fewer
// than its check_at_least). Left as built under the same conditions as
// planned_query (a phrase or NEAR, or not one language term per article).
[[nodiscard]] Xapian::Query restricted_query(const Xapian::Query& query, const Xapian::Database& db,
                                             bool& rewritten);

// At least as many articles as `query` can match in `db`, from its terms'
// frequencies (an OR adds them up, an AND takes the least, AND_NOT and
// AND_MAYBE their left side); the article count for anything else (wildcards,
// value ranges). At most `cap`: min(that bound, cap), found with no more
// frequencies looked up than it takes (an OR stops adding at `cap`, an AND's
// terms are asked first and the rest only up to the least of them).
[[nodiscard]] Xapian::doccount match_upper_bound(const Xapian::Query& query, const Xapian::Database& db,
                                                 Xapian::doccount cap = Xapian::doccount(-1));

}  // namespace newsdesk
