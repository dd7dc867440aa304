// The search page faces the public: hostile requests to the real newsdesk.cgi,
// each run with a CGI environment within kHostileLimits (address space and CPU
// seconds), so a request that would take the machine's memory or minutes of
// CPU fails its test instead of passing slowly. Every answer must be a whole
// response (the process exits 0, not killed by a limit), with the status the
// row documents, only the page's own headers, and a body that is safe for its
// type: HTML inert, JSON that parses, Atom that is well-formed XML.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>

#include "searcher/cgi/cgi_request.h"
#include "searcher/query_builder.h"
#include "tests/support/cgi_support.h"
#include "tests/support/e2e_support.h"

namespace newsdesk::test {
namespace {

class CgiHostile : public CorpusTest {
  protected:
    static CgiRun hostile_get(const std::string& query_string) {
        return run_cgi({"REQUEST_METHOD=GET", "QUERY_STRING=" + query_string, "NEWSDESK_DB=" + db},
                       "", kHostileLimits);
    }
    static CgiRun hostile_post(const std::string& content_length, const std::string& body,
                               const std::string& query_string = "") {
        std::vector<std::string> env{"REQUEST_METHOD=POST",
                                     "CONTENT_TYPE=application/x-www-form-urlencoded",
                                     "QUERY_STRING=" + query_string, "NEWSDESK_DB=" + db};
        if (!content_length.empty()) env.push_back("CONTENT_LENGTH=" + content_length);
        return run_cgi(env, body, kHostileLimits);
    }
};

// A query as a person types it into the address bar: spaces as '+', brackets,
// '*' and '-' as they are, only what would end the value encoded. Keeps the
// longest queries within the form's 8,192 bytes.
std::string typed(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == ' ')
            out += '+';
        else if (c == '"')
            out += "%22";
        else if (c == '+')
            out += "%2B";
        else if (c == '&' || c == '%' || c == '#' || c == '=')
            out += encode(std::string(1, c));
        else
            out += c;
    }
    return out;
}

const std::set<std::string> kPageHeaders{"status",
                                         "content-type",
                                         "content-security-policy",
                                         "x-content-type-options",
                                         "referrer-policy",
                                         "cache-control",
                                         "retry-after",
                                         "allow",
                                         "content-length"};

// Well-formed XML whose every element is Atom's: nothing of the request became markup.
void expect_atom(const std::string& body, const std::string& context) {
    xmlDocPtr doc = xmlReadMemory(body.data(), static_cast<int>(body.size()), "feed.xml", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ASSERT_NE(doc, nullptr) << context << ": not well-formed XML\n" << body.substr(0, 400);
    const xmlNode* root = xmlDocGetRootElement(doc);
    ASSERT_NE(root, nullptr) << context;
    EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "feed") << context;
    std::vector<const xmlNode*> todo{root};
    while (!todo.empty()) {
        const xmlNode* node = todo.back();
        todo.pop_back();
        for (const xmlNode* child = node->children; child; child = child->next)
            if (child->type == XML_ELEMENT_NODE) todo.push_back(child);
        EXPECT_TRUE(node->ns && std::string(reinterpret_cast<const char*>(node->ns->href)) ==
                                    "http://www.w3.org/2005/Atom")
            << context << ": <" << node->name << "> outside Atom";
    }
    xmlFreeDoc(doc);
}

// A whole response within the limits, only the page's headers (a CR LF from the
// request would start a header of its own), and a body safe for its type.
void expect_safe(const CgiRun& r, const std::string& context) {
    ASSERT_EQ(r.exit_code, 0) << context << ": the CGI died (killed by a limit?)\n" << r.err;
    ASSERT_FALSE(r.status_line.empty()) << context << ": no Status line";
    EXPECT_NE(r.status, 500) << context << "\n" << r.err;
    for (const auto& [name, value] : r.headers) {
        EXPECT_TRUE(kPageHeaders.count(name)) << context << ": header " << name << ": " << value;
        EXPECT_EQ(r.headers.count(name), 1u) << context << ": " << name << " twice";
    }
    const std::string type = r.header("content-type");
    if (type == "text/html; charset=utf-8") {
        expect_page_headers(r, type);
        expect_inert(r.body, context);
    } else if (type == "application/json; charset=utf-8") {
        expect_page_headers(r, type);
        const auto j = nlohmann::json::parse(r.body, nullptr, false);
        ASSERT_FALSE(j.is_discarded()) << context << ": not JSON\n" << r.body.substr(0, 300);
        if (r.status != 200) {
            EXPECT_TRUE(j.contains("error")) << context;
        }
    } else if (type == "application/atom+xml; charset=utf-8") {
        expect_page_headers(r, type);
        EXPECT_EQ(r.status, 200) << context;
        expect_atom(r.body, context);
    } else {
        ADD_FAILURE() << context << ": content type '" << type << "'";
    }
}

