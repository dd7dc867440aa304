// RSS 2.0, RSS 1.0 (RDF) and Atom: one Article per item / entry.
// Elements are matched by local name, so namespaced extensions (dc:creator,
// content:encoded, media:description) need no prefix bookkeeping. The whole
// feed is streamed with xmlTextReader and each item expanded to a small tree,
// so the per-item code stays simple while memory stays at one item. Same safety
// flags as the NewsML reader: XML_PARSE_NONET, no entity substitution, no DTD loading;
// entity references are expanded only within an xml::EntityBudget.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <cstdint>
#include <memory>

#include "common/dates.h"
#include "common/error.h"
#include "common/text.h"
#include "indexer/encoding.h"
#include "indexer/parsers.h"
#include "indexer/xml_nodes.h"

namespace newsdesk {

namespace {

using xml::child;
using xml::children;
using xml::is;
using xml::raw_text;
using xml::text_of;

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
    if (open != std::string::npos && s.back() == ')')
        return collapse_whitespace(s.substr(open + 1, s.size() - open - 2));
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
        auto name =
            child(author, "name") ? text_of(child(author, "name")) : author_name(raw_text(author));
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
           std::string_view(reinterpret_cast<const char*>(n->ns->href))
                   .find("search.yahoo.com/mrss") != std::string_view::npos;
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
        a.captions.push_back(
            Caption{caption, credit.empty() ? std::nullopt : std::optional(credit)});
    }
}

Article read_item(const xmlNode* item, const std::string& source, const std::string& lang) {
    Article a;
    // Titles are plain text, but some feeds put escaped markup in them.
    const auto title = raw_text(core_child(item, "title"));
    a.headline = collapse_whitespace(
        title.find_first_of("<&") == std::string::npos ? title : html_fragment_to_body(title));
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

struct ReaderFree {
    void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

std::string_view local_name(xmlTextReader* r) {
    const auto* name = xmlTextReaderConstLocalName(r);
    return name ? reinterpret_cast<const char*>(name) : "";
}

// Where the reader is: which kind of feed, and the channel-level fields that
// every item inherits.
struct FeedState {
    bool atom = false;
    int channel_depth = -1;
    std::string source;
    std::string lang;
};

// Root and channel elements; returns true when the element's subtree was consumed.
bool read_feed_level(xmlTextReader* r, std::string_view name, int depth, FeedState& st,
                     xml::EntityBudget& budget, std::size_t bytes) {
    if (depth == 0) {
        if (name != "rss" && name != "RDF" && name != "feed")
            throw ParseError("not an RSS or Atom feed");
        st.atom = name == "feed";
        if (st.atom) st.channel_depth = 0;
        if (const auto* lang = xmlTextReaderConstXmlLang(r))
            st.lang = reinterpret_cast<const char*>(lang);
        return false;
    }
    if (name == "channel") {
        st.channel_depth = depth;
        return false;
    }
    if (depth != st.channel_depth + 1 || (name != "title" && name != "language")) return false;
    const xmlNode* node = xmlTextReaderExpand(r);
    budget.charge(node, bytes);
    const auto value = text_of(node);
    if (name == "title" && st.source.empty()) st.source = value;
    if (name == "language" && !value.empty()) st.lang = value;
    return true;
}

}  // namespace

// Streams the feed with xmlTextReader: only one item's subtree is in memory at
// a time, so a large feed archive costs its articles, not a whole DOM.
std::vector<Article> parse_feed(std::string_view bytes, const std::string& path) {
    // Decoded first (indexer/encoding.h): XML_PARSE_IGNORE_ENC keeps libxml2 from
    // re-reading the UTF-8 in the charset the declaration names.
    const auto utf8 = decode_markup(bytes);
    if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) throw ParseError("feed too large");
    xmlResetLastError();
    std::unique_ptr<xmlTextReader, ReaderFree> reader(xmlReaderForMemory(
        utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC));
    if (!reader) throw ParseError("cannot create XML reader");
    auto* r = reader.get();
    FeedState st;
    xml::EntityBudget budget;
    std::vector<Article> out;
    int rc = xmlTextReaderRead(r);
    while (rc == 1) {
        if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT) {
            const auto name = local_name(r);
            const int depth = xmlTextReaderDepth(r);
            if (name == "item" || name == "entry") {
                const xmlNode* node = xmlTextReaderExpand(r);
                if (!node) break;
                budget.charge(node, bytes.size());
                auto a = read_item(node, st.source, st.lang);
                a.path = path + "#" + std::to_string(out.size() + 1);
                out.push_back(std::move(a));
                rc = xmlTextReaderNext(r);
                continue;
            }
            if (read_feed_level(r, name, depth, st, budget, bytes.size())) {
                rc = xmlTextReaderNext(r);
                continue;
            }
        }
        rc = xmlTextReaderRead(r);
    }
    if (rc != 0) {
        const auto* err = xmlGetLastError();
        throw ParseError("malformed feed XML: " +
                         xml::describe_error(err ? err->message : nullptr));
    }
    if (out.empty()) throw ParseError("feed has no items");
    // A channel title after the items (legal, rare) still names their source.
    for (auto& a : out)
        if (!a.source && !st.source.empty()) a.source = st.source;
    return out;
}

}  // namespace newsdesk
