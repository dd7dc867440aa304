#include "searcher/cgi/cgi_request.h"

#include <algorithm>
#include <charconv>

#include "common/schema.h"
#include "common/text.h"
#include "searcher/facets.h"

namespace newsdesk {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%') {
            const int hi = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
            const int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
            if (hi < 0 || lo < 0) throw BadRequest("malformed percent-encoding in the request");
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += c;
        }
    }
    if (!is_valid_utf8(out)) throw BadRequest("the request is not valid UTF-8");
    for (std::size_t pos = 0; pos < out.size();) {
        const char32_t c = next_code_point(out, pos);
        // Controls (C0, DEL and C1): a CR LF in a value is how header injection
        // starts, and none of them is text. U+FFFE and U+FFFF are not characters
        // in XML: echoed into the Atom feed they made it ill-formed.
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
            throw BadRequest("control characters in the request");
        if (c == 0xfffe || c == 0xffff)
            throw BadRequest("the request holds a code point that is not a character");
    }
    return out;
}

// A positive decimal number no greater than `max`, or BadRequest naming the parameter.
Xapian::doccount parse_count(const std::string& name, const std::string& value, Xapian::doccount max) {
    unsigned long n = 0;
    const auto* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, n);
    if (value.empty() || ec != std::errc() || ptr != end || n < 1 || n > max)
        throw BadRequest(name + " must be a whole number from 1 to " + std::to_string(max));
    return static_cast<Xapian::doccount>(n);
}

bool is_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// YYYY-MM-DD with a plausible month and day (the range processor checks no more).
void check_date(const std::string& name, const std::string& value) {
    const bool shape = value.size() == 10 && value[4] == '-' && value[7] == '-' && is_digits(value.substr(0, 4)) &&
                       is_digits(value.substr(5, 2)) && is_digits(value.substr(8, 2));
    const int month = shape ? std::stoi(value.substr(5, 2)) : 0, day = shape ? std::stoi(value.substr(8, 2)) : 0;
    if (!shape || month < 1 || month > 12 || day < 1 || day > 31)
        throw BadRequest(name + " must be a date as YYYY-MM-DD");
}

}  // namespace

FormFields parse_form(std::string_view encoded) {
    if (encoded.size() > cgi_limit::form_bytes) throw BadRequest("the request is too large", 413);
    FormFields fields;
    std::size_t pos = 0;
    while (pos <= encoded.size()) {
        auto end = encoded.find('&', pos);
        if (end == std::string_view::npos) end = encoded.size();
        const auto pair = encoded.substr(pos, end - pos);
        if (!pair.empty()) {
            const auto eq = pair.find('=');
            std::string name = percent_decode(pair.substr(0, eq));
            std::string value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1));
            if (fields.size() == cgi_limit::parameters) throw BadRequest("too many parameters");
            fields.emplace_back(std::move(name), std::move(value));
        }
        pos = end + 1;
    }
    return fields;
}

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

const std::vector<std::string>& web_filter_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all;
        for (const auto& facet : kFacets) all.emplace_back(facet.name);
        return all;
    }();
    return names;
}