// The answer of a bad request: `status`, its escaped message in the page (or
// the JSON error for format=json), no results.
void expect_refused(const CgiRun& r, int status, const std::string& message, bool json,
                    const std::string& context) {
    expect_safe(r, context);
    EXPECT_EQ(r.status, status) << context << "\n" << r.body.substr(0, 300);
    if (json) {
        EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8") << context;
        const auto j = nlohmann::json::parse(r.body, nullptr, false);
        EXPECT_NE(j.value("error", std::string()).find(message), std::string::npos)
            << context << "\n"
            << r.body;
    } else {
        EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8") << context;
        EXPECT_NE(r.body.find(message), std::string::npos) << context << "\n"
                                                           << r.body.substr(0, 300);
        EXPECT_TRUE(hits(r.body).empty()) << context;
    }
}

std::vector<std::string> parameter_names() {
    // The single-valued parameters, then web_filter_names(), then names the page does not know.
    std::vector<std::string> names{"q",       "sort",   "from",        "to",     "page",
                                   "size",    "tab",    "format",      "copies", "c",
                                   "country", "expert", "institution", "person", "language",
                                   "source",  "date",   "unknown"};
    names.emplace_back("<script>alert(1)</script>");  // a hostile name is an unknown one
    return names;
}

TEST_F(CgiHostile, PayloadsInEveryParameterAndFormatComeOutInert) {
    const std::vector<std::string> payloads{
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "' autofocus onfocus='alert(1)",
        "javascript:alert(1)",
        "https://evil.example/\" onmouseover=\"alert(1)",
        "</title></feed><img src=x onerror=alert(1)>",
        "]]><!ENTITY x SYSTEM \"file:///etc/passwd\">&x;",
        "{{#hits}}{{{snippet}}}{{/hits}}{{>page}}",  // mustache in a value stays text
    };
    for (const auto& name : parameter_names()) {
        for (const auto& payload : payloads) {
            for (const std::string format : {"html", "json", "atom"}) {
                if (name == "format" && format != "html") continue;
                const std::string query_string =
                    encode(name) + "=" + encode(payload) + "&format=" + format;
                const std::string context = query_string;
                const auto r = hostile_get(name == "format" ? encode(name) + "=" + encode(payload)
                                                            : query_string);
                expect_safe(r, context);
                EXPECT_TRUE(r.status == 200 || r.status == 400) << context << " " << r.status;
                if (format == "json") {
                    EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8")
                        << context;
                }
            }
        }
    }
    // Unencoded, as a careless client or a hand-typed URL sends them.
    for (const std::string raw : {"q=<script>alert(1)</script>", "q=\"><svg onload=alert(1)>",
                                  "country=<b>&q=x\"'<>", "q=javascript:alert(1)&format=atom"}) {
        expect_safe(hostile_get(raw), raw);
    }
}

TEST_F(CgiHostile, ControlCharactersNulAndNoncharactersAre400InEveryFormat) {
    const struct {
        std::string bytes;
        std::string message;
    } rows[] = {
        {"a\r\nSet-Cookie: session=1", "control characters in the request"},  // header injection
        {"\r\nLocation: https://evil.example/", "control characters in the request"},
        {std::string("a\0b", 3), "control characters in the request"},
        {"a\x7f", "control characters in the request"},
        {"a\xc2\x85"
         "b",
         "control characters in the request"},                         // U+0085, a C1 control (NEL)
        {"\xc0\xbcscript\xc0\xbe", "the request is not valid UTF-8"},  // overlong '<' and '>'
        {"\xef\xbf\xbe", "not a character"},  // U+FFFE: not allowed in XML, so not in the feed
        {"\xef\xbf\xbf", "not a character"},
    };
    for (const auto& row : rows) {
        for (const std::string name : {"q", "country", "unknown"}) {
            for (const std::string format : {"html", "json", "atom"}) {
                const std::string query_string =
                    name + "=" + encode(row.bytes) + "&format=" + format;
                expect_refused(hostile_get(query_string), 400, row.message, format == "json",
                               query_string);
            }
        }
    }
    // Raw in the environment (a server that passes them on): the same answer.
    expect_refused(hostile_get("q=a\r\nSet-Cookie: session=1"), 400, "control characters", false,
                   "raw CR LF");
    expect_refused(hostile_get("q=\xc0\xaf"), 400, "not valid UTF-8", false, "raw overlong");
}

