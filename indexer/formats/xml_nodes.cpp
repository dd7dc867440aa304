#include "indexer/formats/xml_nodes.h"

#include <libxml/entities.h>
#include <libxml/xmlerror.h>

#include "common/error.h"

namespace newsdesk::xml {

namespace {

// libxml2 nests entities at most 40 deep before it calls it a loop.
constexpr int kMaxEntityDepth = 64;

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

void ignore_error(void*, const char*, ...) {}

}  // namespace

void silence_generic_errors() {
    thread_local const bool silenced = [] {
        xmlSetGenericErrorFunc(nullptr, ignore_error);
        return true;
    }();
    (void)silenced;
}

std::string describe_error(const char* message) {
    if (!message) return "unknown error";
    const std::string text = collapse_whitespace(message);
    if (text.starts_with("Excessive depth in document"))
        return "elements nested deeper than 256 levels";
    if (text.starts_with("Detected an entity reference loop"))
        return "entities that refer to themselves or expand exponentially (an entity "
               "expansion bomb)";
    return text;
}

void EntityBudget::spend(std::uint64_t bytes) {
    m_spent = saturating_add(m_spent, bytes);
    if (m_spent > m_limit)
        throw ParseError("XML entities expand to more than " +
                         std::to_string((m_limit + (1 << 20) - 1) >> 20) +
                         " MB (an entity expansion bomb)");
}

// The bytes of text an entity's content expands to, memoised: each entity is
// counted once however often it is referenced.
std::uint64_t EntityBudget::expanded(const xmlEntity* entity, int depth) {
    if (!entity || entity->etype == XML_INTERNAL_PREDEFINED_ENTITY) return 0;
    if (const auto it = m_sizes.find(entity); it != m_sizes.end()) return it->second;
    if (depth > kMaxEntityDepth) return UINT64_MAX;
    const auto size = expanded_list(entity->children, depth + 1);
    m_sizes.emplace(entity, size);
    return size;
}

// Text bytes of the node list starting at `first` and of everything below it,
// references expanded. Iterative over the tree; recursive only into entities.
std::uint64_t EntityBudget::expanded_list(const xmlNode* first, int depth) {
    std::uint64_t total = 0;
    for (const xmlNode* top = first; top; top = top->next) {
        const xmlNode* n = top;
        while (true) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                if (n->content) total = saturating_add(total, xmlStrlen(n->content));
            } else if (n->type == XML_ENTITY_REF_NODE) {
                total = saturating_add(total, expanded(xmlGetDocEntity(n->doc, n->name), depth));
            } else if (n->type == XML_ELEMENT_NODE) {
                for (const xmlAttr* a = n->properties; a; a = a->next)
                    total = saturating_add(total, expanded_list(a->children, depth));
                if (n->children) {
                    n = n->children;
                    continue;
                }
            }
            if (total == UINT64_MAX) return total;
            while (n != top && !n->next) n = n->parent;
            if (n == top) break;
            n = n->next;
        }
    }
    return total;
}

void EntityBudget::charge(const xmlNode* node, std::size_t document_bytes) {
    m_limit = kAllowance + document_bytes;
    if (!node) return;
    // Only references cost anything beyond the document's own bytes: count the
    // expansion of each reference found below `node`.
    const xmlNode* n = node;
    while (n) {
        bool descend = false;
        if (n->type == XML_ENTITY_REF_NODE) {
            spend(expanded(xmlGetDocEntity(n->doc, n->name), 0));
        } else if (n->type == XML_ELEMENT_NODE) {
            for (const xmlAttr* a = n->properties; a; a = a->next)
                for (const xmlNode* v = a->children; v; v = v->next)
                    if (v->type == XML_ENTITY_REF_NODE)
                        spend(expanded(xmlGetDocEntity(v->doc, v->name), 0));
            descend = n->children != nullptr;
        }
        if (descend) {
            n = n->children;
            continue;
        }
        if (n == node) return;
        while (!n->next) {
            n = n->parent;
            if (!n || n == node) return;
        }
        n = n->next;
    }
}

}  // namespace newsdesk::xml
