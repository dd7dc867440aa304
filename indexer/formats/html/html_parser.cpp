// parse_html and html_fragment_to_body: metadata from html_meta, article text
// from html_content, all on one libxml2 tree (html_dom).
#include <algorithm>
#include <cctype>

#include "common/error.h"
#include "common/text.h"
#include "indexer/formats/html/html_content.h"
#include "indexer/formats/html/html_dom.h"
#include "indexer/formats/html/html_meta.h"
#include "indexer/formats/parsers.h"

namespace newsdesk {

namespace {

// Text below this size means the scorer probably picked a fragment; Readability
// retries with fewer removals in that case too.
constexpr std::size_t kMinBodyBytes = 500;

std::size_t total_size(const std::vector<std::string>& paragraphs) {
    std::size_t n = 0;
    for (const auto& p : paragraphs) n += p.size();
    return n;
}

std::string primary_subtag(std::string_view tag) {
    auto lower = ascii_lower(trim(tag));
    lower = lower.substr(0, lower.find('-'));
    const bool letters =
        std::all_of(lower.begin(), lower.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return letters && (lower.size() == 2 || lower.size() == 3) ? lower : std::string();
}

// JSON-LD articleBody is the publisher's own statement of the text: a strong
// fallback when the scorer found much less of it, unless it is a teaser.
std::vector<std::string> prefer_ld_body(const std::string& ld_body,
                                        std::vector<std::string> dom_paragraphs) {
    const auto ld = collapse_whitespace(ld_body);
    if (ld.size() < 200 || ld.ends_with("...") || ld.ends_with("\xE2\x80\xA6"))
        return dom_paragraphs;
    // The scorer's text is cleaner (articleBody often carries captions and
    // "About us" blurbs), so the publisher's text wins only when the scorer
    // clearly missed part of the article.
    if (total_size(dom_paragraphs) * 10 >= ld.size() * 7) return dom_paragraphs;
    std::vector<std::string> out;
    // articleBody often separates paragraphs with single newlines.
    for (const auto& p : split_paragraphs(ld_body))
        for_each_collapsed_line(p, [&out](std::string&& line) {
            if (!line.empty()) out.push_back(std::move(line));
            return true;
        });
    return out;
}

}  // namespace

Article parse_html(std::string_view bytes, const std::string& path) {
    auto doc = html::parse_document(bytes);
    const auto meta = html::read_page_meta(doc.get());
    auto content = html::extract_content(doc.get(), meta.headline);
    if (total_size(content.paragraphs) < kMinBodyBytes) {
        auto again = html::parse_document(bytes);
        auto retry = html::extract_content(again.get(), meta.headline, {.strip_unlikely = false});
        if (total_size(retry.paragraphs) > total_size(content.paragraphs) * 2)
            content = std::move(retry);
    }
    Article a;
    a.path = path;
    a.url = meta.url;
    a.id = meta.url.value_or(path);
    a.source = meta.source;
    a.declared_language = meta.declared_language;
    if (auto lang = primary_subtag(meta.declared_language); !lang.empty()) a.language = lang;
    a.headline = meta.headline;
    a.byline = meta.byline;
    a.captions = std::move(content.captions);
    auto paragraphs = prefer_ld_body(meta.ld_body, std::move(content.paragraphs));
    a.body = join_paragraphs(paragraphs);
    auto date = meta.date;
    if (!date) date = find_date_in_text(a.body);
    if (date) {
        a.date = date->date;
        a.datetime = date->datetime;
    }
    if (a.headline.empty() && a.body.empty()) throw ParseError("no text in HTML");
    return a;
}

std::string html_fragment_to_body(std::string_view html) {
    if (trim(html).empty()) return {};
    const auto wrapped = "<html><body>" + std::string(html) + "</body></html>";
    html::DocPtr doc;
    try {
        doc = html::parse_document(wrapped);
    } catch (const ParseError&) {
        return {};
    }
    auto bodies = html::find_tags(html::root_element(doc.get()), "body");
    if (bodies.empty()) return {};
    return join_paragraphs(html::paragraphs_of(bodies.front()));
}

}  // namespace newsdesk