TEST_F(CgiHostile, InvalidPercentEncodingIs400) {
    const struct {
        std::string query_string;
        std::string message;
    } rows[] = {
        {"q=%", "malformed percent-encoding"},
        {"q=50%", "malformed percent-encoding"},
        {"q=%G1", "malformed percent-encoding"},
        {"q=%1G", "malformed percent-encoding"},
        {"q=%%41", "malformed percent-encoding"},
        {"q=%4", "malformed percent-encoding"},
        {"q%=korea", "malformed percent-encoding"},  // in a name
        {"%=1", "malformed percent-encoding"},
        {"q=%E2%82", "not valid UTF-8"},  // a sequence cut short
        {"q=%E2%82%", "malformed percent-encoding"},
        {"q=%C0%AF", "not valid UTF-8"},        // overlong '/'
        {"q=%E0%80%AF", "not valid UTF-8"},     // overlong '/', three bytes
        {"q=%ED%A0%80", "not valid UTF-8"},     // a UTF-16 surrogate
        {"q=%F4%90%80%80", "not valid UTF-8"},  // past U+10FFFF
        {"q=%FF", "not valid UTF-8"},
    };
    for (const auto& row : rows) {
        expect_refused(hostile_get(row.query_string), 400, row.message, false, row.query_string);
        expect_refused(hostile_get("format=json&" + row.query_string), 400, row.message, true,
                       row.query_string);
    }
}

TEST_F(CgiHostile, EveryLimitHoldsAtItsValueAndFailsJustPastIt) {
    const auto repeat = [](const std::string& item, std::size_t n,
                           const std::string& separator = "&") {
        std::string out;
        for (std::size_t i = 0; i < n; ++i) out += (i ? separator : "") + item;
        return out;
    };
    const std::vector<std::string> countries{"FR", "DE", "IT", "ES", "PT", "NL", "BE",
                                             "PL", "SE", "NO", "FI", "DK", "IE", "AT",
                                             "CH", "CZ", "SK", "HU", "RO", "BG", "GR"};
    std::string twenty, twenty_one;
    for (std::size_t i = 0; i < countries.size(); ++i)
        (i < cgi_limit::filters ? twenty : twenty_one) += "&country=" + countries[i];
    twenty_one = twenty + twenty_one;
    // Each row builds its query string after `head` ("" or "format=json&"), so
    // that the size and count limits are met exactly with the head included.
    const auto padded = [](std::size_t bytes) {  // a form of exactly `bytes` bytes
        return [bytes](const std::string& head) {
            const std::string start = head + "q=korea&pad=";
            return start + std::string(bytes - start.size(), 'a');
        };
    };
    const auto plain = [](const std::string& query_string) {
        return [query_string](const std::string& head) { return head + query_string; };
    };
    const auto parameters = [&repeat](std::size_t n) {  // n in all, the head's included
        return [n, &repeat](const std::string& head) {
            return head + repeat("x=1", head.empty() ? n : n - 1);
        };
    };
    const struct {
        std::function<std::string(const std::string&)> build;
        int status;
        std::string message;  // for a status other than 200
    } rows[] = {
        {plain("q=" + std::string(cgi_limit::query_bytes, 'a')), 200, ""},
        {plain("q=" + std::string(cgi_limit::query_bytes + 1, 'a')), 400,
         "the query is too long (at most 500 bytes)"},
        {plain("source=" + std::string(cgi_limit::value_bytes, 'a')), 200, ""},
        {plain("source=" + std::string(cgi_limit::value_bytes + 1, 'a')), 400,
         "source is too long"},
        {plain("c=" + std::string(cgi_limit::value_bytes + 1, 'a')), 400, "c is too long"},
        {plain("tab=" + std::string(cgi_limit::value_bytes + 1, 'a')), 400, "tab is too long"},
        {parameters(cgi_limit::parameters), 200, ""},
        {parameters(cgi_limit::parameters + 1), 400, "too many parameters"},
        {plain("q=korea" + twenty), 200, ""},
        {plain("q=korea" + twenty_one), 400, "too many filters"},
        {plain("size=" + std::to_string(cgi_limit::page_size)), 200, ""},
        {plain("size=" + std::to_string(cgi_limit::page_size + 1)), 400,
         "size must be a whole number from 1 to 50"},
        {plain("size=0"), 400, "size must be a whole number from 1 to 50"},
        {plain("page=" + std::to_string(cgi_limit::last_page)), 200, ""},
        {plain("page=" + std::to_string(cgi_limit::last_page + 1)), 400,
         "page must be a whole number from 1 to 500"},
        {plain("page=18446744073709551617"), 400, "page must be a whole number from 1 to 500"},
        {padded(cgi_limit::form_bytes), 200, ""},
        {padded(cgi_limit::form_bytes + 1), 413, "the request is too large"},
        // The most a server can hand a program in one environment string
        // (Linux's MAX_ARG_STRLEN is 128 KiB): refused before anything is decoded.
        // Megabytes never reach the CGI: lighttpd refuses them (e2e_cgi_test's Server tests).
        {padded(128 * 1024 - 64), 413, "the request is too large"},
    };
    for (const auto& row : rows) {
        for (const std::string head : {"", "format=json&"}) {
            const std::string query_string = row.build(head);
            const std::string context = query_string.substr(0, 80) + "... (" +
                                        std::to_string(query_string.size()) + " bytes)";
            const auto r = hostile_get(query_string);
            if (row.status == 200) {
                expect_safe(r, context);
                EXPECT_EQ(r.status, 200) << context << "\n" << r.body.substr(0, 400);
            } else {
                expect_refused(r, row.status, row.message, !head.empty(), context);
            }
        }
    }
    // At the page size cap, a full page of hits.
    EXPECT_EQ(hits(hostile_get("size=50").body).size(), 50u);
}

