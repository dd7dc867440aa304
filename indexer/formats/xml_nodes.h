// Small libxml2 tree helpers shared by the XML readers (NITF/NewsML, feeds):
// elements are matched by local name, whatever their namespace.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// An attribute's value with whitespace collapsed ("" when absent).
inline std::string attr(const xmlNode* n, const char* name) {
    if (!n) return "";
    xmlChar* raw = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = raw ? collapse_whitespace(reinterpret_cast<const char*>(raw)) : "";
    xmlFree(raw);
    return out;
}

// What the entity references in a document may expand to. libxml2 keeps a
// reference to an entity of the internal subset as a reference node (it is never
// asked to substitute them: XML_PARSE_NOENT would load external entities too), and
// raw_text and xmlGetProp expand them. libxml2 itself refuses the exponential
// kind of entity bomb ("billion laughs") while parsing, but not the quadratic
// kind: one entity of 100 KB referenced 50,000 times is a 350 KB file that
// expands to 5 GB. So what the references below each node read expand to is
// counted first, and a document whose references expand to more than its own
// size plus 1 MB (no real news file comes near) is refused.
// libxml2 prints some errors itself (a failed allocation: "Memory allocation
// failed : growing buffer"), to stderr and outside any parser's handler; every
// reader here reports its own one-line "PATH: reason", so those go nowhere.
// libxml2 keeps that handler per thread: each reader calls this before parsing.
void silence_generic_errors();

// libxml2's message for a document it refused, in the terms of a reader of ours
// (its depth limit names a parser option, not what is wrong with the file).
[[nodiscard]] std::string describe_error(const char* message);

class EntityBudget {
  public:
    static constexpr std::size_t kAllowance = 1u << 20;

    // Counts the expansion of every reference below `node` (in text and in
    // attribute values); `document_bytes` is the size of the document, or of as
    // much of it as was read when streaming. Throws ParseError "XML entities
    // expand to more than N MB" once the total passes kAllowance + document_bytes.
    void charge(const xmlNode* node, std::size_t document_bytes);

  private:
    std::uint64_t expanded(const xmlEntity* entity, int depth);
    std::uint64_t expanded_list(const xmlNode* first, int depth);
    void spend(std::uint64_t bytes);

    std::unordered_map<const xmlEntity*, std::uint64_t> m_sizes;
    std::uint64_t m_spent = 0, m_limit = kAllowance;
};

}  // namespace newsdesk::xml
