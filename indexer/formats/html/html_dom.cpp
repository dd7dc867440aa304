#include "indexer/formats/html/html_dom.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "common/error.h"
#include "common/text.h"
#include "indexer/formats/xml_nodes.h"
#include "indexer/input/encoding.h"

namespace newsdesk::html {

namespace {

bool looks_binary(std::string_view bytes) {
    const auto sample = bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096));
    std::size_t controls = 0;
    for (unsigned char c : sample)
        if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) ++controls;
    return controls * 20 > sample.size();
}

void collect_text(const xmlNode* node, std::string& out) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out += reinterpret_cast<const char*>(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            const auto t = tag(c);
            if (is_invisible(t)) continue;
            const bool block = is_block(t) || t == "br";
            if (block) out += ' ';
            collect_text(c, out);
            if (block) out += ' ';
        }
    }
}

bool iequal_at(std::string_view s, std::size_t pos, std::string_view lower_word) {
    if (pos > s.size() || s.size() - pos < lower_word.size()) return false;
    for (std::size_t i = 0; i < lower_word.size(); ++i) {
        char c = s[pos + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != lower_word[i]) return false;
    }
    return true;
}

std::size_t ifind(std::string_view s, std::string_view lower_word, std::size_t from) {
    for (std::size_t pos = s.find('<', from); pos != std::string_view::npos;
         pos = s.find('<', pos + 1))
        if (iequal_at(s, pos, lower_word)) return pos;
    return std::string_view::npos;
}

// Counts the bytes collapse_whitespace would keep of the text collect_text
// gathers, without building either string.
struct CollapsedLength {
    std::size_t length = 0;
    bool pending_space = false;

    void space() { pending_space = length > 0; }
    void feed(std::string_view text) {
        for (std::size_t pos = 0; pos < text.size();) {
            if (const auto b = static_cast<unsigned char>(text[pos]); b < 0x80) {
                ++pos;
                if (b == ' ' || (b >= '\t' && b <= '\r')) {
                    space();
                    continue;
                }
                length += pending_space ? 2 : 1;
                pending_space = false;
                continue;
            }
            const auto start = pos;
            const char32_t cp = next_code_point(text, pos);
            if (is_collapsible_space(cp)) {
                space();
                continue;
            }
            if (pending_space) ++length;
            pending_space = false;
            length += cp == 0xFFFD && pos - start == 1 ? 3 : pos - start;
        }
    }
    void walk(const xmlNode* node) {
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                if (c->content) feed(reinterpret_cast<const char*>(c->content));
            } else if (c->type == XML_ELEMENT_NODE) {
                const auto t = tag(c);
                if (is_invisible(t)) continue;
                const bool block = is_block(t) || t == "br";
                if (block) space();
                walk(c);
                if (block) space();
            }
        }
    }
};

struct ParagraphCollector {
    const NodePredicate& skip;
    std::vector<std::string> out;
    std::string current;

    void flush() {
        auto p = collapse_whitespace(current);
        if (!p.empty()) out.push_back(std::move(p));
        current.clear();
    }
    void walk(const xmlNode* node) {
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                if (c->content) current += reinterpret_cast<const char*>(c->content);
                continue;
            }
            if (c->type != XML_ELEMENT_NODE) continue;
            const auto t = tag(c);
            if (t == "br") {
                flush();
                continue;
            }
            if (is_invisible(t)) continue;
            const bool block = is_block(t);
            if (skip && skip(c)) {
                if (block)
                    flush();
                else
                    current += ' ';
                continue;
            }
            if (block) flush();
            walk(c);
            if (block) flush();
        }
    }
};

}  // namespace

