#include "searcher/cgi/cgi_app.h"

#include <charconv>
#include <iostream>
#include <sstream>

#include "common/error.h"
#include "searcher/cgi/cgi_page.h"
#include "searcher/query_builder.h"
#include "searcher/csv_export.h"
#include "searcher/render.h"
#include "searcher/render_csv.h"
#include "searcher/searcher.h"

namespace newsdesk {

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kUnavailable = "The search index is not available at the moment. Please try again shortly.";
constexpr const char* kInternal = "Something went wrong on our side. Please try again later.";

const Markers kHtmlMarkers{"<mark>", "</mark>", true};
const Markers kPlainMarkers{"", "", false};

const char* reason(int status) {
    switch (status) {
        case 200: return "OK";
        case 400: return "Bad Request";
        case 405: return "Method Not Allowed";
        case 413: return "Content Too Large";
        case 415: return "Unsupported Media Type";
        case 503: return "Service Unavailable";
        default: return "Internal Server Error";
    }
}

CgiResponse respond(int status, const std::string& content_type, std::string body) {
    CgiResponse r;
    r.status = status;
    r.headers = {{"Content-Type", content_type},
                 {"Content-Security-Policy",
                  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
                  "frame-ancestors 'none'"},
                 {"X-Content-Type-Options", "nosniff"},
                 {"Referrer-Policy", "no-referrer"}};
    if (status != 200) r.headers.emplace_back("Cache-Control", "no-store");
    if (status == 503) r.headers.emplace_back("Retry-After", "30");
    if (status == 405) r.headers.emplace_back("Allow", "GET, HEAD, POST");
    r.body = std::move(body);
    return r;
}

std::string dump(const nlohmann::json& j) { return j.dump(2) + "\n"; }

std::string read_body(const std::optional<std::string>& content_length, std::istream& in) {
    if (!content_length || content_length->empty()) return {};
    std::size_t length = 0;
    const auto& text = *content_length;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
    if (ec == std::errc::result_out_of_range) throw BadRequest("the request is too large", 413);
    if (ec != std::errc() || ptr != text.data() + text.size()) throw BadRequest("malformed Content-Length");
    if (length > cgi_limit::form_bytes) throw BadRequest("the request is too large", 413);
    std::string body(length, '\0');
    in.read(body.data(), static_cast<std::streamsize>(length));
    if (static_cast<std::size_t>(in.gcount()) != length) throw BadRequest("the request body is incomplete");
    return body;
}

// The match's own time limit: half the request's, so a slow match ends inside
// Xapian with the best hits found so far and the page still has time to be
// written; the watchdog (cgi_main.cpp) stays the hard stop for the whole request.
SearchRequest limited(SearchRequest request, const CgiConfig& config) {
    request.time_limit = config.time_limit / 2.0;
    return request;
}

// The page is rendered once the database is closed and the article bodies
// (read for the snippets, not shown) are dropped, so that rendering reuses
// their memory rather than growing the heap: fresh pages are a good part of
// what a CGI process costs.
void drop_bodies(SearchResult& result) {
    for (auto& hit : result.hits) std::string().swap(hit.article.body);
}

std::optional<Searcher> open_searcher(const std::string& path, const DatabaseSource& databases) {
    if (databases) {
        SourcedDatabase sourced = databases(path);
        return std::optional<Searcher>(std::in_place, std::move(sourced.db), path, std::move(sourced.column));
    }
    return std::optional<Searcher>(std::in_place, path);
}

CgiResponse run_search(const WebRequest& r, const CgiConfig& config, const DatabaseSource& databases) {
    std::optional<Searcher> searcher = open_searcher(database_for(config, r.collection), databases);
    if (r.format == WebFormat::json) {
        const SearchRequest request = limited(r.search_request(page_facets()), config);
        std::string body;
        if (r.tab == WebTab::quotes) body = dump(render_json(searcher->quotes(request)));
        else if (r.tab == WebTab::experts) body = dump(render_json(searcher->experts(request)));
        else body = dump(render_json(searcher->run(request)));
        return respond(200, kJson, std::move(body));
    }
    if (r.format == WebFormat::csv) {
        const SearchRequest request = limited(r.search_request({}), config);
        std::ostringstream body;
        const CsvRows rows = r.tab == WebTab::quotes    ? CsvRows::quotes
                             : r.tab == WebTab::experts ? CsvRows::experts
                                                        : CsvRows::hits;
        if (r.all) export_csv(*searcher, request, rows, body);
        else if (rows == CsvRows::quotes) render_csv(searcher->quotes(request), body);
        else if (rows == CsvRows::experts) render_csv(searcher->experts(request), body);
        else render_csv(searcher->records(request), body);
        auto response = respond(200, "text/csv; charset=utf-8; header=present", body.str());
        response.headers.emplace_back("Content-Disposition", "attachment; filename=\"newsdesk.csv\"");
        return response;
    }
    if (r.format == WebFormat::atom) {
        SearchRequest request = limited(r.search_request({}), config);
        request.sort = SortOrder::date;
        return respond(200, "application/atom+xml; charset=utf-8", render_atom(r, searcher->run(request, kPlainMarkers)));
    }
    const SearchRequest request = limited(r.search_request(page_facets()), config);
    PageContent content;
    std::string body;
    if (r.tab == WebTab::quotes) {
        QuoteResult result = searcher->quotes(request, kHtmlMarkers);
        searcher.reset();
        drop_bodies(result.articles);
        content.quotes = &result;
        body = render_page(&r, content, config);
    } else if (r.tab == WebTab::experts) {
        ExpertResult result = searcher->experts(request);
        searcher.reset();
        drop_bodies(result.articles);
        content.experts = &result;
        body = render_page(&r, content, config);
    } else {
        std::optional<Highlighter> highlighter;
        SearchResult result = searcher->run(request, kHtmlMarkers, &highlighter);
        searcher.reset();
        drop_bodies(result);
        content.articles = &result;
        if (highlighter) content.highlighter = &*highlighter;
        body = render_page(&r, content, config);
    }
    return respond(200, kHtml, std::move(body));
}

}  // namespace

