// parse_html / html_fragment_to_body: one small hand-written page per rule,
// then golden checks over real pages (html_golden_test.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "common/error.h"
#include "common/text.h"
#include "indexer/formats/parsers.h"
#include "tests/support/hostile_inputs.h"

namespace newsdesk {
namespace {

// Article prose long enough for the content scorer to prefer it over furniture.
const std::string kProse =
    "<p>The city council voted on Tuesday to expand the tram network, a decision that officials, "
    "residents and business owners had debated for more than three years.</p>"
    "<p>Supporters said the new lines, which will connect the northern suburbs to the centre, "
    "would cut commuting times, reduce traffic and lower emissions across the region.</p>"
    "<p>Opponents argued that the cost, estimated at 400 million euros, was too high, and that "
    "buses could do the same job for a fraction of the price, at least for now.</p>";

std::string page(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

Article parse(const std::string& head, const std::string& body = kProse) {
    return parse_html(page(head, "<article>" + body + "</article>"), "test.html");
}

// --- headline -------------------------------------------------------------

TEST(HtmlHeadline, JsonLdHeadlineWinsOverOgTitleAndTitle) {
    auto a = parse(R"(<title>Title tag | Site</title><meta property="og:title" content="OG title">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Council backs tram expansion"}</script>)");
    EXPECT_EQ(a.headline, "Council backs tram expansion");
}

TEST(HtmlHeadline, JsonLdInsideGraphArray) {
    auto a =
        parse(R"(<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Daily"},
        {"@type":["NewsArticle"],"headline":"Graph headline here"}]}</script>)");
    EXPECT_EQ(a.headline, "Graph headline here");
}

TEST(HtmlHeadline, BrokenJsonLdWithRawNewlineIsRepaired) {
    auto a = parse(
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
        "\"Line one\nline two\"};</script>");
    EXPECT_EQ(a.headline, "Line one line two");
}

TEST(HtmlHeadline, UnparseableJsonLdFallsBackToOgTitle) {
    auto a =
        parse(R"(<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
        <meta property="og:title" content="Council backs trams">)");
    EXPECT_EQ(a.headline, "Council backs trams");
}

struct SuffixCase {
    const char* head;
    const char* expected;
};

class HtmlTitleSuffix : public ::testing::TestWithParam<SuffixCase> {};

TEST_P(HtmlTitleSuffix, SiteNameSegmentRemoved) {
    EXPECT_EQ(parse(GetParam().head).headline, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Titles, HtmlTitleSuffix,
    ::testing::Values(
        // matches og:site_name
        SuffixCase{R"(<title>Rains lash Chennai again | The Hindu</title>
                      <meta property="og:site_name" content="The Hindu">)",
                   "Rains lash Chennai again"},
        // short trailing segment that looks like a site name, no site metadata
        SuffixCase{"<title>Storm closes schools across Wales - BBC News</title>",
                   "Storm closes schools across Wales"},
        // CJK site chain with underscores
        SuffixCase{"<title>苹果发布新款手机引发市场关注_科技_腾讯网</title>",
                   "苹果发布新款手机引发市场关注"},
        // site name first, matched against the canonical URL's domain
        SuffixCase{R"(<title>Reuters | Oil prices rise after OPEC cut</title>
                      <link rel="canonical" href="https://www.reuters.com/x">)",
                   "Oil prices rise after OPEC cut"},
        // a bare hyphen after Chinese text is a separator
        SuffixCase{"<title>短缺药品保供稳价 全力保障临床用药需求-新华网</title>",
                   "短缺药品保供稳价 全力保障临床用药需求"},
        // hyphens inside words are not separators
        SuffixCase{"<title>Covid-19 vaccine roll-out speeds up</title>",
                   "Covid-19 vaccine roll-out speeds up"},
        // dropping the tail would leave too little of a headline
        SuffixCase{"<title>Brexit - What next</title>", "Brexit - What next"}));

TEST(HtmlHeadline, H1WhenNoTitle) {
    auto a = parse_html(page("", "<h1>Only an h1 here</h1>" + kProse), "x.html");
    EXPECT_EQ(a.headline, "Only an h1 here");
}

