#include "indexer/formats/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>

#include "common/error.h"
#include "common/lang/dates.h"
#include "common/text.h"
#include "indexer/formats/feed_splitter.h"
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

// The channel-level fields that every item inherits.
struct FeedState {
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

constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

struct NodesFree {
    void operator()(xmlNode* nodes) const { xmlFreeNodeList(nodes); }
};

using Nodes = std::unique_ptr<xmlNode, NodesFree>;

// libxml2's errors while one part is parsed. xmlParseInNodeContext parses with a
// context of its own, so they reach the thread's structured error handler, which
// is ours only for the duration of the call.
class ErrorCapture {
  public:
    ErrorCapture() : m_handler(xmlStructuredError), m_context(xmlStructuredErrorContext) {
        xmlSetStructuredErrorFunc(this, [](void* self, xmlErrorPtr error) {
            static_cast<ErrorCapture*>(self)->record(error);
        });
    }
    ~ErrorCapture() { xmlSetStructuredErrorFunc(m_context, m_handler); }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    // The first fatal error, else the first error (a namespace error does not
    // stop the parse; what follows it may).
    int code = 0, line = 0;
    std::string message;

  private:
    void record(const xmlError* error) {
        if (!error || error->level < XML_ERR_ERROR || m_fatal) return;
        if (!message.empty() && error->level != XML_ERR_FATAL) return;
        code = error->code;
        line = error->line;
        message = xml::describe_error(error->message);
        m_fatal = error->level == XML_ERR_FATAL;
    }

    xmlStructuredErrorFunc m_handler;
    void* m_context;
    bool m_fatal = false;
};

int xml_length(std::string_view text) {
    if (text.size() > static_cast<std::size_t>(INT32_MAX))
        throw ParseError("feed XML larger than 2 GB in one piece");
    return static_cast<int>(text.size());
}

std::string_view local_name(std::string_view name) {
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// "malformed feed XML: REASON (line N)", N counted in the whole feed.
std::string malformed(std::string_view reason, std::size_t line) {
    return "malformed feed XML: " + std::string(reason) + " (line " + std::to_string(line) + ")";
}

// libxml2's message for a part that does not parse, its lines (counted from 1
// in the part, which starts on `first_line`: "tag mismatch: b line 1 and
// title") counted in the feed.
std::string malformed(const ErrorCapture& errors, std::size_t first_line) {
    const auto in_feed = [&](std::size_t line) { return first_line + line - 1; };
    std::string message = errors.message.empty() ? "unknown error" : errors.message;
    constexpr std::string_view kLine = " line ";
    for (auto at = message.find(kLine); at != std::string::npos; at = message.find(kLine, at + 1)) {
        const auto digits = at + kLine.size();
        const auto end = message.find_first_not_of("0123456789", digits);
        const auto count = (end == std::string::npos ? message.size() : end) - digits;
        if (count == 0 || count > 9) continue;
        const auto line = std::stoul(message.substr(digits, count));
        message.replace(digits, count, std::to_string(in_feed(line)));
    }
    return malformed(message, in_feed(static_cast<std::size_t>(std::max(errors.line, 1))));
}

// Items are parsed in runs of about this many bytes: one parser for a run of
// items instead of one for each (a parser for each short item cost a fifth more
// instructions than reading the whole feed with one parser).
constexpr std::size_t kRunBytes = 256u << 10;

}  // namespace

struct FeedReader::Impl {
    Impl(Encoding encoding, Source src, std::size_t max_item)
        : source(std::move(src)), max_item_bytes(max_item), decoder(std::move(encoding)) {}

    // The next part of the feed, reading (and decoding) more of it as needed.
    FeedPart next_part() {
        while (true) {
            if (auto part = splitter.next()) return std::move(*part);
            if (splitter.pending_bytes() > max_item_bytes)
                throw ParseError("item " + std::to_string(items + 1) + " larger than " +
                                 megabytes(max_item_bytes));
            std::string raw, text;
            const bool more = source(raw, 64 * 1024);
            consumed += raw.size();
            decoder.decode(raw, text, !more);
            splitter.add(text, !more);
        }
    }

