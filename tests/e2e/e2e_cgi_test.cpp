// End to end, the search page: the real newsdesk.cgi run with a CGI
// environment (as Omega's own tests run omega) over the bundled corpus indexed
// by newsdesk-index, and through lighttpd started by scripts/serve.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>

#include "tests/support/cgi_support.h"
#include "tests/support/e2e_support.h"
#include "tests/support/process.h"

namespace {

using newsdesk::test::CgiRun;
using newsdesk::test::Element;
using newsdesk::test::elements;
using newsdesk::test::encode;
using newsdesk::test::expect_inert;
using newsdesk::test::expect_page_headers;
using newsdesk::test::get;
using newsdesk::test::has_class;
using newsdesk::test::hits;
using newsdesk::test::inside;
using newsdesk::test::Launch;
using newsdesk::test::parse_html;
using newsdesk::test::Process;
using newsdesk::test::read_file;
using newsdesk::test::run_cgi;
using newsdesk::test::TempDir;
using newsdesk::test::write_file;

const std::vector<std::string> kPageFacets{"--facets", "country,expert,institution,person,language,source,date",
                                           "--date-histogram", "month"};

// Follows a link of the page ("?q=..."): the same program with that query string.
CgiRun follow(const std::string& db, const std::string& href) {
    EXPECT_EQ(href.substr(0, 1), "?") << href;
    return get(db, href.substr(1));
}

class Cgi : public newsdesk::test::CorpusTest {};

TEST_F(Cgi, SearchPageShowsHighlightedHitsFacetsAndTimeline) {
    const auto r = get(db, "q=north+korea");
    EXPECT_EQ(r.status_line, "Status: 200 OK");
    expect_page_headers(r, "text/html; charset=utf-8");
    const auto cli = newsdesk::test::search_json(db, {"north korea"});
    ASSERT_FALSE(cli["hits"].empty());
    const auto shown = hits(r.body);
    ASSERT_EQ(shown.size(), cli["hits"].size());
    // The same articles in the same order, headlines linking to their URLs.
    for (std::size_t i = 0; i < shown.size(); ++i)
        EXPECT_NE(shown[i].text.find(cli["hits"][i]["headline"].get<std::string>()), std::string::npos) << i;
    EXPECT_NE(r.body.find("<mark>North</mark> <mark>Korea</mark>"), std::string::npos);
    // Every headline is a link: to the article's URL, else to its file (the
    // seed article, a plain-text file, has no URL).
    std::vector<std::string> headline_links;
    for (const auto& a : elements(r.body, "a"))
        if (a.attributes.count("rel") && a.attributes.at("rel") == "noopener noreferrer" && inside(a, "hit"))
            headline_links.push_back(a.attributes.at("href"));
    ASSERT_EQ(headline_links.size(), shown.size());
    bool a_file = false;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto& hit = cli["hits"][i];
        a_file = a_file || !hit["url"].is_string();
        EXPECT_EQ(headline_links[i], hit["url"].is_string() ? hit["url"].get<std::string>()
                                                            : "file://" + hit["path"].get<std::string>())
            << i;
    }
    EXPECT_TRUE(a_file) << "no hit without a URL: the file link went untested";
    // The search box keeps the query; inputs have labels.
    const auto inputs = elements(r.body, "input");
    const auto q = std::find_if(inputs.begin(), inputs.end(), [](const Element& e) { return e.attributes.count("id") && e.attributes.at("id") == "q"; });
    ASSERT_NE(q, inputs.end());
    EXPECT_EQ(q->attributes.at("value"), "north korea");
    std::set<std::string> labelled;
    for (const auto& label : elements(r.body, "label")) labelled.insert(label.attributes.at("for"));
    for (const auto& input : inputs)
        if (input.attributes.at("type") != "hidden") {
            EXPECT_TRUE(labelled.count(input.attributes.at("id"))) << input.attributes.at("id");
        }
    // Facets: every sidebar heading of the match, a country among them.
    std::vector<std::string> facet_titles;
    for (const auto& h : elements(r.body, "h3"))
        if (inside(h, "facet")) facet_titles.push_back(h.text);
    EXPECT_NE(std::find(facet_titles.begin(), facet_titles.end(), "Countries"), facet_titles.end());
    EXPECT_NE(std::find(facet_titles.begin(), facet_titles.end(), "Experts"), facet_titles.end());
    // The timeline: one bar link per month with matches.
    int bars = 0;
    for (const auto& a : elements(r.body, "a"))
        if (inside(a, "timeline") && a.attributes.at("href").find("date=") != std::string::npos) ++bars;
    EXPECT_GT(bars, 0);
    // Headings never skip a level going down.
    int level = 0;
    for (const auto& e : parse_html(r.body)) {
        if (e.name.size() != 2 || e.name[0] != 'h' || !std::isdigit(static_cast<unsigned char>(e.name[1]))) continue;
        const int next = e.name[1] - '0';
        EXPECT_LE(next, level + 1) << e.name << " " << e.text;
        level = next;
    }
}

// The timeline's bars, by month: their heights and what their titles say.
struct Bar {
    int height = 0;
    std::string title;
};
std::map<std::string, Bar> timeline_bars(const std::string& html) {
    std::map<std::string, Bar> out;
    std::string month;
    for (const auto& e : parse_html(html)) {
        if (!inside(e, "timeline")) continue;
        if (e.name == "title") month = e.text.substr(0, 7), out[month].title = e.text;
        if (e.name == "rect" && e.attributes.count("class") && e.attributes.at("class").starts_with("bar"))
            out[month].height = std::stoi(e.attributes.at("height"));
    }
    return out;
}

