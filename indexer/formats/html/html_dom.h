// A thin layer over libxml2's HTML parser: decoding the bytes to a tree and
// reading text out of it with the paragraph rules every HTML reader here shares
// (block elements separate paragraphs, inline elements do not).
#pragma once

#include <libxml/HTMLparser.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsdesk::html {

struct DocDeleter {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

// `html` with the bodies of <script> and <style> emptied (scripts whose open tag
// mentions "json", i.e. JSON-LD, keep theirs), delimited as libxml2 delimits them;
// where the scan is unsure (odd comments, unterminated quotes) the rest stays as it was.
// parse_document uses it: libxml2 copies those bodies character by character.
[[nodiscard]] std::string strip_raw_text(std::string_view html);

// Parses a whole page (any encoding, see decode_markup in indexer/input/encoding.h) without touching the
// network. Throws ParseError when the bytes are empty or binary.
[[nodiscard]] DocPtr parse_document(std::string_view bytes);

// Lower-case element name; "" for anything that is not an element.
[[nodiscard]] std::string_view tag(const xmlNode* node);
[[nodiscard]] std::string attr(const xmlNode* node, const char* name);
[[nodiscard]] bool has_attr(const xmlNode* node, const char* name);
// class and id joined, lower case: what the class/id patterns are matched against.
[[nodiscard]] std::string class_and_id(const xmlNode* node);

// Elements that start a new paragraph (p, div, li, h1-h6, blockquote, td, ...).
[[nodiscard]] bool is_block(std::string_view tag);
// Elements whose content is never text of the page (script, style, svg, ...).
[[nodiscard]] bool is_invisible(std::string_view tag);

// All text below `node`, whitespace collapsed (invisible elements skipped).
[[nodiscard]] std::string text_of(const xmlNode* node);
// Length in bytes of text_of(node) before collapsing; cheap enough for scoring.
[[nodiscard]] std::size_t text_length(const xmlNode* node);
// Text below `node` inside <a> elements, in bytes.
[[nodiscard]] std::size_t link_text_length(const xmlNode* node);

// Paragraphs below `node`: block elements and <br> break, inline elements do
// not. `skip` (optional) drops whole subtrees. Each paragraph is collapsed.
using NodePredicate = std::function<bool(const xmlNode*)>;
[[nodiscard]] std::vector<std::string> paragraphs_of(const xmlNode* node,
                                                     const NodePredicate& skip = {});

// Every element below (and including) `root` for which `pred` holds, in document order.
// A template: the predicate is called for every element, std::function costs too much.
template <class Pred>
[[nodiscard]] std::vector<xmlNode*> find_all(xmlNode* root, Pred&& pred) {
    std::vector<xmlNode*> out;
    if (!root || root->type != XML_ELEMENT_NODE) return out;
    if (pred(static_cast<const xmlNode*>(root))) out.push_back(root);
    // Iterative pre-order walk of root's descendants.
    xmlNode* n = root->children;
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            if (pred(static_cast<const xmlNode*>(n))) out.push_back(n);
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n && !n->next) {
            n = n->parent;
            if (n == root) return out;
        }
        if (n) n = n->next;
    }
    return out;
}
[[nodiscard]] std::vector<xmlNode*> find_tags(xmlNode* root, std::string_view name);

// Unlinks and frees the subtree.
void remove_node(xmlNode* node);

[[nodiscard]] xmlNode* root_element(xmlDoc* doc);

}  // namespace newsdesk::html
