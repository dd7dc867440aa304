// Command-line options -> SearchRequest, shared by newsdesk-search and tests.
#pragma once

#include <cxxopts.hpp>

#include "searcher/search_request.h"

namespace newsdesk {

enum class CliMode { hits, quotes, experts };

struct CliRequest {
    CliMode mode = CliMode::hits;
    SearchRequest request;
};

// Adds --limit --offset --sort --facets --facet-size --filter --date-histogram
// --no-collapse --quotes --experts --like and the positional query.
void add_search_options(cxxopts::Options& options);

// Throws UsageError naming the option for a bad value.
[[nodiscard]] CliRequest request_from_options(const cxxopts::ParseResult& args);

// "country=KP" -> {"country", "KP"}; throws UsageError.
[[nodiscard]] std::pair<std::string, std::string> parse_filter(const std::string& text);

}  // namespace newsdesk
