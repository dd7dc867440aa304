#include "searcher/render.h"

namespace newsdesk {

namespace {

nlohmann::json opt(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

void render_text(const SearchResult& result, std::ostream& out) {
    if (result.hits.empty()) {
        out << (result.offset ? "No more matches" : "No matches") << " (about " << result.estimate
            << " in all).\n";
        return;
    }
    out << "About " << result.estimate << " matches; showing " << result.offset + 1 << "-"
        << result.offset + result.hits.size() << ".\n\n";
    Xapian::doccount rank = result.offset;
    for (const auto& hit : result.hits) {
        out << ++rank << ". " << (hit.headline.empty() ? "(no headline)" : hit.headline) << '\n';
        out << "   " << hit.date.value_or("undated");
        if (hit.source) out << " · " << *hit.source;
        out << " · " << hit.language << " · " << hit.percent << "%\n";
        out << "   " << hit.url.value_or(hit.path) << '\n';
        if (!hit.snippet.empty()) out << "   " << hit.snippet << '\n';
        out << '\n';
    }
}

nlohmann::json render_json(const SearchResult& result) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : result.hits)
        hits.push_back({{"id", hit.id},
                        {"score", hit.score},
                        {"percent", hit.percent},
                        {"headline", hit.headline},
                        {"date", opt(hit.date)},
                        {"url", opt(hit.url)},
                        {"source", opt(hit.source)},
                        {"path", hit.path},
                        {"language", hit.language},
                        {"snippet", hit.snippet}});
    return {{"query", result.query_description},
            {"estimate", result.estimate},
            {"offset", result.offset},
            {"hits", std::move(hits)}};
}

}  // namespace newsdesk