WebRequest web_request_from_fields(const FormFields& fields) {
    WebRequest r;
    std::map<std::string, int> seen;
    const auto& filter_names = web_filter_names();
    for (const auto& [name, value] : fields) {
        const bool is_filter = std::find(filter_names.begin(), filter_names.end(), name) != filter_names.end();
        if (is_filter) {
            if (value.empty()) continue;  // an empty select or text box
            if (value.size() > cgi_limit::value_bytes) throw BadRequest(name + " is too long");
            // The same filter twice is one filter, so it never counts against the limit.
            std::pair<std::string, std::string> filter{name, value};
            if (std::find(r.filters.begin(), r.filters.end(), filter) != r.filters.end()) continue;
            if (r.filters.size() == cgi_limit::filters) throw BadRequest("too many filters");
            try {
                (void)facet_filter(name, value);
            } catch (const UsageError& e) {
                throw BadRequest(e.what());
            }
            r.filters.push_back(std::move(filter));
            continue;
        }
        static const std::vector<std::string> singles{"q", "sort", "from", "to", "page", "size",
                                                      "tab", "format", "copies", "all", "c"};
        if (std::find(singles.begin(), singles.end(), name) == singles.end()) continue;  // unknown: ignored
        if (++seen[name] > 1) throw BadRequest(name + " is given more than once");
        if (name == "q") {
            if (value.size() > cgi_limit::query_bytes)
                throw BadRequest("the query is too long (at most " + std::to_string(cgi_limit::query_bytes) +
                                 " bytes)");
            r.query = value;
            continue;
        }
        if (value.size() > cgi_limit::value_bytes) throw BadRequest(name + " is too long");
        if (name == "sort") {
            if (value == "date") r.sort = "newest";
            else if (value == "relevance" || value == "newest" || value == "recency") r.sort = value;
            else if (!value.empty()) throw BadRequest("sort must be relevance, newest or recency");
        } else if (name == "from" || name == "to") {
            if (!value.empty()) check_date(name, value);
            (name == "from" ? r.from : r.to) = value;
        } else if (name == "page") {
            r.page = parse_count("page", value, cgi_limit::last_page);
        } else if (name == "size") {
            r.size = parse_count("size", value, cgi_limit::page_size);
        } else if (name == "tab") {
            if (value == "articles" || value.empty()) r.tab = WebTab::articles;
            else if (value == "quotes") r.tab = WebTab::quotes;
            else if (value == "experts") r.tab = WebTab::experts;
            else throw BadRequest("tab must be articles, quotes or experts");
        } else if (name == "format") {
            if (value == "html" || value.empty()) r.format = WebFormat::html;
            else if (value == "json") r.format = WebFormat::json;
            else if (value == "atom") r.format = WebFormat::atom;
            else if (value == "csv") r.format = WebFormat::csv;
            else throw BadRequest("format must be html, json, atom or csv");
        } else if (name == "copies") {
            if (value == "all") r.all_copies = true;
            else if (value != "fold" && !value.empty()) throw BadRequest("copies must be fold or all");
        } else if (name == "all") {
            if (value == "1") r.all = true;
            else if (value != "0" && !value.empty()) throw BadRequest("all must be 1 or 0");
        } else if (name == "c") {
            r.collection = value;  // checked against the configured collections later
        }
    }
    if (!r.from.empty() && !r.to.empty() && r.from > r.to) throw BadRequest("from must not be after to");
    if (r.all && r.format != WebFormat::csv) throw BadRequest("all=1 goes with format=csv");
    return r;
}

WebRequest parse_web_request(const CgiInput& input, std::string_view body) {
    const std::string method = input.method.value_or("GET");
    WebRequest r;
    if (method == "GET" || method == "HEAD") {
        r = web_request_from_fields(parse_form(input.query_string.value_or("")));
    } else if (method == "POST") {
        std::string type = ascii_lower(input.content_type.value_or(""));
        if (const auto semi = type.find(';'); semi != std::string::npos) type = std::string(trim(type.substr(0, semi)));
        if (type != "application/x-www-form-urlencoded")
            throw BadRequest("POST needs application/x-www-form-urlencoded", 415);
        // Fields in the URL and in the body are one form, as HTML sends them.
        FormFields fields = parse_form(input.query_string.value_or(""));
        for (auto& field : parse_form(body)) fields.push_back(std::move(field));
        if (fields.size() > cgi_limit::parameters) throw BadRequest("too many parameters");
        r = web_request_from_fields(fields);
    } else {
        throw BadRequest("method not allowed", 405);
    }
    r.head = method == "HEAD";
    return r;
}

SearchRequest WebRequest::search_request(const std::vector<std::string>& facet_names) const {
    SearchRequest s;
    s.query = query;
    s.from = from;
    s.to = to;
    s.limit = size;
    s.offset = (page - 1) * size;
    s.sort = sort == "newest" ? SortOrder::date : sort == "recency" ? SortOrder::recency : SortOrder::relevance;
    s.filters = filters;
    s.facets = facet_names;
    s.facet_size = 10;
    s.date_bucket = DateBucket::month;
    s.collapse = !all_copies;
    return s;
}

std::string WebRequest::link() const {
    std::string out;
    const auto add = [&out](std::string_view name, std::string_view value) {
        out += out.empty() ? "" : "&";
        out += name;
        out += '=';
        out += url_encode(value);
    };
    if (!collection.empty()) add("c", collection);
    if (!query.empty()) add("q", query);
    if (tab == WebTab::quotes) add("tab", "quotes");
    if (tab == WebTab::experts) add("tab", "experts");
    for (const auto& [facet, value] : filters) add(facet, value);
    if (!from.empty()) add("from", from);
    if (!to.empty()) add("to", to);
    if (sort != "relevance") add("sort", sort);
    if (all_copies) add("copies", "all");
    if (size != 10) add("size", std::to_string(size));
    if (page != 1) add("page", std::to_string(page));
    if (format == WebFormat::json) add("format", "json");
    if (format == WebFormat::atom) add("format", "atom");
    if (format == WebFormat::csv) add("format", "csv");
    if (all) add("all", "1");
    return out;
}

}  // namespace newsdesk
