// Running newsdesk.cgi as a web server would: a clean CGI environment, the
// request body on stdin, the response split into status, headers and body;
// and reading the HTML it returns with libxml2.
#pragma once

#include <cstddef>
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

// Resource limits on the CGI process; 0 is no limit.
struct CgiLimits {
    std::size_t address_space = 0;  // bytes (RLIMIT_AS): past it an allocation fails
    unsigned cpu_seconds = 0;       // RLIMIT_CPU: past it SIGXCPU kills the process
};

// What a hostile request may cost: 256 MB of address space (a page of the corpus
// maps about 48 MB, most of it the executable with ICU's data) and 5 s of CPU
// (a page takes about 0.05 s). CPU seconds rather than a clock: other builds on
// the machine do not make a request use more of them. Under the sanitizers
// (NEWSDESK_SANITIZED) the address space is not limited: ASan reserves terabytes
// of it for its shadow memory.
inline constexpr CgiLimits kHostileLimits{std::size_t{256} << 20, 5};

// Runs newsdesk.cgi with exactly `env` ("NAME=value") plus NEWSDESK_DATA, and
// `body` on stdin, within `limits`.
[[nodiscard]] CgiRun run_cgi(const std::vector<std::string>& env, const std::string& body = "",
                             const CgiLimits& limits = {});

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

// The elements named `name`; the result items (li class="hit") of a page.
[[nodiscard]] std::vector<Element> elements(const std::string& html, const std::string& name);
[[nodiscard]] std::vector<Element> hits(const std::string& html);
[[nodiscard]] bool has_class(const Element& e, const std::string& cls);
[[nodiscard]] bool inside(const Element& e, const std::string& cls);

// The headers every response of the page has (exit 0, the content type,
// CSP, nosniff, a Content-Length that is the body's), as GoogleTest failures.
void expect_page_headers(const CgiRun& r, const std::string& type);

// Nothing in the page can run: no script or embedded element, no event handler
// attribute, no javascript: or data: URL. GoogleTest failures name `context`.
void expect_inert(const std::string& html, const std::string& context);

}  // namespace newsdesk::test
