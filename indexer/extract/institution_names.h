// One facet value per institution within an article: fragments of a longer
// name fold into it, and a country or owner written before a name is dropped
// from it ("US Libertarian Party" is the Libertarian Party). Run after the
// entity scan and the quotes, so experts' institutions are named the same way.
#pragma once

#include <string>

#include "common/article.h"

namespace newsdesk::entities {

// "US Libertarian Party" -> "Libertarian Party", "United States National
// Hurricane Center" -> "National Hurricane Center", "UK's National Crime Agency"
// -> "National Crime Agency": a leading country name or code, or an owner's
// possessive, is dropped when two or more words are left and the gazetteer does
// not know the whole name, and the rest is no body every country has
// (institutions/country_bodies.txt: "US Air Force" stays). A demonym stays: it is
// part of the name ("Indian National Congress", "Chinese Communist Party").
[[nodiscard]] std::string canonical_institution(const std::string& name);

// Folds every institution whose name is a whole-word start or end of a longer
// one of the same article into it ("NBC" into "NBC News", "Unity Party" into
// "Unity Party of America", "Court of Justice" into "European Court of
// Justice"), then names each by canonical_institution, merging the ones that
// meet; experts' institutions follow.
void canonical_institutions(Article& article);

}  // namespace newsdesk::entities
