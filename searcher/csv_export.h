// Every row of a query as CSV, for `newsdesk-search --csv --all` and the
// page's format=csv&all=1: hits a page of articles at a time, so memory follows
// the page, not the match (an archive's "trump" may match 100,000 articles);
// the quotes of the best Searcher::kQuoteArticles articles; every expert.
#pragma once

#include <cstddef>
#include <ostream>

#include "searcher/search_request.h"

namespace newsdesk {

class Searcher;

// The most rows one export writes; past it, ExportSummary::capped.
inline constexpr std::size_t kExportCap = 100000;

enum class CsvRows { hits, quotes, experts };

struct ExportSummary {
    std::size_t rows = 0;
    Xapian::doccount total = 0;  // matching articles (hits: what the rows would be without the cap)
    bool capped = false;         // the cap stopped it
};

// Writes the header and every row of `request` (its offset and limit are
// ignored) to `out`, at most `cap` rows.
ExportSummary export_csv(Searcher& searcher, SearchRequest request, CsvRows rows, std::ostream& out,
                         std::size_t cap = kExportCap);

}  // namespace newsdesk
