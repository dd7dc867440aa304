// The single entry point the pipeline calls: detect, dispatch, then make every
// Article meet the model's promises (valid UTF-8, collapsed whitespace, an id).
#include <algorithm>

#include "common/error.h"
#include "common/text.h"
#include "indexer/extract/language_detect.h"
#include "indexer/formats/feed_reader.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/encoding.h"
#include "indexer/input/format_sniff.h"

namespace newsdesk {

namespace {

// Whitespace only (ASCII, or Unicode spaces within the first 64 KiB; a larger
// file of nothing but NBSPs is not worth a full scan).
bool all_space(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const auto first = bytes.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos) return true;
    return bytes.size() <= 65536 && collapse_whitespace(to_utf8(bytes.substr(first))).empty();
}

// Parsers may pass a NUL on from an escape (JSON's "\u0000"); it is removed like
// a NUL byte in the file.
std::string valid_text(const std::string& s) {
    return s.find('\0') == std::string::npos ? to_utf8(s) : to_utf8(strip_nul(s));
}

std::string clean(const std::string& s) { return collapse_whitespace(valid_text(s)); }

std::optional<std::string> clean(const std::optional<std::string>& s) {
    if (!s) return std::nullopt;
    auto c = clean(*s);
    if (c.empty()) return std::nullopt;
    return c;
}

// Cuts `text` to at most `max` bytes: at the last paragraph break in its second
// half, else the last space there, else a character boundary. Whether it did.
bool cut_text(std::string& text, std::size_t max = kMaxFieldBytes) {
    if (text.size() <= max) return false;
    const auto head = utf8_prefix(text, max);
    auto end = head.rfind("\n\n");
    if (end == std::string_view::npos || end < head.size() / 2) end = head.find_last_of(" \n");
    if (end == std::string_view::npos || end < head.size() / 2) end = head.size();
    text.resize(end);
    text.shrink_to_fit();
    return true;
}

// Keeps kMaxFieldBytes of the texts of `items` together: the one across the
// limit is cut (left empty, it is dropped with the empty ones), those after it go.
template <typename T, typename Text>
bool cut_list(std::vector<T>& items, Text text) {
    std::size_t room = kMaxFieldBytes;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string& t = text(items[i]);
        if (t.size() <= room) {
            room -= t.size();
            continue;
        }
        cut_text(t, room);
        items.resize(i + 1);
        return true;
    }
    return false;
}

// No text field keeps more than kMaxFieldBytes (the byline's names together, the
// captions together), cut before the clean-up copies them. Whether any was cut.
bool cut_fields(Article& a) {
    bool cut = cut_text(a.headline);
    cut = cut_text(a.body) || cut;
    for (auto* field : {&a.url, &a.source})
        if (*field) cut = cut_text(**field) || cut;
    cut = cut_list(a.byline, [](std::string& name) -> std::string& { return name; }) || cut;
    cut = cut_list(a.captions, [](Caption& c) -> std::string& { return c.text; }) || cut;
    return cut;
}

// Parsers already produce clean text; this is the guarantee for all of them
// (and for parsers added later), cheap next to parsing.
void normalise(Article& a, const std::string& path) {
    if (a.path.empty()) a.path = path;
    a.truncated = cut_fields(a) || a.truncated;
    a.url = clean(a.url);
    a.source = clean(a.source);
    a.headline = clean(a.headline);
    a.date = clean(a.date);
    a.datetime = clean(a.datetime);
    a.declared_language = clean(a.declared_language);
    std::vector<std::string> byline;
    for (const auto& name : a.byline) {
        auto c = clean(name);
        if (!c.empty() && std::find(byline.begin(), byline.end(), c) == byline.end())
            byline.push_back(std::move(c));
    }
    a.byline = std::move(byline);
    for (auto& caption : a.captions) {
        caption.text = clean(caption.text);
        caption.credit = clean(caption.credit);
    }
    std::erase_if(a.captions, [](const Caption& c) { return c.text.empty(); });
    a.body = join_paragraphs(split_paragraphs(valid_text(a.body)));
    a.language = detect_language(a.body, a.headline, a.declared_language);
    a.id = a.url ? *a.url : a.path;
}

}  // namespace

std::vector<Article> parse_any(std::string_view raw, const std::string& path,
                               std::vector<std::string>* errors) {
    // UTF-16 becomes UTF-8 before the format is detected (its NULs look binary);
    // stray NUL bytes in other text are removed, so no parser stops at one.
    // Binary data stays as it is, to be refused below.
    std::optional<std::string> prepared;
    if (auto utf16 = sniff_utf16(raw)) {
        TextDecoder decoder(*utf16);
        decoder.decode(raw, prepared.emplace(), true);
    } else if (raw.find('\0') != std::string_view::npos && !detail::looks_binary(raw)) {
        prepared = strip_nul(raw);
    }
    const std::string_view bytes = prepared ? std::string_view(*prepared) : raw;
    if (bytes.empty() || all_space(bytes)) throw ParseError("empty file");
    std::vector<Article> articles;
    const auto errors_before = errors ? errors->size() : 0;
    switch (detect_format(path, bytes)) {
        case Format::html:
            articles.push_back(parse_html(bytes, path));
            break;
        case Format::text:
            articles.push_back(parse_text(bytes, path));
            break;
        case Format::xml_news:
            articles = parse_news_xml(bytes, path);
            break;
        case Format::feed:
            articles = parse_feed(bytes, path, errors);
            break;
        case Format::jsonl:
            articles = parse_jsonl(bytes, path, errors);
            break;
        case Format::unknown:
            throw ParseError(detail::looks_binary(bytes)
                                 ? "binary content, not a text format"
                                 : "unrecognised format (not HTML, text, NewsML/NITF, RSS/Atom "
                                   "or JSON Lines)");
    }
    if (articles.empty() && (!errors || errors->size() == errors_before))
        throw ParseError("no article found");
    for (auto& a : articles) normalise(a, path);
    return articles;
}

// Streamed JSON Lines (pipeline): the same per-article clean-up as parse_any.
std::vector<Article> parse_jsonl_chunk(std::string_view bytes, const std::string& path,
                                       std::size_t first_line, std::vector<std::string>* errors) {
    auto articles = parse_jsonl(bytes, path, errors, first_line);
    for (auto& a : articles) normalise(a, path);
    return articles;
}

// Streamed feeds (pipeline): the same as parse_feed and parse_any do per item.
std::vector<Article> parse_feed_chunk(FeedBatch&& batch, const std::string& path,
                                      std::vector<std::string>* errors) {
    auto articles = finish_feed_batch(std::move(batch), path, errors);
    for (auto& a : articles) normalise(a, path);
    return articles;
}

}  // namespace newsdesk
