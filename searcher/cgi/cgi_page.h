// The web page and the Atom feed: results -> template data -> text, through the
// mustache templates in web/templates (see searcher/cgi/web_dir.h). Every value is
// escaped by the template engine for its HTML or XML context; the only markup
// inserted as it is comes from the snippet code (escaped text around <mark>).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"

#include "searcher/cgi/cgi_config.h"
#include "searcher/cgi/cgi_request.h"
#include "searcher/search_request.h"
#include "searcher/snippet.h"

namespace newsdesk {

// What a page shows besides the request: exactly one of the result kinds (or
// none, for an error page), a message, the configured collections.
struct PageContent {
    const SearchResult* articles = nullptr;
    const QuoteResult* quotes = nullptr;
    const ExpertResult* experts = nullptr;
    // How the hits were highlighted (Searcher::run): each article language's
    // reading of the query, to pick and mark the quotes a hit shows.
    Highlighter* highlighter = nullptr;
    std::string error;              // a whole-page error (400, 503, 500): shown instead of results
    std::string syntax_error;       // the query could not be parsed: shown above the form's results
};

// The facets the page counts and shows, sidebar order (the date facet draws the timeline).
[[nodiscard]] const std::vector<std::string>& page_facets();

// The HTML page for `request` (nullptr: the request could not be parsed; an empty form).
[[nodiscard]] std::string render_page(const WebRequest* request, const PageContent& content,
                                      const CgiConfig& config);

// An Atom 1.0 feed of `result`'s hits (run newest first).
[[nodiscard]] std::string render_atom(const WebRequest& request, const SearchResult& result);

// An http(s) URL safe to link to, or empty: other schemes (javascript:, data:)
// and anything with spaces or control characters are not links.
[[nodiscard]] std::string safe_link(const std::string& url);

// A file:// URL for an article's absolute `path` (percent-encoded; the "#N" of a
// feed's Nth item kept as the fragment), or empty for a path that is not absolute.
[[nodiscard]] std::string file_link(const std::string& path);

// Where an article's headline links: its URL when safe_link passes it, else its file.
[[nodiscard]] std::string article_link(const Article& article);

}  // namespace newsdesk
