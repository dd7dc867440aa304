// indexer/input/encoding.h: which encoding a document is read in (BOM, BOM-less UTF-16,
// the bytes' own evidence, the declaration), and the decoder that turns it into
// valid UTF-8 without NULs, whole or chunk by chunk.
#include "indexer/input/encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/text.h"

namespace newsdesk {
namespace {

using Kind = Encoding::Kind;

std::string utf16(std::u16string_view text, bool little_endian, bool bom) {
    std::string out;
    const auto put = [&](char16_t u) {
        const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
        out += little_endian ? lo : hi;
        out += little_endian ? hi : lo;
    };
    if (bom) put(0xFEFF);
    for (char16_t u : text) put(u);
    return out;
}

std::string decode_in_pieces(const Encoding& encoding, std::string_view bytes, std::size_t piece) {
    TextDecoder decoder(encoding);
    std::string out;
    for (std::size_t pos = 0; pos < bytes.size(); pos += piece)
        decoder.decode(bytes.substr(pos, piece), out, pos + piece >= bytes.size());
    if (bytes.empty()) decoder.decode({}, out, true);
    return out;
}

TEST(ChooseEncoding, BomsBytesAndDeclarations) {
    struct Row {
        std::string head;
        bool markup;
        Encoding expected;
    };
    const std::vector<Row> rows = {
        {"\xEF\xBB\xBF<p>caf\xC3\xA9</p>", true, {}},
        {"\xFF\xFE<\0p\0>\0", true, {Kind::utf16le, {}}},
        {"\xFE\xFF\0<\0p\0>", true, {Kind::utf16be, {}}},
        // BOM-less UTF-16: the NUL bytes of its ASCII characters.
        {utf16(u"<html><p>Caf\u00e9 owners</p></html>", true, false), true, {Kind::utf16le, {}}},
        {utf16(u"<html><p>Caf\u00e9 owners</p></html>", false, false), true, {Kind::utf16be, {}}},
        {utf16(u"Caf\u00e9 owners welcome the rules", true, false), false, {Kind::utf16le, {}}},
        // Valid UTF-8 with a non-ASCII character wins over a Latin-1 declaration...
        {"<meta charset=iso-8859-1><p>caf\xC3\xA9</p>", true, {}},
        {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xC3\xA9</a>", true, {}},
        // ...and over any other.
        {"<meta charset=windows-1251><p>caf\xC3\xA9</p>", true, {}},
        // Invalid UTF-8 under a Latin-1 declaration is Windows-1252.
        {"<meta charset=\"ISO-8859-1\"><p>caf\xE9</p>", true, {Kind::cp1252, {}}},
        // Declared UTF-8 over Latin-1 bytes: UTF-8 with the Windows-1252 fallback.
        {"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>caf\xE9</a>", true, {}},
        // Another legacy charset, through iconv.
        {"<meta charset=windows-1251><p>\xCC\xEE\xF1\xEA\xE2\xE0</p>",
         true,
         {Kind::other, "windows-1251"}},
        // Declarations the bytes cannot be in, or that iconv does not know: ignored.
        {"<meta charset=utf-16><p>caf\xE9</p>", true, {}},
        {"<meta charset=x-no-such-charset><p>caf\xE9</p>", true, {}},
        // Text and JSON Lines have no declarations: a <meta> in them is text.
        {"<meta charset=windows-1251> caf\xE9", false, {}},
        // Stray NULs in ASCII text are not UTF-16.
        {std::string("ab\0cd efgh ijkl", 15), true, {}},
    };
    for (std::size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(choose_encoding(rows[i].head, true, rows[i].markup), rows[i].expected)
            << "row " << i;
}

TEST(ChooseEncoding, AHeadCutInsideACharacterIsStillUtf8) {
    const std::string head = "<rss><title>caf\xC3\xA9 cr\xC3";  // "crè" cut after its first byte
    EXPECT_EQ(choose_encoding(head, false, true), Encoding{});
    // The same bytes as a whole document are not valid UTF-8: the fallback applies.
    EXPECT_EQ(choose_encoding("<meta charset=latin1>" + head, true, true),
              (Encoding{Kind::cp1252, {}}));
}

TEST(TextDecoder, OverlongAndInvalidUtf8NeverPassesThrough) {
    // Each sequence is invalid UTF-8: it is decoded byte by byte as Windows-1252
    // (to_utf8's rule), never as the character it would spell if it were allowed.
    struct Row {
        std::string bytes, expected;
    };
    const std::vector<Row> rows = {
        {"\xC0\xAF", "\xC3\x80\xC2\xAF"},                  // overlong '/': not "/"
        {"\xE0\x80\xAF", "\xC3\xA0\xE2\x82\xAC\xC2\xAF"},  // overlong '/', three bytes
        {"\xED\xA0\x80", "\xC3\xAD\xC2\xA0\xE2\x82\xAC"},  // a UTF-16 surrogate
        {"\xF8\x88\x80\x80\x80",
         "\xC3\xB8\xCB\x86\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC"},  // 5 bytes
        {"\xFC\x84\x80\x80\x80\x80",
         "\xC3\xBC\xE2\x80\x9E\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC"},  // 6 bytes
        {"\xF5\xFE\xFF", "\xC3\xB5\xC3\xBE\xC3\xBF"},
        {"\xF4\x90\x80\x80", "\xC3\xB4\xC2\x90\xE2\x82\xAC\xE2\x82\xAC"},  // above U+10FFFF
    };
    for (const auto& row : rows) {
        const auto text = "a " + row.bytes + " b";
        for (std::size_t piece : {1u, 2u, 100u}) {
            const auto out = decode_in_pieces({}, text, piece);
            EXPECT_TRUE(is_valid_utf8(out)) << piece;
            EXPECT_EQ(out, "a " + row.expected + " b") << piece;
            EXPECT_EQ(out.find('/'), std::string::npos);
        }
        EXPECT_EQ(decode_markup(text), "a " + row.expected + " b");
        EXPECT_EQ(decode_text(text), "a " + row.expected + " b");
    }
}

TEST(TextDecoder, PiecesDecodeAsTheWhole) {
    const std::string utf8 = "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x93\xB0 news";
    const std::string cyrillic = "\xCC\xEE\xF1\xEA\xE2\xE0";  // "Москва" in windows-1251
    const std::string sjis = "\x93\x8C\x8B\x9E";              // "東京" in Shift_JIS
    struct Row {
        Encoding encoding;
        std::string bytes, expected;
    };
    const std::vector<Row> rows = {
        {{}, "\xEF\xBB\xBF" + utf8, utf8},
        {{Kind::cp1252, {}},
         "caf\xE9 \x93quoted\x94",
         "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"},
        {{Kind::utf16le, {}},
         utf16(u"Caf\u00e9 \U0001F4F0 news", true, true),
         "Caf\xC3\xA9 \xF0\x9F\x93\xB0 news"},
        {{Kind::utf16be, {}},
         utf16(u"Caf\u00e9 \U0001F4F0 news", false, false),
         "Caf\xC3\xA9 \xF0\x9F\x93\xB0 news"},
        {{Kind::other, "windows-1251"},
         cyrillic,
         "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
        {{Kind::other, "shift_jis"}, sjis, "\xE6\x9D\xB1\xE4\xBA\xAC"},
    };
    for (const auto& row : rows)
        for (std::size_t piece : {1u, 2u, 3u, 1000u})
            EXPECT_EQ(decode_in_pieces(row.encoding, row.bytes, piece), row.expected)
                << row.encoding.name << " " << piece;
}

TEST(TextDecoder, BrokenUtf16BecomesReplacementCharacters) {
    // An unpaired high surrogate, an unpaired low one, and an odd byte at the end.
    std::string bytes = utf16(u"a", true, false) + std::string("\x3D\xD8", 2) +
                        utf16(u"b", true, false) + std::string("\x00\xDC", 2) + "c";
    EXPECT_EQ(decode_in_pieces({Kind::utf16le, {}}, bytes, 1),
              "a\xEF\xBF\xBD"
              "b\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(TextDecoder, NulsAreRemovedNotTruncating) {
    const std::string text("before\0 after\0", 14);
    EXPECT_EQ(decode_text(text), "before after");
    EXPECT_EQ(decode_markup("<p>" + text + "</p>"), "<p>before after</p>");
    EXPECT_EQ(decode_in_pieces({Kind::cp1252, {}}, text, 3), "before after");
    EXPECT_EQ(decode_text(utf16(std::u16string(u"before\0 after", 13), true, true)),
              "before after");
    EXPECT_EQ(strip_nul(std::string("\0a\0\0b\0", 6)), "ab");
}

}  // namespace
}  // namespace newsdesk
