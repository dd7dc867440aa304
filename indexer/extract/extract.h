// Extractors: Article in, the same Article with its entity fields filled.
// Deterministic rules plus curated data files (data/); no network, no models.
#pragma once

#include "common/article.h"

namespace newsdesk {

// People, institutions and countries mentioned in headline, captions and body
// (not in boilerplate, which parsers keep out of the body). Fills
// article.people, article.institutions, article.countries with mention counts.
void extract_entities(Article& article);

// Direct quotes with their speakers, and the experts (people quoted, with title
// and institution). Fills article.quotes and article.experts. May read
// article.people / article.institutions already filled by extract_entities.
void extract_quotes(Article& article);

// Both, in order, then reconciles them: every expert is among the people, every
// institution named once (indexer/extract/institution_names.h), every
// expert's institution among the institutions.
void extract_all(Article& article);

}  // namespace newsdesk
