// newsdesk.cgi's configuration: which databases it may search, how long a
// search may take, where its static files are served. Never from a request:
// from the file named by $NEWSDESK_CGI_CONFIG and the environment the web
// server sets ($NEWSDESK_DB).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace newsdesk {

struct CgiConfig {
    std::string db;  // the default database; $NEWSDESK_DB overrides the file's `db`
    // name -> database: the allow-list a request's c=NAME chooses from.
    std::vector<std::pair<std::string, std::string>> collections;
    unsigned time_limit = 10;          // seconds before a search is abandoned with 503
    std::string static_url = "/static";  // where style.css is served
};

// Lines "key = value" (db, time_limit, static_url) and "collection NAME = PATH";
// '#' starts a comment. Throws newsdesk::Error naming the line for anything else.
[[nodiscard]] CgiConfig parse_cgi_config(const std::string& text);

// The file named by $NEWSDESK_CGI_CONFIG if set (missing: newsdesk::Error),
// then $NEWSDESK_DB over its `db`; with neither, resolve_db_path(""): the
// configuration file every program reads (common/config.h), else the default.
[[nodiscard]] CgiConfig load_cgi_config();

// The database for collection `name` ("" = the default); throws BadRequest for
// a name not in the allow-list.
[[nodiscard]] std::string database_for(const CgiConfig& config, const std::string& name);

}  // namespace newsdesk