std::vector<std::string> timeline_texts(const std::string& html, const std::string& cls) {
    std::vector<std::string> out;
    for (const auto& e : elements(html, "text"))
        if (e.attributes.count("class") && e.attributes.at("class") == cls) out.push_back(e.text);
    return out;
}

// Issue 21: the timeline had no axis or dates, and with few matches it was a
// barcode of full-height bars: one article looked like a hundred.
TEST_F(Cgi, TheTimelineHasDatesAndAScaleAndOneArticleIsAShortBar) {
    const auto one = get(db, "q=%2Bpact+%2Bdent");  // the seed article alone
    const auto bars = timeline_bars(one.body);
    ASSERT_EQ(bars.size(), 1u) << one.body.substr(0, 500);
    EXPECT_EQ(bars.begin()->first, "2024-06");
    EXPECT_EQ(bars.begin()->second.title, "2024-06: 1 article");
    EXPECT_EQ(timeline_texts(one.body, "scale"), (std::vector<std::string>{"5", "0"}));
    EXPECT_EQ(bars.begin()->second.height, 12);  // 1 of 5 in 60 pixels
    EXPECT_EQ(timeline_texts(one.body, "tick"), std::vector<std::string>{"2024-06"});

    // Years along the axis of a broad match; the busiest month reaches the scale's
    // round top, or near it, and no bar is taller than it.
    const auto broad = get(db, "q=said");
    const auto many = timeline_bars(broad.body);
    ASSERT_GT(many.size(), 12u);
    const auto ticks = timeline_texts(broad.body, "tick");
    EXPECT_GE(ticks.size(), 2u);
    for (std::size_t i = 1; i < ticks.size(); ++i) EXPECT_EQ(ticks[i].size(), 4u) << ticks[i];  // a year
    const int top = std::stoi(timeline_texts(broad.body, "scale").at(0));
    int most = 0, tallest = 0;
    for (const auto& [month, bar] : many) {
        most = std::max(most, std::stoi(bar.title.substr(9)));
        tallest = std::max(tallest, bar.height);
        EXPECT_LE(bar.height, 60) << month;
    }
    EXPECT_GE(top, most);
    EXPECT_LT(top, most * 5 / 2 + 5) << "a round number just above the busiest month";
    EXPECT_EQ(tallest, 60 * most / top);
}

// Each bar links to the page with its month as the date filter (replacing any
// other), the rest of the request kept, on page 1; also where the query holds
// what looks like a month.
TEST_F(Cgi, EachTimelineBarLinksToItsOwnMonth) {
    struct Case {
        std::string query, before, after;  // a bar's link: before + its month + after
    };
    for (const Case& c : {Case{"q=said&country=GB&date=2019&page=2", "?q=said&country=GB&date=", ""},
                          Case{"q=said+OR+0000-00&sort=newest", "?q=said+OR+0000-00&date=", "&sort=newest"}}) {
        const auto page = get(db, c.query);
        std::size_t bars = 0;
        for (const auto& a : elements(page.body, "a")) {
            if (!inside(a, "timeline")) continue;
            const std::string month = a.attributes.at("aria-label").substr(0, 7);
            EXPECT_EQ(a.attributes.at("href"), c.before + month + c.after) << c.query;
            ++bars;
        }
        EXPECT_GT(bars, 3u) << c.query;
    }
}

TEST_F(Cgi, APageWithoutResultsHasNoEmptyRefineHeading) {
    const auto r = get(db, "q=zzyzxqwv");
    EXPECT_EQ(r.status, 200);
    for (const auto& h : elements(r.body, "h2")) EXPECT_NE(h.text, "Refine");
    // With results it is there, and the facets' phone switch is labelled.
    const auto found = get(db, "q=korea");
    bool refine = false;
    for (const auto& h : elements(found.body, "h2")) refine = refine || h.text == "Refine";
    EXPECT_TRUE(refine);
}

TEST_F(Cgi, EmptyRequestIsTheSearchFormOverEverything) {
    const auto r = run_cgi({"REQUEST_METHOD=GET", "NEWSDESK_DB=" + db});
    EXPECT_EQ(r.status, 200);
    expect_page_headers(r, "text/html; charset=utf-8");
    EXPECT_EQ(hits(r.body).size(), 10u);
    EXPECT_EQ(elements(r.body, "form").size(), 1u);
}

TEST_F(Cgi, HeadHasTheHeadersOfGetAndNoBody) {
    const auto full = get(db, "q=pact");
    const auto head = run_cgi({"REQUEST_METHOD=HEAD", "QUERY_STRING=q=pact", "NEWSDESK_DB=" + db});
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.headers, full.headers);
    EXPECT_TRUE(head.body.empty());
}

