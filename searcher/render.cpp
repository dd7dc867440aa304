#include "searcher/render.h"

#include "common/text.h"

namespace newsdesk {

namespace {

nlohmann::json opt(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// A hit: the article's fields under their record names (common/article.h),
// its lists as the record has them, and the match's own fields.
nlohmann::json hit_json(const Hit& hit) {
    namespace r = record;
    const nlohmann::json stored = to_json(hit.article);
    nlohmann::json j = {{r::id, hit.id},
                        {"score", hit.score},
                        {"percent", hit.percent},
                        {r::headline, hit.article.headline},
                        {r::date, opt(hit.article.date)},
                        {r::url, opt(hit.article.url)},
                        {r::source, opt(hit.article.source)},
                        {r::path, hit.article.path},
                        {r::language, hit.article.language},
                        {"snippet", hit.snippet},
                        {"collapsed", hit.collapsed}};
    for (const char* key : {r::byline, r::quotes, r::experts, r::people, r::institutions, r::countries})
        j[key] = stored[key];
    return j;
}

nlohmann::json common_json(const SearchResult& result) {
    nlohmann::json j = {{"query", result.query_description},
                        {"estimate", result.estimate},
                        {"total", result.total},
                        {"exact", result.exact},
                        {"offset", result.offset}};
    j["filters"] = nlohmann::json::array();
    for (const auto& [facet, value] : result.filters) j["filters"].push_back({{"facet", facet}, {"value", value}});
    if (!result.facets.empty()) {
        j["facets"] = nlohmann::json::object();
        for (const auto& facet : result.facets) {
            auto& values = j["facets"][facet.name] = nlohmann::json::array();
            for (const auto& v : facet.values)
                values.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
        }
    }
    j["did_you_mean"] = result.corrected_query.empty() ? nlohmann::json(nullptr) : nlohmann::json(result.corrected_query);
    return j;
}

void text_header(const SearchResult& result, std::ostream& out) {
    if (!result.filters.empty()) {
        out << "Filters:";
        for (const auto& [facet, value] : result.filters) out << ' ' << facet << '=' << value;
        out << '\n';
    }
    if (!result.corrected_query.empty()) out << "Did you mean: " << result.corrected_query << '\n';
}

void text_facets(const SearchResult& result, std::ostream& out) {
    for (const auto& facet : result.facets) {
        if (facet.values.empty()) continue;
        out << facet.name << (facet.bucket.empty() ? "" : " (by " + facet.bucket + ")") << ":";
        for (const auto& v : facet.values) {
            out << "  " << v.label;
            if (v.label != v.value) out << " [" << v.value << "]";
            out << " (" << v.count << ")";
        }
        out << '\n';
    }
}

}  // namespace

void render_text(const SearchResult& result, std::ostream& out) {
    text_header(result, out);
    if (result.total == 0) {
        out << "No matches.\n";
        return;
    }
    out << (result.exact ? "" : "About ") << result.total << " matching article" << (result.total == 1 ? "" : "s");
    if (result.estimate < result.total) out << " (" << (result.exact ? "" : "about ") << result.estimate << " after folding copies)";
    // --limit 0 asks for the count and facets alone; an offset past the end shows nothing more.
    if (result.hits.empty()) out << (result.offset ? "; none past " + std::to_string(result.offset) : "; none shown") << ".\n\n";
    else out << "; showing " << result.offset + 1 << "-" << result.offset + result.hits.size() << ".\n\n";
    Xapian::doccount rank = result.offset;
    for (const auto& hit : result.hits) {
        const Article& a = hit.article;
        out << ++rank << ". " << (a.headline.empty() ? "(no headline)" : a.headline) << '\n';
        out << "   " << a.date.value_or("undated");
        if (a.source) out << " · " << *a.source;
        out << " · " << a.language << " · " << hit.percent << "%";
        if (hit.collapsed) out << " · +" << hit.collapsed << " similar cop" << (hit.collapsed == 1 ? "y" : "ies");
        out << "\n   " << printable(a.url.value_or(a.path)) << '\n';
        if (!hit.snippet.empty()) out << "   " << hit.snippet << '\n';
        out << '\n';
    }
    text_facets(result, out);
}

void render_text(const QuoteResult& result, std::ostream& out) {
    text_header(result.articles, out);
    if (result.quotes.empty()) {
        out << "No matching quotes.\n";
        return;
    }
    for (const auto& q : result.quotes) {
        const Article& a = result.articles.hits[q.article].article;
        out << "“" << q.highlighted << "”\n   — " << q.quote.speaker.value_or("unattributed");
        if (q.quote.speaker_title) out << ", " << *q.quote.speaker_title;
        if (q.quote.institution) out << " (" << *q.quote.institution << ")";
        out << "\n   " << a.headline << " · " << a.date.value_or("undated") << " · "
            << printable(a.url.value_or(a.path)) << "\n\n";
    }
    text_facets(result.articles, out);
}

void render_text(const ExpertResult& result, std::ostream& out) {
    text_header(result.articles, out);
    if (result.experts.empty()) {
        out << "No experts quoted in the matching articles.\n";
        return;
    }
    int rank = 0;
    for (const auto& e : result.experts) {
        out << ++rank << ". " << e.name;
        if (e.title) out << ", " << *e.title;
        if (e.institution) out << " (" << *e.institution << ")";
        out << "\n   " << e.quotes << " quote" << (e.quotes == 1 ? "" : "s") << " in " << e.articles << " article"
            << (e.articles == 1 ? "" : "s");
        if (!e.first_date.empty()) out << ", " << e.first_date << " to " << e.last_date;
        out << '\n';
    }
    out << "\n(from the " << result.articles_examined << " best matching articles)\n";
}

nlohmann::json render_json(const SearchResult& result) {
    nlohmann::json j = common_json(result);
    j["hits"] = nlohmann::json::array();
    for (const auto& hit : result.hits) j["hits"].push_back(hit_json(hit));
    return j;
}

nlohmann::json render_json(const QuoteResult& result) {
    nlohmann::json j = common_json(result.articles);
    j["quotes"] = nlohmann::json::array();
    for (const auto& q : result.quotes) {
        const Article& a = result.articles.hits[q.article].article;
        j["quotes"].push_back({{record::text, q.quote.text},
                               {"highlighted", q.highlighted},
                               {record::speaker, opt(q.quote.speaker)},
                               {record::speaker_title, opt(q.quote.speaker_title)},
                               {record::institution, opt(q.quote.institution)},
                               {"score", q.score},
                               {"article",
                                {{record::id, a.id},
                                 {record::headline, a.headline},
                                 {record::date, opt(a.date)},
                                 {record::url, opt(a.url)}}}});
    }
    return j;
}

nlohmann::json render_json(const ExpertResult& result) {
    nlohmann::json j = common_json(result.articles);
    j["articles_examined"] = result.articles_examined;
    j["experts"] = nlohmann::json::array();
    for (const auto& e : result.experts)
        j["experts"].push_back({{record::name, e.name},
                                {record::title, opt(e.title)},
                                {record::institution, opt(e.institution)},
                                {"articles", e.articles},
                                {record::quotes, e.quotes},
                                {"first_date", e.first_date.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.first_date)},
                                {"last_date", e.last_date.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.last_date)},
                                {"score", e.score}});
    return j;
}

}  // namespace newsdesk
