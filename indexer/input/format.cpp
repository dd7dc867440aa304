// Format detection. Content decides first because file names on the web lie
// (".php" pages, feeds saved as ".xml", NewsML as ".txt"); the extension only
// breaks ties the content leaves open.
#include <algorithm>
#include <array>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/text.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/format_sniff.h"

namespace newsdesk {

namespace {

// Roots of IPTC documents (NewsML-G2 items, packages and their fragments, NITF).
constexpr std::array<std::string_view, 13> kNewsRoots = {
    "nitf",        "newsmessage",  "newsitem",    "packageitem", "knowledgeitem",
    "conceptitem", "planningitem", "catalogitem", "contentset",  "contentmeta",
    "itemset",     "groupset",     "newsml"};
constexpr std::array<std::string_view, 3> kFeedRoots = {"rss", "rdf", "feed"};
constexpr std::array<std::string_view, 20> kHtmlTags = {
    "html", "head",  "body",    "div",  "p",      "meta",  "title",  "article", "script", "span",
    "link", "style", "section", "main", "header", "table", "center", "font",    "h1",     "form"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view skip_bom_and_space(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    return s;
}

// Skips the XML declaration, comments, processing instructions and doctype;
// returns the lower-cased local name of the first element ("" if none) and
// sets `doctype` to the lower-cased doctype name if there is one.
std::string first_element(std::string_view s, std::string& doctype) {
    while (!s.empty()) {
        s = skip_bom_and_space(s);
        if (s.empty() || s.front() != '<') return "";
        std::string_view end_marker = ">";
        if (s.substr(0, 4) == "<!--")
            end_marker = "-->";
        else if (s.substr(0, 2) == "<?")
            end_marker = "?>";
        if (istarts_with_ascii(s, "<!doctype")) {
            auto rest = skip_bom_and_space(s.substr(9));
            std::size_t n = 0;
            while (n < rest.size() && !is_space(rest[n]) && rest[n] != '>' && rest[n] != '[') ++n;
            doctype = ascii_lower(rest.substr(0, n));
        }
        if (s[1] == '!' || s[1] == '?') {
            // A doctype's internal subset ("[ <!ENTITY ...> ]") holds '>' of its own.
            if (s[1] == '!' && s.substr(0, 4) != "<!--") {
                const auto bracket = s.find('['), close = s.find('>');
                if (bracket < close) end_marker = "]>";
            }
            const auto end = s.find(end_marker);
            if (end == std::string_view::npos) return "";
            s.remove_prefix(end + end_marker.size());
            continue;
        }
        std::size_t n = 1;
        while (n < s.size() && !is_space(s[n]) && s[n] != '>' && s[n] != '/') ++n;
        auto name = s.substr(1, n - 1);
        if (const auto colon = name.find(':'); colon != std::string_view::npos)
            name.remove_prefix(colon + 1);
        return ascii_lower(name);
    }
    return "";
}

// The first non-empty line parses as a JSON object and most lines (of the first
// 200) look like one: a malformed line is the JSONL parser's to report, not a
// reason to read the file as prose.
bool looks_jsonl(std::string_view s) {
    std::size_t lines = 0, objects = 0;
    bool first_ok = false;
    for (std::size_t pos = 0; pos < s.size() && lines < 200;) {
        auto end = s.find('\n', pos);
        if (end == std::string_view::npos) end = s.size();
        const auto line = trim(s.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty()) continue;
        if (lines++ == 0) {
            const auto j = nlohmann::json::parse(line, nullptr, false);
            first_ok = !j.is_discarded() && j.is_object();
        }
        if (line.front() == '{') ++objects;
    }
    return first_ok && objects * 3 >= lines * 2;
}

Format from_extension(std::string_view path) {
    auto name = ascii_lower(std::filesystem::path(path).filename().string());
    if (name.size() > 3 && name.ends_with(".gz")) name.resize(name.size() - 3);
    const auto ext = std::filesystem::path(name).extension().string();
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml") return Format::html;
    if (ext == ".txt" || ext == ".text") return Format::text;
    if (ext == ".jsonl" || ext == ".ndjson") return Format::jsonl;
    if (ext == ".rss" || ext == ".atom") return Format::feed;
    if (ext == ".nitf" || ext == ".newsml") return Format::xml_news;
    return Format::unknown;
}

Format from_markup(std::string_view s, std::string_view path) {
    std::string doctype;
    const auto root = first_element(s, doctype);
    if (doctype == "html" || root == "html") return Format::html;
    if (contains(kFeedRoots, root)) return Format::feed;
    if (contains(kNewsRoots, root)) return Format::xml_news;
    if (contains(kHtmlTags, root)) return Format::html;
    const auto ext = from_extension(path);
    if (ext != Format::unknown) return ext;
    // Other XML (Reuters SGML, sitemaps, SVG) is not an article format we read.
    return Format::unknown;
}

}  // namespace

bool detail::looks_binary(std::string_view s) {
    if (s.starts_with("\x1F\x8B")) return true;
    const auto head = s.substr(0, 8192);
    std::size_t control = 0, nul = 0;
    for (unsigned char c : head) {
        if (c == 0)
            ++nul;
        else if (c < 0x20 && !is_space(static_cast<char>(c)) && c != 0x1B)
            ++control;
    }
    // A few NULs in text are damage (parse_any removes them); NULs among other
    // control bytes are a binary format. UTF-16 is decoded before this is asked.
    if (nul > 0 && (nul + control) * 20 > head.size()) return true;
    return control * 10 > head.size();
}

std::string_view format_name(Format format) {
    switch (format) {
        case Format::html:
            return "html";
        case Format::text:
            return "text";
        case Format::xml_news:
            return "xml_news";
        case Format::feed:
            return "feed";
        case Format::jsonl:
            return "jsonl";
        case Format::unknown:
            break;
    }
    return "unknown";
}

Format detect_format(std::string_view path, std::string_view bytes) {
    const auto s = skip_bom_and_space(bytes);
    if (s.empty() || detail::looks_binary(bytes)) return Format::unknown;
    if (s.front() == '<') return from_markup(s, path);
    if (s.front() == '{' || s.front() == '[') {
        if (looks_jsonl(s)) return Format::jsonl;
        if (from_extension(path) == Format::jsonl) return Format::jsonl;
        // One (pretty-printed) JSON document: metadata, not prose to index as text.
        if (!nlohmann::json::parse(s, nullptr, false).is_discarded()) return Format::unknown;
    }
    // Text that starts with something else but is really a page ("garbage<html>").
    const auto head = ascii_lower(s.substr(0, 1024));
    if (head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos)
        return Format::html;
    const auto ext = from_extension(path);
    if (ext == Format::html || ext == Format::text) return ext;
    return Format::text;
}

}  // namespace newsdesk
