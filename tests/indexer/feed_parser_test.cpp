// parse_feed on RSS 2.0, Atom and RSS 1.0 feeds written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include "common/error.h"
#include "indexer/formats/feed_reader.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/encoding.h"
#include "tests/support/fixture.h"
#include "tests/support/hostile_inputs.h"

namespace newsdesk {
namespace {

using newsdesk::test::billion_laughs;
using newsdesk::test::fixture;
using newsdesk::test::quadratic_dtd;
using newsdesk::test::repeat;
using newsdesk::test::utf16;

TEST(FeedParser, Rss2Items) {
    const auto items = parse_feed(fixture("feed/rss2.xml"), "rss2.xml");
    ASSERT_EQ(items.size(), 2u);
    const auto& a = items[0];
    EXPECT_EQ(a.path, "rss2.xml#1");
    EXPECT_EQ(a.headline, "Bridge reopens after repairs");  // escaped markup in the title
    EXPECT_EQ(a.url, "https://example.org/news/bridge-reopens");
    EXPECT_EQ(a.datetime, "2024-06-21T09:30:00Z");
    EXPECT_EQ(a.byline, std::vector<std::string>{"Maria Lopez"});
    EXPECT_EQ(a.source, "Newsdesk Test Wire");
    EXPECT_EQ(a.declared_language, "en-gb");
    // content:encoded wins over the teaser description
    EXPECT_EQ(a.body, "The old bridge reopened on Friday.\n\nTraffic was light, officials said.");
    ASSERT_EQ(a.captions.size(), 1u);
    EXPECT_EQ(a.captions[0], (Caption{"Cars cross the reopened bridge.", "Example Photo"}));

    const auto& b = items[1];
    EXPECT_EQ(b.path, "rss2.xml#2");
    EXPECT_EQ(b.url, "https://example.org/news/market-hours");  // permalink guid
    EXPECT_EQ(b.datetime, "2024-06-20T17:05:00-04:00");
    EXPECT_EQ(b.byline, std::vector<std::string>{"Sam Okafor"});  // "email (Name)"
    EXPECT_EQ(b.body,
              "The weekend market will stay open until 8 p.m.");  // escaped HTML description
}

TEST(FeedParser, AtomEntries) {
    const auto items = parse_feed(fixture("feed/atom.xml"), "atom.xml");
    ASSERT_EQ(items.size(), 2u);
    const auto& a = items[0];
    EXPECT_EQ(a.headline, "Le tramway prolong\xC3\xA9 jusqu'au port");
    EXPECT_EQ(a.url, "https://example.fr/tram-port");    // rel=alternate, not the enclosure
    EXPECT_EQ(a.datetime, "2024-06-21T08:15:00+02:00");  // published before updated
    EXPECT_EQ(a.byline, std::vector<std::string>{"Claire Martin"});
    EXPECT_EQ(a.declared_language, "fr");
    EXPECT_EQ(a.body,
              "La ligne de tramway atteint d\xC3\xA9sormais le port.\n\nLes travaux ont "
              "dur\xC3\xA9 deux ans.");
    const auto& b = items[1];
    EXPECT_EQ(b.url, "https://example.fr/horaires");
    EXPECT_EQ(b.date, "2024-06-20");  // only <updated>
    EXPECT_EQ(b.body,
              "Les bus passent toutes les dix minutes.\n\nLe service de nuit reprend en juillet.");
}

TEST(FeedParser, Rss1Rdf) {
    const auto items = parse_feed(fixture("feed/rss1.rdf"), "f.rdf");
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].headline, "Harvest starts early");
    EXPECT_EQ(items[0].date, "2024-06-18");
    EXPECT_EQ(items[0].byline, std::vector<std::string>{"Lee Park"});
    EXPECT_EQ(items[0].url, "https://example.net/a");
    EXPECT_EQ(items[0].source, "RDF Test Desk");
}

TEST(FeedParser, ManyItemsStreamInOrderAndLateChannelTitleStillNamesSource) {
    std::string feed = "<rss version=\"2.0\"><channel>";
    for (int i = 1; i <= 500; ++i)
        feed += "<item><title>Item " + std::to_string(i) + "</title><description>Text " +
                std::to_string(i) + ".</description></item>";
    feed += "<title>Late Title</title></channel></rss>";
    const auto items = parse_feed(feed, "big.xml");
    ASSERT_EQ(items.size(), 500u);
    EXPECT_EQ(items[499].path, "big.xml#500");
    EXPECT_EQ(items[499].headline, "Item 500");
    EXPECT_EQ(items[499].body, "Text 500.");
    EXPECT_EQ(items[0].source, "Late Title");
}

