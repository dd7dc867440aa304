// newsdesk.cgi's request handling: a CGI request in, a complete response out
// (status, headers, body), every failure mapped to a status and a page that
// names no file and quotes no Xapian message. See docs in README "Search page".
#pragma once

#include <functional>
#include <memory>
#include <istream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/db/facet_column.h"
#include "searcher/cgi/cgi_config.h"
#include "searcher/cgi/cgi_request.h"

namespace newsdesk {

struct CgiResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;  // Content-Type etc., in order
    std::string body;
    bool head = false;  // HEAD: the headers of the same response, no body
};

// The database at a configured path, open for one request, with its facet
// column if it has one. newsdesk-fcgi keeps its databases open and their
// columns mapped between requests (common/db/kept_database.h).
struct SourcedDatabase {
    Xapian::Database db;
    std::shared_ptr<const FacetColumn> column;
};
using DatabaseSource = std::function<SourcedDatabase(const std::string& path)>;

// Reads the POST body from `body` (at most cgi_limit::form_bytes, as
// `content_length` says), parses and runs the request against `config`'s database.
// `on_read` (if given) is called with the request once it is read and checked,
// before the search: newsdesk.cgi notes the format its time limit answers in.
// `databases` (if given) supplies the database; else it is opened for the
// request and closed before the page is rendered.
[[nodiscard]] CgiResponse handle_cgi(const CgiInput& input, const std::optional<std::string>& content_length,
                                     std::istream& body, const CgiConfig& config,
                                     const std::function<void(const WebRequest&)>& on_read = {},
                                     const DatabaseSource& databases = {});

// The answer when a request passes config.time_limit: 503, "The search took
// too long", in `format` (JSON or a page), as error_response. Never throws.
[[nodiscard]] CgiResponse time_limit_response(const CgiConfig& config, WebFormat format);

// The answer for `status` with `message`, in the format asked for: {"error":
// message} for JSON, else a page (escaped by the template; the Atom feed's
// errors are pages too). For failures outside handle_cgi as well
// (configuration, time limit). Never throws.
[[nodiscard]] CgiResponse error_response(int status, const std::string& message, const CgiConfig& config = {},
                                         WebFormat format = WebFormat::html);

// The format a request asks for as far as its URL tells without reading the
// request (format=json among its fields), for the answer to one that could not
// be read or configured.
[[nodiscard]] WebFormat format_in_url(const CgiInput& input);

// "Status: 200 OK\r\nContent-Type: ...\r\n...\r\n\r\n" + body (not for HEAD).
[[nodiscard]] std::string serialize(const CgiResponse& response);

}  // namespace newsdesk