TEST_F(Cgi, PostOfTheFormIsTheSameAsGet) {
    const auto by_get = get(db, "q=pact&sort=newest&country=KP");
    const auto by_post = run_cgi({"REQUEST_METHOD=POST", "CONTENT_TYPE=application/x-www-form-urlencoded",
                                  "CONTENT_LENGTH=29", "NEWSDESK_DB=" + db},
                                 "q=pact&sort=newest&country=KP");
    EXPECT_EQ(by_post.status, 200);
    EXPECT_EQ(by_post.body, by_get.body);
    const auto wrong_type = run_cgi({"REQUEST_METHOD=POST", "CONTENT_TYPE=text/plain", "CONTENT_LENGTH=6",
                                     "NEWSDESK_DB=" + db}, "q=pact");
    EXPECT_EQ(wrong_type.status, 415);
    const auto too_big = run_cgi({"REQUEST_METHOD=POST", "CONTENT_TYPE=application/x-www-form-urlencoded",
                                  "CONTENT_LENGTH=100000000", "NEWSDESK_DB=" + db}, "q=pact");
    EXPECT_EQ(too_big.status, 413);
    const auto put = run_cgi({"REQUEST_METHOD=PUT", "NEWSDESK_DB=" + db});
    EXPECT_EQ(put.status, 405);
    EXPECT_EQ(put.header("allow"), "GET, HEAD, POST");
}

TEST_F(Cgi, JsonIsWhatNewsdeskSearchPrints) {
    const struct {
        std::string query_string;
        std::vector<std::string> cli;
    } rows[] = {
        {"q=north+korea", {"north korea"}},
        {"q=pact&country=KP&sort=newest", {"--filter", "country=KP", "--sort", "date", "pact"}},
        {"q=headline%3Apact+date%3A2024-06", {"headline:pact date:2024-06"}},
        {"q=&size=3&page=2", {"--limit", "3", "--offset", "3", ""}},
        {"q=china&copies=all&sort=recency", {"--no-collapse", "--sort", "recency", "china"}},
        {"q=korea&from=2020-01-01&to=2020-12-31", {"(korea) date:2020-01-01..2020-12-31"}},
        {"from=2024-06-01", {"date:2024-06-01.."}},
    };
    for (const auto& row : rows) {
        const auto r = get(db, row.query_string + "&format=json");
        EXPECT_EQ(r.status, 200) << row.query_string;
        expect_page_headers(r, "application/json; charset=utf-8");
        std::vector<std::string> args = kPageFacets;
        args.insert(args.end(), row.cli.begin(), row.cli.end());
        EXPECT_EQ(nlohmann::json::parse(r.body), newsdesk::test::search_json(db, args)) << row.query_string;
    }
    // The quotes and experts tabs as --quotes and --experts print them.
    for (const auto& [tab, flag] : {std::pair{"quotes", "--quotes"}, std::pair{"experts", "--experts"}}) {
        const auto r = get(db, std::string("q=russia+north+korea&format=json&tab=") + tab);
        std::vector<std::string> args = kPageFacets;
        args.insert(args.end(), {flag, "russia north korea"});
        EXPECT_EQ(nlohmann::json::parse(r.body), newsdesk::test::search_json(db, args)) << tab;
    }
}

TEST_F(Cgi, AtomFeedIsWellFormedAndNewestFirst) {
    const auto r = get(db, "q=korea&format=atom");
    EXPECT_EQ(r.status, 200);
    expect_page_headers(r, "application/atom+xml; charset=utf-8");
    xmlDocPtr doc = xmlReadMemory(r.body.data(), static_cast<int>(r.body.size()), "feed.xml", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ASSERT_NE(doc, nullptr) << r.body;
    xmlNode* feed = xmlDocGetRootElement(doc);
    EXPECT_STREQ(reinterpret_cast<const char*>(feed->name), "feed");
    ASSERT_NE(feed->ns, nullptr);
    EXPECT_STREQ(reinterpret_cast<const char*>(feed->ns->href), "http://www.w3.org/2005/Atom");
    std::vector<std::string> updated, titles;
    for (xmlNode* entry = feed->children; entry; entry = entry->next) {
        if (entry->type != XML_ELEMENT_NODE || std::string(reinterpret_cast<const char*>(entry->name)) != "entry") continue;
        for (xmlNode* child = entry->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE) continue;
            const std::string name = reinterpret_cast<const char*>(child->name);
            xmlChar* text = xmlNodeGetContent(child);
            if (name == "updated") updated.emplace_back(reinterpret_cast<const char*>(text));
            if (name == "title") titles.emplace_back(reinterpret_cast<const char*>(text));
            xmlFree(text);
        }
    }
    xmlFreeDoc(doc);
    const auto newest = newsdesk::test::search_json(db, {"--sort", "date", "korea"});
    ASSERT_EQ(titles.size(), newest["hits"].size());
    for (std::size_t i = 0; i < titles.size(); ++i) EXPECT_EQ(titles[i], newest["hits"][i]["headline"]);
    EXPECT_TRUE(std::is_sorted(updated.rbegin(), updated.rend()));
}

TEST_F(Cgi, BadParametersAre400WithAnEscapedMessage) {
    const struct {
        std::string query_string;
        std::string message;
    } rows[] = {
        {"q=korea&sort=bogus", "sort must be relevance, newest or recency"},
        {"q=korea&page=-1", "page must be a whole number from 1 to 500"},
        {"q=korea&page=1000000", "page must be a whole number from 1 to 500"},
        {"q=" + std::string(600, 'a'), "the query is too long (at most 500 bytes)"},
        {"q=%E2%28", "the request is not valid UTF-8"},
        {"q=50%", "malformed percent-encoding in the request"},
        {"country=%3Cb%3ENarnia", "unknown country &apos;&lt;b&gt;Narnia&apos;"},
        {"c=other", "unknown collection"},
    };
    for (const auto& row : rows) {
        const auto r = get(db, row.query_string);
        EXPECT_EQ(r.status_line, "Status: 400 Bad Request") << row.query_string;
        expect_page_headers(r, "text/html; charset=utf-8");
        EXPECT_NE(r.body.find(row.message), std::string::npos) << row.query_string << "\n" << r.body;
        EXPECT_TRUE(hits(r.body).empty());
    }
    // Scripts asking for JSON get the message as JSON.
    const auto json = get(db, "q=korea&page=0&format=json");
    EXPECT_EQ(json.status, 400);
    expect_page_headers(json, "application/json; charset=utf-8");
    EXPECT_EQ(nlohmann::json::parse(json.body)["error"], "page must be a whole number from 1 to 500");
}