TEST(FeedParser, ExternalEntitiesAreNeverResolved) {
    const auto items = parse_feed(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
        "<rss><channel><item><title>T</title><description>a &x; "
        "b</description></item></channel></rss>",
        "x.xml");
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].body, "a b");
}

TEST(FeedParser, EmptyChannelAndMalformedXmlAreParseErrors) {
    EXPECT_THROW(
        (void)parse_feed("<rss version=\"2.0\"><channel><title>x</title></channel></rss>", "e.xml"),
        ParseError);
    // A root element that does not parse leaves nothing to read the items in.
    EXPECT_THROW((void)parse_feed("<rss version=\"2.0><channel><item><title>x</title></item>"
                                  "</channel></rss>",
                                  "t.xml"),
                 ParseError);
    EXPECT_THROW((void)parse_feed("<nitf><body/></nitf>", "n.xml"), ParseError);
}

std::string feed_error(std::string_view bytes) {
    try {
        (void)parse_feed(bytes, "h.xml");
    } catch (const ParseError& e) {
        return e.what();
    }
    return "(parsed)";
}

std::string rss(const std::string& dtd, const std::string& items,
                const std::string& title = "Wire") {
    return "<?xml version=\"1.0\"?>\n" + dtd + "<rss version=\"2.0\"><channel><title>" + title +
           "</title>" + items + "</channel></rss>";
}

std::string item(const std::string& title, const std::string& description) {
    return "<item><title>" + title + "</title><description>" + description +
           "</description></item>";
}

// parse_feed's articles and the errors it reported.
struct Parsed {
    std::vector<Article> articles;
    std::vector<std::string> errors;
};

Parsed parse(std::string_view bytes) {
    Parsed p;
    p.articles = parse_feed(bytes, "f.xml", &p.errors);
    return p;
}

std::vector<std::string> headlines(const std::vector<Article>& articles) {
    std::vector<std::string> out;
    for (const auto& a : articles) out.push_back(a.path + " " + a.headline);
    return out;
}

TEST(FeedParser, EntityExpansionBombsAreRefused) {
    EXPECT_EQ(feed_error(rss(billion_laughs("rss"), item("Laughs &lol9;", "Before &lol9; after."))),
              "malformed feed XML: entities that refer to themselves or expand exponentially (an "
              "entity expansion bomb)");
    const auto quadratic = rss(quadratic_dtd("rss"), item("Quadratic", repeat("&big;", 50000)));
    EXPECT_EQ(feed_error(quadratic),
              "XML entities expand to more than 2 MB (an entity expansion bomb)");
    // In the channel title, which every item inherits.
    EXPECT_EQ(feed_error(rss(quadratic_dtd("rss"), item("A", "B."), repeat("&big;", 50000))),
              "XML entities expand to more than 2 MB (an entity expansion bomb)");
    // Atom's xhtml content is serialised with its references unexpanded: inert.
    const auto atom = parse_feed(
        "<?xml version=\"1.0\"?>\n" + quadratic_dtd("feed") +
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>X</title><content "
            "type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Before " +
            repeat("&big;", 10) + " after.</p></div></content></entry></feed>",
        "a.atom");
    ASSERT_EQ(atom.size(), 1u);
    EXPECT_LT(atom[0].body.size(), 1000u);
}

TEST(FeedParser, SmallInternalEntitiesStillExpand) {
    const auto items =
        parse_feed(rss("<!DOCTYPE rss [<!ENTITY wire \"Example Wire\">]>\n",
                       item("Strike ends, &wire; says", "Dock workers returned, &wire; said.")),
                   "e.xml");
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].headline, "Strike ends, Example Wire says");
    EXPECT_EQ(items[0].body, "Dock workers returned, Example Wire said.");
}

TEST(FeedParser, DeepNestingIsRefusedWithAReason) {
    const auto deep =
        parse(rss("", "<item><title>Deep</title>" + repeat("<x>", 100000) + "text" +
                          repeat("</x>", 100000) + "</item>" + item("After", "Read.")));
    EXPECT_EQ(deep.errors, std::vector<std::string>{"f.xml#1: malformed feed XML: elements nested "
                                                    "deeper than 256 levels (line 2)"});
    EXPECT_EQ(headlines(deep.articles), std::vector<std::string>{"f.xml#2 After"});
}

