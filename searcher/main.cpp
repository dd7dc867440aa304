// newsdesk-search: ranked, fielded search of a newsdesk database.
#include <unistd.h>

#include <iostream>

#include <cxxopts.hpp>

#include "common/database.h"
#include "common/error.h"
#include "searcher/render.h"
#include "searcher/searcher.h"

namespace {

constexpr const char* kDescription = R"(Searches a newsdesk database; best matches first (BM25).

Query syntax:
  north korea               both words (AND is the default)
  "security pact"           a phrase
  sanctions OR embargo      either; also AND, NOT, ( )
  +kim -putin               must have / must not have
  diplom*                   trailing wildcard
  headline:pact             a word in the headline; also caption: quote: body: byline:
  source:"the hindu"        articles from one outlet; lang:en
  date:2024-06              a year, month or day; date:2024-06-01..2024-06-30 a range
A headline match weighs more than a body match.

Examples:
  newsdesk-search north korea china
  newsdesk-search --sort date --limit 20 'headline:pact date:2024'
  newsdesk-search --json 'quote:restraint' | jq '.hits[].headline'

Database: --db, else $NEWSDESK_DB, else var/newsdesk.db.
Exit status: 0 success (also when nothing matched), 1 failure (no database),
2 usage or query syntax error.)";

int run(const cxxopts::ParseResult& args) {
    std::string query;
    if (args.count("query"))
        for (const auto& word : args["query"].as<std::vector<std::string>>()) query += (query.empty() ? "" : " ") + word;

    newsdesk::SearchRequest request;
    request.query = query;
    request.limit = args["limit"].as<unsigned>();
    request.offset = args["offset"].as<unsigned>();
    const auto sort = args["sort"].as<std::string>();
    if (sort == "relevance") request.sort = newsdesk::SortOrder::relevance;
    else if (sort == "date") request.sort = newsdesk::SortOrder::date;
    else throw newsdesk::UsageError("--sort must be relevance or date, not '" + sort + "'");
    if (request.limit > 10000) throw newsdesk::UsageError("--limit must be at most 10000");

    const bool json = args.count("json") > 0;
    newsdesk::HighlightMarkers markers;
    if (!json && isatty(STDOUT_FILENO)) markers = {"\033[1m", "\033[0m"};

    newsdesk::Searcher searcher(newsdesk::resolve_db_path(args["db"].as<std::string>()));
    const auto result = searcher.run(request, markers);
    if (json) std::cout << newsdesk::render_json(result).dump(2) << '\n';
    else newsdesk::render_text(result, std::cout);
    if (args.count("explain")) std::cerr << "query: " << result.query_description << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    cxxopts::Options opts("newsdesk-search", kDescription);
    opts.positional_help("QUERY...");
    opts.add_options()
        ("db", "database directory or stub file", cxxopts::value<std::string>()->default_value(""), "DIR")
        ("limit", "hits to show", cxxopts::value<unsigned>()->default_value("10"), "N")
        ("offset", "hits to skip (for paging)", cxxopts::value<unsigned>()->default_value("0"), "N")
        ("sort", "relevance or date (newest first)", cxxopts::value<std::string>()->default_value("relevance"), "ORDER")
        ("json", "print one JSON object (estimate and hits) for scripts")
        ("explain", "print the parsed Xapian query on stderr")
        ("h,help", "show this help")
        ("query", "query words", cxxopts::value<std::vector<std::string>>());
    opts.parse_positional({"query"});
    cxxopts::ParseResult args;
    try {
        args = opts.parse(argc, argv);
    } catch (const cxxopts::exceptions::exception& e) {
        std::cerr << "newsdesk-search: " << e.what() << "\nTry 'newsdesk-search --help'.\n";
        return 2;
    }
    if (args.count("help")) {
        std::cout << opts.help() << '\n';
        return 0;
    }
    try {
        return run(args);
    } catch (const newsdesk::UsageError& e) {
        std::cerr << "newsdesk-search: " << e.what() << '\n';
        return 2;
    } catch (const newsdesk::Error& e) {
        std::cerr << "newsdesk-search: " << e.what() << '\n';
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "newsdesk-search: " << e.get_description() << '\n';
        return 1;
    }
}
