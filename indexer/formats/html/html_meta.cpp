#include "indexer/formats/html/html_meta.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "common/text.h"
#include "indexer/formats/html/html_data.h"
#include "indexer/formats/html/html_dom.h"

namespace newsdesk::html {

namespace {

using json = nlohmann::json;

// <meta name|property|itemprop|http-equiv=K content=V>, keys lower-cased, first wins.
MetaMap collect_meta(xmlNode* root) {
    MetaMap meta;
    for (xmlNode* m : find_tags(root, "meta")) {
        const auto content = collapse_whitespace(attr(m, "content"));
        if (content.empty()) continue;
        for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
            const auto k = ascii_lower(trim(attr(m, key)));
            if (!k.empty()) meta.emplace(k, content);
        }
    }
    return meta;
}

std::string meta_value(const MetaMap& meta, std::string_view key) {
    auto it = meta.find(std::string(key));
    return it == meta.end() ? std::string() : it->second;
}

// Real-world JSON-LD is often broken: raw newlines inside strings, CDATA and
// comment wrappers, trailing semicolons. Repair those before giving up.
std::optional<json> parse_lenient(std::string text) {
    auto j = json::parse(text, nullptr, false);
    if (!j.is_discarded()) return j;
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    for (std::string_view junk : {"<![CDATA[", "]]>", "<!--", "-->", "//"}) {
        for (auto pos = text.find(junk); pos != std::string::npos; pos = text.find(junk))
            text.replace(pos, junk.size(), " ");
    }
    auto t = std::string(trim(text));
    while (!t.empty() && (t.back() == ';' || t.back() == ',')) t.pop_back();
    j = json::parse(t, nullptr, false);
    if (!j.is_discarded()) return j;
    return std::nullopt;
}

void flatten(const json& j, std::vector<json>& out, int depth = 0) {
    if (depth > 6) return;
    if (j.is_array()) {
        for (const auto& e : j) flatten(e, out, depth + 1);
    } else if (j.is_object()) {
        if (j.contains("@graph")) flatten(j["@graph"], out, depth + 1);
        out.push_back(j);
        if (j.contains("mainEntity")) flatten(j["mainEntity"], out, depth + 1);
    }
}

bool is_article_type(const json& obj) {
    if (!obj.contains("@type")) return false;
    const auto& t = obj["@type"];
    auto article_name = [](const json& v) {
        if (!v.is_string()) return false;
        const auto s = v.get<std::string>();
        return s.ends_with("Article") || s == "BlogPosting" || s == "Report" ||
               s == "LiveBlogPosting";
    };
    if (t.is_array()) return std::any_of(t.begin(), t.end(), article_name);
    return article_name(t);
}

// Yoast-style graphs name the author as {"@id": ...} and describe the person
// elsewhere in the graph: substitute those nodes for author and publisher.
json resolve_references(json article, const std::vector<json>& objects) {
    auto resolve = [&objects](json& ref) {
        if (!ref.is_object() || ref.contains("name") || !ref.contains("@id")) return;
        for (const auto& o : objects)
            if (o.contains("name") && o.value("@id", json()) == ref["@id"]) ref = o;
    };
    for (const char* key : {"author", "publisher"}) {
        if (!article.contains(key)) continue;
        auto& v = article[key];
        if (v.is_array()) {
            for (auto& e : v) resolve(e);
        } else {
            resolve(v);
        }
    }
    return article;
}

// The first article-typed JSON-LD object (references resolved), or null.
json json_ld_article(xmlNode* root) {
    for (xmlNode* s : find_tags(root, "script")) {
        if (ascii_lower(trim(attr(s, "type"))) != "application/ld+json") continue;
        xmlChar* raw = xmlNodeGetContent(s);
        if (!raw) continue;
        auto parsed = parse_lenient(reinterpret_cast<const char*>(raw));
        xmlFree(raw);
        if (!parsed) continue;
        std::vector<json> objects;
        flatten(*parsed, objects);
        for (const auto& o : objects)
            if (is_article_type(o)) return resolve_references(o, objects);
    }
    return nullptr;
}

std::string json_string(const json& obj, const char* key) {
    if (!obj.is_object() || !obj.contains(key)) return {};
    const auto& v = obj[key];
    if (v.is_string()) return collapse_whitespace(v.get<std::string>());
    if (v.is_object() && v.contains("name") && v["name"].is_string())
        return collapse_whitespace(v["name"].get<std::string>());
    if (v.is_array() && !v.empty()) {
        if (v[0].is_string()) return collapse_whitespace(v[0].get<std::string>());
        if (v[0].is_object() && v[0].contains("name") && v[0]["name"].is_string())
            return collapse_whitespace(v[0]["name"].get<std::string>());
    }
    return {};
}

std::vector<std::string> json_authors(const json& article) {
    std::vector<std::string> raw;
    if (!article.is_object() || !article.contains("author")) return raw;
    const auto& a = article["author"];
    auto add = [&raw](const json& v) {
        if (v.is_string())
            raw.push_back(v.get<std::string>());
        else if (v.is_object() && v.contains("name") && v["name"].is_string())
            raw.push_back(v["name"].get<std::string>());
    };
    if (a.is_array()) {
        for (const auto& e : a) add(e);
    } else {
        add(a);
    }
    return raw;
}

// "https://www.theverge.com/x" -> "theverge"
std::string domain_label(std::string_view url) {
    auto start = url.find("://");
    std::string_view host = start == std::string_view::npos ? url : url.substr(start + 3);
    host = host.substr(0, host.find('/'));
    if (host.starts_with("www.")) host.remove_prefix(4);
    return ascii_lower(host.substr(0, host.find('.')));
}

std::string first_h1(xmlNode* root) {
    for (xmlNode* h : find_tags(root, "h1")) {
        auto t = text_of(h);
        if (!t.empty()) return t;
    }
    return {};
}

std::string pick_headline(xmlNode* root, const MetaMap& meta, const json& ld,
                          const std::vector<std::string>& sites) {
    std::string title = json_string(ld, "headline");
    for (const char* key : {"og:title", "twitter:title", "dc.title", "parsely-title"}) {
        if (!title.empty()) break;
        title = meta_value(meta, key);
    }
    if (title.empty()) {
        auto titles = find_tags(root, "title");
        if (!titles.empty()) title = text_of(titles.front());
    }
    if (title.empty()) title = first_h1(root);
    return strip_site_name(title, sites);
}

}  // namespace