TEST(FeedParser, AFeedCutShortIsAnErrorAndKeepsTheItemsBeforeTheCut) {
    // The item the feed ends in is reported, never passed over as if the feed were
    // complete.
    const auto whole = rss("", item("One", "First.") + item("Two", "Second is longer than that."));
    EXPECT_EQ(parse_feed(whole, "w.xml").size(), 2u);
    const auto in_item = parse(whole.substr(0, whole.find("longer")));
    EXPECT_EQ(in_item.errors, std::vector<std::string>{"f.xml#2: malformed feed XML: the feed ends "
                                                       "inside <item>, cut short (line 2)"});
    EXPECT_EQ(headlines(in_item.articles), std::vector<std::string>{"f.xml#1 One"});
    // Cut after the last item: every item is there, and the cut is still reported.
    const auto after_items = parse(whole.substr(0, whole.find("</channel>")) + "\n");
    EXPECT_EQ(after_items.errors,
              std::vector<std::string>{"f.xml: malformed feed XML: the feed "
                                       "ends inside <channel>, cut short (line 3)"});
    EXPECT_EQ(headlines(after_items.articles),
              (std::vector<std::string>{"f.xml#1 One", "f.xml#2 Two"}));
    // Real extra content after the root keeps libxml2's words.
    const auto extra = parse(whole + "\n<rss/>");
    EXPECT_EQ(extra.errors, std::vector<std::string>{"f.xml: malformed feed XML: Extra content at "
                                                     "the end of the document (line 3)"});
    EXPECT_EQ(extra.articles.size(), 2u);
}

// A feed of the given items and channel-level lines, one to a line after two
// lines of prolog and channel title: the Nth entry of `lines` is on line N + 2.
std::string feed_of_lines(const std::vector<std::string>& lines) {
    std::string out =
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\n";
    for (const auto& line : lines) out += line + "\n";
    return out + "</channel></rss>\n";
}

std::string atom_of_lines(const std::vector<std::string>& lines) {
    std::string out =
        "<?xml version=\"1.0\"?>\n<feed "
        "xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title>\n";
    for (const auto& line : lines) out += line + "\n";
    return out + "</feed>\n";
}

std::string entry(const std::string& title, const std::string& summary) {
    return "<entry><title>" + title + "</title><summary>" + summary + "</summary></entry>";
}

// What goes wrong with one item, or between two, and what is made of the feed.
struct BadPart {
    const char* what;
    std::string feed;
    std::vector<std::string> errors;
    std::vector<std::string> articles;  // path and headline
};

std::vector<BadPart> bad_parts() {
    const auto one = item("One", "First."), three = item("Three", "Third.");
    const std::vector<std::string> around = {"f.xml#1 One", "f.xml#3 Three"};
    const std::vector<std::string> all = {"f.xml#1 One", "f.xml#2 Two", "f.xml#3 Three"};
    const std::string bad = "f.xml#2: malformed feed XML: ";
    return {
        {"a bare ampersand (the report of issue 22)",
         feed_of_lines({one, item("Two & more", "Second."), three}),
         {bad + "xmlParseEntityRef: no name (line 4)"},
         around},
        {"an entity no DTD declares",
         feed_of_lines({one, item("Two&nbsp;more", "Second."), three}),
         {bad + "Entity 'nbsp' not defined (line 4)"},
         around},
        {"an unclosed tag, its line counted in the feed",
         feed_of_lines({one, item("Two <b>bold", "Second."), three}),
         {bad + "Opening and ending tag mismatch: b line 4 and title (line 4)"},
         around},
        {"a misspelt end tag",
         feed_of_lines(
             {one, "<item><title>Two</titel><description>Second.</description></item>", three}),
         {bad + "Opening and ending tag mismatch: title line 4 and titel (line 4)"},
         around},
        {"an attribute value never closed",
         feed_of_lines({one, "<item><title lang=\"en>Two</title></item>", three}),
         {bad + "Unescaped '<' not allowed in attributes values (line 4)"},
         around},
        {"an item never closed",
         feed_of_lines({one, "<item><title>Two</title><description>Second.</description>", three}),
         {bad + "<item> not closed before the next <item> (line 4)"},
         around},
        {"the last item never closed",
         feed_of_lines({one, item("Two", "Second."), "<item><title>Three</title>"}),
         {"f.xml#3: malformed feed XML: <item> not closed before </channel> (line 5)"},
         {"f.xml#1 One", "f.xml#2 Two"}},
        {"an Atom entry with a bare ampersand",
         atom_of_lines(
             {entry("One", "First."), entry("Two & more", "Second."), entry("Three", "Third.")}),
         {bad + "xmlParseEntityRef: no name (line 4)"},
         around},
        {"text with a bare ampersand between items",
         feed_of_lines({one, "AT&T", item("Two", "Second."), three}),
         {"f.xml: malformed feed XML: EntityRef: expecting ';' (line 4)"},
         all},
        {"an element never closed between items",
         feed_of_lines({one, "<br>", item("Two", "Second."), three}),
         {"f.xml: malformed feed XML: Premature end of data in tag br line 4 (line 5)"},
         all},
        {"a stray end tag between items",
         feed_of_lines({one, item("Two", "Second."), "</div>", three}),
         {"f.xml: malformed feed XML: chunk is not well balanced (line 5)"},
         all},
    };
}