// --- dates ----------------------------------------------------------------

struct DateCase {
    const char* head;
    const char* body_prefix;
    const char* date;
};

class HtmlDate : public ::testing::TestWithParam<DateCase> {};

TEST_P(HtmlDate, FromEachSource) {
    auto a = parse(GetParam().head, std::string(GetParam().body_prefix) + kProse);
    ASSERT_TRUE(a.date.has_value());
    EXPECT_EQ(*a.date, GetParam().date);
}

INSTANTIATE_TEST_SUITE_P(
    Sources, HtmlDate,
    ::testing::Values(
        DateCase{R"(<script type="application/ld+json">{"@type":"NewsArticle",
                    "datePublished":"2024-06-21T09:30:00+05:30"}</script>
                    <meta property="article:published_time" content="2023-01-01T00:00:00Z">)",
                 "", "2024-06-21"},
        DateCase{R"(<meta property="article:published_time" content="2024-06-20T10:00:00Z">)", "",
                 "2024-06-20"},
        DateCase{R"(<meta name="date" content="2024-06-19">)", "", "2024-06-19"},
        DateCase{R"(<meta name="DC.date.issued" content="2024-06-18">)", "", "2024-06-18"},
        DateCase{R"(<meta name="sailthru.date" content="2024-06-17 08:00:00">)", "", "2024-06-17"},
        DateCase{R"(<meta name="parsely-pub-date" content="2024-06-16T08:00:00Z">)", "",
                 "2024-06-16"},
        DateCase{"", R"(<time datetime="2024-06-15T07:00:00Z">June 15</time>)", "2024-06-15"},
        DateCase{"", "<p>WASHINGTON, June 14, 2024 - Lawmakers met again.</p>", "2024-06-14"}));

TEST(HtmlDate, PrintedUnderTheHeadline) {
    auto a = parse_html(page("", R"(<div class="top"><h1><span>Drug supplies secured</span></h1>
        <div class="info">2023-11-17 20:52:15 <span>Source: Xinhua</span></div></div>)" +
                                     kProse),
                        "x.html");
    EXPECT_EQ(a.date, "2023-11-17");
}

TEST(HtmlDate, FullDatetimeKept) {
    auto a =
        parse(R"(<meta property="article:published_time" content="2024-06-21T09:30:00+05:30">)");
    ASSERT_TRUE(a.datetime.has_value());
    EXPECT_TRUE(a.datetime->starts_with("2024-06-21T09:30")) << *a.datetime;
}

TEST(HtmlDate, NoDateAnywhere) {
    EXPECT_FALSE(parse("<title>No date at all today</title>").date);
}

// --- byline ---------------------------------------------------------------

TEST(HtmlByline, JsonLdAuthorForms) {
    auto one = parse(R"(<script type="application/ld+json">{"@type":"NewsArticle",
        "author":"Jane Doe"}</script>)");
    EXPECT_EQ(one.byline, (std::vector<std::string>{"Jane Doe"}));
    auto obj = parse(R"(<script type="application/ld+json">{"@type":"NewsArticle",
        "author":{"@type":"Person","name":"Jane Doe"}}</script>)");
    EXPECT_EQ(obj.byline, (std::vector<std::string>{"Jane Doe"}));
    auto many = parse(R"(<script type="application/ld+json">{"@type":"NewsArticle",
        "author":[{"name":"Jane Doe"},{"name":"John Roe"}]}</script>)");
    EXPECT_EQ(many.byline, (std::vector<std::string>{"Jane Doe", "John Roe"}));
}

TEST(HtmlByline, MetaAuthorUrlIsDropped) {
    auto a = parse(R"(<meta property="article:author" content="https://www.facebook.com/janedoe">
        <meta name="author" content="Jane Doe">)");
    EXPECT_EQ(a.byline, (std::vector<std::string>{"Jane Doe"}));
}

TEST(HtmlByline, RelAuthorLink) {
    auto a =
        parse("", R"(<p class="meta">by <a rel="author" href="/p/jd">Jane Doe</a></p>)" + kProse);
    EXPECT_EQ(a.byline, (std::vector<std::string>{"Jane Doe"}));
}