// The bodies of <script> and <style> elements, never read except JSON-LD,
// cost libxml2 a character-by-character copy: a tenth of all the work of
// indexing a page. They are emptied before parsing, delimited as libxml2's
// recover mode delimits them (from the open tag's '>' to the first "</script"
// or "</style", in any case). The scan follows comments, tags and quoted
// attribute values; at anything it is unsure of it stops and the rest of the
// page stays as it was. Scripts whose open tag mentions "json" keep their body.
std::string strip_raw_text(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t copied = 0;
    std::size_t pos = 0;
    const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (true) {
        const auto lt = html.find('<', pos);
        if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
        const char next = html[lt + 1];
        if (html.substr(lt).starts_with("<!--")) {
            const auto end = html.find("-->", lt + 4);
            if (end == std::string_view::npos ||
                html.substr(lt + 4, end - lt - 4).find("--!>") != std::string_view::npos)
                break;
            pos = end + 3;
            continue;
        }
        if (next == '!') {  // <!DOCTYPE ... "quoted ids" ...>
            if (!iequal_at(html, lt + 2, "doctype")) break;
            std::size_t p = lt + 2;
            while (p < html.size() && html[p] != '>' && html[p] != '<') {
                if (html[p] == '"' || html[p] == '\'') {
                    p = html.find(html[p], p + 1);
                    if (p == std::string_view::npos) break;
                }
                ++p;
            }
            if (p >= html.size() || html[p] != '>') break;
            pos = p + 1;
            continue;
        }
        if (next == '?' || next == '/') {  // processing instruction, end tag
            if (next == '/' && !(lt + 2 < html.size() &&
                                 std::isalpha(static_cast<unsigned char>(html[lt + 2]))))
                break;
            const auto gt = html.find('>', lt);
            if (gt == std::string_view::npos) break;
            const auto inner = html.substr(lt, gt - lt);
            if (inner.find('"') != std::string_view::npos ||
                inner.find('\'') != std::string_view::npos ||
                inner.find('<', 1) != std::string_view::npos)
                break;
            pos = gt + 1;
            continue;
        }
        const bool letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
        if (!letter && next != '_' && next != ':') {
            pos = lt + 1;  // a '<' in text
            continue;
        }
        // A start tag: its name, then attributes up to '>' outside quoted values.
        std::size_t p = lt + 1;
        while (p < html.size() && (std::isalnum(static_cast<unsigned char>(html[p])) ||
                                   html[p] == ':' || html[p] == '_' || html[p] == '-' ||
                                   html[p] == '.'))
            ++p;
        const std::string name = ascii_lower(html.substr(lt + 1, p - lt - 1));
        bool ok = true;
        bool self_closed = false;
        while (true) {
            if (p >= html.size() || html[p] == '<') {
                ok = false;
                break;
            }
            if (html[p] == '>') break;
            if (html[p] == '/' && p + 1 < html.size() && html[p + 1] == '>') {
                self_closed = true;
                ++p;
                break;
            }
            if (html[p] == '=') {
                ++p;
                while (p < html.size() && is_blank(html[p])) ++p;
                if (p < html.size() && (html[p] == '"' || html[p] == '\'')) {
                    const auto close = html.find(html[p], p + 1);
                    if (close == std::string_view::npos) {
                        ok = false;
                        break;
                    }
                    p = close + 1;
                } else {  // unquoted: up to a blank or '>' ("src=a.js/>" is not "/>")
                    while (p < html.size() && !is_blank(html[p]) && html[p] != '>') ++p;
                }
                continue;
            }
            ++p;
        }
        if (!ok) break;
        const auto gt = p;  // the tag's '>'
        pos = gt + 1;
        if (self_closed || (name != "script" && name != "style")) continue;
        const auto end = ifind(html, name == "script" ? "</script" : "</style", gt + 1);
        if (end == std::string_view::npos) break;
        const auto body = html.substr(gt + 1, end - gt - 1);
        const bool keep = name == "script" &&
                          ascii_lower(html.substr(lt, gt - lt)).find("json") != std::string::npos;
        if (!keep && body.find('\0') == std::string_view::npos) {
            out.append(html.substr(copied, gt + 1 - copied));
            copied = end;
        }
        pos = end;
    }
    out.append(html.substr(copied));
    return out;
}