    void read(const FeedPart& part, FeedBatch& out) {
        using Kind = FeedPart::Kind;
        if (part.kind != Kind::item) read_run(out);  // what comes before it, first
        switch (part.kind) {
            case Kind::head:
                read_head(part);
                break;
            case Kind::open:
                read_channel(part, out);
                break;
            case Kind::close:
                if (channel) {
                    xmlUnlinkNode(channel);
                    xmlFreeNode(channel);
                    channel = nullptr;
                }
                break;
            case Kind::between:
                read_between(part, out);
                break;
            case Kind::item:
                run.push_back({++items, part.line, run_text.size(), part.text.size()});
                run_text += part.text;
                if (run_text.size() >= kRunBytes) read_run(out);
                break;
            case Kind::bad_item:
                out.errors.push_back({++items, malformed(part.problem, part.line)});
                break;
            case Kind::bad:
                out.errors.push_back({0, malformed(part.problem, part.line)});
                break;
            case Kind::end:
                break;
        }
    }

    // The prolog and the root element, closed at once: the document every other
    // part is parsed in, for its entities and namespaces.
    void read_head(const FeedPart& part) {
        const auto root_name = local_name(part.name);
        if (root_name != "rss" && root_name != "RDF" && root_name != "feed")
            throw ParseError("not an RSS or Atom feed");
        std::string text(part.text);
        if (!text.ends_with("/>")) text += "</" + part.name + ">";
        ErrorCapture errors;
        // The text is UTF-8 already: XML_PARSE_IGNORE_ENC keeps libxml2 from
        // re-reading it in the charset the XML declaration names.
        doc.reset(xmlReadMemory(text.data(), xml_length(text), nullptr, "UTF-8",
                                kParseOptions | XML_PARSE_IGNORE_ENC));
        if (errors.code == XML_ERR_NO_MEMORY) throw ParseError("out of memory");
        if (!doc) throw ParseError(malformed(errors, part.line));
        // Nor should the parts be (xmlParseInNodeContext switches to the document's).
        xmlFree(const_cast<xmlChar*>(doc->encoding));
        doc->encoding = nullptr;
        root = xmlDocGetRootElement(doc.get());
        root_is_channel = root_name == "feed";  // Atom: the feed is the channel
        if (xmlChar* lang = xmlNodeGetLang(root)) {
            st.lang = reinterpret_cast<const char*>(lang);
            xmlFree(lang);
        }
    }

    // `text`, which starts on `line` of the feed, parsed where it stands in the
    // feed. Malformed text gives no nodes and its reason in `failure`; what is
    // wrong with the feed as a whole throws.
    Nodes parse(std::string_view text, std::size_t line, std::string& failure) {
        xmlNode* list = nullptr;
        ErrorCapture errors;
        const auto rc = xmlParseInNodeContext(channel ? channel : root, text.data(),
                                              xml_length(text), kParseOptions, &list);
        Nodes nodes(list);
        if (rc == XML_ERR_OK) return nodes;
        if (rc == XML_ERR_NO_MEMORY || errors.code == XML_ERR_NO_MEMORY)
            throw ParseError("out of memory");
        // libxml2 caught an entity bomb: every other item could set it off again.
        if (errors.code == XML_ERR_ENTITY_LOOP)
            throw ParseError("malformed feed XML: " + errors.message);
        failure = malformed(errors, line);
        return nullptr;
    }

    // The channel's start tag, closed at once, becomes the context of the parts in it.
    void read_channel(const FeedPart& part, FeedBatch& out) {
        std::string failure;
        auto nodes = parse(std::string(part.text) + "</" + part.name + ">", part.line, failure);
        if (!nodes) {
            out.errors.push_back({0, failure});
            return;
        }
        channel = xmlAddChild(root, nodes.release());
    }

    // Feed-level markup: the channel's title and language, checked for the rest.
    void read_between(const FeedPart& part, FeedBatch& out) {
        std::string failure;
        const auto nodes = parse(part.text, part.line, failure);
        if (!failure.empty()) {
            out.errors.push_back({0, failure});
            return;
        }
        if (!channel && !root_is_channel) return;
        for (const xmlNode* n = nodes.get(); n; n = n->next) {
            if (!is(n, "title") && !is(n, "language")) continue;
            budget.charge(n, consumed);
            const auto value = text_of(n);
            if (is(n, "title") && st.source.empty()) st.source = value;
            if (is(n, "language") && !value.empty()) st.lang = value;
        }
    }

