#include "searcher/cli/cli_request.h"

#include "common/error.h"
#include "common/text.h"

namespace newsdesk {

void add_search_options(cxxopts::Options& options) {
    options.add_options()
        ("limit", "hits to show", cxxopts::value<unsigned>()->default_value("10"), "N")
        ("offset", "hits to skip (for paging)", cxxopts::value<unsigned>()->default_value("0"), "N")
        ("sort", "relevance, date (newest first) or recency", cxxopts::value<std::string>()->default_value("relevance"), "ORDER")
        ("facets", "facets to count: " + facet_names(",") + " (or 'default', 'none')",
         cxxopts::value<std::string>()->default_value("none"), "LIST")
        ("facet-size", "values shown per facet", cxxopts::value<unsigned>()->default_value("10"), "N")
        ("filter", "keep articles with this facet value, e.g. country=KP (repeatable)",
         cxxopts::value<std::vector<std::string>>(), "NAME=VALUE")
        ("date-histogram", "date facet buckets: auto, year, month or day", cxxopts::value<std::string>()->default_value("auto"), "BUCKET")
        ("no-collapse", "show every copy of a republished wire story")
        ("quotes", "show matching quotes instead of articles")
        ("experts", "show the experts quoted in matching articles")
        ("like", "articles like the one with this id", cxxopts::value<std::string>(), "ID")
        ("query", "query words", cxxopts::value<std::vector<std::string>>());
    options.parse_positional({"query"});
}

std::pair<std::string, std::string> parse_filter(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
        throw UsageError("--filter expects NAME=VALUE (e.g. country=KP), not '" + text + "'");
    std::string value(trim(std::string_view(text).substr(eq + 1)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    return {std::string(trim(std::string_view(text).substr(0, eq))), value};
}

CliRequest request_from_options(const cxxopts::ParseResult& args) {
    CliRequest cli;
    SearchRequest& r = cli.request;
    if (args.count("query"))
        for (const auto& word : args["query"].as<std::vector<std::string>>()) r.query += (r.query.empty() ? "" : " ") + word;
    r.limit = args["limit"].as<unsigned>();
    r.offset = args["offset"].as<unsigned>();
    if (r.limit > 10000) throw UsageError("--limit must be at most 10000");
    const auto sort = args["sort"].as<std::string>();
    if (sort == "relevance") r.sort = SortOrder::relevance;
    else if (sort == "date") r.sort = SortOrder::date;
    else if (sort == "recency") r.sort = SortOrder::recency;
    else throw UsageError("--sort must be relevance, date or recency, not '" + sort + "'");

    const auto facets = args["facets"].as<std::string>();
    if (facets == "default") r.facets = default_facets();
    else if (facets != "none" && !facets.empty()) {
        std::size_t pos = 0;
        while (pos <= facets.size()) {
            auto end = facets.find(',', pos);
            if (end == std::string::npos) end = facets.size();
            std::string name(trim(std::string_view(facets).substr(pos, end - pos)));
            if (!name.empty()) {
                const FacetSpec* spec = find_facet(name);
                if (!spec) throw UsageError("--facets: unknown facet '" + name + "'");
                r.facets.emplace_back(spec->name);
            }
            pos = end + 1;
        }
    }
    r.facet_size = args["facet-size"].as<unsigned>();
    if (args.count("filter"))
        for (const auto& f : args["filter"].as<std::vector<std::string>>()) {
            auto filter = parse_filter(f);
            (void)facet_filter(filter.first, filter.second);  // validate now, with the option's name
            r.filters.push_back(std::move(filter));
        }
    const auto bucket = args["date-histogram"].as<std::string>();
    if (bucket == "auto") r.date_bucket = DateBucket::automatic;
    else if (bucket == "year") r.date_bucket = DateBucket::year;
    else if (bucket == "month") r.date_bucket = DateBucket::month;
    else if (bucket == "day") r.date_bucket = DateBucket::day;
    else throw UsageError("--date-histogram must be auto, year, month or day, not '" + bucket + "'");
    if (!r.facets.empty() && args.count("date-histogram") && std::find(r.facets.begin(), r.facets.end(), "date") == r.facets.end())
        r.facets.emplace_back("date");
    r.collapse = args.count("no-collapse") == 0;
    if (args.count("like")) r.like = args["like"].as<std::string>();
    if (args.count("quotes") && args.count("experts")) throw UsageError("--quotes and --experts exclude each other");
    if (args.count("quotes")) cli.mode = CliMode::quotes;
    if (args.count("experts")) cli.mode = CliMode::experts;
    return cli;
}

}  // namespace newsdesk
