// What a user asks for and what comes back: plain data shared by the command
// line, the CGI and the renderers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdesk {

enum class SortOrder { relevance, date };

struct SearchRequest {
    std::string query;          // newsdesk query syntax (docs/query-syntax.md)
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
    SortOrder sort = SortOrder::relevance;
};

struct Hit {
    Xapian::docid docid = 0;
    std::string id;
    double score = 0;     // BM25 weight
    int percent = 0;      // Xapian's percentage score
    std::string headline;
    std::optional<std::string> date;
    std::optional<std::string> url;
    std::optional<std::string> source;
    std::string path;
    std::string language;
    std::string snippet;  // highlighted with the request's markers
};

struct SearchResult {
    std::string query_description;  // Xapian::Query::get_description(), for --explain
    Xapian::doccount estimate = 0;  // Xapian's estimate of the total number of matches
    Xapian::doccount offset = 0;
    std::vector<Hit> hits;
};

}  // namespace newsdesk
