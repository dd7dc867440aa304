#include "tests/support/cgi_support.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <stdexcept>

#include "tests/support/e2e_support.h"
#include "tests/support/process.h"

namespace newsdesk::test {

std::string CgiRun::header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
}

CgiRun run_cgi(const std::vector<std::string>& env, const std::string& body,
               const CgiLimits& limits) {
    TempDir capture;
    const auto in_path = capture / "in", out_path = capture / "out", err_path = capture / "err";
    write_file(in_path, body);
    std::vector<std::string> environment = env;
    environment.push_back(std::string("NEWSDESK_DATA=") + NEWSDESK_SOURCE_DIR + "/data");
    environment.push_back(std::string("NEWSDESK_WEB=") + NEWSDESK_SOURCE_DIR + "/web");
    Launch launch{.env = environment, .only_env = true, .in = in_path, .out = out_path, .err = err_path};
#ifndef NEWSDESK_SANITIZED
    if (limits.address_space)
        launch.limits.push_back({RLIMIT_AS, limits.address_space, limits.address_space});
#endif
    // SIGXCPU at the soft limit kills the process; the hard limit a second later, SIGKILL.
    if (limits.cpu_seconds) launch.limits.push_back({RLIMIT_CPU, limits.cpu_seconds, limits.cpu_seconds + 1});
    Process process({kCgi}, launch);
    const int exit_code = process.wait();
    CgiRun r;
    r.exit_code = exit_code;
    r.err = read_file(err_path);
    const std::string out = read_file(out_path);
    const auto end = out.find("\r\n\r\n");
    if (end == std::string::npos) return r;
    r.body = out.substr(end + 4);
    std::size_t pos = 0;
    while (pos < end) {
        auto eol = out.find("\r\n", pos);
        if (eol == std::string::npos || eol > end) eol = end;
        const std::string line = out.substr(pos, eol - pos);
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const auto value = line.substr(line.find_first_not_of(' ', colon + 1));
            if (name == "status") {
                r.status_line = line;
                r.status = std::stoi(value);
            }
            r.headers.emplace(name, value);
        }
        pos = eol + 2;
    }
    return r;
}

CgiRun get(const std::string& db, const std::string& query_string) {
    return run_cgi({"REQUEST_METHOD=GET", "QUERY_STRING=" + query_string, "NEWSDESK_DB=" + db});
}

std::string encode(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

namespace {

std::string text_of(xmlNode* node) {
    xmlChar* content = xmlNodeGetContent(node);
    std::string text = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return text;
}

void collect(xmlNode* node, std::vector<std::string>& classes, std::vector<Element>& out) {
    for (; node; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        Element e;
        e.name = reinterpret_cast<const char*>(node->name);
        for (xmlAttr* a = node->properties; a; a = a->next) {
            xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
            e.attributes[reinterpret_cast<const char*>(a->name)] = value ? reinterpret_cast<const char*>(value) : "";
            xmlFree(value);
        }
        e.text = text_of(node);
        e.classes_of_ancestors = classes;
        out.push_back(e);
        const auto cls = e.attributes.find("class");
        classes.push_back(cls == e.attributes.end() ? std::string() : cls->second);
        collect(node->children, classes, out);
        classes.pop_back();
    }
}

}  // namespace

std::vector<Element> parse_html(const std::string& html) {
    htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "utf-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    std::vector<Element> out;
    if (!doc) return out;
    std::vector<std::string> classes;
    collect(xmlDocGetRootElement(doc), classes, out);
    xmlFreeDoc(doc);
    return out;
}

std::vector<Element> elements(const std::string& html, const std::string& name) {
    std::vector<Element> out;
    for (auto& e : parse_html(html))
        if (e.name == name) out.push_back(std::move(e));
    return out;
}

bool has_class(const Element& e, const std::string& cls) {
    const auto it = e.attributes.find("class");
    return it != e.attributes.end() && (" " + it->second + " ").find(" " + cls + " ") != std::string::npos;
}

bool inside(const Element& e, const std::string& cls) {
    return std::any_of(e.classes_of_ancestors.begin(), e.classes_of_ancestors.end(),
                       [&](const std::string& c) { return (" " + c + " ").find(" " + cls + " ") != std::string::npos; });
}

std::vector<Element> hits(const std::string& html) {
    std::vector<Element> out;
    for (auto& e : elements(html, "li"))
        if (has_class(e, "hit")) out.push_back(std::move(e));
    return out;
}

void expect_page_headers(const CgiRun& r, const std::string& type) {
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.header("content-type"), type);
    const std::string csp = r.header("content-security-policy");
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("style-src 'self'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe"), std::string::npos) << csp;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r.header("content-length"), std::to_string(r.body.size()));
}

void expect_inert(const std::string& html, const std::string& context) {
    for (const auto& e : parse_html(html)) {
        for (const char* banned : {"script", "iframe", "object", "embed", "img", "base", "meta-refresh"})
            EXPECT_NE(e.name, banned) << context;
        for (const auto& [name, value] : e.attributes) {
            EXPECT_NE(name.substr(0, 2), "on") << context << ": <" << e.name << " " << name << "=" << value << ">";
            if (name == "href" || name == "src" || name == "action" || name == "formaction") {
                std::string v;
                for (const char c : value)
                    if (!std::isspace(static_cast<unsigned char>(c))) v += static_cast<char>(std::tolower(c));
                EXPECT_NE(v.substr(0, 11), "javascript:") << context << ": " << value;
                EXPECT_NE(v.substr(0, 5), "data:") << context << ": " << value;
            }
        }
    }
    for (const char* raw : {"<script", "<svg onload", "<img"}) EXPECT_EQ(html.find(raw), std::string::npos) << context;
}

}  // namespace newsdesk::test