TEST_F(Cgi, QuerySyntaxErrorIsThePageWithTheMessage) {
    const auto r = get(db, "q=korea+country%3AAtlantis");
    EXPECT_EQ(r.status, 200);
    std::string alert;
    for (const auto& e : elements(r.body, "section"))
        if (e.attributes.count("role") && e.attributes.at("role") == "alert") alert = e.text;
    EXPECT_NE(alert.find("unknown country 'Atlantis'"), std::string::npos) << r.body;
    EXPECT_EQ(elements(r.body, "form").size(), 1u);
    const auto json = get(db, "q=korea+country%3AAtlantis&format=json");
    EXPECT_EQ(json.status, 400);
    EXPECT_NE(nlohmann::json::parse(json.body)["error"].get<std::string>().find("Atlantis"), std::string::npos);
}

TEST_F(Cgi, MissingDatabaseIs503WithARetryHintAndNoPath) {
    TempDir dir;
    const std::string missing = (dir / "no-such.db").string();
    const auto r = get(missing, "q=korea");
    EXPECT_EQ(r.status_line, "Status: 503 Service Unavailable");
    EXPECT_EQ(r.header("retry-after"), "30");
    expect_page_headers(r, "text/html; charset=utf-8");
    EXPECT_EQ(r.body.find(dir.path().string()), std::string::npos);
    EXPECT_EQ(r.body.find("no-such"), std::string::npos);
    EXPECT_NE(r.err.find("no-such.db"), std::string::npos) << "the server log says which";
    // Not a database at all: still no path and no Xapian message in the page.
    std::filesystem::create_directories(dir / "junk.db");
    write_file(dir / "junk.db" / "iamglass", "not a database");
    const auto junk = get((dir / "junk.db").string(), "q=korea");
    EXPECT_GE(junk.status, 500);
    EXPECT_EQ(junk.body.find(dir.path().string()), std::string::npos);
    EXPECT_EQ(junk.body.find("Xapian"), junk.body.rfind("Xapian")) << "only the footer names Xapian";
}

