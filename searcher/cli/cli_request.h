// newsdesk-search's command line -> SearchRequest, shared by the program and tests.
// A plain command line (long options with plain values, query words) is read
// here directly; anything else (--help, --version, an unknown option, a value
// cxxopts reads in its own way, an error to report) goes through cxxopts, whose
// options (add_command_line_options) make the help and the usage errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <cxxopts.hpp>

#include "searcher/search_request.h"

namespace newsdesk {

enum class CliMode { hits, quotes, experts };

struct CliRequest {
    CliMode mode = CliMode::hits;
    SearchRequest request;
};

// What newsdesk-search's command line says, as given (not yet checked), with
// the options' defaults.
struct SearchArgs {
    std::vector<std::string> query;  // the words, as cxxopts splits them (at commas)
    unsigned limit = 10, offset = 0, facet_size = 10;
    std::string sort = "relevance", facets = "none", date_histogram = "auto";
    bool date_histogram_given = false;  // a date bucket asks for the date facet
    std::vector<std::string> filters;   // NAME=VALUE, in order
    bool no_collapse = false, quotes = false, experts = false;
    std::optional<std::string> like;
    std::string db;  // --db, empty for the default (cli::database_option)
    bool json = false, csv = false, all = false, explain = false;
    bool operator==(const SearchArgs&) const = default;
};

// Adds newsdesk-search's options in the order --help lists them: --limit
// --offset --sort --facets --facet-size --filter --date-histogram
// --no-collapse --quotes --experts --like, the positional query, --db, --json
// --csv --all --explain, -h,--help and --version.
void add_command_line_options(cxxopts::Options& options);

// The arguments cxxopts parsed with add_command_line_options.
[[nodiscard]] SearchArgs search_args(const cxxopts::ParseResult& parsed);

// The arguments of a plain command line, read as cxxopts reads them, without
// building cxxopts' tables (a fifth of a query matching nothing): long options
// of add_command_line_options, each once (--filter any number of times), with
// a value of their own ("--limit 5", "--limit=5"; a number in plain digits), and
// words that neither start with '-' nor hold a comma. nullopt for any other
// command line, which cxxopts then reads (and reports on).
[[nodiscard]] std::optional<SearchArgs> plain_search_args(int argc, const char* const* argv);

// Throws UsageError naming the option for a bad value.
[[nodiscard]] CliRequest request_from_args(const SearchArgs& args);

// "country=KP" -> {"country", "KP"}; throws UsageError.
[[nodiscard]] std::pair<std::string, std::string> parse_filter(const std::string& text);

}  // namespace newsdesk