namespace {

// Elements nested deeper than this are not entered, as browsers do past their own
// limit (Blink's is 512): such an element becomes an empty child of the deepest
// one allowed, and its content goes into that one. The text of a page nested a
// hundred thousand levels deep (unclosed <div>s and <font>s) stays readable, the
// tree stays shallow enough for the recursive walks here (and the scorer's
// per-ancestor text counts cheap), and libxml2 never hits its own limit (256),
// where it stops parsing and drops the rest of the page. No page of the 1,600 in
// the development corpus is nested deeper than 51.
constexpr int kMaxDepth = 128;

// The parser's own stack of open element names is not limited, and every end
// tag it cannot match is looked for all the way down it: a hundred thousand
// unclosed <div>s followed by as many stray </span>s took 34 s. So the parser
// forgets elements opened past the limit once there are this many of them; their
// end tags become stray ones, looked for in a stack never deeper than
// kMaxDepth + kMaxForgotten.
constexpr int kMaxForgotten = 64;

struct DepthLimit {
    int overflow = 0;  // elements opened past kMaxDepth that the parser still has open
};

void start_element(void* ctx, const xmlChar* name, const xmlChar** atts) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
    auto* limit = static_cast<DepthLimit*>(ctxt->_private);
    xmlSAX2StartElement(ctx, name, atts);
    if (ctxt->nodeNr <= kMaxDepth) return;
    nodePop(ctxt);  // attached to its parent, but not entered
    ++limit->overflow;
    // Elements opened past the limit are the innermost ones: the top `overflow`
    // names of the parser's stack (every name pushed has its startElement call, and
    // every one popped its endElement). All but the top one, which the parser
    // still reads as the element just opened, are dropped from it.
    if (limit->overflow > kMaxForgotten && ctxt->nameNr >= limit->overflow) {
        const int first = ctxt->nameNr - limit->overflow;
        ctxt->nameTab[first] = ctxt->nameTab[ctxt->nameNr - 1];
        ctxt->nameNr = first + 1;
        ctxt->name = ctxt->nameTab[first];
        limit->overflow = 1;
    }
}

void end_element(void* ctx, const xmlChar* name) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
    auto* limit = static_cast<DepthLimit*>(ctxt->_private);
    // The parser closes elements innermost first, so while any opened past the
    // limit is open, the element closing is one of them.
    if (limit->overflow > 0)
        --limit->overflow;
    else
        xmlSAX2EndElement(ctx, name);
}

// A doctype's internal subset ("<!DOCTYPE html [ <!ENTITY ...> ]>", XHTML saved
// from an XML tool) is not HTML: libxml2's HTML parser ends the doctype at the
// first '>' and reads the declarations after it as page text.
void drop_internal_subset(std::string& html) {
    std::size_t pos = 0;
    while (true) {
        pos = html.find_first_not_of(" \t\r\n", pos);
        if (pos == std::string::npos) return;
        if (html.compare(pos, 4, "<!--") == 0) {
            pos = html.find("-->", pos);
            if (pos == std::string::npos) return;
            pos += 3;
        } else if (html.compare(pos, 2, "<?") == 0) {
            pos = html.find("?>", pos);
            if (pos == std::string::npos) return;
            pos += 2;
        } else {
            break;
        }
    }
    if (!iequal_at(html, pos, "<!doctype")) return;
    const auto open = html.find_first_of("[>", pos);
    if (open == std::string::npos || html[open] != '[') return;
    for (auto close = html.find(']', open); close != std::string::npos;
         close = html.find(']', close + 1)) {
        const auto gt = html.find_first_not_of(" \t\r\n", close + 1);
        if (gt != std::string::npos && html[gt] == '>') {
            html.erase(open, close + 1 - open);
            return;
        }
    }
}

}  // namespace

DocPtr parse_document(std::string_view bytes) {
    if (trim(bytes).empty()) throw ParseError("empty file");
    if (looks_binary(bytes) && !sniff_utf16(bytes)) throw ParseError("binary data, not HTML");
    auto utf8 = strip_raw_text(decode_markup(bytes));
    drop_internal_subset(utf8);
    // The bytes are UTF-8 now; HTML_PARSE_IGNORE_ENC stops libxml2 from switching
    // to a <meta charset> that described the original bytes.
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC |
                        HTML_PARSE_COMPACT;
    std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> ctxt(htmlNewParserCtxt(),
                                                                        htmlFreeParserCtxt);
    if (!ctxt || !ctxt->sax) throw ParseError("cannot create HTML parser");
    xml::silence_generic_errors();
    DepthLimit limit;
    ctxt->_private = &limit;
    ctxt->sax->startElement = start_element;
    ctxt->sax->endElement = end_element;
    DocPtr doc(htmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()), nullptr,
                                  "UTF-8", options));
    if (!doc || !xmlDocGetRootElement(doc.get())) throw ParseError("not HTML");
    return doc;
}

