// Small libxml2 tree helpers shared by the XML readers (NITF/NewsML, feeds):
// elements are matched by local name, whatever their namespace.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "common/text.h"

namespace newsdesk::xml {

inline bool is(const xmlNode* n, std::string_view name) {
    return n && n->type == XML_ELEMENT_NODE && name == reinterpret_cast<const char*>(n->name);
}

// The first child element called `name`, or nullptr.
inline const xmlNode* child(const xmlNode* n, std::string_view name) {
    for (auto* c = n ? n->children : nullptr; c; c = c->next)
        if (is(c, name)) return c;
    return nullptr;
}

inline std::vector<const xmlNode*> children(const xmlNode* n, std::string_view name) {
    std::vector<const xmlNode*> out;
    for (auto* c = n ? n->children : nullptr; c; c = c->next)
        if (is(c, name)) out.push_back(c);
    return out;
}

// Raw text content (entities decoded, CDATA included), not collapsed: it may be HTML.
inline std::string raw_text(const xmlNode* n) {
    if (!n) return "";
    xmlChar* raw = xmlNodeGetContent(n);
    std::string out = raw ? reinterpret_cast<const char*>(raw) : "";
    xmlFree(raw);
    return out;
}

// Text content with whitespace collapsed.
inline std::string text_of(const xmlNode* n) { return collapse_whitespace(raw_text(n)); }

}  // namespace newsdesk::xml
