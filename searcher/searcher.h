// Runs a SearchRequest against a database and gathers the hits.
#pragma once

#include <string>

#include <xapian.h>

#include "searcher/search_request.h"

namespace newsdesk {

struct HighlightMarkers {
    std::string start = "**";
    std::string end = "**";
};

class Searcher {
  public:
    // Opens `db_path` (directory or stub file) through common/database.h; throws
    // IndexError when it cannot.
    explicit Searcher(std::string db_path);
    // For tests: an already open database (e.g. in-memory).
    Searcher(Xapian::Database db, std::string label);

    // Throws UsageError for a bad query. A writer committing meanwhile is
    // survived: the database is reopened and the whole search retried.
    [[nodiscard]] SearchResult run(const SearchRequest& request, const HighlightMarkers& markers = {});

  private:
    SearchResult run_once(const SearchRequest& request, const HighlightMarkers& markers);

    std::string m_path;
    Xapian::Database m_db;
};

}  // namespace newsdesk