TEST_F(CgiHostile, PostBodiesLargerOrSmallerThanAnnouncedHaveOneAnswer) {
    const auto by_get = hostile_get("q=pact");
    // A body longer than CONTENT_LENGTH: the request is the announced bytes, the
    // rest is not read (CGI/1.1: the server sends exactly CONTENT_LENGTH bytes).
    const auto longer = hostile_post("6", "q=pact&sort=bogus&" + std::string(1 << 20, 'x'));
    expect_safe(longer, "longer body");
    EXPECT_EQ(longer.status, 200);
    EXPECT_EQ(longer.body, by_get.body);
    // Announced sizes no body can be: refused before anything is allocated or read.
    for (const std::string length : {"1000000000000", "99999999999999999999999999", "8193"}) {
        expect_refused(hostile_post(length, "q=pact"), 413, "the request is too large", false,
                       "length " + length);
        expect_refused(hostile_post(length, "q=pact", "format=json"), 413,
                       "the request is too large", true, "length " + length);
    }
    for (const std::string length : {"-1", "12abc", " 6", "0x10", "1e3"})
        expect_refused(hostile_post(length, "q=pact"), 400, "malformed Content-Length", false,
                       "length " + length);
    // Shorter than announced: the client stopped sending.
    expect_refused(hostile_post("100", "q=pact"), 400, "the request body is incomplete", false,
                   "short body");
    // At the limit the body is read and parsed; its one field too long is the 400.
    expect_refused(hostile_post("8192", "q=" + std::string(8190, 'a')), 400,
                   "the query is too long", false, "8192-byte body");
}

TEST_F(CgiHostile, RepeatedParametersHaveTheDocumentedAnswer) {
    for (const std::string name :
         {"q", "sort", "page", "size", "from", "tab", "format", "copies"}) {
        const std::string value = name == "q"        ? "korea"
                                  : name == "sort"   ? "newest"
                                  : name == "from"   ? "2024-01-01"
                                  : name == "tab"    ? "quotes"
                                  : name == "format" ? "html"
                                  : name == "copies" ? "all"
                                                     : "1";
        // Twice, even with the same value, is ambiguous: refused, not guessed.
        expect_refused(hostile_get(name + "=" + value + "&" + name + "=" + value), 400,
                       name + " is given more than once", false, name + " twice");
        expect_refused(hostile_get(name + "=" + value + "&" + name + "="), 400,
                       name + " is given more than once", false, name + " twice, once empty");
    }
    // In the URL and in a POST body: one form, so q is given twice.
    expect_refused(hostile_post("6", "q=pact", "q=korea"), 400, "q is given more than once", false,
                   "GET + POST");
    // A filter repeated is one filter: one chip, the same hits as once.
    std::string many = "q=korea";
    for (int i = 0; i < 60; ++i) many += "&country=KP";
    const auto repeated = hostile_get(many);
    expect_safe(repeated, "country=KP x60");
    ASSERT_EQ(repeated.status, 200);
    std::size_t chips = 0;
    for (const auto& a : elements(repeated.body, "a")) chips += has_class(a, "chip");
    EXPECT_EQ(chips, 1u);
    EXPECT_EQ(hits(repeated.body).size(), hits(hostile_get("q=korea&country=KP").body).size());
    // Repeats do not count towards the limit of 20 different filters.
    std::string twenty = "q=korea";
    for (const char* code : {"FR", "DE", "IT", "ES", "PT", "NL", "BE", "PL", "SE", "NO",
                             "FI", "DK", "IE", "AT", "CH", "CZ", "SK", "HU", "RO", "KP"})
        twenty += std::string("&country=") + code;
    const auto at_limit = hostile_get(twenty + "&country=KP&country=FR");
    expect_safe(at_limit, "20 filters and repeats");
    EXPECT_EQ(at_limit.status, 200) << at_limit.body.substr(0, 300);
    expect_refused(hostile_get(twenty + "&country=GR"), 400, "too many filters", false,
                   "21 filters");
}