TEST(FeedParser, ABadItemIsReportedByNumberAndLineAndTheItemsAfterItAreRead) {
    for (const auto& c : bad_parts()) {
        const auto got = parse(c.feed);
        EXPECT_EQ(got.errors, c.errors) << c.what;
        EXPECT_EQ(headlines(got.articles), c.articles) << c.what;
        for (const auto& a : got.articles) EXPECT_EQ(a.source, "Wire") << c.what;
    }
}

TEST(FeedParser, MarkupThatOnlyLooksLikeAnItemIsNoItem) {
    // In CDATA, a comment, a processing instruction and the DOCTYPE's entity
    // values, "<item>" and "</item>" are text, not items; nor does a quoted "/>"
    // or ">" end a tag.
    const auto got = parse(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY fake \"</item><item>\"><!-- <item> "
        "' -->]>\n<rss><channel><title>Wire</title><!-- <item><title>No</title></item> -->\n"
        "<item id=\"/>\"><title b='>'>One</title><description><![CDATA[<p>A "
        "</item><item> B</p>]]></description></item>\n"
        "<?pi <item>?><item><title>Two</title><description>Second.</description>"
        "</item>\n</channel></rss>\n");
    EXPECT_EQ(got.errors, std::vector<std::string>{});
    EXPECT_EQ(headlines(got.articles), (std::vector<std::string>{"f.xml#1 One", "f.xml#2 Two"}));
    ASSERT_EQ(got.articles.size(), 2u);
    EXPECT_EQ(got.articles[0].body, "A B");  // the HTML in the CDATA, read whole
    EXPECT_EQ(got.articles[1].body, "Second.");
}

TEST(FeedParser, EncodingsAreReadFromTheBytes) {
    const std::string latin1 = "Caf\xE9 cr\xE8me", utf8 = "Caf\xC3\xA9 cr\xC3\xA8me";
    // Declarations that lie, both ways.
    for (const auto& [declared, text] :
         {std::pair{"UTF-8", latin1}, std::pair{"ISO-8859-1", utf8}}) {
        auto xml = rss("", item(text, text + " in M\xC3\xBCnster."));
        xml.replace(0, 21, "<?xml version=\"1.0\" encoding=\"" + std::string(declared) + "\"?>");
        if (text == latin1) xml.replace(xml.find("M\xC3\xBC"), 3, "M\xFC");
        const auto items = parse_feed(xml, "d.xml");
        ASSERT_EQ(items.size(), 1u) << declared;
        EXPECT_EQ(items[0].headline, utf8) << declared;
        EXPECT_EQ(items[0].body, utf8 + " in M\xC3\xBCnster.") << declared;
    }
    // UTF-16 with and without BOM.
    const auto xml =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + rss("", item(latin1, "Text.")).substr(21);
    for (bool le : {true, false})
        for (bool bom : {true, false}) {
            const auto items = parse_feed(utf16(xml, le, bom), "u.xml");
            ASSERT_EQ(items.size(), 1u);
            EXPECT_EQ(items[0].headline, utf8);
        }
    // A NUL removed, invalid bytes read as Windows-1252.
    auto damaged = rss("", item("Bad \xC0\xAF", "Before| after."));
    damaged[damaged.find('|')] = '\0';
    const auto items = parse_feed(damaged, "n.xml");
    EXPECT_EQ(items.at(0).headline, "Bad \xC3\x80\xC2\xAF");
    EXPECT_EQ(items.at(0).body, "Before after.");
}