// A configuration whose database is a remote one (a stub file) whose server
// accepts the connection and never speaks: Xapian waits 10 s for it, and the
// page's time limit is 1 s.
class StuckDatabase {
  public:
    StuckDatabase() {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (bind(m_listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(m_listener, 4) != 0)
            throw std::runtime_error("cannot listen on loopback");
        socklen_t len = sizeof addr;
        getsockname(m_listener, reinterpret_cast<sockaddr*>(&addr), &len);
        write_file(m_dir / "stuck.stub", "remote 127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "\n");
        write_file(m_dir / "newsdesk.conf", "db = " + (m_dir / "stuck.stub").string() + "\ntime_limit = 1\n");
    }
    ~StuckDatabase() { close(m_listener); }
    StuckDatabase(const StuckDatabase&) = delete;
    StuckDatabase& operator=(const StuckDatabase&) = delete;
    [[nodiscard]] std::string config_env() const { return "NEWSDESK_CGI_CONFIG=" + (m_dir / "newsdesk.conf").string(); }

  private:
    int m_listener = socket(AF_INET, SOCK_STREAM, 0);
    TempDir m_dir;
};

TEST_F(Cgi, TimeLimitAnswers503WhenTheSearchDoesNotFinish) {
    const StuckDatabase stuck;
    const auto r = run_cgi({"REQUEST_METHOD=GET", "QUERY_STRING=q=korea", stuck.config_env()});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.status_line, "Status: 503 Service Unavailable");
    EXPECT_EQ(r.header("retry-after"), "30");
    expect_page_headers(r, "text/html; charset=utf-8");
    EXPECT_NE(r.body.find("The search took too long"), std::string::npos) << r.body;
    EXPECT_NE(r.err.find("time limit of 1 s reached"), std::string::npos) << r.err;
}

// A script asking for JSON gets every failure as JSON, as it gets a bad
// parameter: {"error": ...} with the same status and headers as the page's
// (issue 22: a 503 came back as the HTML page).
TEST_F(Cgi, FailuresAreAnsweredInJsonForFormatJson) {
    const auto expect_json_error = [](const CgiRun& r, int status, const std::string& error) {
        EXPECT_EQ(r.exit_code, 0);
        EXPECT_EQ(r.status, status) << r.body.substr(0, 200);
        expect_page_headers(r, "application/json; charset=utf-8");
        EXPECT_EQ(nlohmann::json::parse(r.body, nullptr, false), (nlohmann::json{{"error", error}})) << r.body.substr(0, 200);
    };
    TempDir dir;
    const auto missing = get((dir / "no-such.db").string(), "q=korea&format=json");
    expect_json_error(missing, 503, "The search index is not available at the moment. Please try again shortly.");
    EXPECT_EQ(missing.header("retry-after"), "30");
    std::filesystem::create_directories(dir / "junk.db");
    write_file(dir / "junk.db" / "iamglass", "not a database");
    const auto junk = get((dir / "junk.db").string(), "q=korea&format=json");
    EXPECT_GE(junk.status, 500);
    expect_page_headers(junk, "application/json; charset=utf-8");
    EXPECT_TRUE(nlohmann::json::parse(junk.body, nullptr, false).contains("error")) << junk.body.substr(0, 200);
    // The time limit: the fresh process that answers knows the format from the
    // one that ran out of time, whether it came in the URL or in a POST body.
    const StuckDatabase stuck;
    const std::string too_long = "The search took too long. Please try a narrower query.";
    const auto by_get = run_cgi({"REQUEST_METHOD=GET", "QUERY_STRING=q=korea&format=json", stuck.config_env()});
    expect_json_error(by_get, 503, too_long);
    EXPECT_EQ(by_get.header("retry-after"), "30");
    const auto by_post = run_cgi({"REQUEST_METHOD=POST", "CONTENT_TYPE=application/x-www-form-urlencoded",
                                  "CONTENT_LENGTH=19", stuck.config_env()},
                                 "q=korea&format=json");
    expect_json_error(by_post, 503, too_long);
    // A page that is not configured, where the request is never read: format=json in the URL is enough.
    write_file(dir / "bad.conf", "database = /somewhere\n");
    expect_json_error(run_cgi({"REQUEST_METHOD=GET", "QUERY_STRING=q=korea&format=json",
                               "NEWSDESK_CGI_CONFIG=" + (dir / "bad.conf").string()}),
                      500, "The search page is not configured correctly.");
    // The page and the feed still answer with the page.
    const auto atom = run_cgi({"REQUEST_METHOD=GET", "QUERY_STRING=q=korea&format=atom", stuck.config_env()});
    EXPECT_EQ(atom.status, 503);
    EXPECT_EQ(atom.header("content-type"), "text/html; charset=utf-8");
}

TEST_F(Cgi, CollectionsComeFromTheConfigurationOnly) {
    TempDir dir;
    write_file(dir / "newsdesk.conf", "db = " + (dir / "missing.db").string() + "\ncollection corpus = " + db + "\n");
    const auto with = [&](const std::string& query_string) {
        return run_cgi({"REQUEST_METHOD=GET", "QUERY_STRING=" + query_string,
                        "NEWSDESK_CGI_CONFIG=" + (dir / "newsdesk.conf").string()});
    };
    EXPECT_EQ(with("q=korea").status, 503);
    const auto corpus = with("q=korea&c=corpus");
    EXPECT_EQ(corpus.status, 200);
    EXPECT_FALSE(hits(corpus.body).empty());
    // The choice survives in the form and in every link.
    for (const auto& a : elements(corpus.body, "a"))
        if (inside(a, "facet")) {
            EXPECT_EQ(a.attributes.at("href").substr(0, 10), "?c=corpus&");
        }
    EXPECT_EQ(with("q=korea&c=" + encode(db)).status, 400) << "a path is not a collection";
    write_file(dir / "bad.conf", "database = /somewhere\n");
    const auto bad = run_cgi({"REQUEST_METHOD=GET", "QUERY_STRING=q=korea",
                              "NEWSDESK_CGI_CONFIG=" + (dir / "bad.conf").string()});
    EXPECT_EQ(bad.status, 500);
    EXPECT_EQ(bad.body.find("bad.conf"), std::string::npos);
    EXPECT_EQ(bad.body.find("somewhere"), std::string::npos);
}

TEST_F(Cgi, HostilePayloadsInEveryParameterComeOutInert) {
    const std::vector<std::string> payloads{
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "' autofocus onfocus='alert(1)",
        "javascript:alert(1)",
        "</title><img src=x onerror=alert(1)>",
    };
    const std::vector<std::string> names{"q", "sort", "from", "to", "page", "size", "tab", "format", "copies", "c",
                                         "country", "expert", "person", "institution", "language", "source",
                                         "date", "unknown"};
    for (const auto& name : names) {
        for (const auto& payload : payloads) {
            const std::string context = name + "=" + payload;
            const auto r = get(db, name + "=" + encode(payload));
            EXPECT_TRUE(r.status == 200 || r.status == 400) << context << " " << r.status;
            EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8") << context;
            expect_inert(r.body, context);
        }
    }
    // The query comes back exactly as typed, in the box and in every link.
    for (const auto& payload : payloads) {
        const auto r = get(db, "q=" + encode(payload));
        for (const auto& input : elements(r.body, "input"))
            if (input.attributes.count("id") && input.attributes.at("id") == "q") {
                EXPECT_EQ(input.attributes.at("value"), payload);
            }
        const auto atom = get(db, "q=" + encode(payload) + "&format=atom");
        xmlDocPtr doc = xmlReadMemory(atom.body.data(), static_cast<int>(atom.body.size()), "feed.xml", nullptr,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        EXPECT_NE(doc, nullptr) << payload;
        xmlFreeDoc(doc);
    }
}

TEST_F(Cgi, HostileArticlesComeOutInert) {
    TempDir dir;
    write_file(dir / "evil.jsonl",
               R"json({"url": "javascript:alert(1)", "title": "<script>alert('headline')</script> Zanzibar", "source": "\"><img src=x onerror=alert(1)>", "date": "2024-06-01", "body": "Officials in Zanzibar met on Monday. <script>alert('body')</script> \"We will not <b>bow</b>,\" said Amina Zanzibari, director of the Zanzibar Institute. It was onerror=alert(1) time."})json"
               "\n");
    const std::string evil_db = (dir / "db").string();
    const auto indexed = newsdesk::test::run({newsdesk::test::kIndex, "--db", evil_db, (dir / "evil.jsonl").string()});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    for (const std::string tab : {"articles", "quotes", "experts"}) {
        const auto r = get(evil_db, "q=zanzibar+bow&tab=" + tab);
        EXPECT_EQ(r.status, 200) << tab;
        expect_inert(r.body, tab);
    }
    const auto page = get(evil_db, "q=zanzibar");
    ASSERT_EQ(hits(page.body).size(), 1u);
    EXPECT_NE(hits(page.body)[0].text.find("<script>alert('headline')</script> Zanzibar"), std::string::npos)
        << "shown as text";
}