TEST_F(CgiHostile, DeepNestingLongChainsAndHugePhrasesAnswerWithinTheLimits) {
    const auto repeat = [](const std::string& item, std::size_t n) {
        std::string out;
        for (std::size_t i = 0; i < n; ++i) out += item;
        return out;
    };
    // As deep as 500 bytes allow: the same hits as the bare word. (Xapian's
    // QueryParser keeps its parse stack on the heap: newsdesk-search, which has no
    // length limit, answers 60,000 brackets deep and 10,000 alternating AND/OR
    // levels; the 500-byte limit is far inside that.)
    const std::string deep = repeat("(", 247) + "korea" + repeat(")", 247);
    ASSERT_LE(deep.size(), cgi_limit::query_bytes);
    const auto nested = hostile_get("q=" + typed(deep) + "&format=json");
    expect_safe(nested, "247 deep");
    ASSERT_EQ(nested.status, 200);
    const auto plain = nlohmann::json::parse(hostile_get("q=korea&format=json").body);
    EXPECT_EQ(nlohmann::json::parse(nested.body)["hits"], plain["hits"]);
    std::string chain;  // korea AND pact AND korea ... to the limit
    while (chain.size() + 10 <= cgi_limit::query_bytes)
        chain += chain.empty() ? "korea" : " AND pact";
    std::string alternating;  // (korea OR (pact AND (korea OR ...
    std::size_t open = 0;
    while (alternating.size() + open + 20 <= cgi_limit::query_bytes)
        alternating += (open++ % 2 ? "(pact AND " : "(korea OR ");
    alternating += "china" + repeat(")", open);
    std::string phrase = "\"";
    while (phrase.size() + 5 < cgi_limit::query_bytes)
        phrase += phrase.size() == 1 ? "the" : " the";
    phrase += "\"";
    const struct {
        std::string query;
        std::vector<int>
            statuses;  // HTML (a query that cannot be read is the page with the message)
    } rows[] = {
        {deep, {200}},
        {repeat("(", 2000) + "korea" + repeat(")", 2000), {400}},  // thousands deep: too long
        {repeat("(", 250), {200}},                                 // never closed
        {repeat(")", 250) + "korea", {200}},
        {repeat("NOT ", 123) + "korea", {200}},
        {repeat("NOT ", 2000) + "korea", {400}},
        {repeat("-", 499), {200}},
        {repeat("\"", 499), {200}},
        {chain, {200}},
        {alternating, {200}},
        {phrase, {200}},
        {"\"" + repeat("korea pact ", 44) + "\"", {200}},
        {repeat("korea NEAR ", 45) + "pact", {200}},
        {repeat("+korea -pact ", 38), {200}},
    };
    for (const auto& row : rows) {
        const std::string context =
            row.query.substr(0, 60) + "... (" + std::to_string(row.query.size()) + ")";
        for (const std::string tab : {"articles", "quotes", "experts"}) {
            const auto r = hostile_get("q=" + typed(row.query) + "&tab=" + tab);
            expect_safe(r, context + " " + tab);
            EXPECT_NE(std::find(row.statuses.begin(), row.statuses.end(), r.status),
                      row.statuses.end())
                << context << " " << tab << ": " << r.status;
        }
        const auto j = hostile_get("q=" + typed(row.query) + "&format=json");
        expect_safe(j, context + " json");
        EXPECT_TRUE(j.status == 200 || j.status == 400) << context;
        expect_safe(hostile_get("q=" + typed(row.query) + "&format=atom"), context + " atom");
    }
}

