// Date, byline and headline clean-up rules of the HTML reader (see html_meta.h).
#include <algorithm>
#include <cctype>

#include "common/lang/language.h"
#include "common/text.h"
#include "indexer/formats/html/html_data.h"
#include "indexer/formats/html/html_dom.h"
#include "indexer/formats/html/html_meta.h"

namespace newsdesk::html {

namespace {

bool is_upper_start(std::string_view s) {
    if (s.empty()) return false;
    const auto c = static_cast<unsigned char>(s.front());
    return c >= 0x80 || std::isupper(c);
}

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
        const bool space = c == ' ';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

// Enough of a headline to stand alone once a site segment is dropped.
bool enough_left(std::string_view rest) {
    return has_cjk(rest) ? utf8_length(rest) >= 6 : word_count(rest) >= 3;
}

bool matches_site(std::string_view segment, const std::vector<std::string>& sites) {
    const auto seg = squash(segment);
    if (seg.empty()) return false;
    for (const auto& site : sites) {
        const auto s = squash(site);
        if (s.empty()) continue;
        if (seg == s) return true;
        if (s.size() >= 3 && seg.find(s) != std::string::npos && word_count(segment) <= 4)
            return true;
        if (seg.size() >= 4 && s.find(seg) != std::string::npos) return true;
    }
    return false;
}

bool short_like_site(std::string_view segment) {
    return word_count(segment) <= 4 && utf8_length(segment) <= 30;
}

struct Segment {
    std::size_t begin, end;  // byte range in the title
};

std::vector<Segment> split_title(std::string_view title) {
    static const std::vector<std::string_view> seps = {
        " | ",        " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
        " :: ",       " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xC2\xBB ",
        " \xC2\xAB ", "_",          "\xEF\xBD\x9C",   " \xEF\xBD\x9C "};
    std::vector<Segment> out;
    std::size_t start = 0, pos = 0;
    while (pos < title.size()) {
        std::size_t len = 0;
        for (auto sep : seps)
            if (title.substr(pos).starts_with(sep)) len = std::max(len, sep.size());
        // Chinese titles glue the site on with a bare hyphen ("...需求-新华网");
        // in Latin text a bare hyphen is part of a word ("Covid-19").
        if (len == 0 && title[pos] == '-' && pos >= 3 && has_cjk(title.substr(pos - 3, 3))) len = 1;
        if (len == 0) {
            ++pos;
            continue;
        }
        out.push_back({start, pos});
        pos += len;
        start = pos;
    }
    out.push_back({start, title.size()});
    return out;
}

std::string_view dehyphen_by(std::string_view s) {
    s = trim(s);
    for (std::string_view prefix : {"written by ", "by ", "por ", "von ", "par ", "door ", "di "})
        if (istarts_with_ascii(s, prefix)) return trim(s.substr(prefix.size()));
    return s;
}

bool is_name_part(std::string_view part) {
    if (part.empty() || word_count(part) > 5 || !is_upper_start(part)) return false;
    if (std::any_of(part.begin(), part.end(),
                    [](char c) { return std::isdigit((unsigned char)c); }))
        return false;
    if (part.find("://") != std::string_view::npos || part.find('@') != std::string_view::npos ||
        part.find(".com") != std::string_view::npos || part.find('/') != std::string_view::npos)
        return false;
    const auto lower = ascii_lower(part);
    for (const auto& noise : word_list("byline_noise.txt")) {
        // Whole words only: "editor" must not knock out "Editorova".
        const auto at = (" " + lower + " ").find(" " + noise + " ");
        if (at != std::string::npos) return false;
    }
    return !parse_date(part).has_value();
}

// Pages without date markup usually print it in the line under the headline:
// the few short elements that follow the first <h1> (or its wrapper).
std::optional<ParsedDate> date_near_headline(xmlNode* root) {
    auto h1s = find_tags(root, "h1");
    if (h1s.size() > 3) h1s.resize(3);  // desktop and mobile headers may both have one
    for (const xmlNode* h1 : h1s) {
        for (const xmlNode* from = h1; from && from->type == XML_ELEMENT_NODE;
             from = from->parent) {
            int seen = 0;
            for (const xmlNode* s = from->next; s && seen < 3; s = s->next) {
                if (s->type != XML_ELEMENT_NODE || is_invisible(tag(s))) continue;
                ++seen;
                const auto t = text_of(s);
                if (t.size() > 200) break;  // reached the article text
                if (auto d = find_date_in_text(t)) return d;
            }
            if (seen > 0) break;
        }
    }
    return std::nullopt;
}

std::optional<ParsedDate> date_from_elements(xmlNode* root) {
    auto times = find_tags(root, "time");
    std::stable_partition(times.begin(), times.end(), [](const xmlNode* t) {
        return has_attr(t, "pubdate") || ascii_lower(attr(t, "itemprop")) == "datepublished";
    });
    for (xmlNode* t : times) {
        auto d = parse_date(attr(t, "datetime"));
        if (!d) d = parse_date(text_of(t));
        if (d) return d;
    }
    for (xmlNode* n : find_all(root, [](const xmlNode* n) {
             return ascii_lower(attr(n, "itemprop")) == "datepublished";
         })) {
        auto d = parse_date(attr(n, "content"));
        if (!d) d = parse_date(text_of(n));
        if (d) return d;
    }
    const auto& classes = word_list("date_classes.txt");
    for (xmlNode* n : find_all(root, [&classes](const xmlNode* n) {
             return contains_any(class_and_id(n), classes);
         })) {
        const auto t = text_of(n);
        if (t.size() > 120) continue;
        if (auto d = find_date_in_text(t)) return d;
    }
    return date_near_headline(root);
}

void add_names(std::vector<std::string>& out, std::string_view raw) {
    for (auto& name : byline_names(raw))
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
}

}  // namespace

std::string strip_site_name(std::string_view title, const std::vector<std::string>& sites) {
    title = trim(title);
    auto segs = split_title(title);
    std::size_t first = 0, last = segs.size();  // kept: [first, last)
    auto text = [&](std::size_t a, std::size_t b) {
        return std::string(trim(title.substr(segs[a].begin, segs[b - 1].end - segs[a].begin)));
    };
    for (int dropped = 0; dropped < 3 && last - first > 1; ++dropped) {
        const auto tail =
            trim(title.substr(segs[last - 1].begin, segs[last - 1].end - segs[last - 1].begin));
        const auto head =
            trim(title.substr(segs[first].begin, segs[first].end - segs[first].begin));
        const auto without_tail = text(first, last - 1);
        const auto without_head = text(first + 1, last);
        if ((matches_site(tail, sites) || short_like_site(tail)) && enough_left(without_tail)) {
            --last;
        } else if (matches_site(head, sites) && enough_left(without_head)) {
            ++first;
        } else {
            break;
        }
    }
    return text(first, last);
}

std::vector<std::string> byline_names(std::string_view raw) {
    const std::string text = collapse_whitespace(raw);
    std::vector<std::string> out;
    // Conjunctions and list punctuation all become one separator, then split.
    static const std::vector<std::string_view> seps = {
        " and ", " And ", " & ",          " und ",    " y ", " et ",           " e ",
        ";",     "|",     "\xE2\x80\xA2", "\xC2\xB7", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    std::string s;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 0;
        for (auto sep : seps)
            if (std::string_view(text).substr(i).starts_with(sep)) len = std::max(len, sep.size());
        s += len ? ',' : text[i];
        i += len ? len : 1;
    }
    std::size_t start = 0;
    while (start <= s.size()) {
        auto end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        auto part = dehyphen_by(std::string_view(s).substr(start, end - start));
        while (!part.empty() && std::ispunct(static_cast<unsigned char>(part.back())))
            part.remove_suffix(1);
        while (!part.empty() && std::ispunct(static_cast<unsigned char>(part.front())))
            part.remove_prefix(1);
        part = trim(part);
        if (is_name_part(part) && std::find(out.begin(), out.end(), part) == out.end())
            out.emplace_back(part);
        start = end + 1;
    }
    return out;
}

std::optional<ParsedDate> find_page_date(xmlNode* root, const MetaMap& meta,
                                         const std::string& ld_date) {
    if (auto d = parse_date(ld_date)) return d;
    for (const auto& name : word_list("date_meta_names.txt")) {
        auto it = meta.find(name);
        if (it == meta.end()) continue;
        if (auto d = parse_date(it->second)) return d;
    }
    return date_from_elements(root);
}

std::vector<std::string> find_byline(xmlNode* root, const MetaMap& meta,
                                     const std::vector<std::string>& ld_authors) {
    std::vector<std::string> out;
    for (const auto& a : ld_authors) add_names(out, a);
    if (!out.empty()) return out;
    for (const auto& name : word_list("author_meta_names.txt")) {
        auto it = meta.find(name);
        if (it != meta.end()) add_names(out, it->second);
        if (!out.empty()) return out;
    }
    for (xmlNode* n : find_all(root, [](const xmlNode* n) {
             return ascii_lower(attr(n, "itemprop")) == "author" ||
                    ascii_lower(attr(n, "rel")) == "author";
         })) {
        auto names = find_all(n, [](const xmlNode* c) { return attr(c, "itemprop") == "name"; });
        const auto t = names.empty() ? text_of(n) : text_of(names.front());
        if (t.size() < 100) add_names(out, t);
    }
    if (!out.empty()) return out;
    const auto& classes = word_list("byline_classes.txt");
    for (xmlNode* n : find_all(root, [&classes](const xmlNode* n) {
             return contains_any(class_and_id(n), classes);
         })) {
        const auto t = text_of(n);
        if (!t.empty() && t.size() < 100) add_names(out, t);
        if (!out.empty()) return out;
    }
    for (xmlNode* n : find_all(root, [](const xmlNode* n) {
             const auto t = tag(n);
             return t == "p" || t == "span" || t == "div";
         })) {
        const auto t = text_of(n);
        if (t.size() < 80 && (t.starts_with("By ") || t.starts_with("BY "))) {
            add_names(out, t);
            if (!out.empty()) return out;
        }
    }
    return out;
}

}  // namespace newsdesk::html