PageMeta read_page_meta(xmlDoc* doc) {
    PageMeta out;
    xmlNode* root = root_element(doc);
    const auto meta = collect_meta(root);
    const json ld = json_ld_article(root);

    std::string canonical;
    for (xmlNode* l : find_tags(root, "link"))
        if (ascii_lower(attr(l, "rel")) == "canonical" && canonical.empty())
            canonical = trim(attr(l, "href"));
    for (auto candidate : {canonical, meta_value(meta, "og:url"), json_string(ld, "url")}) {
        if (candidate.starts_with("http")) {
            out.url = candidate;
            break;
        }
    }
    for (auto candidate : {meta_value(meta, "og:site_name"),
                           ld.is_object() ? json_string(ld, "publisher") : std::string(),
                           meta_value(meta, "application-name")}) {
        if (!candidate.empty()) {
            out.source = candidate;
            break;
        }
    }
    std::vector<std::string> sites;
    for (auto s : {meta_value(meta, "og:site_name"), meta_value(meta, "application-name"),
                   json_string(ld, "publisher")})
        if (!s.empty()) sites.push_back(s);
    if (out.url) sites.push_back(domain_label(*out.url));
    out.headline = pick_headline(root, meta, ld, sites);

    out.declared_language = trim(attr(root, "lang"));
    if (out.declared_language.empty()) out.declared_language = trim(attr(root, "xml:lang"));
    for (const char* key : {"og:locale", "content-language", "language", "dc.language"}) {
        if (!out.declared_language.empty()) break;
        out.declared_language = meta_value(meta, key);
    }
    if (out.declared_language.empty()) out.declared_language = json_string(ld, "inLanguage");
    std::replace(out.declared_language.begin(), out.declared_language.end(), '_', '-');

    out.date = find_page_date(root, meta, json_string(ld, "datePublished"));
    out.byline = find_byline(root, meta, json_authors(ld));
    // Pages that name no author often put the outlet in <meta name=author>.
    if (out.source) {
        const auto outlet = squash(*out.source);
        std::erase_if(out.byline, [&outlet](const std::string& name) {
            const auto n = squash(name);
            return !n.empty() && outlet.find(n) != std::string::npos;
        });
    }
    // Raw, not collapsed: its newlines are the paragraph breaks.
    if (ld.is_object() && ld.contains("articleBody") && ld["articleBody"].is_string())
        out.ld_body = ld["articleBody"].get<std::string>();
    return out;
}

}  // namespace newsdesk::html