TEST(HtmlByline, ByLineWithDateAndAndJoin) {
    auto a = parse("", "<div>By Jane Doe and John Roe | June 21, 2024</div>" + kProse);
    EXPECT_EQ(a.byline, (std::vector<std::string>{"Jane Doe", "John Roe"}));
    EXPECT_EQ(a.body.find("By Jane Doe"), std::string::npos) << a.body;
}

// --- url, source, language -----------------------------------------------

TEST(HtmlMeta, UrlSourceAndLanguage) {
    auto a = parse_html(
        R"(<html lang="fr-FR"><head><link rel="canonical" href="https://example.fr/a/1">
        <meta property="og:site_name" content="Le Quotidien"></head><body><article>)" +
            kProse + "</article></body></html>",
        "p.html");
    EXPECT_EQ(a.url, "https://example.fr/a/1");
    EXPECT_EQ(a.id, "https://example.fr/a/1");
    EXPECT_EQ(a.source, "Le Quotidien");
    EXPECT_EQ(a.declared_language, "fr-FR");
    EXPECT_EQ(a.language, "fr");
}

TEST(HtmlMeta, OgLocaleWhenNoLangAttribute) {
    auto a = parse(R"(<meta property="og:locale" content="de_DE">)");
    EXPECT_EQ(a.declared_language, "de-DE");
    EXPECT_EQ(a.language, "de");
}

// --- captions -------------------------------------------------------------

TEST(HtmlCaptions, FigcaptionWithCreditLabelOutOfBody) {
    auto a = parse("", R"(<figure><img src="x.jpg"><figcaption>A TV screen in Seoul shows
        the summit. | Photo Credit: AP</figcaption></figure>)" +
                           kProse);
    ASSERT_EQ(a.captions.size(), 1u);
    EXPECT_EQ(a.captions[0].text, "A TV screen in Seoul shows the summit.");
    EXPECT_EQ(a.captions[0].credit, "AP");
    EXPECT_EQ(a.body.find("TV screen"), std::string::npos);
}

TEST(HtmlCaptions, CreditForms) {
    struct Case {
        const char* caption;
        const char* text;
        const char* credit;
    };
    for (const auto& c : {
             Case{"Protesters march in Paris. (AP Photo/Jane Doe)", "Protesters march in Paris.",
                  "AP Photo/Jane Doe"},
             Case{"Protesters march in Paris. Photo: Reuters", "Protesters march in Paris.",
                  "Reuters"},
             Case{"Protesters march in Paris. Getty Images", "Protesters march in Paris.",
                  "Getty Images"},
         }) {
        auto cap = parse("", std::string("<figure><figcaption>") + c.caption +
                                 "</figcaption></figure>" + kProse)
                       .captions;
        ASSERT_EQ(cap.size(), 1u) << c.caption;
        EXPECT_EQ(cap[0].text, c.text);
        EXPECT_EQ(cap[0].credit, c.credit);
    }
}

TEST(HtmlCaptions, CaptionClassAndCreditElement) {
    auto a = parse("", R"(<div class="image-caption">Firefighters at the scene.
        <span class="credit">Jane Doe/Reuters</span></div>)" +
                           kProse);
    ASSERT_EQ(a.captions.size(), 1u);
    EXPECT_EQ(a.captions[0].text, "Firefighters at the scene.");
    EXPECT_EQ(a.captions[0].credit, "Jane Doe/Reuters");
    EXPECT_EQ(a.body.find("Firefighters"), std::string::npos);
}

TEST(HtmlCaptions, CaptionWithoutCredit) {
    auto a = parse("", "<figure><figcaption>The old tram depot.</figcaption></figure>" + kProse);
    ASSERT_EQ(a.captions.size(), 1u);
    EXPECT_FALSE(a.captions[0].credit.has_value());
}

// --- body and boilerplate ---------------------------------------------------