TEST_F(Cgi, WireCopiesAreFoldedAndNoted) {
    TempDir dir;
    std::string lines;  // one wire story (over the 40 words a signature needs) from three outlets
    for (const char* outlet : {"alpha", "beta", "gamma"})
        lines += std::string(R"({"url": "https://)") + outlet + R"(.example/quolldom", "title": "Quolldom harbour reopens", "source": ")" +
                 outlet + R"(", "date": "2024-06-01", "body": "The harbour of Quolldom reopened on Monday after the storm, port officials said. Ferries resumed their timetable and fishing boats returned to the quays by noon. The storm had closed the port for three days, stranding travellers and delaying deliveries of fuel and food to the islands, and engineers will inspect the breakwater again next week."})" + "\n";
    write_file(dir / "copies.jsonl", lines);
    const std::string copies_db = (dir / "db").string();
    const auto indexed = newsdesk::test::run({newsdesk::test::kIndex, "--db", copies_db, (dir / "copies.jsonl").string()});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    const auto folded = get(copies_db, "q=quolldom");
    ASSERT_EQ(hits(folded.body).size(), 1u) << folded.body;
    std::string copies_href;
    for (const auto& a : elements(folded.body, "a"))
        if (a.text == "+2 similar copies") copies_href = a.attributes.at("href");
    ASSERT_EQ(copies_href, "?q=quolldom&copies=all");
    EXPECT_EQ(hits(follow(copies_db, copies_href).body).size(), 3u);
}

TEST_F(Cgi, FacetLinkAddsAChipAndTheChipRemovesIt) {
    const auto start = get(db, "q=korea");
    std::string country_href, country_label;
    for (const auto& a : elements(start.body, "a"))
        if (inside(a, "facet") && a.attributes.at("href").find("country=KP") != std::string::npos) {
            country_href = a.attributes.at("href");
            country_label = a.text;
        }
    ASSERT_EQ(country_label, "North Korea");
    EXPECT_EQ(country_href, "?q=korea&country=KP");
    const auto filtered = follow(db, country_href);
    EXPECT_EQ(filtered.status, 200);
    std::vector<Element> chips;
    for (const auto& a : elements(filtered.body, "a"))
        if (has_class(a, "chip")) chips.push_back(a);
    ASSERT_EQ(chips.size(), 1u);
    EXPECT_NE(chips[0].text.find("Country: North Korea"), std::string::npos);
    // Every hit shown is about North Korea, as the same filter on the command line finds.
    const auto cli = newsdesk::test::search_json(db, {"--filter", "country=KP", "korea"});
    ASSERT_EQ(hits(filtered.body).size(), cli["hits"].size());
    for (const auto& hit : cli["hits"]) {
        bool kp = false;
        for (const auto& c : hit["countries"]) kp = kp || c["code"] == "KP";
        EXPECT_TRUE(kp) << hit["headline"];
    }
    // The chip's link is the page before the filter.
    EXPECT_EQ(chips[0].attributes.at("href"), "?q=korea");
    EXPECT_EQ(follow(db, chips[0].attributes.at("href")).body, start.body);
}

TEST_F(Cgi, ExpertAndTimelineLinksFilter) {
    const auto start = get(db, "q=north+korea");
    std::string expert_href, month_href;
    for (const auto& a : elements(start.body, "a")) {
        const auto& href = a.attributes.at("href");
        if (a.text == "Victor Cha" && inside(a, "links")) expert_href = href;
        if (inside(a, "timeline") && month_href.empty()) month_href = href;
    }
    ASSERT_EQ(expert_href, "?q=north+korea&expert=Victor+Cha");
    const auto by_expert = nlohmann::json::parse(follow(db, expert_href + "&format=json").body);
    ASSERT_FALSE(by_expert["hits"].empty());
    for (const auto& hit : by_expert["hits"]) {
        bool quoted = false;
        for (const auto& e : hit["experts"]) quoted = quoted || e["name"] == "Victor Cha";
        EXPECT_TRUE(quoted) << hit["headline"];
    }
    const auto pos = month_href.find("date=");
    ASSERT_NE(pos, std::string::npos) << month_href;
    const std::string month = month_href.substr(pos + 5, 7);
    const auto by_month = nlohmann::json::parse(follow(db, month_href + "&format=json").body);
    ASSERT_FALSE(by_month["hits"].empty());
    for (const auto& hit : by_month["hits"]) EXPECT_EQ(hit["date"].get<std::string>().substr(0, 7), month);
}

