// newsdesk-search: ranked, fielded, faceted search of a newsdesk database.
#include <unistd.h>

#include <iostream>

#include <cxxopts.hpp>

#include "common/db/database.h"
#include "common/error.h"
#include "searcher/cli/cli_request.h"
#include "searcher/render.h"
#include "searcher/searcher.h"

namespace {

constexpr const char* kDescription = R"(Searches a newsdesk database; best matches first (BM25).

Query syntax:
  north korea               both words, when five articles hold both; else
                            either, those with both first
  who is quoted about china a question: stopwords (who, is, about) dropped,
                            articles holding the most of its words first
  "security pact"           a phrase (stopwords kept)
  sanctions OR embargo      either; also AND, NOT, ( ); in capitals only ("or" is a word)
  +kim -putin               must have / must not have
  diplom*                   trailing wildcard
  headline:pact             a word in the headline; also caption: quote: body: byline:
  source:"the hindu"        articles from one outlet; lang:en
  country:KP                about a country (ISO code or name: country:"north korea")
  expert:"Victor Cha"       quoting an expert; person: institution: (org:) likewise
  speaker:cha               quoting Cha; quote:restraint speaker:russel = Russel said it
  date:2024-06              a year, month or day; date:2024-06-01..2024-06-30 a range,
                            also date:2019..2020, date:2019-06..2020-02, date:..2019
A headline match weighs more than a body match. Filters of one kind OR
together (country:KP country:RU), different kinds AND; they never change the
ranking.

Facets: --facets country,expert,... prints the values of the whole match with
their counts. Counts are exact over every matching article, not just the page
shown, and an article counts once per value. --filter NAME=VALUE narrows to a
value (repeat it; values of one facet OR, different facets AND).
Dates are bucketed by day, month or year from the span of the match, or as
--date-histogram says.

Also:
  --quotes QUERY     the quotes that match, with speakers (what did experts say)
  --experts QUERY    the experts quoted in matching articles, most quoted first
  --like ID          articles like the one with this id (URL or path)
Near-identical copies of one wire story fold into one hit (--no-collapse shows all).
--sort recency blends relevance with age: a hit's score gains the best match's
score times 0.5^(age/30 days), age counted back from the newest article.

Examples:
  newsdesk-search north korea china
  newsdesk-search --facets country,expert --filter country=KP sanctions
  newsdesk-search --quotes 'sanctions country:KP'
  newsdesk-search --experts 'russia north korea pact'
  newsdesk-search --json --sort date 'headline:pact date:2024' | jq '.hits[].headline'

Database: --db, else $NEWSDESK_DB, else var/newsdesk.db.
Exit status: 0 success (also when nothing matched), 1 failure (no database),
2 usage or query syntax error.)";

}  // namespace

int main(int argc, char** argv) {
    cxxopts::Options opts("newsdesk-search", kDescription);
    opts.positional_help("QUERY...");
    newsdesk::add_search_options(opts);
    opts.add_options()
        ("db", "database directory or stub file", cxxopts::value<std::string>()->default_value(""), "DIR")
        ("json", "print one JSON object for scripts")
        ("explain", "print the parsed Xapian query on stderr")
        ("h,help", "show this help");
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
        const auto cli = newsdesk::request_from_options(args);
        const bool json = args.count("json") > 0;
        newsdesk::Markers markers;
        if (!json && isatty(STDOUT_FILENO)) markers = {"\033[1m", "\033[0m", false};
        newsdesk::Searcher searcher(newsdesk::resolve_db_path(args["db"].as<std::string>()));
        std::string description;
        if (cli.mode == newsdesk::CliMode::quotes) {
            const auto result = searcher.quotes(cli.request, markers);
            description = result.articles.query_description;
            if (json) std::cout << newsdesk::render_json(result).dump(2) << '\n';
            else newsdesk::render_text(result, std::cout);
        } else if (cli.mode == newsdesk::CliMode::experts) {
            const auto result = searcher.experts(cli.request);
            description = result.articles.query_description;
            if (json) std::cout << newsdesk::render_json(result).dump(2) << '\n';
            else newsdesk::render_text(result, std::cout);
        } else {
            const auto result = searcher.run(cli.request, markers);
            description = result.query_description;
            if (json) std::cout << newsdesk::render_json(result).dump(2) << '\n';
            else newsdesk::render_text(result, std::cout);
        }
        if (args.count("explain")) std::cerr << "query: " << description << '\n';
        return 0;
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