TEST_F(CgiHostile, WildcardsExpandWithinTheBudgetAndTooManyAreRefused) {
    // "a*" is the whole lexicon's worth of words beginning with "a" (over 1,100
    // body words in the corpus): capped at kMaxWildcardExpansion, it still finds articles.
    for (const std::string query : {"a*", "x*", "s* korea", "headline:a*"}) {
        for (const std::string tab : {"articles", "quotes", "experts"}) {
            const auto r = hostile_get("q=" + encode(query) + "&tab=" + tab);
            expect_safe(r, query + " " + tab);
            EXPECT_EQ(r.status, 200) << query;
        }
        const auto j = hostile_get("q=" + encode(query) + "&format=json&sort=recency");
        expect_safe(j, query + " json");
        ASSERT_EQ(j.status, 200);
        EXPECT_FALSE(nlohmann::json::parse(j.body)["hits"].empty()) << query;
    }
    const auto star = hostile_get("q=*");  // no word to expand: nothing, not everything
    expect_safe(star, "*");
    EXPECT_EQ(star.status, 200);
    // As many wildcards as allowed, the most expensive ones: they share the budget.
    std::string most, too_many;
    for (std::size_t i = 0; i < kMaxWildcards; ++i) most += "a* ";
    too_many = most + "b*";
    for (const std::string format : {"html", "json", "atom"}) {
        const auto r = hostile_get("q=" + encode(most) + "&sort=recency&format=" + format);
        expect_safe(r, "10 wildcards " + format);
        EXPECT_EQ(r.status, 200) << format;
    }
    // One more, or 160 of them (the old code spent the whole 10 s time limit on
    // those and answered 503): the query is refused as one that cannot be read,
    // the page showing why (200, as for any query syntax error), JSON and Atom 400.
    std::string flood;
    while (flood.size() + 3 <= cgi_limit::query_bytes) flood += "a* ";
    for (const auto& query : {too_many, flood}) {
        const auto page = hostile_get("q=" + encode(query));
        expect_safe(page, "too many wildcards");
        EXPECT_EQ(page.status, 200);
        EXPECT_NE(page.body.find("too many wildcards (at most 10 words ending in *)"),
                  std::string::npos);
        EXPECT_TRUE(hits(page.body).empty());
        expect_refused(hostile_get("q=" + encode(query) + "&format=json"), 400,
                       "too many wildcards", true, "json");
        expect_refused(hostile_get("q=" + encode(query) + "&format=atom"), 400,
                       "too many wildcards", false, "atom");
    }
}

TEST_F(CgiHostile, PagesFarPastTheEndAreEmptyPagesNever500) {
    const auto total =
        nlohmann::json::parse(hostile_get("format=json").body)["estimate"].get<std::size_t>();
    const std::size_t last = (total - 1) / 10 + 1;
    ASSERT_LT(last, cgi_limit::last_page);
    for (const std::string& query_string :
         std::vector<std::string>{"page=500", "page=500&size=50",
                                  "page=" + std::to_string(last + 1), "q=korea&page=500&size=1"}) {
        const auto r = hostile_get(query_string);
        expect_safe(r, query_string);
        ASSERT_EQ(r.status, 200) << query_string;
        EXPECT_TRUE(hits(r.body).empty()) << query_string;
        EXPECT_NE(r.body.find("No more results on this page"), std::string::npos) << query_string;
        // No "Next" past the end; "Previous" leads back to the last page with results.
        std::string prev, next;
        for (const auto& a : elements(r.body, "a")) {
            if (a.attributes.count("rel") && a.attributes.at("rel") == "prev")
                prev = a.attributes.at("href");
            if (a.attributes.count("rel") && a.attributes.at("rel") == "next")
                next = a.attributes.at("href");
        }
        EXPECT_EQ(next, "") << query_string;
        ASSERT_EQ(prev.substr(0, 1), "?") << query_string;
        const auto back = hostile_get(prev.substr(1));
        EXPECT_FALSE(hits(back.body).empty()) << query_string << " -> " << prev;
        for (const std::string other : {"&tab=quotes", "&tab=experts", "&format=atom"}) {
            const auto o = hostile_get(query_string + other);
            expect_safe(o, query_string + other);
            EXPECT_EQ(o.status, 200) << query_string << other;
        }
        const auto j = hostile_get(query_string + "&format=json");
        expect_safe(j, query_string + " json");
        ASSERT_EQ(j.status, 200);
        EXPECT_TRUE(nlohmann::json::parse(j.body)["hits"].empty());
    }
    // The last page and the one just past it.
    EXPECT_FALSE(hits(hostile_get("page=" + std::to_string(last)).body).empty());
    EXPECT_EQ(nlohmann::json::parse(hostile_get("page=500&size=50&format=json").body)["offset"],
              499 * 50);
}