TEST(HtmlBody, ParagraphsKeptInlineElementsJoined) {
    auto a = parse_html(page("",
                             "<main><p>First <b>bold</b> words of the story, which runs long "
                             "enough to count, as stories do.</p><div>Second block, also "
                             "long enough to be scored as text, with commas.</div></main>"),
                        "x.html");
    EXPECT_EQ(a.body,
              "First bold words of the story, which runs long enough to count, as "
              "stories do.\n\nSecond block, also long enough to be scored as text, "
              "with commas.");
}

TEST(HtmlBody, FurnitureRemoved) {
    const std::string body = R"(
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <div class="cookie-banner">We use cookies to improve your experience.</div>
        <div class="content"><h1>Council backs trams</h1>
          <div class="share-buttons"><a href="#">Share on Facebook</a><a href="#">Tweet</a></div>
          )" + kProse + R"(
          <p>Advertisement</p>
          <div class="newsletter-signup">Sign up for our daily briefing</div>
          <div class="related-posts"><h3>Related posts</h3><ul>
            <li><a href="/a">Bus fares to rise in spring</a></li>
            <li><a href="/b">Cycle lanes extended downtown</a></li></ul></div>
        </div>
        <div id="comments"><p>Great article, thanks, I agree with every word of it.</p></div>
        <aside><h3>Most popular</h3><a href="/c">Celebrity news of the day</a></aside>
        <footer>Copyright 2024 Daily Example. All rights reserved.</footer>
        <script>var tracking = "tram network";</script><style>p { color: red }</style>)";
    auto a = parse_html(page("<title>Council backs trams</title>", body), "x.html");
    EXPECT_NE(a.body.find("The city council voted"), std::string::npos) << a.body;
    EXPECT_NE(a.body.find("fraction of the price"), std::string::npos) << a.body;
    for (const char* furniture :
         {"Home", "cookies", "Share on Facebook", "Advertisement", "Sign up", "Related posts",
          "Bus fares", "Great article", "Most popular", "Copyright", "tracking", "color"})
        EXPECT_EQ(a.body.find(furniture), std::string::npos) << furniture << "\n" << a.body;
}

TEST(HtmlBody, ProseWithInlineLinksIsKept) {
    // Over a fifth of this paragraph is link text, but it is prose, not a link list.
    const std::string linked =
        R"(<div class="para"><p>In comments likely to be seen as a <a href="/a">further vindication
        of their sweeping reforms of the exams</a>, the prime minister said the system would let
        results be distorted by teachers helping teenagers with coursework.</p></div>)";
    auto a =
        parse_html(page("", "<div class=\"story\">" + kProse + linked + kProse + "</div>"), "x");
    EXPECT_NE(a.body.find("distorted by teachers"), std::string::npos) << a.body;
}

TEST(HtmlBody, DivWrappedParagraphSiblingsJoinTheArticle) {
    // Telegraph style: the first paragraphs each in their own div, the rest in one container.
    std::string body = "<div id=\"main\">";
    for (const char* p :
         {"Margaret Thatcher tried to put off the new exams, fearing lower standards, "
          "newly released files show, according to the archive.",
          "Previously unseen papers show she warned six months before the change, "
          "in 1986, that she did not like the sound of it."})
        body += std::string("<div class=\"par\"><p>") + p + "</p></div>";
    body += "<div class=\"body\">" + kProse + kProse + "</div></div>";
    auto a = parse_html(page("", body), "x.html");
    EXPECT_NE(a.body.find("Margaret Thatcher tried"), std::string::npos) << a.body;
    EXPECT_NE(a.body.find("Previously unseen papers"), std::string::npos) << a.body;
    EXPECT_NE(a.body.find("The city council voted"), std::string::npos) << a.body;
}

