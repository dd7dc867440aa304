// detect_format as a table: (path, content) -> format. Content decides first,
// the file name only breaks ties.
#include <gtest/gtest.h>

#include <string>

#include "indexer/formats/parsers.h"

namespace newsdesk {
namespace {

struct Row {
    const char* path;
    std::string content;
    Format expected;
};

void PrintTo(const Row& row, std::ostream* os) {
    *os << row.path << ": " << row.content.substr(0, 40);
}

class DetectFormatTable : public ::testing::TestWithParam<Row> {};

TEST_P(DetectFormatTable, MapsContentAndNameToFormat) {
    const Row& row = GetParam();
    EXPECT_EQ(format_name(detect_format(row.path, row.content)), format_name(row.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Formats, DetectFormatTable,
    ::testing::Values(
        // HTML5 doctype
        Row{"a.html", "<!DOCTYPE html><html><body><p>x</p></body></html>", Format::html},
        // leading whitespace, BOM and a comment before the doctype
        Row{"a", "\xEF\xBB\xBF\n  <!-- cached --><!doctype html><html>", Format::html},
        // XHTML with an XML declaration
        Row{"a.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\"><html>",
            Format::html},
        // a fragment of common tags, no doctype
        Row{"frag", "<div class=\"story\"><p>Text</p></div>", Format::html},
        // a page whose markup opens with a stylesheet link
        Row{"x", "<link rel=\"stylesheet\" href=\"a.css\"><h1>Title</h1>", Format::html},
        // a page saved as .php is still HTML
        Row{"page.php", "<html lang=\"en\"><head>", Format::html},
        // junk before <html>
        Row{"x.dat", "garbage line\n<html><body>", Format::html},
        // RSS 2.0
        Row{"feed.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", Format::feed},
        // Atom, even with a .txt name
        Row{"feed.txt", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", Format::feed},
        // RSS 1.0 with a prefixed root
        Row{"f", "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", Format::feed},
        // NITF
        Row{"s.xml", "<?xml version=\"1.0\"?><nitf><head/>", Format::xml_news},
        // NewsML-G2 news item with a namespace prefix
        Row{"s.xml", "<g2:newsItem xmlns:g2=\"http://iptc.org/std/nar/2006-10-01/\">",
            Format::xml_news},
        // newsMessage and packageItem
        Row{"m", "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">", Format::xml_news},
        Row{"p", "<packageItem>", Format::xml_news},
        // a doctype with an internal subset holding '>' characters
        Row{"x.xml", "<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY a \"b\">]><nitf/>",
            Format::xml_news},
        // other XML (Reuters SGML) is not ours
        Row{"reut2-000.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\">",
            Format::unknown},
        // JSON Lines
        Row{"a.jsonl", "{\"title\": \"a\", \"text\": \"b\"}\n{\"title\": \"c\", \"text\": \"d\"}\n",
            Format::jsonl},
        // JSON Lines with a malformed line and no telling name
        Row{"a", "{\"text\": \"b\"}\n{\"text\": \"unterminated\n{\"text\": \"c\"}\n",
            Format::jsonl},
        // a pretty-printed JSON document is neither JSON Lines nor prose
        Row{"a.json", "{\n  \"title\": \"x\"\n}\n", Format::unknown},
        // text that merely starts with a brace is still text
        Row{"a.txt", "{Editor's note} The council met on Monday.\n", Format::text},
        // plain text
        Row{"a.txt", "Headline\n\nBody text.\n", Format::text},
        // plain text without a name
        Row{"README", "Just some words.", Format::text},
        // Latin-1 text is still text
        Row{"l.txt", "Caf\xE9 au lait\n", Format::text},
        // text named .html stays HTML (the name breaks the tie)
        Row{"a.html", "Plain words in an .html file", Format::html},
        // empty and whitespace-only
        Row{"e.txt", "", Format::unknown}, Row{"e.txt", " \n\t\n", Format::unknown},
        // binary: NUL bytes
        Row{"b.txt",
            std::string("\x7f"
                        "ELF\x02\x01\x01\x00\x00",
                        9),
            Format::unknown},
        // binary: mostly control characters
        Row{"c",
            "\x01\x02\x03\x04\x05\x06\x07\x08"
            "abc",
            Format::unknown}));

}  // namespace
}  // namespace newsdesk
