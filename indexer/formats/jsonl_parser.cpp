// JSON Lines: one article per line, the shape scrapers and datasets export.
// Field names vary between exporters, so each Article field accepts the common
// aliases (title/headline, text/body/content, date/published, author/byline).
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/lang/dates.h"
#include "common/text.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/encoding.h"

namespace newsdesk {

namespace {

using nlohmann::json;

// The first alias present as a non-empty string.
std::optional<std::string> string_field(const json& j, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        const auto it = j.find(name);
        if (it != j.end() && it->is_string()) {
            auto value = collapse_whitespace(to_utf8(it->get<std::string>()));
            if (!value.empty()) return value;
        }
    }
    return std::nullopt;
}

// "author": "A" | ["A", "B"] | [{"name": "A"}] | {"name": "A"}.
std::vector<std::string> names_field(const json& j) {
    std::vector<std::string> out;
    const auto add = [&](const json& v) {
        if (v.is_string())
            out.push_back(collapse_whitespace(to_utf8(v.get<std::string>())));
        else if (v.is_object() && v.contains("name") && v["name"].is_string())
            out.push_back(collapse_whitespace(to_utf8(v["name"].get<std::string>())));
    };
    for (const char* name : {"byline", "author", "authors", "creator"}) {
        const auto it = j.find(name);
        if (it == j.end()) continue;
        if (it->is_array())
            for (const auto& v : *it) add(v);
        else
            add(*it);
        if (!out.empty()) break;
    }
    std::erase_if(out, [](const std::string& s) { return s.empty(); });
    return out;
}

// Each non-empty line of the text is a paragraph; a leading line that is only
// a date (Wikinews' "Friday, January 4, 2019") is metadata, returned separately;
// a first sentence that mentions a date is text. Past kMaxFieldBytes the rest
// is not read (`truncated`; parse_any cuts the body).
std::string body_of(const std::string& text, std::optional<ParsedDate>& dateline, bool& truncated) {
    std::vector<std::string> paragraphs;
    std::size_t bytes = 0;
    for_each_collapsed_line(text, [&](std::string&& line) {
        if (bytes > kMaxFieldBytes) {
            truncated = true;
            return false;
        }
        if (!line.empty()) {
            bytes += line.size() + 2;
            paragraphs.push_back(std::move(line));
        }
        return true;
    });
    if (!paragraphs.empty() && (dateline = date_line(paragraphs.front()))) paragraphs.erase(paragraphs.begin());
    return join_paragraphs(paragraphs);
}

Article article_from_line(const json& j, const std::string& path) {
    if (!j.is_object()) throw ParseError("not a JSON object");
    // The raw text keeps its line breaks (paragraphs), so it is not folded here.
    const std::string* text = nullptr;
    for (const char* name : {"text", "body", "content", "articleBody", "article"}) {
        const auto it = j.find(name);
        if (it != j.end() && it->is_string() && !trim(it->get_ref<const std::string&>()).empty()) {
            text = &it->get_ref<const std::string&>();
            break;
        }
    }
    if (!text) throw ParseError("no text field (text, body, content)");
    Article a;
    a.path = path;
    a.url = string_field(j, {"url", "link", "uri"});
    a.headline = string_field(j, {"title", "headline"}).value_or("");
    a.source = string_field(j, {"source", "site", "publisher"});
    if (auto lang = string_field(j, {"language", "lang"})) a.declared_language = *lang;
    a.byline = names_field(j);
    std::optional<ParsedDate> dateline;
    a.body = body_of(*text, dateline, a.truncated);
    if (a.body.empty()) throw ParseError("empty text field");
    auto date = dateline;
    if (auto d = string_field(j, {"date", "datetime", "published", "pubDate", "datePublished"}))
        if (auto parsed = parse_date(*d)) date = parsed;
    if (date) {
        a.date = date->date;
        a.datetime = date->datetime;
    }
    return a;
}

}  // namespace

std::vector<Article> parse_jsonl(std::string_view bytes, const std::string& path,
                                 std::vector<std::string>* errors, std::size_t first_line) {
    std::vector<Article> out;
    std::size_t line_no = first_line - 1;
    for (std::size_t pos = 0; pos < bytes.size();) {
        auto end = bytes.find('\n', pos);
        if (end == std::string_view::npos) end = bytes.size();
        const auto line = trim(bytes.substr(pos, end - pos));
        pos = end + 1;
        ++line_no;
        if (line.empty()) continue;
        const auto item_path = path + "#" + std::to_string(line_no);
        try {
            // Lines in a legacy encoding are repaired first: the JSON lexer rejects them.
            // A raw NUL byte, which JSON does not allow in a string, is removed.
            const auto j = line.find('\0') == std::string_view::npos && is_valid_utf8(line)
                               ? json::parse(line)
                               : json::parse(to_utf8(strip_nul(line)));
            out.push_back(article_from_line(j, item_path));
        } catch (const json::exception& e) {
            if (errors)
                errors->push_back(printable(item_path) + ": malformed JSON (" +
                                  printable(e.what()) + ")");
        } catch (const ParseError& e) {
            if (errors) errors->push_back(printable(item_path) + ": " + printable(e.what()));
        }
    }
    return out;
}

}  // namespace newsdesk