// A filter parameter of the page, the same filter on the command line (none for
// the date range, which newsdesk-search takes as date:FROM..TO in the query), and
// what it lets through, read from a hit of the JSON answer (the record
// newsdesk-search --json prints).
struct FilterParameter {
    std::string query_string;
    std::vector<std::string> cli;
    std::function<bool(const nlohmann::json& hit)> keeps;
};

// `object[key]`, or null when it has no such key (operator[] on a const json
// must not be asked for a key that is missing: it reads past the object).
const nlohmann::json& field(const nlohmann::json& object, const char* key) {
    static const nlohmann::json none;
    const auto it = object.find(key);
    return it == object.end() ? none : *it;
}

// Whether `entities` (names, or objects with a name and maybe an acronym) hold `name`.
bool names(const nlohmann::json& entities, const std::string& name) {
    for (const auto& e : entities) {
        if (e.is_string() ? e == name : field(e, "name") == name || field(e, "acronym") == name) return true;
    }
    return false;
}

bool dated_within(const nlohmann::json& hit, const std::string& from, const std::string& to) {
    const auto& date = field(hit, "date");
    if (!date.is_string()) return false;  // undated articles are outside every range
    return date.get<std::string>() >= from && date.get<std::string>() <= to;
}

const std::vector<FilterParameter>& filter_parameters() {
    static const std::vector<FilterParameter> parameters{
        {"from=2020-01-01&to=2020-12-31", {},
         [](const auto& h) { return dated_within(h, "2020-01-01", "2020-12-31"); }},
        {"from=2020-01-01", {}, [](const auto& h) { return dated_within(h, "2020-01-01", "9999-12-31"); }},
        {"to=2019-12-31", {}, [](const auto& h) { return dated_within(h, "0000-01-01", "2019-12-31"); }},
        {"date=2020", {"--filter", "date=2020"},
         [](const auto& h) { return dated_within(h, "2020-01-01", "2020-12-31"); }},
        {"country=UA", {"--filter", "country=UA"},
         [](const auto& h) {
             for (const auto& c : field(h, "countries"))
                 if (field(c, "code") == "UA") return true;
             return false;
         }},
        {"expert=Vladimir+Putin", {"--filter", "expert=Vladimir Putin"},
         [](const auto& h) { return names(field(h, "experts"), "Vladimir Putin"); }},
        {"person=Alexei+Navalny", {"--filter", "person=Alexei Navalny"},
         [](const auto& h) { return names(field(h, "people"), "Alexei Navalny"); }},
        {"institution=White+House", {"--filter", "institution=White House"},
         [](const auto& h) { return names(field(h, "institutions"), "White House"); }},
        {"language=en", {"--filter", "language=en"}, [](const auto& h) { return field(h, "language") == "en"; }},
        {"source=Wikinews", {"--filter", "source=Wikinews"}, [](const auto& h) { return field(h, "source") == "Wikinews"; }},
    };
    return parameters;
}

std::vector<std::string> hit_ids(const nlohmann::json& answer) {
    std::vector<std::string> ids;
    for (const auto& hit : field(answer, "hits")) ids.push_back(field(hit, "id"));
    return ids;
}

// The ids of `alone`'s hits that `filter` keeps, in their order.
std::vector<std::string> kept_by(const FilterParameter& filter, const nlohmann::json& alone) {
    std::vector<std::string> ids;
    for (const auto& hit : field(alone, "hits"))
        if (filter.keeps(hit)) ids.push_back(field(hit, "id"));
    return ids;
}

