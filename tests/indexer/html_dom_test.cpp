// strip_raw_text: script and style bodies emptied before libxml2 parses a page
// (they cost it a character-by-character copy), without changing the tree
// otherwise. Checked on hand-made cases and on the real pages of
// tests/fixtures/html (provenance in tests/fixtures/README.md).
#include "indexer/formats/html/html_dom.h"

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>

#include <filesystem>
#include <string>

#include "indexer/input/encoding.h"
#include "indexer/input/input.h"

namespace newsdesk::html {
namespace {

TEST(StripRawText, EmptiesScriptAndStyleBodies) {
    EXPECT_EQ(strip_raw_text("<p>a</p><script>if (a < b) x = \"</div>\";</script><p>b</p>"),
              "<p>a</p><script></script><p>b</p>");
    EXPECT_EQ(strip_raw_text("<STYLE type=\"text/css\">p > a { color: red }</STYLE>x"),
              "<STYLE type=\"text/css\"></STYLE>x");
    // libxml2 (recover mode) ends a script at the first "</script", whatever follows.
    EXPECT_EQ(strip_raw_text("<script>a</scripts>b</script>c"), "<script></scripts>b</script>c");
}

TEST(StripRawText, KeepsJsonLd) {
    const std::string page =
        "<script type=\"application/ld+json\">{\"headline\": \"A\"}</script><script>x()</script>";
    EXPECT_EQ(strip_raw_text(page),
              "<script type=\"application/ld+json\">{\"headline\": \"A\"}</script><script></script>");
}

TEST(StripRawText, FollowsCommentsAttributesAndSelfClosedTags) {
    // Not script elements: in a comment, in an attribute value, closed by "/>".
    for (const std::string page :
         {"<!-- <script>x</script> --><p>y</p>", "<a title=\"<script>\">t</a><p>s</p>",
          "<a title='x>' href=y>t</a>", "<script src=\"a.js\"/><p>text</p>"})
        EXPECT_EQ(strip_raw_text(page), page);
    // An unquoted value takes the '/': "<script src=a.js/>" opens a script.
    EXPECT_EQ(strip_raw_text("<script src=a.js/>x()</script>"), "<script src=a.js/></script>");
    EXPECT_EQ(strip_raw_text("<a title=\"<script>\">t</a><script>z</script>"),
              "<a title=\"<script>\">t</a><script></script>");
}

TEST(StripRawText, StopsWhereUnsure) {
    // Unterminated comment or quote, a "<!" form it does not know, no end tag:
    // the rest of the page is left as it was.
    for (const std::string page :
         {"<!-- open <script>x</script>", "<div class=\"a><script>x</script>",
          "<![CDATA[x]]><script>x</script>", "<script>never closed"})
        EXPECT_EQ(strip_raw_text(page), page);
    EXPECT_EQ(strip_raw_text("<script>a</script><!-- x --!> <script>b</script>"),
              "<script></script><!-- x --!> <script>b</script>");
}

// The tree without script/style bodies, serialised.
std::string tree_without_raw_text(xmlNode* node) {
    std::string out;
    for (xmlNode* c = node; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            out += "<" + std::string(reinterpret_cast<const char*>(c->name));
            for (xmlAttr* a = c->properties; a; a = a->next) {
                out += " " + std::string(reinterpret_cast<const char*>(a->name)) + "=";
                if (a->children && a->children->content)
                    out += reinterpret_cast<const char*>(a->children->content);
            }
            out += ">";
            const std::string_view t = tag(c);
            const bool json = attr(c, "type").find("json") != std::string::npos;
            if ((t != "script" && t != "style") || json) out += tree_without_raw_text(c->children);
            out += "</>";
        } else if (c->content) {
            out += reinterpret_cast<const char*>(c->content);
        }
    }
    return out;
}


TEST(StripRawText, RealPagesParseToTheSameTree) {
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC;
    int pages = 0;
    std::size_t removed = 0;
    for (const auto& e : std::filesystem::directory_iterator(
             std::filesystem::path(NEWSDESK_FIXTURES) / "html")) {
        if (!e.path().string().ends_with(".html.gz")) continue;
        const auto utf8 = decode_markup(load_file(e.path()));
        const auto stripped = strip_raw_text(utf8);
        removed += utf8.size() - stripped.size();
        DocPtr a(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                                options));
        DocPtr b(htmlReadMemory(stripped.data(), static_cast<int>(stripped.size()), nullptr,
                                "UTF-8", options));
        ASSERT_TRUE(a && b) << e.path();
        EXPECT_EQ(tree_without_raw_text(xmlDocGetRootElement(a.get())),
                  tree_without_raw_text(xmlDocGetRootElement(b.get())))
            << e.path();
        ++pages;
    }
    EXPECT_GT(pages, 5);
    EXPECT_GT(removed, 0u);  // the pages have scripts, and they went
}

}  // namespace
}  // namespace newsdesk::html
