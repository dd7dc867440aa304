// Internal to the HTML reader: the steps of content extraction that run after
// scoring (cleaning the chosen container, taking captions out).
#pragma once

#include <libxml/tree.h>

#include <map>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "indexer/formats/html/html_dom.h"

namespace newsdesk::html {

// Content score of each scored element (see html_content.cpp).
using Scores = std::map<const xmlNode*, double>;

// Shared scoring signals (html_content.cpp).
[[nodiscard]] int class_weight(const xmlNode* node);     // +-25 each for class and id
[[nodiscard]] double link_density(const xmlNode* node);  // link text / all text
[[nodiscard]] std::size_t count_commas(std::string_view text);

// Share bars, hover cards, ad slots: widget-classed elements with little text
// (data/html/widget_patterns.txt).
[[nodiscard]] bool is_widget(const xmlNode* node);
// The same with `ci` = class_and_id(node) already computed.
[[nodiscard]] bool is_widget(const xmlNode* node, std::string_view ci);

// Removes furniture blocks inside the chosen container: link lists, image
// galleries, share bars, blocks with negative class weight, etc.
void clean_article(xmlNode* container, const Scores& scores);

// Takes figcaptions and caption-classed elements out of the tree, with their
// credits split off; skips those for which `excluded` holds (sidebars, related lists).
[[nodiscard]] std::vector<Caption> take_captions(xmlNode* root, const NodePredicate& excluded);

}  // namespace newsdesk::html
