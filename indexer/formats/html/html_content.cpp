// The content scorer follows Mozilla Readability's published algorithm
// (Apache-2.0): paragraphs vote for their parent and grandparent with a score
// from their length and comma count; candidates are weighted by class/id
// patterns and link density; the best one and its qualifying siblings form
// the article, which is then cleaned of furniture blocks.
#include "indexer/formats/html/html_content.h"

#include <algorithm>
#include <map>

#include "common/text.h"
#include "indexer/formats/html/html_clean.h"
#include "indexer/formats/html/html_data.h"
#include "indexer/formats/html/html_dom.h"

namespace newsdesk::html {

namespace {

bool is_heading(std::string_view t) {
    return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

double initial_score(const xmlNode* node) {
    const auto t = tag(node);
    double score = class_weight(node);
    if (t == "div" || t == "article")
        score += 5;
    else if (t == "pre" || t == "td" || t == "blockquote")
        score += 3;
    else if (t == "address" || t == "ol" || t == "ul" || t == "dl" || t == "dd" || t == "dt" ||
             t == "li" || t == "form")
        score -= 3;
    else if (is_heading(t) || t == "th")
        score -= 5;
    return score;
}

bool is_hidden(const xmlNode* node) {
    if (!node->properties) return false;
    const auto style = ascii_lower(attr(node, "style"));
    if (style.find("display:none") != std::string::npos ||
        style.find("display: none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos)
        return true;
    return has_attr(node, "hidden") || attr(node, "aria-hidden") == "true";
}

// `ci` is class_and_id(node).
bool is_unlikely(const xmlNode* node, std::string_view ci) {
    static const auto& roles = word_list("unlikely_roles.txt");
    static const auto& unlikely = word_list("unlikely_candidates.txt");
    static const auto& maybe = word_list("maybe_candidates.txt");
    const auto t = tag(node);
    if (t == "body" || t == "html" || t == "article" || t == "main" || t == "a") return false;
    if (has_attr(node, "role") && contains_any(ascii_lower(attr(node, "role")), roles))
        return true;
    if (t == "nav" || t == "footer" || t == "aside") return true;
    return contains_any(ci, unlikely) && !contains_any(ci, maybe);
}

bool is_unlikely(const xmlNode* node) {
    return is_unlikely(node, class_and_id(node));
}

// Removes what is never article text, depth first so a removed subtree is not visited.
void prune(xmlNode* node, const ContentOptions& options) {
    for (xmlNode* c = node->children; c;) {
        xmlNode* next = c->next;
        if (c->type == XML_COMMENT_NODE) {
            remove_node(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            const auto t = tag(c);
            // <form> is not pruned: ASP.NET pages wrap the whole page in one.
            bool drop = is_invisible(t) || is_hidden(c);
            if (!drop && options.strip_unlikely) {
                const auto ci = class_and_id(c);
                drop = is_unlikely(c, ci) || is_widget(c, ci);
            }
            if (drop)
                remove_node(c);
            else
                prune(c, options);
        }
        c = next;
    }
}

bool has_block_child(const xmlNode* node) {
    for (const xmlNode* c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (is_block(tag(c)) || has_block_child(c))) return true;
    return false;
}

// Text of `node` outside its block descendants: a <div> holding bare text is a paragraph.
std::size_t inline_text_length(const xmlNode* node) {
    auto paragraphs = paragraphs_of(node, [](const xmlNode* c) { return is_block(tag(c)); });
    std::size_t n = 0;
    for (const auto& p : paragraphs) n += p.size();
    return n;
}

// Every paragraph votes for up to five ancestors, with less weight further up.
Scores score_paragraphs(xmlNode* root) {
    Scores scores;
    for (xmlNode* node : find_all(root, [](const xmlNode* n) {
             const auto t = tag(n);
             return t == "p" || t == "pre" || t == "td" || t == "div" || t == "section" ||
                    t == "blockquote" || (is_heading(t) && t != "h1");
         })) {
        const auto t = tag(node);
        const bool container = t == "div" || t == "section" || t == "td" || t == "blockquote";
        if (container && has_block_child(node) && inline_text_length(node) < 25) continue;
        const auto text = container ? std::string() : text_of(node);
        const auto length = container ? inline_text_length(node) : text.size();
        if (length < 25) continue;
        const double score =
            1.0 + count_commas(container ? text_of(node) : text) + std::min(length / 100.0, 3.0);
        xmlNode* target = container && has_block_child(node) ? node : node->parent;
        for (int level = 0; target && target->type == XML_ELEMENT_NODE && level < 5;
             ++level, target = target->parent) {
            if (!scores.count(target)) scores[target] = initial_score(target);
            scores[target] += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
        }
    }
    for (auto& [node, score] : scores) score *= 1.0 - link_density(node);
    return scores;
}

xmlNode* best_candidate(const Scores& scores, xmlNode* body) {
    xmlNode* top = nullptr;
    double best = -1e9;
    for (const auto& [node, score] : scores)
        if (score > best) best = score, top = const_cast<xmlNode*>(node);
    if (!top) return body;
    // Climb while the parent scores higher: a lead paragraph may have won alone.
    double last = best;
    for (xmlNode* p = top->parent; p && p != body && p->type == XML_ELEMENT_NODE; p = p->parent) {
        auto it = scores.find(p);
        if (it == scores.end()) continue;
        if (it->second < best / 3) break;
        if (it->second > last) {
            top = p;
            break;
        }
        last = it->second;
    }
    while (top->parent && top->parent != body && top->parent->type == XML_ELEMENT_NODE &&
           xmlChildElementCount(top->parent) == 1)
        top = top->parent;
    return top;
}

// A <p>, or a <div> that only wraps paragraphs (<div class="secondPar"><p>...):
// such siblings are judged as prose, not as containers.
bool is_paragraph_like(const xmlNode* node) {
    const auto t = tag(node);
    if (t == "p") return true;
    if (t != "div" && t != "section") return false;
    bool has_p = false;
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (tag(c) == "p")
            has_p = true;
        else if (is_block(tag(c)))
            return false;
    }
    return has_p;
}

// The top candidate and those siblings that look like more of the same article.
std::vector<xmlNode*> with_siblings(xmlNode* top, const Scores& scores) {
    if (!top->parent || top->parent->type != XML_ELEMENT_NODE) return {top};
    const double top_score = scores.count(top) ? scores.at(top) : 0.0;
    const double threshold = std::max(10.0, top_score * 0.2);
    const auto top_class = attr(top, "class");
    std::vector<xmlNode*> out;
    for (xmlNode* s = top->parent->children; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE) continue;
        if (s == top) {
            out.push_back(s);
            continue;
        }
        double bonus = !top_class.empty() && attr(s, "class") == top_class ? top_score * 0.2 : 0;
        auto it = scores.find(s);
        if (it != scores.end() && it->second + bonus >= threshold) {
            out.push_back(s);
        } else if (is_paragraph_like(s)) {
            const auto text = text_of(s);
            const double ld = link_density(s);
            if ((text.size() > 80 && ld < 0.25) ||
                (!text.empty() && text.size() <= 80 && ld == 0 &&
                 (text.find(". ") != std::string::npos || text.ends_with('.'))))
                out.push_back(s);
        }
    }
    return out;
}

}  // namespace

std::size_t count_commas(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ',') ++n;
        // Fullwidth and ideographic commas (，、) count too: CJK pages use them.
        if (text.substr(i).starts_with("\xEF\xBC\x8C") ||
            text.substr(i).starts_with("\xE3\x80\x81"))
            ++n;
    }
    return n;
}

double link_density(const xmlNode* node) {
    const auto total = text_length(node);
    return total == 0 ? 0.0 : static_cast<double>(link_text_length(node)) / total;
}

// +25 / -25 for each of class and id that looks like content / furniture.
int class_weight(const xmlNode* node) {
    static const auto& negative = word_list("negative_patterns.txt");
    static const auto& positive = word_list("positive_patterns.txt");
    int weight = 0;
    for (const char* a : {"class", "id"}) {
        const auto value = ascii_lower(attr(node, a));
        if (value.empty()) continue;
        if (contains_any(value, negative)) weight -= 25;
        if (contains_any(value, positive)) weight += 25;
    }
    return weight;
}

Content extract_content(xmlDoc* doc, std::string_view headline, const ContentOptions& options) {
    xmlNode* root = root_element(doc);
    auto bodies = find_tags(root, "body");
    xmlNode* body = bodies.empty() ? root : bodies.front();
    // Captions first, with only invisible parts gone: a lead photo often sits in
    // a "banner"/"header" block that the unlikely-candidate pass removes.
    prune(body, {.strip_unlikely = false});
    Content content;
    content.captions = take_captions(body, [](const xmlNode* n) {
        for (const xmlNode* p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
            if (tag(p) == "article") return false;
            if (is_unlikely(p) && tag(p) != "header") return true;
        }
        return false;
    });
    prune(body, options);
    const auto scores = score_paragraphs(body);
    const auto nodes = with_siblings(best_candidate(scores, body), scores);
    const auto squashed_headline = ascii_lower(collapse_whitespace(headline));
    for (xmlNode* n : nodes) {
        clean_article(n, scores);
        for (auto& p : paragraphs_of(n)) {
            // The headline repeated near the top (after a kicker) is not body text.
            if (content.paragraphs.size() < 3 && ascii_lower(p) == squashed_headline) continue;
            if (!is_boilerplate_paragraph(p)) content.paragraphs.push_back(std::move(p));
        }
    }
    return content;
}

}  // namespace newsdesk::html