// --- FeedReader: the streaming reader under parse_feed -----------------------

// The feed `bytes` as a Source handing out `piece` bytes at a time.
FeedReader::Source pieces(const std::string& bytes, std::size_t piece) {
    auto pos = std::make_shared<std::size_t>(0);
    return [bytes, piece, pos](std::string& out, std::size_t) {
        out.append(bytes, *pos, piece);
        *pos = std::min(bytes.size(), *pos + piece);
        return *pos < bytes.size();
    };
}

TEST(FeedReader, BatchesOfAStreamGiveTheItemsOfTheWholeFeed) {
    for (const char* name : {"feed/rss2.xml", "feed/atom.xml", "feed/rss1.rdf"}) {
        const auto bytes = fixture(name);
        const auto whole = parse_feed(bytes, "f");
        for (std::size_t piece : {1u, 7u, 4096u}) {
            FeedReader reader(choose_encoding(bytes.substr(0, 64), false, true),
                              pieces(bytes, piece), 1u << 20);
            std::vector<Article> streamed;
            for (auto batch = reader.next(1, 1 << 20); !batch.empty();
                 batch = reader.next(1, 1 << 20)) {
                EXPECT_EQ(batch.items.size(), 1u);
                for (auto& i : batch.items) {
                    streamed.push_back(finish_feed_item(std::move(i)));
                    streamed.back().path = "f#" + std::to_string(streamed.size());
                }
            }
            EXPECT_EQ(streamed, whole) << name << " in pieces of " << piece;
        }
    }
}

// The articles and errors of `bytes` read by a FeedReader `piece` bytes at a
// time, in batches of two items.
Parsed streamed(const std::string& bytes, std::size_t piece) {
    FeedReader reader(choose_encoding(bytes.substr(0, 64), false, true), pieces(bytes, piece),
                      1u << 20);
    Parsed p;
    for (auto batch = reader.next(2, 1 << 20); !batch.empty(); batch = reader.next(2, 1 << 20))
        for (auto& a : finish_feed_batch(std::move(batch), "f.xml", &p.errors))
            p.articles.push_back(std::move(a));
    return p;
}

TEST(FeedReader, ABadItemInAStreamCostsOnlyItselfAsInAWholeFeed) {
    for (const auto& c : bad_parts())
        for (std::size_t piece : {1u, 7u, 4096u}) {
            const auto got = streamed(c.feed, piece);
            EXPECT_EQ(got.errors, c.errors) << c.what << " in pieces of " << piece;
            EXPECT_EQ(headlines(got.articles), c.articles) << c.what << " in pieces of " << piece;
        }
}

TEST(FeedReader, AnItemOverTheLimitEndsTheFeedAfterTheItemsBeforeIt) {
    const auto bytes = rss("", item("One", "Short.") + item("Two", std::string(5000, 'x')) +
                                   item("Three", "Never read."));
    FeedReader reader({}, pieces(bytes, 100), 2000);
    const auto first = reader.next(10, 1u << 20);
    ASSERT_EQ(first.items.size(), 1u);
    EXPECT_EQ(first.items[0].title, "One");
    try {
        (void)reader.next(10, 1u << 20);
        ADD_FAILURE() << "no error";
    } catch (const ParseError& e) {
        EXPECT_STREQ(e.what(), "item 2 larger than 1 MB");
    }
}

TEST(FeedReader, ASourceErrorIsReportedAsItself) {
    auto source = [calls = 0](std::string& out, std::size_t) mutable {
        if (++calls > 1) throw ParseError("corrupt or truncated gzip data");
        out += "<rss><channel><item><title>One</title></item><item><title>Tw";
        return true;
    };
    FeedReader reader({}, source, 1u << 20);
    EXPECT_EQ(reader.next(10, 1u << 20).items.size(), 1u);
    try {
        (void)reader.next(10, 1u << 20);
        ADD_FAILURE() << "no error";
    } catch (const ParseError& e) {
        EXPECT_STREQ(e.what(), "corrupt or truncated gzip data");
    }
}

}  // namespace
}  // namespace newsdesk