TEST(HtmlBody, JsonLdArticleBodyPreferredOverTeaser) {
    const std::string full =
        "The council voted on Tuesday, after years of debate, to expand the tram network. "
        "Supporters said it would cut commuting times, reduce traffic and lower emissions. "
        "Opponents said the cost, 400 million euros, was too high for a city of this size.\n"
        "A final decision on the route is expected in the spring, officials said.";
    const std::string ld =
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"articleBody\":\"" +
        std::string(full.substr(0, full.find('\n'))) + "\\n" + full.substr(full.find('\n') + 1) +
        "\"}</script>";
    auto a = parse_html(page(ld,
                             "<article><p>The council voted on Tuesday, after years of "
                             "debate, to expand the tram network.</p></article>"),
                        "x.html");
    EXPECT_NE(a.body.find("expected in the spring"), std::string::npos) << a.body;
    EXPECT_EQ(split_paragraphs(a.body).size(), 2u) << a.body;
}

// --- encodings ------------------------------------------------------------

TEST(HtmlEncoding, Windows1252Declared) {
    // 0x93/0x94 are curly quotes and 0xE9 is é in Windows-1252; none is valid UTF-8 here.
    const std::string bytes =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=windows-1252\"><title>Caf\xE9 owners \x93"
        "angry\x94 about "
        "rates</title></head><body><p>x</p></body></html>";
    auto a = parse_html(bytes, "w.html");
    EXPECT_EQ(a.headline,
              "Caf\xC3\xA9 owners \xE2\x80\x9C"
              "angry\xE2\x80\x9D about rates");
}

TEST(HtmlEncoding, UndeclaredInvalidUtf8FallsBackTo1252) {
    auto a = parse_html("<html><head><title>Na\xEFve caf\xE9 story</title></head></html>", "x");
    EXPECT_EQ(a.headline, "Na\xC3\xAFve caf\xC3\xA9 story");
}

TEST(HtmlEncoding, DeclaredGbkIsDecoded) {
    // "中文新闻报道今天发布" in GBK
    const std::string gbk =
        "\xD6\xD0\xCE\xC4\xD0\xC2\xCE\xC5\xB1\xA8\xB5\xC0\xBD\xF1\xCC\xEC"
        "\xB7\xA2\xB2\xBC";
    auto a = parse_html(
        "<html><head><meta charset=\"gbk\"><title>" + gbk + "</title></head></html>", "g.html");
    EXPECT_EQ(a.headline, "中文新闻报道今天发布");
}

TEST(HtmlEncoding, Utf8BomAndMetaThatLies) {
    // Saved pages keep <meta charset=iso-8859-1> after being re-encoded as UTF-8.
    auto a = parse_html(
        "\xEF\xBB\xBF<html><head><meta charset=\"iso-8859-1\"><title>M\xC3\xBCnchen "
        "feiert heute</title></head></html>",
        "b.html");
    EXPECT_EQ(a.headline, "M\xC3\xBCnchen feiert heute");
    EXPECT_TRUE(is_valid_utf8(a.body));
}

TEST(HtmlEncoding, Utf16WithAndWithoutBom) {
    // "Café" in Latin-1 here becomes U+00E9 in UTF-16.
    const auto html =
        page("<meta charset=\"utf-16\"><title>Caf\xE9 owners welcome the rules</title>",
             "<article>" + kProse + "</article>");
    for (bool le : {true, false})
        for (bool bom : {true, false}) {
            const auto a = parse_html(test::utf16(html, le, bom), "u.html");
            EXPECT_EQ(a.headline, "Caf\xC3\xA9 owners welcome the rules") << le << bom;
            EXPECT_NE(a.body.find("buses could do the same job"), std::string::npos) << a.body;
        }
}

TEST(HtmlEncoding, MetaUtf8OverLatin1Bytes) {
    // The reverse of a lying Latin-1 meta: the bytes cannot be UTF-8, so they are
    // read as Windows-1252.
    auto a =
        parse_html(page("<meta charset=\"utf-8\"><title>Caf\xE9 cr\xE8me in M\xFCnster</title>",
                        "<article>" + kProse + "</article>"),
                   "l.html");
    EXPECT_EQ(a.headline, "Caf\xC3\xA9 cr\xC3\xA8me in M\xC3\xBCnster");
}

