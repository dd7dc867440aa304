// Running newsdesk.cgi as a web server would: a clean CGI environment, the
// request body on stdin, the response split into status, headers and body;
// and reading the HTML it returns with libxml2.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace newsdesk::test {

inline const std::string kCgi = NEWSDESK_CGI_BIN;

struct CgiRun {
    int exit_code = -1;
    int status = 0;                                // from the Status: line
    std::string status_line;                       // "Status: 200 OK"
    std::multimap<std::string, std::string> headers;  // lower-case names
    std::string body;
    std::string err;
    [[nodiscard]] std::string header(const std::string& lower_name) const;
};

// Runs newsdesk.cgi with exactly `env` ("NAME=value") plus NEWSDESK_DATA, and
// `body` on stdin.
[[nodiscard]] CgiRun run_cgi(const std::vector<std::string>& env, const std::string& body = "");

// A GET with this QUERY_STRING over `db`.
[[nodiscard]] CgiRun get(const std::string& db, const std::string& query_string);

// Percent-encodes a query component (space as %20, everything but unreserved encoded).
[[nodiscard]] std::string encode(const std::string& text);

// One element of an HTML page, as libxml2's HTML parser reads it.
struct Element {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text;                // all text inside, concatenated
    std::vector<std::string> classes_of_ancestors;  // "class" values of the enclosing elements
};

// Every element of `html`, in document order.
[[nodiscard]] std::vector<Element> parse_html(const std::string& html);

}  // namespace newsdesk::test