std::string_view tag(const xmlNode* node) {
    if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
    return reinterpret_cast<const char*>(node->name);
}

namespace {

// The attribute node `name` of an element, as xmlHasProp finds it for HTML
// (no DTD defaults), without allocating.
const xmlAttr* find_attr(const xmlNode* node, const char* name) {
    if (!node || node->type != XML_ELEMENT_NODE) return nullptr;
    for (const xmlAttr* a = node->properties; a; a = a->next)
        if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) return a;
    return nullptr;
}

// Appends the value of `a` to `out`, as xmlGetProp would return it.
void append_attr_value(const xmlAttr* a, std::string& out) {
    const xmlNode* c = a->children;
    if (!c) return;
    if (!c->next && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)) {
        if (c->content) out += reinterpret_cast<const char*>(c->content);
        return;
    }
    xmlChar* v = xmlNodeListGetString(a->doc, c, 1);
    if (!v) return;
    out += reinterpret_cast<const char*>(v);
    xmlFree(v);
}

}  // namespace

std::string attr(const xmlNode* node, const char* name) {
    std::string out;
    if (const xmlAttr* a = find_attr(node, name)) append_attr_value(a, out);
    return out;
}

bool has_attr(const xmlNode* node, const char* name) {
    return find_attr(node, name) != nullptr;
}

std::string class_and_id(const xmlNode* node) {
    std::string out;
    if (const xmlAttr* a = find_attr(node, "class")) append_attr_value(a, out);
    out += ' ';
    if (const xmlAttr* a = find_attr(node, "id")) append_attr_value(a, out);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    return out;
}

bool is_block(std::string_view t) {
    static const std::array<std::string_view, 45> blocks = {
        "address", "article", "aside", "blockquote", "body",    "center",   "dd",         "details",
        "dialog",  "dir",     "div",   "dl",         "dt",      "fieldset", "figcaption", "figure",
        "footer",  "form",    "h1",    "h2",         "h3",      "h4",       "h5",         "h6",
        "header",  "hgroup",  "hr",    "html",       "li",      "main",     "menu",       "nav",
        "ol",      "p",       "pre",   "section",    "summary", "table",    "tbody",      "thead",
        "tfoot",   "td",      "th",    "tr",         "ul"};
    return std::find(blocks.begin(), blocks.end(), t) != blocks.end();
}

bool is_invisible(std::string_view t) {
    static const std::array<std::string_view, 20> hidden = {
        "script",   "style", "noscript", "template", "svg",    "math",   "iframe",
        "object",   "embed", "canvas",   "head",     "select", "option", "button",
        "textarea", "input", "audio",    "video",    "map",    "link"};
    return std::find(hidden.begin(), hidden.end(), t) != hidden.end();
}

std::string text_of(const xmlNode* node) {
    if (!node) return {};
    std::string raw;
    collect_text(node, raw);
    return collapse_whitespace(raw);
}

std::size_t text_length(const xmlNode* node) {
    if (!node) return 0;
    CollapsedLength counter;
    counter.walk(node);
    return counter.length;
}

std::size_t link_text_length(const xmlNode* node) {
    std::size_t n = 0;
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        n += tag(c) == "a" ? text_length(c) : link_text_length(c);
    }
    return n;
}

std::vector<std::string> paragraphs_of(const xmlNode* node, const NodePredicate& skip) {
    ParagraphCollector collector{skip, {}, {}};
    if (node) collector.walk(node);
    collector.flush();
    return std::move(collector.out);
}

std::vector<xmlNode*> find_tags(xmlNode* root, std::string_view name) {
    return find_all(root, [name](const xmlNode* n) { return tag(n) == name; });
}

void remove_node(xmlNode* node) {
    xmlUnlinkNode(node);
    xmlFreeNode(node);
}

xmlNode* root_element(xmlDoc* doc) {
    return xmlDocGetRootElement(doc);
}

}  // namespace newsdesk::html