    // The items gathered since the last call, parsed together; when they do not
    // parse as a whole, one by one, for the number and line of the bad one.
    void read_run(FeedBatch& out) {
        if (run.empty()) return;
        const auto items_in_run = std::move(run);
        const auto text = std::move(run_text);
        run.clear();
        run_text.clear();
        if (items_in_run.size() > 1) {
            xmlNode* list = nullptr;
            ErrorCapture errors;  // not reported: the items are parsed again one by one
            const auto rc = xmlParseInNodeContext(channel ? channel : root, text.data(),
                                                  xml_length(text), kParseOptions, &list);
            const Nodes nodes(list);
            std::vector<const xmlNode*> elements;
            for (const xmlNode* n = list; n; n = n->next)
                if (n->type == XML_ELEMENT_NODE) elements.push_back(n);
            if (rc == XML_ERR_OK && elements.size() == items_in_run.size()) {
                for (std::size_t i = 0; i < elements.size(); ++i)
                    add_item(elements[i], items_in_run[i].number, out);
                return;
            }
        }
        for (const auto& item : items_in_run) {
            std::string failure;
            const auto nodes =
                parse(std::string_view(text).substr(item.offset, item.size), item.line, failure);
            if (nodes)
                add_item(nodes.get(), item.number, out);
            else
                out.errors.push_back({item.number, failure});
        }
    }

    void add_item(const xmlNode* node, std::size_t number, FeedBatch& out) {
        budget.charge(node, consumed);
        out.items.push_back(read_item(node, st));
        out.items.back().number = number;
    }

    Source source;
    std::size_t max_item_bytes;
    TextDecoder decoder;
    FeedSplitter splitter;
    std::size_t consumed = 0;  // bytes taken from the source
    std::size_t items = 0;     // items read, good or bad
    struct RunItem {
        std::size_t number, line, offset, size;  // where in `run_text`
    };
    std::vector<RunItem> run;  // items not parsed yet (read_run)
    std::string run_text;
    std::optional<std::string> error;  // to throw at the next call, after a batch
    bool finished = false;
    std::unique_ptr<xmlDoc, DocFree> doc;  // the prolog and root element (read_head)
    xmlNode* root = nullptr;
    xmlNode* channel = nullptr;  // in `doc`, while the feed is inside the channel
    bool root_is_channel = false;
    FeedState st;
    xml::EntityBudget budget;
};

FeedReader::FeedReader(Encoding encoding, Source source, std::size_t max_item_bytes)
    : m_impl(std::make_unique<Impl>(std::move(encoding), std::move(source), max_item_bytes)) {}

FeedReader::~FeedReader() = default;

const std::string& FeedReader::channel_title() const { return m_impl->st.source; }

FeedBatch FeedReader::next(std::size_t max_items, std::size_t max_bytes) {
    Impl& m = *m_impl;
    FeedBatch out;
    if (m.error) {
        m.finished = true;
        const auto error = std::move(*m.error);
        m.error.reset();
        throw ParseError(error);
    }
    if (m.finished) return out;
    xml::silence_generic_errors();  // this call may run on another thread than the last
    const std::size_t batch_start = m.consumed;
    const auto taken = [&] { return out.items.size() + out.errors.size() + m.run.size(); };
    try {
        while (taken() < max_items && (taken() == 0 || m.consumed - batch_start < max_bytes)) {
            const auto part = m.next_part();
            if (part.kind == FeedPart::Kind::end) {
                m.finished = true;
                break;
            }
            m.read(part, out);
        }
        m.read_run(out);
    } catch (const ParseError& e) {
        m.finished = true;
        std::string error = e.what();
        // The items read before the error come first, and an error among them is
        // the one to report.
        try {
            m.read_run(out);
        } catch (const ParseError& earlier) {
            error = earlier.what();
        }
        if (out.empty()) throw ParseError(error);
        m.error = error;  // thrown by the next call, after the items of this batch
    }
    // A channel title read after some items still names them.
    if (!m.st.source.empty())
        for (auto& item : out.items)
            if (!item.article.source) item.article.source = m.st.source;
    if (m.finished && !m.error && m.items == 0) {
        if (out.empty()) throw ParseError("feed has no items");
        m.error = "feed has no items";
    }
    return out;
}

}  // namespace newsdesk