TEST_F(Cgi, PagesHaveStableLinks) {
    const auto first = get(db, "");
    std::string next;
    for (const auto& a : elements(first.body, "a"))
        if (a.attributes.count("rel") && a.attributes.at("rel") == "next") next = a.attributes.at("href");
    ASSERT_EQ(next, "?page=2");
    const auto second = follow(db, next);
    const auto shown = hits(second.body);
    ASSERT_FALSE(shown.empty());
    EXPECT_EQ(shown[0].attributes.at("value"), "11");
    EXPECT_EQ(follow(db, next).body, second.body);
    const auto cli = newsdesk::test::search_json(db, {"--offset", "10", ""});
    EXPECT_NE(shown[0].text.find(cli["hits"][0]["headline"].get<std::string>()), std::string::npos);
}

TEST_F(Cgi, QuotesAndExpertsTabs) {
    const auto quotes = get(db, "q=quote%3Arestraint+speaker%3Arussel&tab=quotes");
    EXPECT_EQ(quotes.status, 200);
    EXPECT_NE(quotes.body.find("<mark>restraint</mark>"), std::string::npos);
    EXPECT_NE(quotes.body.find(">Danny Russel</a>"), std::string::npos);
    const auto experts = get(db, "q=russia+north+korea+pact&tab=experts");
    EXPECT_EQ(experts.status, 200);
    EXPECT_NE(experts.body.find("?q=russia+north+korea+pact&amp;tab=experts&amp;expert=Victor+Cha"), std::string::npos)
        << experts.body;
}

TEST_F(Cgi, DidYouMeanLinksToTheCorrectedQuery) {
    const auto r = get(db, "q=koreq");
    std::string href;
    for (const auto& a : elements(r.body, "a"))
        if (inside(a, "didyoumean")) href = a.attributes.at("href");
    ASSERT_EQ(href, "?q=korea");
    EXPECT_FALSE(hits(follow(db, href).body).empty());
}

// The suggestion is for what was typed in q: the date range stays in its own
// fields (it was once pasted into q, and so into the corrected query).
TEST_F(Cgi, DidYouMeanKeepsTheDateRangeOutOfTheQuery) {
    const auto r = get(db, "q=koreq&from=2020-01-01");
    std::string href;
    for (const auto& a : elements(r.body, "a"))
        if (inside(a, "didyoumean")) href = a.attributes.at("href");
    EXPECT_EQ(href, "?q=korea&from=2020-01-01");
}

// The quotes under a hit are marked as its snippet is: with the article
// language's reading of the query. A Spanish article (newspaper4k's test page)
// next to the English seed, so the query is read by both stemmers.
class CgiLanguages : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir = new TempDir;
        db = (dir->path() / "db").string();
        const auto r = newsdesk::test::run(
            {newsdesk::test::kIndex, "--db", db,
             std::string(NEWSDESK_SOURCE_DIR) + "/tests/fixtures/intl/newspaper4k-spanish_article.html.gz",
             newsdesk::test::kSeed});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { delete dir; }
    static inline TempDir* dir = nullptr;
    static inline std::string db;
};

TEST_F(CgiLanguages, QuoteIsHighlightedWithTheArticleLanguagesStemmer) {
    // The article has "conjeturas" (in a quote) and never the singular, so only
    // Spanish stemming ("conjetura" and "conjeturas" -> "conjetur") can find and mark it;
    // English stemming leaves "conjetura" as it is.
    const auto exact = get(db, "q=" + encode("\"conjetura\"") + "&format=json");
    ASSERT_EQ(exact.status, 200);
    EXPECT_TRUE(nlohmann::json::parse(exact.body)["hits"].empty());
    const auto r = get(db, "q=conjetura");
    ASSERT_EQ(r.status, 200);
    ASSERT_EQ(hits(r.body).size(), 1U);
    std::vector<std::string> marked;
    for (const auto& e : elements(r.body, "mark"))
        if (inside(e, "quotes")) marked.push_back(e.text);
    EXPECT_EQ(marked, std::vector<std::string>{"conjeturas"}) << r.body;
    const auto quotes = elements(r.body, "q");
    ASSERT_EQ(quotes.size(), 1U);
    EXPECT_EQ(quotes[0].text, "Las meras conjeturas o sospechas no constituyen elementos válidos de imputación");
}

// lighttpd on a free loopback port, started by scripts/serve, in front of the CGI.
class Server : public Cgi {
  protected:
    static int free_port() {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        close(fd);
        return ntohs(addr.sin_port);
    }

