#include "indexer/formats/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <cstring>

#include "common/error.h"
#include "common/lang/dates.h"
#include "common/text.h"
#include "indexer/formats/xml_nodes.h"
#include "indexer/input/encoding.h"
#include "indexer/input/input.h"

namespace newsdesk {

namespace {

using xml::attr;
using xml::child;
using xml::children;
using xml::is;
using xml::raw_text;
using xml::text_of;


// The children of an Atom type="xhtml" element, serialised back to markup.
std::string inner_xml(const xmlNode* n) {
    std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buf(xmlBufferCreate(), xmlBufferFree);
    for (auto* c = n->children; c; c = c->next) xmlNodeDump(buf.get(), n->doc, c, 0, 0);
    return reinterpret_cast<const char*>(xmlBufferContent(buf.get()));
}

// Atom text constructs: type="text" is plain, "xhtml" is inline markup, "html"
// (and RSS) is escaped markup.
FeedItem::Body body_of(const xmlNode* n) {
    const auto type = attr(n, "type");
    if (type == "text") return {FeedItem::Body::Kind::text, raw_text(n)};
    if (type == "xhtml") return {FeedItem::Body::Kind::xhtml, inner_xml(n)};
    return {FeedItem::Body::Kind::html, raw_text(n)};
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

// Where the reader is: which kind of feed, and the channel-level fields that
// every item inherits.
struct FeedState {
    int channel_depth = -1;
    std::string source;
    std::string lang;
};

FeedItem read_item(const xmlNode* item, const FeedState& st) {
    FeedItem out;
    Article& a = out.article;
    out.title = raw_text(core_child(item, "title"));
    a.url = read_link(item);
    if (!st.source.empty()) a.source = st.source;
    a.declared_language = st.lang;
    read_dates(item, a);
    read_people(item, a);
    read_media(item, a);
    // Full content first; the description / summary is often a teaser.
    for (auto name : {"encoded", "content", "description", "summary"}) {
        const auto* n = core_child(item, name);
        // Atom <content src="..."> points elsewhere and holds no text.
        if (!n || !attr(n, "src").empty()) continue;
        out.bodies.push_back(body_of(n));
    }
    return out;
}

struct ReaderFree {
    void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

std::string_view local_name(xmlTextReader* r) {
    const auto* name = xmlTextReaderConstLocalName(r);
    return name ? reinterpret_cast<const char*>(name) : "";
}

}  // namespace

struct FeedReader::Impl {
    Impl(Encoding encoding, Source src, std::size_t max_item)
        : source(std::move(src)), max_item_bytes(max_item), decoder(std::move(encoding)) {}

    // The reader's input: the source's bytes decoded to UTF-8, handed out in the
    // pieces libxml2 asks for. Errors are kept for next() to throw: an exception
    // must not cross libxml2's C frames.
    int read(char* buffer, int len) {
        try {
            while (pending_pos == pending.size()) {
                if (input_done) return 0;
                pending.clear();
                pending_pos = 0;
                std::string raw;
                const bool more = source(raw, 64 * 1024);
                consumed += raw.size();
                if (consumed - item_mark > max_item_bytes)
                    throw ParseError("item " + std::to_string(items + 1) + " larger than " +
                                     megabytes(max_item_bytes));
                decoder.decode(raw, pending, !more);
                input_done = !more;
            }
            const auto n = std::min(static_cast<std::size_t>(len), pending.size() - pending_pos);
            std::memcpy(buffer, pending.data() + pending_pos, n);
            for (std::size_t i = 0; i < n; ++i) {  // where the input ends, as libxml2 counts
                const auto b = static_cast<unsigned char>(buffer[i]);
                if (b == '\n') {
                    ++end_line;
                    end_column = 0;
                } else if ((b & 0xC0) != 0x80) {
                    ++end_column;
                }
            }
            pending_pos += n;
            return static_cast<int>(n);
        } catch (const std::exception& e) {
            if (!error) error = e.what();
            return -1;
        }
    }

    [[noreturn]] void fail() const {
        if (error) throw ParseError(*error);
        // The reader's push parser calls a feed cut short "extra content" too; that
        // error is at the very end of the input, real extra content before it.
        if (xml_error.starts_with("Extra content at the end of the document") && input_done &&
            pending_pos == pending.size() && error_line == end_line && error_column >= end_column)
            throw ParseError(
                "malformed feed XML: the document ends inside an element (cut short?)");
        if (!xml_error.empty()) throw ParseError("malformed feed XML: " + xml_error);
        // Failures outside the parser (an allocation) only reach the thread's last error.
        const xmlError* last = xmlGetLastError();
        if (last && last->code == XML_ERR_NO_MEMORY) throw ParseError("out of memory");
        throw ParseError("malformed feed XML: " +
                         xml::describe_error(last ? last->message : nullptr));
    }

    // Root and channel elements; returns true when the element's subtree was consumed.
    bool read_feed_level(std::string_view name, int depth) {
        xmlTextReader* r = reader.get();
        if (depth == 0) {
            if (name != "rss" && name != "RDF" && name != "feed")
                throw ParseError("not an RSS or Atom feed");
            if (name == "feed") st.channel_depth = 0;  // Atom: the feed is the channel
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
        if (!node) return false;  // the error surfaces at the next read
        budget.charge(node, consumed);
        const auto value = text_of(node);
        if (name == "title" && st.source.empty()) st.source = value;
        if (name == "language" && !value.empty()) st.lang = value;
        return true;
    }

    Source source;
    std::size_t max_item_bytes;
    TextDecoder decoder;
    std::string pending;  // decoded bytes libxml2 has not taken yet
    std::size_t pending_pos = 0;
    bool input_done = false;
    std::size_t consumed = 0;          // bytes taken from the source
    std::size_t item_mark = 0;         // `consumed` when the last item ended
    std::size_t items = 0;             // items read
    std::optional<std::string> error;  // of the source, or of ours (size, entities, root)
    std::string xml_error;             // libxml2's first error
    std::unique_ptr<xmlTextReader, ReaderFree> reader;
    int rc = 1;  // of the last xmlTextReaderRead / Next
    bool started = false, finished = false;
    int end_line = 1, end_column = 0;      // of the input handed to libxml2 so far
    int error_line = 0, error_column = 0;  // of xml_error
    FeedState st;
    xml::EntityBudget budget;
};

FeedReader::FeedReader(Encoding encoding, Source source, std::size_t max_item_bytes)
    : m_impl(std::make_unique<Impl>(std::move(encoding), std::move(source), max_item_bytes)) {
    xml::silence_generic_errors();
    auto* impl = m_impl.get();
    const auto read = [](void* context, char* buffer, int len) {
        return static_cast<Impl*>(context)->read(buffer, len);
    };
    const auto close = [](void*) { return 0; };
    // The bytes reach libxml2 as UTF-8 already: XML_PARSE_IGNORE_ENC keeps it from
    // re-reading them in the charset the XML declaration names.
    impl->reader.reset(xmlReaderForIO(
        read, close, impl, nullptr, "UTF-8",
        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC));
    if (!impl->reader) {
        if (impl->error) throw ParseError(*impl->error);
        throw ParseError("cannot create XML reader");
    }
    xmlTextReaderSetStructuredErrorHandler(
        impl->reader.get(),
        [](void* context, xmlErrorPtr error) {
            auto* self = static_cast<Impl*>(context);
            if (error && error->level >= XML_ERR_ERROR && self->xml_error.empty()) {
                self->xml_error = xml::describe_error(error->message);
                self->error_line = error->line;
                self->error_column = error->int2;
            }
        },
        impl);
}

FeedReader::~FeedReader() = default;

const std::string& FeedReader::channel_title() const { return m_impl->st.source; }

std::vector<FeedItem> FeedReader::next(std::size_t max_items, std::size_t max_bytes) {
    Impl& m = *m_impl;
    std::vector<FeedItem> out;
    if (m.finished) return out;
    xmlTextReader* r = m.reader.get();
    xml::silence_generic_errors();  // this call may run on another thread than the last
    xmlResetLastError();
    const std::size_t batch_start = m.consumed;
    if (!m.started) {
        m.started = true;
        m.rc = xmlTextReaderRead(r);
    }
    while (m.rc == 1 && out.size() < max_items &&
           (out.empty() || m.consumed - batch_start < max_bytes)) {
        try {
            if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT) {
                const auto name = local_name(r);
                const int depth = xmlTextReaderDepth(r);
                if (name == "item" || name == "entry") {
                    const xmlNode* node = xmlTextReaderExpand(r);
                    if (!node) {
                        m.rc = -1;
                        break;
                    }
                    m.budget.charge(node, m.consumed);
                    out.push_back(read_item(node, m.st));
                    ++m.items;
                    m.rc = xmlTextReaderNext(r);
                    m.item_mark = m.consumed;
                    continue;
                }
                if (m.read_feed_level(name, depth)) {
                    m.rc = xmlTextReaderNext(r);
                    continue;
                }
            }
        } catch (const ParseError& e) {
            if (!m.error) m.error = e.what();  // after the items of this batch
            m.rc = -1;
            break;
        }
        m.rc = xmlTextReaderRead(r);
    }
    // A channel title read after some items still names them.
    if (!m.st.source.empty())
        for (auto& item : out)
            if (!item.article.source) item.article.source = m.st.source;
    if (m.rc < 0) {
        if (out.empty()) m.fail();
        return out;  // the error is thrown by the next call
    }
    if (m.rc == 0) {
        m.finished = true;
        m.reader.reset();
        if (m.items == 0) throw ParseError("feed has no items");
    }
    return out;
}

}  // namespace newsdesk
