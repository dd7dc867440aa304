// newsdesk.cgi's request handling: a CGI request in, a complete response out
// (status, headers, body), every failure mapped to a status and a page that
// names no file and quotes no Xapian message. See docs in README "Search page".
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "searcher/cgi/cgi_config.h"
#include "searcher/cgi/cgi_request.h"

namespace newsdesk {

struct CgiResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;  // Content-Type etc., in order
    std::string body;
    bool head = false;  // HEAD: the headers of the same response, no body
};

// Reads the POST body from `body` (at most cgi_limit::form_bytes, as
// `content_length` says), parses and runs the request against `config`'s database.
[[nodiscard]] CgiResponse handle_cgi(const CgiInput& input, const std::optional<std::string>& content_length,
                                     std::istream& body, const CgiConfig& config);

// A page for `status` with `message` (escaped by the template), for failures
// outside handle_cgi (configuration, time limit). Never throws.
[[nodiscard]] CgiResponse error_response(int status, const std::string& message,
                                         const CgiConfig& config = {});

// "Status: 200 OK\r\nContent-Type: ...\r\n...\r\n\r\n" + body (not for HEAD).
[[nodiscard]] std::string serialize(const CgiResponse& response);

}  // namespace newsdesk