    // One HTTP/1.0 exchange; empty when nothing answers. The server may answer
    // and close before the whole request is sent (a request too large): sending
    // stops there (no SIGPIPE) and the answer is read. A server that never
    // answers is given up on after 30 s.
    static std::string http(int port, const std::string& request) {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const timeval patience{30, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &patience, sizeof patience);
        std::string response;
        if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
            for (std::size_t sent = 0; sent < request.size();) {
                const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
                if (n <= 0) break;
                sent += static_cast<std::size_t>(n);
            }
            char buf[65536];
            ssize_t n;
            while ((n = read(fd, buf, sizeof buf)) > 0) response.append(buf, static_cast<std::size_t>(n));
        }
        close(fd);
        return response;
    }

    // scripts/serve on a free port in a child, once it answers `first` (a
    // request); the answer is in `page`.
    struct Served {
        std::unique_ptr<Process> process;  // killed on destruction if still running
        int port = 0;
        std::string page;
    };
    // Its output goes to serve.out in `state`, with lighttpd's logs.
    static Served serve(const TempDir& state, const std::string& first) {
        Served s;
        s.port = free_port();
        s.process = std::make_unique<Process>(
            std::vector<std::string>{std::string(NEWSDESK_SOURCE_DIR) + "/scripts/serve", "--port",
                                     std::to_string(s.port), "--db", db, "--build", NEWSDESK_BUILD_DIR,
                                     "--state", state.path().string()},
            Launch{.out = state / "serve.out"});
        for (int attempt = 0; attempt < 200 && s.process->running() && s.page.empty(); ++attempt) {
            s.page = http(s.port, first);
            if (s.page.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return s;
    }
    static void stop(const Served& s) {
        s.process->kill(SIGTERM);
        s.process->wait();
    }
};

// A mistyped --db is an error naming it, never a new database of the bundled
// corpus served under that name; --index-corpus asks for that explicitly.
TEST(Serve, AMistypedDatabaseIsAnErrorNotANewIndex) {
    TempDir state;
    const auto mistyped = (state / "newsdsek.db").string();
    const auto r = newsdesk::test::run({std::string(NEWSDESK_SOURCE_DIR) + "/scripts/serve", "--port", "1", "--db",
                                        mistyped, "--build", NEWSDESK_BUILD_DIR, "--state", state.path().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "serve: no database at " + mistyped + " (--index-corpus indexes corpus/ into it)\n");
    EXPECT_FALSE(std::filesystem::exists(mistyped));
}

TEST_F(Server, LighttpdServesThePageTheStyleSheetAndErrors) {
    TempDir state;
    const auto served = serve(state, "GET /search?q=north+korea HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    ASSERT_FALSE(served.page.empty()) << read_file(state / "serve.out");
    const int port = served.port;
    const std::string& page = served.page;
    const auto css = http(port, "GET /static/style.css HTTP/1.0\r\n\r\n");
    const auto bad = http(port, "GET /search?sort=bogus HTTP/1.0\r\n\r\n");
    const auto post = http(port, "POST /search HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                 "Content-Length: 13\r\n\r\nq=north+korea");
    stop(served);

    ASSERT_EQ(page.substr(0, 15), "HTTP/1.0 200 OK") << page.substr(0, 300);
    EXPECT_NE(page.find("Content-Type: text/html; charset=utf-8\r\n"), std::string::npos);
    EXPECT_NE(page.find("X-Content-Type-Options: nosniff\r\n"), std::string::npos);
    EXPECT_NE(page.find("Content-Security-Policy: default-src 'none'"), std::string::npos);
    EXPECT_NE(page.find("<mark>North</mark> <mark>Korea</mark>"), std::string::npos);
    EXPECT_EQ(page.substr(page.find("\r\n\r\n")), post.substr(post.find("\r\n\r\n")));
    EXPECT_EQ(css.substr(0, 15), "HTTP/1.0 200 OK");
    EXPECT_NE(css.find("Content-Type: text/css; charset=utf-8\r\n"), std::string::npos);
    EXPECT_NE(css.find("@media (max-width"), std::string::npos);
    EXPECT_EQ(bad.substr(0, 24), "HTTP/1.0 400 Bad Request");
}

// Requests of megabytes never reach the CGI: lighttpd refuses a request line
// or header past 8 KB (431) and, with config/lighttpd.conf's max-request-size,
// a body announced past 16 KB at once (413), instead of spooling it to disk
// while the connection stays open. It goes on serving.
TEST_F(Server, LighttpdRefusesRequestsOfMegabytesAndKeepsServing) {
    TempDir state;
    const auto served = serve(state, "GET /search?q=korea HTTP/1.0\r\n\r\n");
    ASSERT_FALSE(served.page.empty()) << read_file(state / "serve.out");
    const auto long_url = http(served.port, "GET /search?q=" + std::string(2 << 20, 'a') + " HTTP/1.0\r\n\r\n");
    const auto long_header =
        http(served.port, "GET /search?q=korea HTTP/1.0\r\nX-Padding: " + std::string(1 << 20, 'a') + "\r\n\r\n");
    const std::string post = "POST /search HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\n";
    const auto tera = http(served.port, post + "Content-Length: 1000000000000\r\n\r\nq=pact");
    const auto mega = http(served.port, post + "Content-Length: 3000000\r\n\r\nq=pact&" + std::string(2999993, 'x'));
    const auto small = http(served.port, post + "Content-Length: 6\r\n\r\nq=pact");
    const auto after = http(served.port, "GET /search?q=korea HTTP/1.0\r\n\r\n");
    stop(served);
    ASSERT_EQ(served.page.substr(0, 15), "HTTP/1.0 200 OK") << served.page.substr(0, 300);
    EXPECT_EQ(long_url.substr(0, 12), "HTTP/1.0 431") << long_url.substr(0, 200);
    EXPECT_EQ(long_header.substr(0, 12), "HTTP/1.0 431") << long_header.substr(0, 200);
    EXPECT_EQ(tera.substr(0, 12), "HTTP/1.0 413") << tera.substr(0, 200);
    EXPECT_EQ(mega.substr(0, 12), "HTTP/1.0 413") << mega.substr(0, 200);
    EXPECT_EQ(small.substr(0, 15), "HTTP/1.0 200 OK") << small.substr(0, 200);
    EXPECT_EQ(after.substr(after.find("\r\n\r\n")), served.page.substr(served.page.find("\r\n\r\n")));
}

}  // namespace