TEST(HtmlEncoding, NulBytesAreRemovedAndTheTextAfterThemKept) {
    std::string html = page("<title>Harbour| quay opens</title>",
                            "<article>" + kProse +
                                "<p>Ships will dock| there from April, officials said on Monday "
                                "after the vote.</p></article>");
    std::replace(html.begin(), html.end(), '|', '\0');
    ASSERT_EQ(std::count(html.begin(), html.end(), '\0'), 2);
    const auto a = parse_html(html, "n.html");
    EXPECT_EQ(a.headline, "Harbour quay opens");
    EXPECT_NE(a.body.find("Ships will dock there from April"), std::string::npos) << a.body;
}

// --- hostile structure -------------------------------------------------------

TEST(HtmlDepth, HundredThousandNestedElementsKeepTheirText) {
    // Unclosed <div>s a hundred thousand deep, then as many stray end tags: libxml2
    // used to stop at depth 256 and drop the rest of the page.
    constexpr int kDepth = 100000;
    std::string deep;
    for (int i = 0; i < kDepth; ++i) deep += "<div>";
    deep += kProse;
    for (int i = 0; i < kDepth; ++i) deep += "</span>";
    const auto a = parse_html(page("<title>Deep page</title>", deep), "deep.html");
    EXPECT_EQ(a.headline, "Deep page");
    EXPECT_NE(a.body.find("The city council voted on Tuesday"), std::string::npos) << a.body;
    EXPECT_NE(a.body.find("at least for now."), std::string::npos) << a.body;
}

TEST(HtmlDepth, DeepInlineNestingKeepsEveryParagraph) {
    // Old pages that never close their <font>s nest each paragraph in the last one.
    std::string body;
    for (int i = 1; i <= 1000; ++i)
        body += "<font color=red><span>Paragraph " + std::to_string(i) +
                " of the story, long enough, with commas, to count as prose.<br>";
    const auto a = parse_html(page("<title>Fonts</title>", body), "font.html");
    EXPECT_NE(a.body.find("Paragraph 1 of the story"), std::string::npos);
    EXPECT_NE(a.body.find("Paragraph 1000 of the story"), std::string::npos);
    EXPECT_EQ(split_paragraphs(a.body).size(), 1000u);
}

TEST(HtmlXhtml, InternalSubsetIsNotTextAndItsEntitiesStayInert) {
    // An XHTML page with a billion-laughs internal subset: the HTML parser knows
    // no declared entities, and the declarations used to come out as page text.
    const auto dtd = test::billion_laughs("html");
    const auto a =
        parse_html("<?xml version=\"1.0\"?>\n" + dtd +
                       "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Laughs "
                       "&lol9;</title></head><body><article>" +
                       kProse + "</article></body></html>",
                   "x.xhtml");
    EXPECT_EQ(a.headline, "Laughs &lol9;");
    EXPECT_EQ(a.body.find("ENTITY"), std::string::npos) << a.body;
    EXPECT_TRUE(a.body.starts_with("The city council voted")) << a.body;
}

// --- errors ---------------------------------------------------------------

TEST(HtmlErrors, EmptyWhitespaceAndBinaryThrow) {
    EXPECT_THROW((void)parse_html("", "e.html"), ParseError);
    EXPECT_THROW((void)parse_html(" \n\t ", "e.html"), ParseError);
    const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10";
    EXPECT_THROW((void)parse_html(std::string(png, sizeof png - 1), "p.png"), ParseError);
    EXPECT_THROW((void)parse_html("<html><body><script>x()</script></body></html>", "s"),
                 ParseError);
}

// --- fragments ------------------------------------------------------------

TEST(HtmlFragment, ParagraphRulesAndNoScripts) {
    EXPECT_EQ(html_fragment_to_body("<p>One <em>small</em> step.</p><script>bad()</script>"
                                    "<p>Two</p>line<br>break"),
              "One small step.\n\nTwo\n\nline\n\nbreak");
    EXPECT_EQ(html_fragment_to_body("Just text &amp; entities"), "Just text & entities");
    EXPECT_EQ(html_fragment_to_body(""), "");
    EXPECT_EQ(html_fragment_to_body("<ul><li>a</li><li>b</li></ul>"), "a\n\nb");
}

}  // namespace
}  // namespace newsdesk
