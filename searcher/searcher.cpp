#include "searcher/searcher.h"

#include <nlohmann/json.hpp>

#include "common/article.h"
#include "common/database.h"
#include "common/schema.h"
#include "searcher/query_builder.h"
#include "searcher/snippet.h"

namespace newsdesk {

Searcher::Searcher(std::string db_path) : m_path(std::move(db_path)), m_db(open_for_reading(m_path)) {}

Searcher::Searcher(Xapian::Database db, std::string label) : m_path(std::move(label)), m_db(std::move(db)) {}

SearchResult Searcher::run(const SearchRequest& request, const HighlightMarkers& markers) {
    return with_retry(m_db, m_path, [&](Xapian::Database&) { return run_once(request, markers); });
}

SearchResult Searcher::run_once(const SearchRequest& request, const HighlightMarkers& markers) {
    const Xapian::Query query = build_query(request.query, m_db);
    Xapian::Enquire enquire(m_db);
    enquire.set_query(query);
    if (request.sort == SortOrder::date) enquire.set_sort_by_value_then_relevance(slot::date, true);

    const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);
    SearchResult result;
    result.query_description = query.get_description();
    result.estimate = mset.get_matches_estimated();
    result.offset = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Article article = article_from_json(nlohmann::json::parse(it.get_document().get_data(), nullptr, false));
        Hit hit;
        hit.docid = *it;
        hit.id = article.id;
        hit.score = it.get_weight();
        hit.percent = it.get_percent();
        hit.headline = article.headline;
        hit.date = article.date;
        hit.url = article.url;
        hit.source = article.source;
        hit.path = article.path;
        hit.language = article.language;
        hit.snippet = make_snippet(mset, article, markers.start, markers.end);
        result.hits.push_back(std::move(hit));
    }
    return result;
}

}  // namespace newsdesk
