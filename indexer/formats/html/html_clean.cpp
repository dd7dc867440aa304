#include "indexer/formats/html/html_clean.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "common/text.h"
#include "indexer/formats/html/html_content.h"
#include "indexer/formats/html/html_data.h"
#include "indexer/formats/html/html_dom.h"

namespace newsdesk::html {

namespace {

std::size_t count_tags(xmlNode* node, std::string_view name) {
    return find_tags(node, name).size() - (tag(node) == name ? 1 : 0);
}

bool has_ancestor(const xmlNode* node, std::string_view name) {
    for (const xmlNode* p = node->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (tag(p) == name) return true;
    return false;
}

std::size_t heading_text_length(xmlNode* node) {
    std::size_t n = 0;
    for (xmlNode* h : find_all(node, [node](const xmlNode* c) {
             const auto t = tag(c);
             return c != node && t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
         }))
        n += text_length(h);
    return n;
}

// Readability's _cleanConditionally: a block inside the article goes when its
// numbers say it is a gallery, a link list or furniture rather than prose.
bool looks_like_furniture(xmlNode* node, const Scores& scores) {
    const int weight = class_weight(node);
    const auto it = scores.find(node);
    const double score = it == scores.end() ? 0.0 : it->second;
    if (weight + score < 0) return true;
    const auto text = text_of(node);
    if (count_commas(text) >= 10) return false;
    const auto t = tag(node);
    const bool is_list = t == "ul" || t == "ol";
    const double p = count_tags(node, "p");
    const double img = count_tags(node, "img");
    const double input = count_tags(node, "input");
    const double ld = link_density(node);
    const double heading_density =
        text.empty() ? 0.0 : static_cast<double>(heading_text_length(node)) / text.size();
    const bool in_figure = has_ancestor(node, "figure");
    if (img > 1 && p / img < 0.5 && !in_figure) return true;
    if (input > p / 3) return true;
    if (!is_list && heading_density < 0.9 && text.size() < 25 && (img == 0 || img > 2) &&
        !in_figure)
        return true;
    // Prose with a few inline links (over 100 characters outside links) is kept
    // up to a higher link density than a block of navigation.
    const bool prose = text.size() * (1.0 - ld) > 100;
    if (!is_list && weight < 25 && ld > (prose ? 0.5 : 0.2)) return true;
    if (is_list && ld > 0.5) return true;  // "Related" / "Most read" link lists
    return weight >= 25 && ld > 0.5;
}

// No text beside it in its parent: the element renders as a paragraph of its own.
bool stands_alone(const xmlNode* node) {
    for (const xmlNode* s = node->parent->children; s; s = s->next) {
        if (s == node) continue;
        if (s->type == XML_TEXT_NODE && s->content &&
            !trim(reinterpret_cast<const char*>(s->content)).empty())
            return false;
        if (s->type == XML_ELEMENT_NODE && !is_block(tag(s)) && !is_invisible(tag(s)) &&
            tag(s) != "br" && text_length(s) > 0)
            return false;
    }
    return true;
}

std::string credit_of(xmlNode* caption) {
    std::string credit;
    for (xmlNode* c : find_all(caption, [caption](const xmlNode* n) {
             static const auto& classes = word_list("credit_classes.txt");
        return n != caption && contains_any(class_and_id(n), classes);
         })) {
        if (credit.empty()) credit = text_of(c);
        xmlUnlinkNode(c);
        xmlFreeNode(c);
        break;  // one credit element per caption; nested ones went with it
    }
    return credit;
}

// A trailing "Photo: X" / "Photo Credit: X" / "Credit: X".
std::optional<std::size_t> credit_prefix_at(const std::string& lower, std::size_t& prefix_len) {
    std::optional<std::size_t> best;
    for (const auto& prefix : word_list("credit_prefixes.txt")) {
        const auto pos = lower.rfind(prefix);
        if (pos == std::string::npos) continue;
        if (pos > 0 && std::isalnum(static_cast<unsigned char>(lower[pos - 1]))) continue;
        if (!best || pos < *best) {
            best = pos;
            prefix_len = prefix.size();
        }
    }
    return best;
}

bool names_agency(std::string_view text) {
    const auto lower = " " + ascii_lower(text) + " ";
    for (const auto& agency : word_list("credit_agencies.txt")) {
        const auto pos = lower.find(agency);
        if (pos == std::string::npos) continue;
        const char before = lower[pos - 1], after = lower[pos + agency.size()];
        if (!std::isalpha(static_cast<unsigned char>(before)) &&
            !std::isalpha(static_cast<unsigned char>(after)))
            return true;
    }
    return false;
}

std::string trim_separators(std::string_view s) {
    s = trim(s);
    while (!s.empty() && (s.back() == '|' || s.back() == '-' || s.back() == '(' ||
                          s.back() == ':' || s.back() == '/'))
        s = trim(s.substr(0, s.size() - 1));
    while (s.ends_with("\xE2\x80\x94") || s.ends_with("\xE2\x80\x93"))
        s = trim(s.substr(0, s.size() - 3));
    return std::string(s);
}

}  // namespace

// Share bars and similar widgets carry no class Readability's patterns know.
bool is_widget(const xmlNode* node, std::string_view ci) {
    static const auto& widgets = word_list("widget_patterns.txt");
    if (tag(node) == "body" || tag(node) == "html") return false;
    return contains_any(ci, widgets) && text_length(node) < 500;
}

bool is_widget(const xmlNode* node) {
    return is_widget(node, class_and_id(node));
}

Caption split_credit(std::string_view caption) {
    const std::string text = collapse_whitespace(caption);
    const std::string lower = ascii_lower(text);
    // "... in Seoul. (AP Photo/Ahn Young-joon)", "... in Kabul [File: Reuters]"
    for (auto [open_ch, close_ch] : {std::pair{'(', ')'}, std::pair{'[', ']'}}) {
        if (!text.ends_with(close_ch)) continue;
        const auto open = text.rfind(open_ch);
        if (open == std::string::npos) continue;
        auto inner =
            std::string(trim(std::string_view(text).substr(open + 1, text.size() - open - 2)));
        std::size_t label = 0;
        if (auto at = credit_prefix_at(ascii_lower(inner), label); at && *at == 0)
            inner = std::string(trim(std::string_view(inner).substr(label)));
        // French and German agencies write "(Photo Jane Doe. AFP)", "(Foto: ...)".
        for (std::string_view word : {"Photo ", "Foto "})
            if (label == 0 && inner.starts_with(word) && names_agency(inner))
                inner = std::string(trim(std::string_view(inner).substr(word.size())));
        if (!inner.empty() &&
            (label > 0 || names_agency(inner) || inner.find('/') != std::string::npos))
            return {trim_separators(std::string_view(text).substr(0, open)), inner};
    }
    std::size_t prefix_len = 0;
    if (auto pos = credit_prefix_at(lower, prefix_len)) {
        auto credit = trim_separators(std::string_view(text).substr(*pos + prefix_len));
        if (credit.ends_with(')') && credit.find('(') == std::string::npos) credit.pop_back();
        credit = std::string(trim(credit));
        if (!credit.empty())
            return {trim_separators(std::string_view(text).substr(0, *pos)), credit};
    }
    // "... in Seoul. Jane Doe/Getty Images" or "... | Reuters": a short last segment naming an
    // agency.
    for (std::string_view sep : {" | ", ". ", " - ", " \xE2\x80\x94 "}) {
        const auto pos = text.rfind(sep);
        if (pos == std::string::npos) continue;
        const auto tail = trim(std::string_view(text).substr(pos + sep.size()));
        std::size_t words = std::count(tail.begin(), tail.end(), ' ') + 1;
        if (!tail.empty() && words <= 6 && names_agency(tail)) {
            auto head =
                std::string(trim(std::string_view(text).substr(0, pos + (sep == ". " ? 1 : 0))));
            return {trim_separators(head), std::string(tail)};
        }
    }
    if (names_agency(text) && std::count(text.begin(), text.end(), ' ') < 4) return {"", text};
    return {text, std::nullopt};
}

bool is_boilerplate_paragraph(std::string_view paragraph) {
    auto lower = ascii_lower(trim(paragraph));
    while (!lower.empty() && std::ispunct(static_cast<unsigned char>(lower.back())))
        lower.pop_back();
    const auto spaces = std::count(lower.begin(), lower.end(), ' ');
    if (spaces > 12) return false;
    const bool has_digit = std::any_of(lower.begin(), lower.end(),
                                       [](char c) { return std::isdigit((unsigned char)c); });
    for (const auto& prefix : word_list("dateline_prefixes.txt")) {
        if (!lower.starts_with(prefix + " ")) continue;
        if (has_digit || (prefix == "by" && spaces <= 5)) return true;
    }
    for (const auto& phrase : word_list("boilerplate_phrases.txt")) {
        if (lower == phrase) return true;
        // A single word ("Share", "Print") must stand alone; "Print media..." is prose.
        if (phrase.find(' ') == std::string::npos) continue;
        if (lower.starts_with(phrase) && lower.size() > phrase.size()) {
            const char next = lower[phrase.size()];
            if (next == ':' || next == ' ' || next == '.') return true;
        }
    }
    return false;
}

void clean_article(xmlNode* container, const Scores& scores) {
    auto widgets = find_all(
        container, [container](const xmlNode* n) { return n != container && is_widget(n); });
    for (auto it = widgets.rbegin(); it != widgets.rend(); ++it) remove_node(*it);
    auto blocks = find_all(container, [container](const xmlNode* n) {
        const auto t = tag(n);
        return n != container && (t == "table" || t == "ul" || t == "ol" || t == "div" ||
                                  t == "section" || t == "aside" || t == "fieldset" || t == "form");
    });
    // Innermost first, so a removed block is never visited after its parent went.
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
        if (looks_like_furniture(*it, scores)) remove_node(*it);
    // "Browse all posts", "Back to news": a short block that is nothing but a link.
    auto link_only = find_all(container, [container](const xmlNode* n) {
        const auto t = tag(n);
        if (n == container ||
            !(t == "p" || t == "div" || t == "li" || (t == "a" && stands_alone(n))))
            return false;
        const auto text = text_of(n);
        return !text.empty() && std::count(text.begin(), text.end(), ' ') < 5 &&
               (t == "a" || link_text_length(n) >= text.size());
    });
    for (auto it = link_only.rbegin(); it != link_only.rend(); ++it) remove_node(*it);
    auto headers = find_all(container, [](const xmlNode* n) {
        const auto t = tag(n);
        return (t == "h1" || t == "h2") && class_weight(n) < 0;
    });
    for (auto it = headers.rbegin(); it != headers.rend(); ++it) remove_node(*it);
}

std::vector<Caption> take_captions(xmlNode* root, const NodePredicate& excluded) {
    const auto& classes = word_list("caption_classes.txt");
    auto nodes = find_all(root, [&classes](const xmlNode* n) {
        const auto t = tag(n);
        if (t == "figcaption") return true;
        if (t == "body" || t == "article" || t == "main" || t == "html") return false;
        return contains_any(class_and_id(n), classes) && text_length(n) < 600;
    });
    std::vector<Caption> out;
    std::vector<xmlNode*> taken;
    for (xmlNode* n : nodes) {
        // Skip captions nested in one already taken (its text came with it).
        bool nested = std::any_of(taken.begin(), taken.end(), [n](const xmlNode* t) {
            for (const xmlNode* p = n->parent; p; p = p->parent)
                if (p == t) return true;
            return false;
        });
        if (nested || excluded(n)) continue;
        taken.push_back(n);
    }
    for (xmlNode* n : taken) {
        const auto explicit_credit = credit_of(n);
        Caption c = split_credit(text_of(n));
        if (!explicit_credit.empty() && !c.credit) {
            // "Source: Supplied" in a credit element: the label is not the credit.
            auto labelled = split_credit(explicit_credit);
            c.credit =
                labelled.text.empty() && labelled.credit ? *labelled.credit : explicit_credit;
        }
        if (!c.text.empty() && std::find(out.begin(), out.end(), c) == out.end())
            out.push_back(std::move(c));
    }
    for (auto it = taken.rbegin(); it != taken.rend(); ++it) remove_node(*it);
    return out;
}

}  // namespace newsdesk::html
