// NITF and IPTC NewsML-G2. Elements are matched by local name so NITF works
// with or without its namespace and inside a NewsML-G2 inlineXML.
//
// Safety: xmlReadMemory with XML_PARSE_NONET and without XML_PARSE_NOENT or
// XML_PARSE_DTDLOAD, so no external entity, DTD or network access ever happens.
// The bytes are decoded to UTF-8 first (indexer/input/encoding.h), so a declaration
// that does not match them (UTF-8 over Latin-1, Latin-1 over UTF-8) does no harm.
//
// What becomes an Article:
//  * every newsItem with text (NITF body.content, or <p>s in any inlineXML /
//    inlineData), so a newsMessage with several stories yields several articles
//    with paths "FILE#N";
//  * a picture/video/graphic newsItem with a headline and a description (its
//    caption): a searchable article whose body is the caption, which is also
//    kept as a Caption with the creditline;
//  * a bare NITF document, or a fragment (contentSet / contentMeta) with text.
// Not articles: packageItem itemRefs (teasers of items delivered separately),
// concept / knowledge / planning / catalog items, and newsItems with neither
// text nor headline+description: ParseError("no article text") when nothing
// in the file qualifies.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdint>
#include <memory>

#include "common/error.h"
#include "common/lang/dates.h"
#include "common/text.h"
#include "indexer/formats/parsers.h"
#include "indexer/formats/xml_nodes.h"
#include "indexer/input/encoding.h"

