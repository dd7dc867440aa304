// One facet value per institution within an article: fragments of a longer
// name fold into it, and a country or owner written before a name is dropped
// from it where the rest is the same body. Run after the
// entity scan and the quotes, so experts' institutions are named the same way.
#pragma once

#include <string>
#include <unordered_set>

#include "common/article.h"

namespace newsdesk::entities {

// The name an institution goes by, given `said`, the lookup keys of every name
// of its article:
//  - an owner's possessive is dropped ("UK's National Crime Agency" -> "National
//    Crime Agency") when two words or more are left, unless it says whom the body is
//    for (institutions/name_possessives.txt: "Women's Tennis Association") or the
//    name is a company's legal one ("McDonald's Corp"); of two words, an owner
//    the article names as an institution goes before a unit's name
//    ("Microsoft's MSN" -> "MSN"), not before a head word ("Sainsbury's Bank");
//  - a leading country name or code is dropped only where the rest is the same
//    body: a known institution of that country ("US Environmental Protection
//    Agency" -> "Environmental Protection Agency") or a name the article also
//    uses alone ("U.S. Prohibition Party" beside "Prohibition Party"), or four
//    words or more that name one body whatever their country ("United States
//    Department of Health and Human Services"), and no
//    body every country has (institutions/country_bodies.txt: "US Air Force").
//    Otherwise the country is part of the name ("Korea Development Bank",
//    "Netherlands Institute for Neuroscience", "US Anti-Doping Agency"): the
//    rest alone would be a fragment that other countries' bodies share.
// A demonym stays: it is part of the name ("Indian National Congress").
[[nodiscard]] std::string canonical_institution(const std::string& name, const std::unordered_set<std::string>& said);

// Folds every institution whose name is a whole-word start or end of a longer
// one of the same article into it ("NBC" into "NBC News", "Unity Party" into
// "Unity Party of America", "Court of Justice" into "European Court of
// Justice"), then names each by canonical_institution, merging the ones that
// meet; experts' institutions follow.
void canonical_institutions(Article& article);

}  // namespace newsdesk::entities
