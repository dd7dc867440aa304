// What a user asks for and what comes back: plain data shared by the command
// line, the CGI and the renderers.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "searcher/facets.h"

namespace newsdesk {

enum class SortOrder { relevance, date, recency };

struct SearchRequest {
    std::string query;  // newsdesk query syntax (newsdesk-search --help)
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
    SortOrder sort = SortOrder::relevance;
    std::vector<std::pair<std::string, std::string>> filters;  // facet name, value
    // A date range, YYYY-MM-DD and inclusive, either end empty for none: a filter
    // on the query (query_builder.h, date_range()), never part of its text.
    std::string from, to;
    std::vector<std::string> facets;  // empty: no facets
    std::size_t facet_size = 10;
    DateBucket date_bucket = DateBucket::automatic;
    bool collapse = true;             // fold near-duplicate wire copies
    std::optional<std::string> like;  // article id: more like this one
    // Seconds the match may take (Xapian::Enquire::set_time_limit); 0: no limit.
    // When it passes, the match stops early: the hits are the best found so far
    // and the counts (facets too) are lower bounds, marked not exact.
    double time_limit = 0;
    bool describe = true;  // fill SearchResult::query_description (--explain, JSON); describing costs
    // Read each hit's lists (byline, captions, quotes, experts, people,
    // institutions, countries) from its record: plain text output prints none.
    bool hit_lists = true;
};

struct Hit {
    Xapian::docid docid = 0;
    std::string id;
    double score = 0;     // BM25 weight (plus the recency boost with --sort recency)
    int percent = 0;      // Xapian's percentage score
    Xapian::doccount collapsed = 0;  // near-duplicate copies folded into this hit
    Article article;      // the stored record (headline, date, entities...)
    std::string snippet;  // highlighted with the request's markers
};

struct SearchResult {
    std::string query_description;  // Xapian::Query::get_description(), for --explain; empty unless request.describe
    Xapian::doccount estimate = 0;  // hits: matching articles after folding wire copies (an estimate)
    Xapian::doccount total = 0;     // matching articles, copies included (what facets count)
    bool exact = false;             // total is exact (always when facets were computed)
    Xapian::doccount offset = 0;
    std::vector<Hit> hits;
    std::vector<Facet> facets;
    std::vector<std::pair<std::string, std::string>> filters;  // echoed
    std::string corrected_query;    // "did you mean", set when few matched
};

// One quote as a result of --quotes.
struct QuoteHit {
    Quote quote;
    std::string highlighted;  // quote text with query words marked
    double score = 0;
    std::size_t article = 0;  // index into the owning QuoteResult::articles.hits
};

struct QuoteResult {
    SearchResult articles;  // the matching articles the quotes came from
    std::vector<QuoteHit> quotes;
};

// One expert as a result of --experts.
struct ExpertHit {
    std::string name;
    std::optional<std::string> title;
    std::optional<std::string> institution;
    Xapian::doccount articles = 0;
    int quotes = 0;
    std::string first_date, last_date;
    double score = 0;
};

struct ExpertResult {
    SearchResult articles;  // totals, facets and filters of the underlying match
    std::vector<ExpertHit> experts;
    Xapian::doccount articles_examined = 0;
};

}  // namespace newsdesk
