// CGI/1.1 requests -> a validated WebRequest for newsdesk.cgi. Everything a
// client sends is checked here, before any database is touched: strict
// percent-decoding, UTF-8, size limits, known values only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"
#include "searcher/search_request.h"

namespace newsdesk {

// A request the client got wrong: answered with 400 and this (short, escaped) message.
class BadRequest : public UsageError {
  public:
    explicit BadRequest(const std::string& message, int status = 400) : UsageError(message), m_status(status) {}
    [[nodiscard]] int status() const { return m_status; }

  private:
    int m_status;  // 400, 405 (method), 413 (too large), 415 (content type)
};

// Limits on what one request may ask for.
namespace cgi_limit {
inline constexpr std::size_t form_bytes = 8192;   // QUERY_STRING or POST body
inline constexpr std::size_t parameters = 64;     // name=value pairs
inline constexpr std::size_t query_bytes = 500;   // q
inline constexpr std::size_t value_bytes = 200;   // any other value
inline constexpr std::size_t filters = 20;        // facet filters in all
inline constexpr Xapian::doccount page_size = 50; // size
inline constexpr Xapian::doccount last_page = 500;
}  // namespace cgi_limit

// Decoded name=value pairs in the order sent; names may repeat.
using FormFields = std::vector<std::pair<std::string, std::string>>;

// "a=1&b=x+y%21" -> {{"a","1"},{"b","x y!"}}. '+' is a space; '%' must be
// followed by two hex digits; names and values must be UTF-8 (no overlong
// forms, no surrogates) without control characters (C0, DEL, C1) or the
// noncharacters U+FFFE and U+FFFF, which XML forbids. Throws BadRequest
// (413 past form_bytes, else 400).
[[nodiscard]] FormFields parse_form(std::string_view encoded);

// Percent-encodes for a URL query component (unreserved characters kept, space as '+').
[[nodiscard]] std::string url_encode(std::string_view text);

enum class WebTab { articles, quotes, experts };
enum class WebFormat { html, json, atom, csv };

// The facets a web request may filter on, as URL parameter names, in sidebar order.
[[nodiscard]] const std::vector<std::string>& web_filter_names();

struct WebRequest {
    std::string query;               // q, as typed
    std::string sort = "relevance";  // relevance, newest, recency
    std::string from, to;            // date range, YYYY-MM-DD or empty
    Xapian::doccount page = 1;       // 1-based
    Xapian::doccount size = 10;
    std::vector<std::pair<std::string, std::string>> filters;  // facet, value; in URL order
    WebTab tab = WebTab::articles;
    WebFormat format = WebFormat::html;
    bool all_copies = false;         // copies=all: do not fold wire copies
    bool all = false;                // all=1 with format=csv: every hit, not one page
    std::string collection;          // c: a configured collection name, or empty for the default
    bool head = false;               // HEAD: headers only

    // The SearchRequest to run: the query, the date range and the filters as
    // they are (each applied as a query of its own, so the text cannot undo
    // them), paging, sort; facets as `facets` (none when empty).
    [[nodiscard]] SearchRequest search_request(const std::vector<std::string>& facets) const;

    // The URL query string of this request ("q=...&sort=..."), defaults left
    // out, in a fixed order, so every state of the page has one stable link.
    [[nodiscard]] std::string link() const;
};

// The request from a CGI environment: REQUEST_METHOD, QUERY_STRING,
// CONTENT_TYPE and, for POST, the body (read by the caller, at most
// cgi_limit::form_bytes). Plain values, so tests need no process environment.
// Throws BadRequest.
struct CgiInput {
    std::optional<std::string> method, query_string, content_type;
};
[[nodiscard]] WebRequest parse_web_request(const CgiInput& input, std::string_view body);

// The fields -> WebRequest part of parse_web_request (exposed for tests).
// Repeated names: q, sort, from, to, page, size, tab, format, copies, all and c may
// appear once; a second one is 400 "NAME is given more than once", even with
// the same value or an empty one. Facet filters (web_filter_names) repeat: the
// values of one facet OR together, different facets AND, the same name=value
// twice is one filter, an empty value is none; more than cgi_limit::filters
// different ones is 400 "too many filters". Unknown names are ignored, but
// count towards cgi_limit::parameters like any other.
[[nodiscard]] WebRequest web_request_from_fields(const FormFields& fields);

}  // namespace newsdesk
