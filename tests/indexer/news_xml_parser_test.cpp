// parse_news_xml on the IPTC NewsML-G2 examples (CC BY 4.0) and on small
// NITF / newsMessage files written for these tests.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/text.h"
#include "indexer/formats/parsers.h"
#include "tests/support/fixture.h"
#include "tests/support/hostile_inputs.h"

namespace newsdesk {
namespace {

using newsdesk::test::billion_laughs;
using newsdesk::test::fixture;
using newsdesk::test::quadratic_dtd;
using newsdesk::test::repeat;
using newsdesk::test::utf16;

Article only_article(const std::string& name) {
    auto articles = parse_news_xml(fixture(name), name);
    EXPECT_EQ(articles.size(), 1u) << name;
    return articles.empty() ? Article{} : articles.front();
}

bool contains(const std::string& hay, std::string_view needle) {
    return hay.find(needle) != std::string::npos;
}

TEST(NewsXml, G2TextItemWithInlineNitf) {
    const auto a = only_article("xml/LISTING_2_NewsML-G2_Text_Document.xml");
    EXPECT_EQ(a.headline, "Fed to halt QE to avert \"bubble\"");
    EXPECT_EQ(a.date, "2016-11-21");  // contentCreated, not versionCreated (2018)
    EXPECT_EQ(a.datetime, "2016-11-21T15:21:06-05:00");
    EXPECT_EQ(a.byline,
              std::vector<std::string>{"Meredith Jameson"});  // without "By" and the title
    EXPECT_EQ(a.source, "Associated Press");
    EXPECT_EQ(a.declared_language, "en-US");
    const auto paras = split_paragraphs(a.body);
    ASSERT_EQ(paras.size(), 2u);
    EXPECT_TRUE(paras[0].starts_with("(New York, NY - October 21) Et, sent luptat")) << paras[0];
    EXPECT_TRUE(paras[1].ends_with("esto cons dolutpat, si.")) << paras[1];
}

TEST(NewsXml, SportsStoryKeepsAllParagraphsButNotTheAbstract) {
    const auto a = only_article("xml/LISTING_22_Sports_story_in_NewsML-G2NITF.xml");
    EXPECT_TRUE(a.headline.starts_with("Preview: Arizona Diamondbacks (29-23)")) << a.headline;
    EXPECT_EQ(a.date, "2016-10-19");
    EXPECT_EQ(split_paragraphs(a.body).size(), 6u);
    EXPECT_TRUE(contains(a.body, "Right-hander Freddy Garcia takes the hill"));
    EXPECT_EQ(a.byline,
              std::vector<std::string>{"Sports Network"});  // NITF byttl, only credit given
}

TEST(NewsXml, NitfFragmentInContentSet) {
    const auto a =
        only_article("xml/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml");
    EXPECT_EQ(a.headline,
              "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.");
    EXPECT_TRUE(a.body.starts_with("(Sports Network) - With the Philadelphia Phillies"));
    EXPECT_FALSE(contains(a.body, "A pair of teams"));  // the abstract
    EXPECT_FALSE(a.date.has_value());
}

TEST(NewsXml, PhotoItemIsIndexedByItsCaption) {
    const auto a =
        only_article("xml/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml");
    EXPECT_TRUE(a.headline.starts_with("A firefighter walks past the remains of a military jet"));
    ASSERT_EQ(a.captions.size(), 1u);
    EXPECT_TRUE(a.captions[0].text.starts_with("A firefighter in a flameproof suit"));
    EXPECT_EQ(a.captions[0].credit, "Acme/John Smith");
    EXPECT_EQ(a.body, a.captions[0].text);
    EXPECT_EQ(a.byline, std::vector<std::string>{"John Smith"});
    EXPECT_EQ(a.date, "2008-12-08");
}

TEST(NewsXml, TextItemWithOnlyAnAbstractHasNoCaption) {
    const auto a = only_article("xml/LISTING_27_Company_Financial_Information.xml");
    EXPECT_EQ(a.headline, "Acme Widgets announces annual results");
    EXPECT_TRUE(a.body.starts_with("Acme Widgets (XTSE:AWG)"));
    EXPECT_TRUE(a.captions.empty());
}

TEST(NewsXml, ItemsWithoutTextAreParseErrors) {
    for (const char* name :
         {"xml/LISTING_6_Simple_NewsML-G2_Package.xml",
          "xml/LISTING_24_News_Message_conveying_a_complete_News_Package.xml",
          "xml/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
          "xml/LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml"}) {
        try {
            (void)parse_news_xml(fixture(name), name);
            ADD_FAILURE() << name << " parsed";
        } catch (const ParseError& e) {
            EXPECT_TRUE(std::string(e.what()).starts_with("no article text")) << e.what();
        }
    }
}

TEST(NewsXml, StandaloneNitfWithMediaCaptionAndDocdata) {
    const auto a = only_article("xml/own-nitf-media.xml");
    EXPECT_EQ(a.headline, "Harbour ferry resumes service after storm repairs");
    EXPECT_EQ(a.datetime, "2024-06-21T09:30:00+02:00");  // date.issue beats date.publication
    EXPECT_EQ(a.byline, std::vector<std::string>{"Ana Ribeiro"});
    ASSERT_EQ(a.captions.size(), 1u);
    EXPECT_EQ(a.captions[0],
              (Caption{"The ferry leaves the north pier on Friday morning.", "Newsdesk Photo"}));
    EXPECT_EQ(a.body,
              "The harbour ferry returned to service on Friday & commuters lined up early.\n\n"
              "Repairs took six weeks\n\nEngineers replaced the damaged ramp, the operator said.");
}

TEST(NewsXml, NewsMessageYieldsOneArticlePerTextItem) {
    const auto articles = parse_news_xml(fixture("xml/own-news-message.xml"), "m.xml");
    ASSERT_EQ(articles.size(), 2u);  // the headline-less picture is skipped
    EXPECT_EQ(articles[0].path, "m.xml#1");
    EXPECT_EQ(articles[0].headline, "Library opens late on weekdays");
    EXPECT_EQ(articles[0].byline, std::vector<std::string>{"Tomas Novak"});
    EXPECT_EQ(articles[0].body,
              "The city library will stay open until 10 p.m. on weekdays.\n\n"
              "Staff said evening visits had doubled.");
    EXPECT_EQ(articles[0].date, "2024-06-20");
    EXPECT_EQ(articles[1].path, "m.xml#2");
    EXPECT_EQ(articles[1].body,
              "Unions called off Monday's rail strike.\n\nTalks will resume next week.");
    EXPECT_EQ(articles[1].date, "2024-06-19");
}

TEST(NewsXml, NewsMl1EnvelopeWithNitfContent) {
    // NewsML 1.x (the older envelope many agencies still send) wraps NITF in DataContent.
    const auto articles = parse_news_xml(
        "<NewsML><NewsItem><NewsComponent><ContentItem><DataContent>"
        "<nitf><body><body.head><hedline><hl1>Port strike ends</hl1></hedline></body.head>"
        "<body.content><p>Dock workers returned on Monday.</p></body.content></body></nitf>"
        "</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>",
        "n1.xml");
    ASSERT_EQ(articles.size(), 1u);
    EXPECT_EQ(articles[0].headline, "Port strike ends");
    EXPECT_EQ(articles[0].body, "Dock workers returned on Monday.");
}

TEST(NewsXml, ExternalEntitiesAreNeverResolved) {
    const auto a = only_article("broken/xxe.xml");
    EXPECT_EQ(a.body, "Before after end.");
}

std::string parse_error(std::string_view bytes) {
    try {
        (void)parse_news_xml(bytes, "h.xml");
    } catch (const ParseError& e) {
        return e.what();
    }
    return "(parsed)";
}

std::string nitf(const std::string& dtd, const std::string& headline, const std::string& body) {
    return "<?xml version=\"1.0\"?>\n" + dtd + "<nitf><body><body.head><hedline><hl1>" + headline +
           "</hl1></hedline></body.head><body.content><p>" + body +
           "</p></body.content></body></nitf>";
}

TEST(NewsXml, EntityExpansionBombsAreRefused) {
    EXPECT_EQ(parse_error(nitf(billion_laughs("nitf"), "Laughs", "Before &lol9; after.")),
              "malformed XML: entities that refer to themselves or expand exponentially (an "
              "entity expansion bomb)");
    const auto quadratic = nitf(quadratic_dtd("nitf"), "Quadratic", repeat("&big;", 50000));
    EXPECT_LT(quadratic.size(), 400000u);
    EXPECT_EQ(parse_error(quadratic),
              "XML entities expand to more than 2 MB (an entity expansion bomb)");
    // The same through attribute values (xmlGetProp expands them too).
    auto in_attribute = nitf(quadratic_dtd("nitf"), "Attribute", "Text.");
    in_attribute.replace(
        in_attribute.find("<body>"), 6,
        "<head><pubdata date.publication=\"" + repeat("&big;", 50000) + "\"/></head><body>");
    EXPECT_EQ(parse_error(in_attribute),
              "XML entities expand to more than 2 MB (an entity expansion bomb)");
}

TEST(NewsXml, SmallInternalEntitiesStillExpand) {
    const auto articles = parse_news_xml(
        nitf("<!DOCTYPE nitf [<!ENTITY wire \"Example Wire\">]>\n", "Strike ends, &wire; says",
             "Dock workers returned on Monday, &wire; reported."),
        "e.xml");
    ASSERT_EQ(articles.size(), 1u);
    EXPECT_EQ(articles[0].headline, "Strike ends, Example Wire says");
    EXPECT_EQ(articles[0].body, "Dock workers returned on Monday, Example Wire reported.");
}

TEST(NewsXml, DeepNestingIsRefusedWithAReason) {
    const auto deep =
        nitf("", "Deep", repeat("<span>", 100000) + "text" + repeat("</span>", 100000));
    EXPECT_EQ(parse_error(deep), "malformed XML: elements nested deeper than 256 levels");
    // Within the limit it is read.
    const auto fine = parse_news_xml(
        nitf("", "Nested", repeat("<span>", 200) + "Deep text." + repeat("</span>", 200)), "n.xml");
    EXPECT_EQ(fine.at(0).body, "Deep text.");
}

TEST(NewsXml, EncodingDeclarationsThatLie) {
    // UTF-8 declared over Latin-1 bytes used to be refused ("Input is not proper
    // UTF-8"); Latin-1 declared over UTF-8 bytes came out as "CafÃ©".
    const std::string latin1 = "Caf\xE9 cr\xE8me in M\xFCnster";
    const std::string utf8 = "Caf\xC3\xA9 cr\xC3\xA8me in M\xC3\xBCnster";
    for (const auto& [declared, text] : {std::pair{"UTF-8", latin1}, std::pair{"ISO-8859-1", utf8},
                                         std::pair{"windows-1252", utf8}}) {
        auto xml = nitf("", text, text + ".");
        xml.replace(0, std::string("<?xml version=\"1.0\"?>").size(),
                    "<?xml version=\"1.0\" encoding=\"" + std::string(declared) + "\"?>");
        const auto articles = parse_news_xml(xml, "d.xml");
        ASSERT_EQ(articles.size(), 1u) << declared;
        EXPECT_EQ(articles[0].headline, utf8) << declared;
        EXPECT_EQ(articles[0].body, utf8 + ".") << declared;
    }
}

TEST(NewsXml, Utf16NulsAndInvalidUtf8) {
    const auto xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" +
                     nitf("", "Caf\xE9 quay opens", "Before after.").substr(21);
    for (const auto& bytes : {utf16(xml, true, false), utf16(xml, false, false),
                              utf16(xml, true, true), utf16(xml, false, true)}) {
        const auto articles = parse_news_xml(bytes, "u.xml");
        ASSERT_EQ(articles.size(), 1u);
        EXPECT_EQ(articles[0].headline, "Caf\xC3\xA9 quay opens");
    }
    // A NUL is removed; an invalid byte is read as Windows-1252, never passed on.
    auto damaged = nitf("", "Bad \xC0\xAF bytes", "Before| after \xED\xA0\x80 end.");
    damaged[damaged.find('|')] = '\0';
    const auto articles = parse_news_xml(damaged, "d.xml");
    EXPECT_EQ(articles.at(0).headline, "Bad \xC3\x80\xC2\xAF bytes");
    // ED A0 80: í, a no-break space (collapsed to a space), €.
    EXPECT_EQ(articles.at(0).body, "Before after \xC3\xAD \xE2\x82\xAC end.");
}

TEST(NewsXml, TruncatedXmlIsAParseError) {
    try {
        (void)parse_news_xml(fixture("broken/truncated.xml"), "t.xml");
        ADD_FAILURE() << "parsed";
    } catch (const ParseError& e) {
        EXPECT_TRUE(std::string(e.what()).starts_with("malformed XML")) << e.what();
    }
}

}  // namespace
}  // namespace newsdesk