namespace newsdesk {

namespace {

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

using xml::attr;
using xml::child;
using xml::is;
using xml::text_of;

const xmlNode* descendant(const xmlNode* n, std::string_view name) {
    for (auto* c = n ? n->children : nullptr; c; c = c->next) {
        if (is(c, name)) return c;
        if (auto* found = descendant(c, name)) return found;
    }
    return nullptr;
}

void descendants(const xmlNode* n, std::string_view name, std::vector<const xmlNode*>& out) {
    for (auto* c = n ? n->children : nullptr; c; c = c->next) {
        if (is(c, name))
            out.push_back(c);
        else
            descendants(c, name, out);
    }
}



// Text of `n` without the descendants named `skip` (NITF byline minus <byttl>).
std::string text_without(const xmlNode* n, std::string_view skip) {
    std::string out;
    for (auto* c = n ? n->children : nullptr; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            out += reinterpret_cast<const char*>(c->content);
        else if (c->type == XML_ELEMENT_NODE && !is(c, skip))
            out += " " + text_without(c, skip) + " ";
    }
    return collapse_whitespace(out);
}

void set_date(Article& a, const std::string& text) {
    if (a.date || text.empty()) return;
    if (auto d = parse_date(text)) {
        a.date = d->date;
        a.datetime = d->datetime;
    }
}

// "By Meredith Jameson," -> "Meredith Jameson".
std::string clean_byline(std::string s) {
    if (istarts_with_ascii(s, "by ")) s.erase(0, 3);
    while (!s.empty() && (s.back() == ',' || s.back() == ' ' || s.back() == ';')) s.pop_back();
    return collapse_whitespace(s);
}

// Paragraphs of NITF body.content (or any container): p, hl2, li, pre in
// document order; <media> blocks give captions instead.
void read_blocks(const xmlNode* n, std::vector<std::string>& paragraphs, Article& a) {
    for (auto* c = n ? n->children : nullptr; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is(c, "p") || is(c, "hl2") || is(c, "li") || is(c, "pre")) {
            paragraphs.push_back(text_of(c));
        } else if (is(c, "media")) {
            auto caption = text_of(descendant(c, "media-caption"));
            auto credit = text_of(descendant(c, "media-producer"));
            if (!caption.empty())
                a.captions.push_back(
                    Caption{caption, credit.empty() ? std::nullopt : std::optional(credit)});
        } else if (!is(c, "table") && !is(c, "hedline") && !is(c, "abstract")) {
            read_blocks(c, paragraphs, a);
        }
    }
}

// NITF: headline, byline, dateline, dates and body, filling only what the
// NewsML-G2 wrapper (read first) left empty.
void read_nitf(const xmlNode* nitf, Article& a) {
    if (a.headline.empty()) a.headline = text_of(descendant(nitf, "hl1"));
    if (auto* byline = descendant(nitf, "byline"); byline && a.byline.empty()) {
        auto person = clean_byline(text_without(byline, "byttl"));
        if (person.empty()) person = text_of(descendant(byline, "byttl"));
        if (!person.empty()) a.byline.push_back(person);
    }
    set_date(a, attr(descendant(nitf, "date.issue"), "norm"));
    set_date(a, attr(descendant(nitf, "pubdata"), "date.publication"));
    if (auto* dateline = descendant(nitf, "dateline")) {
        set_date(a, attr(descendant(dateline, "story.date"), "norm"));
        set_date(a, text_of(dateline));
    }
    std::vector<std::string> paragraphs;
    read_blocks(descendant(nitf, "body.content"), paragraphs, a);
    a.body = join_paragraphs(paragraphs);
}

// NewsML-G2 item metadata: itemMeta and contentMeta.
void read_g2_meta(const xmlNode* item, Article& a) {
    const auto* meta = is(item, "contentMeta") ? item : child(item, "contentMeta");
    const auto* item_meta = child(item, "itemMeta");
    a.headline = text_of(child(meta, "headline"));
    for (auto name : {"contentCreated", "firstCreated"}) set_date(a, text_of(child(meta, name)));
    for (auto name : {"firstCreated", "versionCreated"})
        set_date(a, text_of(child(item_meta, name)));
    set_date(a, text_of(child(meta, "dateline")));
    for (auto* c = meta ? meta->children : nullptr; c; c = c->next)
        if (is(c, "creator") && !text_of(child(c, "name")).empty())
            a.byline.push_back(text_of(child(c, "name")));
    if (auto src = text_of(child(child(meta, "infoSource"), "name")); !src.empty()) a.source = src;
    a.declared_language = attr(child(meta, "language"), "tag");
    if (a.declared_language.empty()) a.declared_language = attr(item, "lang");
}

// Body text of a G2 contentSet: NITF first, then <p>s of any inline XML
// (XHTML), then plain-text inlineData.
void read_g2_content(const xmlNode* item, Article& a) {
    const auto* set = is(item, "contentSet") ? item : descendant(item, "contentSet");
    if (!set) return;
    if (auto* nitf = descendant(set, "nitf")) {
        // The NITF byline repeats the creator more precisely ("By X, Staff Reporter").
        std::vector<std::string> creators;
        creators.swap(a.byline);
        read_nitf(nitf, a);
        if (a.byline.empty()) a.byline = creators;
        return;
    }
    std::vector<const xmlNode*> ps;
    descendants(set, "p", ps);
    std::vector<std::string> paragraphs;
    for (auto* p : ps) paragraphs.push_back(text_of(p));
    if (paragraphs.empty()) {
        for (auto* c = set->children; c; c = c->next)
            if (is(c, "inlineData")) {
                xmlChar* raw = xmlNodeGetContent(c);
                if (raw) paragraphs = split_paragraphs(reinterpret_cast<const char*>(raw));
                xmlFree(raw);
            }
    }
    a.body = join_paragraphs(paragraphs);
}

// An item without body text but with a headline and a description (a photo's
// caption, a video's synopsis, a text item's abstract): the description is the
// searchable text. For visual items it is also kept as a Caption with the creditline.
void use_description(const xmlNode* item, Article& a) {
    const auto* meta = child(item, "contentMeta");
    const auto* desc = child(meta, "description");
    const auto description = text_of(desc);
    if (!a.body.empty() || a.headline.empty() || description.empty()) return;
    a.body = description;
    const auto item_class = attr(child(child(item, "itemMeta"), "itemClass"), "qcode");
    const bool visual = item_class.ends_with("picture") || item_class.ends_with("graphic") ||
                        item_class.ends_with("video") || attr(desc, "role").ends_with("caption");
    if (!visual) return;
    const auto credit = text_of(child(meta, "creditline"));
    a.captions.push_back(
        Caption{description, credit.empty() ? std::nullopt : std::optional(credit)});
}

std::optional<Article> read_item(const xmlNode* item) {
    Article a;
    if (is(item, "nitf")) {
        read_nitf(item, a);
    } else {
        read_g2_meta(item, a);
        read_g2_content(item, a);
        use_description(item, a);
    }
    if (a.body.empty()) return std::nullopt;
    return a;
}

// `utf8` is the document decoded by decode_markup: XML_PARSE_IGNORE_ENC keeps
// libxml2 from re-reading it in the charset its declaration names.
DocPtr read_xml(const std::string& utf8) {
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(),
                                                                      xmlFreeParserCtxt);
    if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) throw ParseError("XML too large");
    if (!ctxt) throw ParseError("cannot create XML parser");
    xml::silence_generic_errors();
    DocPtr doc(
        xmlCtxtReadMemory(
            ctxt.get(), utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC),
        xmlFreeDoc);
    if (!doc || !ctxt->wellFormed) {
        const auto* err = xmlCtxtGetLastError(ctxt.get());
        throw ParseError("malformed XML: " + xml::describe_error(err ? err->message : nullptr));
    }
    return doc;
}

}  // namespace

std::vector<Article> parse_news_xml(std::string_view bytes, const std::string& path) {
    const auto doc = read_xml(decode_markup(bytes));
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root) throw ParseError("no XML root element");
    xml::EntityBudget().charge(root, bytes.size());

    std::vector<const xmlNode*> items;
    if (is(root, "newsItem"))
        items.push_back(root);
    else
        descendants(root, "newsItem", items);
    if (items.empty() && !is(root, "packageItem")) {
        if (is(root, "nitf"))
            items.push_back(root);
        else
            descendants(root, "nitf", items);
        // A fragment (contentSet, contentMeta) is read as one item.
        if (items.empty() && (is(root, "contentSet") || is(root, "contentMeta")))
            items.push_back(root);
    }

    std::vector<Article> out;
    for (const auto* item : items)
        if (auto a = read_item(item)) out.push_back(std::move(*a));
    if (out.empty())
        throw ParseError(
            "no article text in " + std::string(reinterpret_cast<const char*>(root->name)) +
            (items.empty() ? "" : " (" + std::to_string(items.size()) + " item(s) without text)"));
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].path = out.size() == 1 ? path : path + "#" + std::to_string(i + 1);
    }
    return out;
}

}  // namespace newsdesk
