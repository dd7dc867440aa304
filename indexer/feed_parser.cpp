// RSS 2.0, RSS 1.0 (RDF) and Atom: one Article per item / entry.
// Elements are matched by local name, so namespaced extensions (dc:creator,
// content:encoded, media:description) need no prefix bookkeeping. The whole
// feed is parsed as a tree: feeds are small (tens of items), and the tree keeps
// the per-item code simple; xmlReader streaming can replace it if huge feed
// archives show up. Same safety flags as the NewsML reader: XML_PARSE_NONET,
// no entity substitution, no DTD loading.
#include <memory>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "common/dates.h"
#include "common/error.h"
#include "common/text.h"
#include "indexer/parsers.h"

namespace newsdesk {

namespace {

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

bool is(const xmlNode* n, std::string_view name) {
    return n && n->type == XML_ELEMENT_NODE && name == reinterpret_cast<const char*>(n->name);
}

const xmlNode* child(const xmlNode* n, std::string_view name) {
    for (auto* c = n ? n->children : nullptr; c; c = c->next)
        if (is(c, name)) return c;
    return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* n, std::string_view name) {
    std::vector<const xmlNode*> out;
    for (auto* c = n ? n->children : nullptr; c; c = c->next)
        if (is(c, name)) out.push_back(c);
    return out;
}

// Raw text content (entities decoded, CDATA included), not collapsed: it may be HTML.
std::string raw_text(const xmlNode* n) {
    if (!n) return "";
    xmlChar* raw = xmlNodeGetContent(n);
    std::string out = raw ? reinterpret_cast<const char*>(raw) : "";
    xmlFree(raw);
    return out;
}

std::string text_of(const xmlNode* n) { return collapse_whitespace(raw_text(n)); }

std::string attr(const xmlNode* n, const char* name) {
    if (!n) return "";
    xmlChar* raw = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = raw ? collapse_whitespace(reinterpret_cast<const char*>(raw)) : "";
    xmlFree(raw);
    return out;
}

// The children of an Atom type="xhtml" element, serialised back to markup.
std::string inner_xml(const xmlNode* n) {
    std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buf(xmlBufferCreate(), xmlBufferFree);
    for (auto* c = n->children; c; c = c->next) xmlNodeDump(buf.get(), n->doc, c, 0, 0);
    return reinterpret_cast<const char*>(xmlBufferContent(buf.get()));
}

// Atom text constructs: type="text" is plain, "xhtml" is inline markup, "html"
// (and RSS) is escaped markup.
std::string body_from(const xmlNode* n) {
    if (!n) return "";
    const auto type = attr(n, "type");
    if (type == "text") return join_paragraphs(split_paragraphs(raw_text(n)));
    if (type == "xhtml") return html_fragment_to_body(inner_xml(n));
    return html_fragment_to_body(raw_text(n));
}

// "jane@example.com (Jane Doe)" -> "Jane Doe"; a bare address is no name.
std::string author_name(std::string s) {
    s = collapse_whitespace(s);
    const auto open = s.find('(');
    if (open != std::string::npos && s.back() == ')') return collapse_whitespace(s.substr(open + 1, s.size() - open - 2));
    return s.find('@') != std::string::npos && s.find(' ') == std::string::npos ? "" : s;
}

void read_dates(const xmlNode* item, Article& a) {
    for (auto name : {"pubDate", "published", "issued", "date", "created", "updated", "modified"}) {
        if (auto d = parse_date(text_of(child(item, name)))) {
            a.date = d->date;
            a.datetime = d->datetime;
            return;
        }
    }
}

void read_people(const xmlNode* item, Article& a) {
    for (auto* author : children(item, "author")) {
        // Atom: <author><name>; RSS: text "email (Name)".
        auto name = child(author, "name") ? text_of(child(author, "name")) : author_name(raw_text(author));
        if (!name.empty()) a.byline.push_back(name);
    }
    for (auto* creator : children(item, "creator"))
        if (auto name = text_of(creator); !name.empty()) a.byline.push_back(name);
}

// Atom's alternate link, else the RSS <link> text, else a permalink guid.
std::optional<std::string> read_link(const xmlNode* item) {
    for (auto* link : children(item, "link")) {
        const auto href = attr(link, "href");
        const auto rel = attr(link, "rel");
        if (!href.empty() && (rel.empty() || rel == "alternate")) return href;
        if (href.empty() && !text_of(link).empty()) return text_of(link);
    }
    const auto* guid = child(item, "guid");
    const auto id = text_of(guid ? guid : child(item, "id"));
    if (id.starts_with("http://") || id.starts_with("https://")) {
        if (attr(guid, "isPermaLink") != "false") return id;
    }
    return std::nullopt;
}

// Media RSS (search.yahoo.com/mrss) shares local names with RSS and Atom
// ("content", "description"), so it is told apart by namespace.
bool is_media(const xmlNode* n) {
    return n->ns && n->ns->href &&
           std::string_view(reinterpret_cast<const char*>(n->ns->href)).find("search.yahoo.com/mrss") !=
               std::string_view::npos;
}

// The first child named `name` outside the Media RSS namespace.
const xmlNode* core_child(const xmlNode* item, std::string_view name) {
    for (auto* c = item->children; c; c = c->next)
        if (is(c, name) && !is_media(c)) return c;
    return nullptr;
}

// Captions: <media:content>/<media:group>/<media:thumbnail> with <media:description>
// and <media:credit>.
void read_media(const xmlNode* item, Article& a) {
    for (auto* m = item->children; m; m = m->next) {
        if (m->type != XML_ELEMENT_NODE || !is_media(m)) continue;
        const auto caption = text_of(child(m, "description"));
        if (caption.empty()) continue;
        const auto credit = text_of(child(m, "credit"));
        a.captions.push_back(Caption{caption, credit.empty() ? std::nullopt : std::optional(credit)});
    }
}

Article read_item(const xmlNode* item, const std::string& source, const std::string& lang) {
    Article a;
    // Titles are plain text, but some feeds put escaped markup in them.
    const auto title = raw_text(core_child(item, "title"));
    a.headline = collapse_whitespace(title.find_first_of("<&") == std::string::npos
                                         ? title
                                         : html_fragment_to_body(title));
    a.url = read_link(item);
    if (!source.empty()) a.source = source;
    a.declared_language = lang;
    read_dates(item, a);
    read_people(item, a);
    read_media(item, a);
    // Full content first; the description / summary is often a teaser.
    for (auto name : {"encoded", "content", "description", "summary"}) {
        const auto* n = core_child(item, name);
        // Atom <content src="..."> points elsewhere and holds no text.
        if (!n || !attr(n, "src").empty()) continue;
        a.body = body_from(n);
        if (!a.body.empty()) break;
    }
    return a;
}

DocPtr read_xml(std::string_view bytes) {
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(),
                                                                     xmlFreeParserCtxt);
    if (!ctxt) throw ParseError("cannot create XML parser");
    DocPtr doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                 nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
               xmlFreeDoc);
    if (!doc || !ctxt->wellFormed) {
        const auto* err = xmlCtxtGetLastError(ctxt.get());
        std::string msg = err && err->message ? collapse_whitespace(err->message) : "unknown error";
        throw ParseError("malformed feed XML: " + msg);
    }
    return doc;
}

}  // namespace

std::vector<Article> parse_feed(std::string_view bytes, const std::string& path) {
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) throw ParseError("feed too large");
    const auto doc = read_xml(bytes);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    // RSS 2.0: rss/channel/item; RSS 1.0: rdf:RDF/item beside channel; Atom: feed/entry.
    const xmlNode* channel = is(root, "rss") ? child(root, "channel") : root;
    const auto* meta = is(root, "RDF") ? child(root, "channel") : channel;
    if (!channel || !(is(root, "rss") || is(root, "RDF") || is(root, "feed")))
        throw ParseError("not an RSS or Atom feed");
    const auto source = text_of(child(meta, "title"));
    auto lang = text_of(child(meta, "language"));
    if (lang.empty()) lang = attr(root, "lang");

    std::vector<Article> out;
    for (auto* c = channel->children; c; c = c->next) {
        if (!is(c, "item") && !is(c, "entry")) continue;
        auto a = read_item(c, source, lang);
        a.path = path + "#" + std::to_string(out.size() + 1);
        out.push_back(std::move(a));
    }
    if (out.empty()) throw ParseError("feed has no items");
    return out;
}

}  // namespace newsdesk
