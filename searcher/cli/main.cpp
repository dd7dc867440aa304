// newsdesk-search: ranked, fielded, faceted search of a newsdesk database.
#include <unistd.h>

#include <iostream>

#include <cxxopts.hpp>

#include "common/cli/heap.h"
#include "common/cli/program.h"
#include "common/error.h"
#include "searcher/cli/cli_request.h"
#include "searcher/csv_export.h"
#include "searcher/render.h"
#include "searcher/render_csv.h"
#include "searcher/searcher.h"

namespace {

// About the heap a search of ten hits touches (the records, the snippets'
// words, Xapian's posting list buffers): 110 of 430 page faults at 20,000
// articles ("ally mini").
constexpr std::size_t kSearchHeap = 512 << 10;

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
  newsdesk-search --csv --all 'country:KP' > kp.csv   every hit, for a spreadsheet

CSV (--csv): a header row, then one row per hit (date, headline, source, url,
countries, experts), per quote with --quotes (date, speaker, title,
institution, quote, url) or per expert with --experts; RFC 4180, UTF-8, and a
cell starting with = + - @ gets a leading ' so no spreadsheet runs it.
--all writes every hit of the query instead of one page (read a page at a time;
at most 100000 rows, said on stderr when the cap stops it).

Exit status: 0 success (also when nothing matched), 1 failure (no database),
2 usage or query syntax error.)";

const newsdesk::cli::Program kProgram{"newsdesk-search", "newsdesk-search --help"};

}  // namespace

int main(int argc, char** argv) {
    newsdesk::cli::prefault_heap(kSearchHeap);
    // A plain command line is read directly; cxxopts reads the rest (help,
    // version, usage errors).
    auto args = newsdesk::plain_search_args(argc, argv);
    if (!args) {
        cxxopts::Options opts("newsdesk-search", kDescription);
        opts.positional_help("QUERY...");
        newsdesk::add_command_line_options(opts);
        const auto parsed = newsdesk::cli::parse(opts, kProgram, argc, argv);
        if (parsed.exit_status) return *parsed.exit_status;
        args = newsdesk::search_args(parsed.args);
    }
    try {
        auto cli = newsdesk::request_from_args(*args);
        const bool json = args->json;
        const bool csv = args->csv;
        cli.request.describe = json || args->explain;  // the query's description, printed by these alone
        cli.request.hit_lists = json || csv;             // plain text prints no hit's quotes or entities
        if (json && csv) throw newsdesk::UsageError("--json and --csv: choose one");
        if (args->all && !csv) throw newsdesk::UsageError("--all goes with --csv");
        newsdesk::Markers markers;
        if (!json && !csv && isatty(STDOUT_FILENO)) markers = {"\033[1m", "\033[0m", false};
        newsdesk::Searcher searcher(newsdesk::cli::database_option(args->db));
        std::string description;
        if (csv && args->all) {
            const auto rows = cli.mode == newsdesk::CliMode::quotes    ? newsdesk::CsvRows::quotes
                              : cli.mode == newsdesk::CliMode::experts ? newsdesk::CsvRows::experts
                                                                       : newsdesk::CsvRows::hits;
            const auto summary = newsdesk::export_csv(searcher, cli.request, rows, std::cout);
            if (summary.capped)
                std::cerr << "newsdesk-search: --all stops at " << newsdesk::kExportCap << " rows; the query matches "
                          << summary.total << " articles\n";
            return 0;
        }
        if (cli.mode == newsdesk::CliMode::quotes) {
            const auto result = searcher.quotes(cli.request, markers);
            description = result.articles.query_description;
            if (json) std::cout << newsdesk::render_json(result).dump(2) << '\n';
            else if (csv) newsdesk::render_csv(result, std::cout);
            else newsdesk::render_text(result, std::cout);
        } else if (cli.mode == newsdesk::CliMode::experts) {
            const auto result = searcher.experts(cli.request);
            description = result.articles.query_description;
            if (json) std::cout << newsdesk::render_json(result).dump(2) << '\n';
            else if (csv) newsdesk::render_csv(result, std::cout);
            else newsdesk::render_text(result, std::cout);
        } else {
            const auto result = searcher.run(cli.request, markers);
            description = result.query_description;
            if (json) std::cout << newsdesk::render_json(result).dump(2) << '\n';
            else if (csv) newsdesk::render_csv(result, std::cout);
            else newsdesk::render_text(result, std::cout);
        }
        if (args->explain) std::cerr << "query: " << description << '\n';
        return 0;
    } catch (...) {
        return newsdesk::cli::exit_status_of_current_exception(kProgram);
    }
}