// Issue 22: the page put its date range after the query text, "(" + q + ") date:...",
// and parsed the whole, so q could close the bracket and take the range with it.
// Every filter is a query of its own now, whatever q holds, on the page and on
// the command line: the hits with a filter are the hits of q alone less those
// the filter leaves out, in the same order.
TEST_F(CgiHostile, TheQueryCannotUndoTheDateRangeOrAFilter) {
    const std::vector<std::string> payloads{
        "x) OR (russia",                                // the report: ORs its way out of the bracket
        "russia)",                                      // a bracket closed that was never opened
        "\"russia",                                     // a phrase left open, which took the range in as words
        "russia) NOT (x",                               // NOT, which took the range to the word after it
        "russia) date:2019-01-01..2020-12-31 (russia",  // a range of its own, which the parser ORed with the page's
        "russia) OR country:RU OR (x",                  // a filter prefix
    };
    std::map<std::string, std::size_t> kept;  // hits each filter let through, over all payloads
    for (const auto& payload : payloads) {
        // No folding: a filter may leave out the copy that stood for the others.
        const std::string q = "q=" + typed(payload) + "&copies=all&size=50&format=json";
        const auto alone = nlohmann::json::parse(hostile_get(q).body);
        ASSERT_LT(alone.value("total", 50), 50) << payload << ": every hit on one page";
        ASSERT_EQ(hit_ids(search_json(db, {"--no-collapse", "--limit", "50", payload})), hit_ids(alone)) << payload;
        for (const auto& filter : filter_parameters()) {
            const auto expected = kept_by(filter, alone);
            kept[filter.query_string] += expected.size();
            const std::string context = q + "&" + filter.query_string;
            const auto r = hostile_get(context);
            expect_safe(r, context);
            ASSERT_EQ(r.status, 200) << context << "\n" << r.body.substr(0, 300);
            const auto answer = nlohmann::json::parse(r.body);
            EXPECT_EQ(hit_ids(answer), expected) << context << "\n" << field(answer, "query");
            if (filter.cli.empty()) continue;
            std::vector<std::string> args{"--no-collapse", "--limit", "50"};
            args.insert(args.end(), filter.cli.begin(), filter.cli.end());
            args.push_back(payload);
            EXPECT_EQ(hit_ids(search_json(db, args)), expected) << "newsdesk-search " << filter.cli[1] << " '" << payload << "'";
        }
    }
    for (const auto& filter : filter_parameters())
        EXPECT_GT(kept[filter.query_string], 0u) << filter.query_string << " kept nothing: the rows prove nothing";
}

// A filter's value is one value, never query syntax: a value that cannot be one
// is 400 naming the parameter (the date once had its digits picked out, so
// "2020) OR (2019" was the day 2020-20-19, an empty answer); any other is a name
// no article carries, an empty answer that echoes the filter.
TEST_F(CgiHostile, AFilterValueIsOneValueNeverQuerySyntax) {
    const struct {
        std::string name, value;
        int status;
        std::string message;  // for 400
    } rows[] = {
        {"from", "2020-01-01) OR (russia", 400, "from must be a date"},
        {"to", "2020-12-31) OR (russia", 400, "to must be a date"},
        {"date", "2020) OR (2019", 400, "date filter expects YYYY, YYYY-MM or YYYY-MM-DD"},
        {"date", "2020-13", 400, "date filter expects YYYY, YYYY-MM or YYYY-MM-DD"},
        {"date", "20200101", 400, "date filter expects YYYY, YYYY-MM or YYYY-MM-DD"},
        {"country", "UA) OR (russia", 400, "unknown country"},
        {"expert", "Vladimir Putin) OR (russia", 200, ""},
        {"person", "Alexei Navalny\" OR \"russia", 200, ""},
        {"institution", "White House) NOT (x", 200, ""},
        {"language", "en) OR (russia", 200, ""},
        {"source", "Wikinews) OR source:(x", 200, ""},
    };
    for (const auto& row : rows) {
        const std::string context = "q=russia&" + row.name + "=" + encode(row.value) + "&format=json";
        const auto r = hostile_get(context);
        if (row.status == 400) {
            expect_refused(r, 400, row.message, true, context);
            continue;
        }
        expect_safe(r, context);
        ASSERT_EQ(r.status, 200) << context;
        const auto answer = nlohmann::json::parse(r.body);
        EXPECT_TRUE(field(answer, "hits").empty()) << context;
        EXPECT_EQ(field(answer, "filters"), (nlohmann::json::array({{{"facet", row.name}, {"value", row.value}}}))) << context;
    }
    // The command line's --filter reads values the same way.
    const auto date = run({kSearch, "--db", db, "--filter", "date=2020) OR (2019", "russia"});
    EXPECT_EQ(date.exit_code, 2);
    EXPECT_EQ(date.err,
              "newsdesk-search: date filter expects YYYY, YYYY-MM or YYYY-MM-DD, or a month and year ('june 2020'), "
              "not '2020) OR (2019'\n");
}

TEST_F(CgiHostile, AnUnknownCollectionIsAnsweredInTheFormatAsked) {
    TempDir dir;
    write_file(dir / "newsdesk.conf", "db = " + db + "\n");
    const auto r = run_cgi(
        {"REQUEST_METHOD=GET", "QUERY_STRING=format=json&c=" + encode("\"><svg onload=alert(1)>"),
         "NEWSDESK_CGI_CONFIG=" + (dir / "newsdesk.conf").string()},
        "", kHostileLimits);
    expect_refused(r, 400, "unknown collection", true, "c with format=json");
}

}  // namespace
}  // namespace newsdesk::test
