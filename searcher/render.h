// SearchResult -> what a user or a script reads.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "searcher/search_request.h"

namespace newsdesk {

// Human-readable hits: rank, headline, date, source, URL or path, snippet.
// Says so when nothing matched.
void render_text(const SearchResult& result, std::ostream& out);

// {"query", "estimate", "offset", "hits": [{id, score, percent, headline, date,
// url, source, path, language, snippet}]}
[[nodiscard]] nlohmann::json render_json(const SearchResult& result);

}  // namespace newsdesk
