#include "searcher/csv_export.h"

#include "searcher/render_csv.h"
#include "searcher/searcher.h"

namespace newsdesk {

namespace {

constexpr Xapian::doccount kPage = 1000;  // articles read per match

}  // namespace

ExportSummary export_csv(Searcher& searcher, SearchRequest request, CsvRows rows, std::ostream& out,
                         std::size_t cap) {
    ExportSummary summary;
    request.facets.clear();
    request.offset = 0;
    if (rows == CsvRows::quotes || rows == CsvRows::experts) {
        // One list each: every quote (expert) of the articles they are drawn from.
        request.limit = static_cast<Xapian::doccount>(cap + 1);
        const auto cut = [&](auto& list, Xapian::doccount total) {
            summary.total = total;
            summary.capped = list.size() > cap;
            if (summary.capped) list.resize(cap);
            summary.rows = list.size();
        };
        if (rows == CsvRows::quotes) {
            auto result = searcher.quotes(request);
            cut(result.quotes, result.articles.total);
            render_csv(result, out);
        } else {
            auto result = searcher.experts(request);
            cut(result.experts, result.articles.total);
            render_csv(result, out);
        }
        return summary;
    }
    write_csv_row(csv_header(SearchResult{}), out);
    request.limit = kPage;
    for (;;) {
        SearchResult page = searcher.records(request);
        summary.total = page.total;
        if (summary.rows + page.hits.size() > cap) {
            page.hits.resize(cap - summary.rows);
            summary.capped = true;
        }
        summary.rows += page.hits.size();
        render_csv_rows(page, out);
        if (summary.capped || page.hits.size() < kPage) break;
        request.offset += kPage;
    }
    return summary;
}

}  // namespace newsdesk
