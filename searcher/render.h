// Results -> what a user or a script reads.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "searcher/search_request.h"

namespace newsdesk {

// Human-readable hits: rank, headline, date, source, URL or path, snippet,
// then the facets. Says so when nothing matched, and suggests a spelling. The
// URL or path (the article's id) is escaped onto one line as the indexer's
// messages name files (common/text.h, printable()): a file name's newlines and
// terminal escape sequences never reach the terminal as they are.
void render_text(const SearchResult& result, std::ostream& out);
void render_text(const QuoteResult& result, std::ostream& out);
void render_text(const ExpertResult& result, std::ostream& out);

// {"query", "estimate", "total" (always; an estimate when not exact), "exact", "offset", "filters",
//  "facets": {name: [{value, label, count}]}, "did_you_mean", "hits": [{id,
//  score, percent, headline, date, url, source, path, language, snippet,
//  collapsed, quotes, experts, people, institutions, countries}]}
[[nodiscard]] nlohmann::json render_json(const SearchResult& result);
[[nodiscard]] nlohmann::json render_json(const QuoteResult& result);
[[nodiscard]] nlohmann::json render_json(const ExpertResult& result);

}  // namespace newsdesk
