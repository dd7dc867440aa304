#include "searcher/cli/cli_request.h"

#include <algorithm>
#include <string_view>

#include "common/cli/program.h"
#include "common/error.h"
#include "common/text.h"

namespace newsdesk {

void add_command_line_options(cxxopts::Options& options) {
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
    cli::add_database_option(options);
    options.add_options()
        ("json", "print one JSON object for scripts")
        ("csv", "print CSV rows for spreadsheets (see below)")
        ("all", "with --csv: every hit of the query, not one page")
        ("explain", "print the parsed Xapian query on stderr");
    cli::add_standard_options(options);
}

SearchArgs search_args(const cxxopts::ParseResult& parsed) {
    SearchArgs a;
    if (parsed.count("query")) a.query = parsed["query"].as<std::vector<std::string>>();
    a.limit = parsed["limit"].as<unsigned>();
    a.offset = parsed["offset"].as<unsigned>();
    a.facet_size = parsed["facet-size"].as<unsigned>();
    a.sort = parsed["sort"].as<std::string>();
    a.facets = parsed["facets"].as<std::string>();
    a.date_histogram = parsed["date-histogram"].as<std::string>();
    a.date_histogram_given = parsed.count("date-histogram") > 0;
    if (parsed.count("filter")) a.filters = parsed["filter"].as<std::vector<std::string>>();
    a.no_collapse = parsed.count("no-collapse") > 0;
    a.quotes = parsed.count("quotes") > 0;
    a.experts = parsed.count("experts") > 0;
    if (parsed.count("like")) a.like = parsed["like"].as<std::string>();
    a.db = parsed["db"].as<std::string>();
    a.json = parsed.count("json") > 0;
    a.csv = parsed.count("csv") > 0;
    a.all = parsed.count("all") > 0;
    a.explain = parsed.count("explain") > 0;
    return a;
}

namespace {

// A number as cxxopts reads it for an unsigned option, when it is plain digits
// without a leading zero and small enough to need no range check.
std::optional<unsigned> plain_number(std::string_view text) {
    if (text.empty() || text.size() > 9 || (text[0] == '0' && text.size() > 1)) return std::nullopt;
    unsigned n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return n;
}

}  // namespace

std::optional<SearchArgs> plain_search_args(int argc, const char* const* argv) {
    SearchArgs a;
    std::vector<std::string_view> seen;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (!arg.starts_with("--")) {
            // cxxopts splits a word at commas and reads "-x" as options.
            if (arg.empty() || arg[0] == '-' || arg.find(',') != std::string_view::npos) return std::nullopt;
            a.query.emplace_back(arg);
            continue;
        }
        std::string_view name = arg.substr(2);
        std::optional<std::string_view> value;
        if (const auto eq = name.find('='); eq != std::string_view::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (name != "filter" && std::find(seen.begin(), seen.end(), name) != seen.end()) return std::nullopt;
        seen.push_back(name);
        bool* flag = name == "no-collapse" ? &a.no_collapse
                     : name == "quotes"    ? &a.quotes
                     : name == "experts"   ? &a.experts
                     : name == "json"      ? &a.json
                     : name == "csv"       ? &a.csv
                     : name == "all"       ? &a.all
                     : name == "explain"   ? &a.explain
                                           : nullptr;
        if (flag) {
            if (value) return std::nullopt;  // cxxopts reads --json=VALUE as a boolean
            *flag = true;
            continue;
        }
        if (!value) {
            if (i + 1 == argc) return std::nullopt;
            value = argv[++i];
        }
        if (value->empty() || value->front() == '-') return std::nullopt;
        unsigned* number = name == "limit" ? &a.limit : name == "offset" ? &a.offset
                           : name == "facet-size" ? &a.facet_size : nullptr;
        if (number) {
            const auto n = plain_number(*value);
            if (!n) return std::nullopt;
            *number = *n;
        } else if (name == "sort") {
            a.sort = *value;
        } else if (name == "facets") {
            a.facets = *value;
        } else if (name == "date-histogram") {
            a.date_histogram = *value;
            a.date_histogram_given = true;
        } else if (name == "filter" && value->find(',') == std::string_view::npos) {
            a.filters.emplace_back(*value);
        } else if (name == "like") {
            a.like = std::string(*value);
        } else if (name == "db") {
            a.db = *value;
        } else {
            return std::nullopt;  // --help, --version, --query, an unknown option, a filter with a comma
        }
    }
    return a;
}

std::pair<std::string, std::string> parse_filter(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
        throw UsageError("--filter expects NAME=VALUE (e.g. country=KP), not '" + text + "'");
    std::string value(trim(std::string_view(text).substr(eq + 1)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    return {std::string(trim(std::string_view(text).substr(0, eq))), value};
}

CliRequest request_from_args(const SearchArgs& args) {
    CliRequest cli;
    SearchRequest& r = cli.request;
    for (const auto& word : args.query) r.query += (r.query.empty() ? "" : " ") + word;
    r.limit = args.limit;
    r.offset = args.offset;
    if (r.limit > 10000) throw UsageError("--limit must be at most 10000");
    const auto& sort = args.sort;
    if (sort == "relevance") r.sort = SortOrder::relevance;
    else if (sort == "date") r.sort = SortOrder::date;
    else if (sort == "recency") r.sort = SortOrder::recency;
    else throw UsageError("--sort must be relevance, date or recency, not '" + sort + "'");

    const auto& facets = args.facets;
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
    r.facet_size = args.facet_size;
    for (const auto& f : args.filters) {
        auto filter = parse_filter(f);
        (void)facet_filter(filter.first, filter.second);  // validate now, with the option's name
        r.filters.push_back(std::move(filter));
    }
    const auto& bucket = args.date_histogram;
    if (bucket == "auto") r.date_bucket = DateBucket::automatic;
    else if (bucket == "year") r.date_bucket = DateBucket::year;
    else if (bucket == "month") r.date_bucket = DateBucket::month;
    else if (bucket == "day") r.date_bucket = DateBucket::day;
    else throw UsageError("--date-histogram must be auto, year, month or day, not '" + bucket + "'");
    if (!r.facets.empty() && args.date_histogram_given && std::find(r.facets.begin(), r.facets.end(), "date") == r.facets.end())
        r.facets.emplace_back("date");
    r.collapse = !args.no_collapse;
    r.like = args.like;
    if (args.quotes && args.experts) throw UsageError("--quotes and --experts exclude each other");
    if (args.quotes) cli.mode = CliMode::quotes;
    if (args.experts) cli.mode = CliMode::experts;
    return cli;
}

}  // namespace newsdesk
