// newsdesk.cgi's request side: form decoding, parameter validation, stable
// links, configuration, and which article URLs may become links.
#include <gtest/gtest.h>

#include "common/error.h"
#include "searcher/cgi/cgi_config.h"
#include "searcher/cgi/cgi_page.h"
#include "searcher/cgi/cgi_request.h"

namespace {

using newsdesk::BadRequest;
using newsdesk::FormFields;
using newsdesk::parse_form;
using newsdesk::WebRequest;

WebRequest from(const std::string& query_string) {
    return newsdesk::web_request_from_fields(parse_form(query_string));
}

int status_of(const std::string& query_string) {
    try {
        (void)from(query_string);
        return 200;
    } catch (const BadRequest& e) {
        return e.status();
    }
}

TEST(ParseForm, DecodesPlusPercentAndKeepsRepeatsInOrder) {
    const FormFields expected{{"q", "north korea!"}, {"country", "KP"}, {"country", "RU"}, {"flag", ""}};
    EXPECT_EQ(parse_form("q=north+korea%21&country=KP&&country=RU&flag"), expected);
    EXPECT_EQ(parse_form("q=%E2%80%9Cpact%E2%80%9D"), (FormFields{{"q", "\u201cpact\u201d"}}));
    EXPECT_EQ(parse_form(""), FormFields{});
}

TEST(ParseForm, RejectsMalformedInput) {
    const struct {
        std::string input;
        const char* why;
    } rows[] = {
        {"q=%zz", "not hex"},
        {"q=%4", "truncated escape"},
        {"q=abc%", "bare percent at the end"},
        {"q=%FF", "not UTF-8"},
        {"q=%C3", "truncated UTF-8 sequence"},
        {"q=%00", "NUL"},
        {"q=a%0Ab", "control character"},
        {"%ZZ=1", "bad name"},
        {"q=%C0%AF", "overlong UTF-8 ('/')"},
        {"q=%ED%A0%80", "a UTF-16 surrogate"},
        {"q=%C2%85", "a C1 control (NEL)"},
        {"q=%C2%9B", "a C1 control (CSI)"},
        {"q=%EF%BF%BE", "U+FFFE, which XML forbids (the Atom feed was ill-formed)"},
        {"q=%EF%BF%BF", "U+FFFF, likewise"},
    };
    for (const auto& row : rows) EXPECT_THROW((void)parse_form(row.input), BadRequest) << row.why;
}

TEST(ParseForm, LimitsSizeAndCount) {
    EXPECT_THROW((void)parse_form("q=" + std::string(newsdesk::cgi_limit::form_bytes, 'a')), BadRequest);
    std::string many;
    for (std::size_t i = 0; i <= newsdesk::cgi_limit::parameters; ++i) many += "x=1&";
    EXPECT_THROW((void)parse_form(many), BadRequest);
}

TEST(WebRequest, ValidatesEveryParameter) {
    const struct {
        std::string query_string;
        int status;
    } rows[] = {
        {"q=korea&sort=newest&page=2&size=20&tab=quotes&format=json", 200},
        {"sort=date", 200},                  // the command line's name for newest
        {"sort=bogus", 400},
        {"page=0", 400},
        {"page=-1", 400},
        {"page=99999999999999999999", 400},  // overflows
        {"page=501", 400},
        {"page=2x", 400},
        {"size=51", 400},
        {"size=", 400},
        {"tab=admin", 400},
        {"format=xml", 400},
        {"copies=some", 400},
        {"from=2024-13-01", 400},
        {"from=2024-06", 400},
        {"from=2024-06-30&to=2024-06-01", 400},
        {"from=2024-06-01&to=2024-06-30", 200},
        {"q=a&q=b", 400},                    // a single-valued parameter twice
        {"country=KP&country=RU", 200},      // filters repeat
        // The same filter twice is one: 20 different ones and a repeat are within the
        // limit (the repeat used to count and made it 400 "too many filters").
        {"country=FR&country=DE&country=IT&country=ES&country=PT&country=NL&country=BE&country=PL&"
         "country=SE&country=NO&country=FI&country=DK&country=IE&country=AT&country=CH&country=CZ&"
         "country=SK&country=HU&country=RO&country=KP&country=KP", 200},
        {"country=FR&country=DE&country=IT&country=ES&country=PT&country=NL&country=BE&country=PL&"
         "country=SE&country=NO&country=FI&country=DK&country=IE&country=AT&country=CH&country=CZ&"
         "country=SK&country=HU&country=RO&country=KP&country=GR", 400},
        {"country=Atlantis", 400},           // unknown country
        {"date=June", 400},
        {"q=" + std::string(newsdesk::cgi_limit::query_bytes + 1, 'a'), 400},
        {"q=" + std::string(newsdesk::cgi_limit::query_bytes, 'a'), 200},
        {"utm_source=mail", 200},            // unknown parameters are ignored
    };
    for (const auto& row : rows) EXPECT_EQ(status_of(row.query_string), row.status) << row.query_string;
}

TEST(WebRequest, BuildsTheSearchRequest) {
    const auto r = from("q=pact&sort=newest&page=3&size=20&country=KP&from=2024-06-01&copies=all");
    const auto s = r.search_request({"country"});
    // The date range is a filter of its own, never text added to the query.
    EXPECT_EQ(s.query, "pact");
    EXPECT_EQ(s.from, "2024-06-01");
    EXPECT_EQ(s.to, "");
    EXPECT_EQ(s.offset, 40u);
    EXPECT_EQ(s.limit, 20u);
    EXPECT_EQ(s.sort, newsdesk::SortOrder::date);
    EXPECT_FALSE(s.collapse);
    EXPECT_EQ(s.filters, (std::vector<std::pair<std::string, std::string>>{{"country", "KP"}}));
    const auto to = from("q=x)+OR+(russia&to=2024-06-30").search_request({});
    EXPECT_EQ(to.query, "x) OR (russia");
    EXPECT_EQ(to.from, "");
    EXPECT_EQ(to.to, "2024-06-30");
}

TEST(WebRequest, LinkIsStableAndRoundTrips) {
    const auto r = from("page=2&country=KP&q=north+korea+%22pact%22&sort=recency&expert=Victor+Cha&size=10");
    EXPECT_EQ(r.link(), "q=north+korea+%22pact%22&country=KP&expert=Victor+Cha&sort=recency&page=2");
    const auto again = from(r.link());
    EXPECT_EQ(again.link(), r.link());
    EXPECT_EQ(again.query, "north korea \"pact\"");
    EXPECT_EQ(from("").link(), "");
}

TEST(WebRequest, MethodsAndContentTypes) {
    using newsdesk::CgiInput;
    EXPECT_EQ(newsdesk::parse_web_request(CgiInput{"GET", "q=a", {}}, "").query, "a");
    EXPECT_TRUE(newsdesk::parse_web_request(CgiInput{"HEAD", "q=a", {}}, "").head);
    const auto post = newsdesk::parse_web_request(
        CgiInput{"POST", "", "application/x-www-form-urlencoded; charset=UTF-8"}, "q=b&sort=newest");
    EXPECT_EQ(post.query, "b");
    EXPECT_EQ(post.sort, "newest");
    const auto status = [](const CgiInput& input, const std::string& body) {
        try {
            (void)newsdesk::parse_web_request(input, body);
            return 200;
        } catch (const BadRequest& e) {
            return e.status();
        }
    };
    EXPECT_EQ(status(CgiInput{"POST", "", "text/plain"}, "q=b"), 415);
    EXPECT_EQ(status(CgiInput{"PUT", "", {}}, ""), 405);
    EXPECT_EQ(status(CgiInput{"POST", "q=a", "application/x-www-form-urlencoded"}, "q=b"), 400);  // q twice
}

TEST(CgiConfig, ParsesKeysAndCollections) {
    const auto config = newsdesk::parse_cgi_config(
        "# newsdesk.cgi\n db = /srv/main.db \ncollection wiki = /srv/wiki.db\ntime_limit = 5 # seconds\n");
    EXPECT_EQ(config.db, "/srv/main.db");
    EXPECT_EQ(config.time_limit, 5u);
    ASSERT_EQ(config.collections.size(), 1u);
    EXPECT_EQ(newsdesk::database_for(config, "wiki"), "/srv/wiki.db");
    EXPECT_EQ(newsdesk::database_for(config, ""), "/srv/main.db");
    EXPECT_THROW((void)newsdesk::database_for(config, "../etc"), BadRequest);
    for (const char* bad : {"db /x", "colour = red", "time_limit = 0", "time_limit = 5s", "collection A/B = /x",
                            "db ="})
        EXPECT_THROW((void)newsdesk::parse_cgi_config(bad), newsdesk::Error) << bad;
}

TEST(SafeLink, OnlyHttpUrlsBecomeLinks) {
    EXPECT_EQ(newsdesk::safe_link("https://example.org/a?b=c"), "https://example.org/a?b=c");
    EXPECT_EQ(newsdesk::safe_link("HTTP://example.org/"), "HTTP://example.org/");
    for (const char* bad : {"javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)",
                            "data:text/html,<script>", "//evil.example/", "https://a.example/\"onmouseover=x",
                            "https://a.example/ x", "/local/path.html", ""})
        EXPECT_EQ(newsdesk::safe_link(bad), "") << bad;
}

TEST(ArticleLink, AHeadlineWithoutAUsableUrlLinksToItsFile) {
    struct Row {
        const char* path;
        const char* link;
    };
    for (const Row& row : {
             Row{"/srv/news/seed/pact.txt", "file:///srv/news/seed/pact.txt"},
             Row{"/srv/news/wire.xml#3", "file:///srv/news/wire.xml#3"},  // a feed's third item
             Row{"/srv/a b/\"x\"<y>.html", "file:///srv/a%20b/%22x%22%3Cy%3E.html"},
             Row{"/srv/#tag/k\xc3\xb6ln.txt", "file:///srv/%23tag/k%C3%B6ln.txt"},  // '#' not before digits
             Row{"relative/a.txt", ""},
         }) {
        newsdesk::Article article;
        article.path = row.path;
        EXPECT_EQ(newsdesk::article_link(article), row.link) << row.path;
        article.url = "javascript:alert(1)";  // an unsafe URL is no link: the file is
        EXPECT_EQ(newsdesk::article_link(article), row.link) << row.path;
    }
    newsdesk::Article with_url;
    with_url.path = "/srv/a.html";
    with_url.url = "https://example.org/a";
    EXPECT_EQ(newsdesk::article_link(with_url), "https://example.org/a");
}

}  // namespace