CgiResponse error_response(int status, const std::string& message, const CgiConfig& config, WebFormat format) {
    if (format == WebFormat::json) return respond(status, kJson, dump({{"error", message}}));
    PageContent content;
    content.error = message;
    try {
        return respond(status, kHtml, render_page(nullptr, content, config));
    } catch (const std::exception& e) {
        std::cerr << "newsdesk.cgi: " << e.what() << '\n';
        // No templates: a bare page that still says what happened, with nothing from the request.
        return respond(status == 200 ? 500 : status, kHtml,
                       "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsdesk</title>"
                       "</head><body><h1>newsdesk search</h1><p>" + std::string(kInternal) +
                           "</p></body></html>\n");
    }
}

CgiResponse handle_cgi(const CgiInput& input, const std::optional<std::string>& content_length, std::istream& in,
                       const CgiConfig& config, const std::function<void(const WebRequest&)>& on_read,
                       const DatabaseSource& databases) {
    WebRequest request;
    CgiResponse response;
    try {
        const std::string body = input.method == "POST" ? read_body(content_length, in) : std::string();
        request = parse_web_request(input, body);
    } catch (const BadRequest& e) {
        // A script asking for JSON gets its error as JSON, though the rest of the request was not understood.
        response = error_response(e.status(), e.what(), config, format_in_url(input));
        response.head = input.method == "HEAD";
        return response;
    }
    if (on_read) on_read(request);
    // From here on every answer is in the format asked for.
    const auto failed = [&](int status, const std::string& message) {
        return error_response(status, message, config, request.format);
    };
    try {
        try {
            response = run_search(request, config, databases);
        } catch (const BadRequest& e) {
            response = failed(e.status(), e.what());  // c=NAME not configured
        } catch (const UsageError& e) {
            // The query could not be parsed: the page with the message, so it can be mended.
            if (request.format != WebFormat::html) {
                response = failed(400, e.what());
            } else {
                PageContent content;
                content.syntax_error = e.what();
                response = respond(200, kHtml, render_page(&request, content, config));
            }
        }
    } catch (const IndexError& e) {
        std::cerr << "newsdesk.cgi: " << e.what() << '\n';
        response = failed(503, kUnavailable);
    } catch (const Xapian::DatabaseModifiedError& e) {
        std::cerr << "newsdesk.cgi: " << e.get_description() << '\n';
        response = failed(503, kUnavailable);
    } catch (const Xapian::DatabaseLockError& e) {
        std::cerr << "newsdesk.cgi: " << e.get_description() << '\n';
        response = failed(503, kUnavailable);
    } catch (const Xapian::DatabaseOpeningError& e) {
        std::cerr << "newsdesk.cgi: " << e.get_description() << '\n';
        response = failed(503, kUnavailable);
    } catch (const Xapian::Error& e) {
        std::cerr << "newsdesk.cgi: " << e.get_description() << '\n';
        response = failed(500, kInternal);
    } catch (const std::exception& e) {
        std::cerr << "newsdesk.cgi: " << e.what() << '\n';
        response = failed(500, kInternal);
    }
    response.head = request.head;
    return response;
}

CgiResponse time_limit_response(const CgiConfig& config, WebFormat format) {
    return error_response(503, "The search took too long. Please try a narrower query.", config, format);
}

WebFormat format_in_url(const CgiInput& input) {
    const std::string fields = "&" + input.query_string.value_or("") + "&";
    return fields.find("&format=json&") != std::string::npos ? WebFormat::json : WebFormat::html;
}

std::string serialize(const CgiResponse& response) {
    std::string out = "Status: " + std::to_string(response.status) + " " + reason(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n\r\n";
    if (!response.head) out += response.body;
    return out;
}

}  // namespace newsdesk
