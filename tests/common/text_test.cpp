// common/text.h: encoding repair, whitespace and paragraph helpers.
#include "common/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/lang/language.h"
#include "common/schema.h"
#include "common/unicode_fold.h"

namespace newsdesk {
namespace {

TEST(ToUtf8, KeepsValidUtf8Unchanged) {
    const std::string s = "China\xE2\x80\x99s caf\xC3\xA9";
    EXPECT_EQ(to_utf8(s), s);
}

TEST(ToUtf8, ReadsLatin1BytesAsCharacters) {
    // "café Münster" in ISO-8859-1
    EXPECT_EQ(to_utf8("caf\xE9 M\xFCnster"), "caf\xC3\xA9 M\xC3\xBCnster");
}

TEST(ToUtf8, ReadsWindows1252Quotes) {
    // 0x93/0x94 are curly double quotes in Windows-1252
    EXPECT_EQ(to_utf8("\x93hi\x94"), "\xE2\x80\x9Chi\xE2\x80\x9D");
}

TEST(ToUtf8, RepairsInvalidBytesInsideUtf8) {
    // a valid é followed by a stray continuation byte and a truncated sequence
    const auto out = to_utf8("\xC3\xA9 \xA9 \xE2\x80");
    EXPECT_TRUE(is_valid_utf8(out));
    EXPECT_EQ(out.substr(0, 2), "\xC3\xA9");
}

TEST(IsValidUtf8, RejectsOverlongAndSurrogates) {
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong "/"
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));     // U+D800
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600
}

TEST(CollapseWhitespace, FoldsNbspAndTrims) {
    EXPECT_EQ(collapse_whitespace("\xC2\xA0 a\t\n b\xC2\xA0\xC2\xA0"
                                  "c \xE2\x80\x8B"),
              "a b c");
}

TEST(CollapseWhitespace, EmptyAndAllSpace) {
    EXPECT_EQ(collapse_whitespace(""), "");
    EXPECT_EQ(collapse_whitespace(" \xC2\xA0\n"), "");
}

// Long runs of plain ASCII are read eight bytes at a time: whitespace of any
// kind, alone or doubled, at every offset of a long sentence, and a byte
// outside plain ASCII beside it, collapse as they do in a short text.
TEST(CollapseWhitespace, LongRunsCollapseAtEveryOffset) {
    const std::string plain = "The quick brown fox jumps over the lazy dog, said a witness on Tuesday.";
    const auto words_joined = [](std::string_view text) {  // the ASCII words, one space between
        std::string out;
        std::size_t at = 0;
        while ((at = text.find_first_not_of(" \t\n\v\f\r", at)) != std::string_view::npos) {
            const auto end = std::min(text.size(), text.find_first_of(" \t\n\v\f\r", at));
            if (!out.empty()) out += ' ';
            out.append(text.substr(at, end - at));
            at = end;
        }
        return out;
    };
    for (const std::string gap : {" ", "  ", "\t", " \n", "\n\n", "\r\n ", " \x0b"}) {
        for (std::size_t at = 0; at <= plain.size(); ++at) {
            const std::string text = plain.substr(0, at) + gap + plain.substr(at) + gap;
            EXPECT_EQ(collapse_whitespace(text), words_joined(text)) << "gap at " << at;
        }
    }
    for (std::size_t at = 0; at + 1 < plain.size(); ++at) {
        std::string with_nbsp = plain;
        with_nbsp.replace(at, 1, "\xC2\xA0");  // a no-break space is a space
        EXPECT_EQ(collapse_whitespace(with_nbsp), words_joined(plain.substr(0, at) + " " + plain.substr(at + 1)));
        std::string with_control = plain;
        with_control[at] = '\x01';  // a control character other than whitespace is kept
        EXPECT_EQ(collapse_whitespace(with_control), with_control);
    }
}

TEST(Paragraphs, JoinDropsEmptyAndCollapses) {
    EXPECT_EQ(join_paragraphs({"  one\n two ", "", " \xC2\xA0", "three"}), "one two\n\nthree");
}

TEST(Paragraphs, SplitIsInverseOfJoin) {
    const std::vector<std::string> paras = {"First para.", "Second one.", "Third."};
    EXPECT_EQ(split_paragraphs(join_paragraphs(paras)), paras);
    EXPECT_EQ(split_paragraphs("\n\na\n\n\n\nb\n"), (std::vector<std::string>{"a", "b"}));
}

TEST(Text, SplitWordsTakesTheRunsBetweenSpacesAndTabs) {
    EXPECT_EQ(split_words("  Türkiye \t earthquake  "), (std::vector<std::string_view>{"Türkiye", "earthquake"}));
    EXPECT_EQ(split_words("victor cha"), (std::vector<std::string_view>{"victor", "cha"}));
    EXPECT_TRUE(split_words(" \t ").empty());
}

TEST(Utf8Prefix, DoesNotSplitACodePoint) {
    EXPECT_EQ(utf8_prefix("a\xC3\xA9", 2), "a");
    EXPECT_EQ(utf8_length("a\xC3\xA9"), 2u);
}

TEST(Printable, MessagesStayOneUnambiguousLine) {
    EXPECT_EQ(printable("corpus/plain name.txt"), "corpus/plain name.txt");
    EXPECT_EQ(printable("caf\xC3\xA9 \xE6\x9D\xB1.txt"), "caf\xC3\xA9 \xE6\x9D\xB1.txt");
    EXPECT_EQ(printable("new\nline\r\ttab"), "new\\nline\\r\\ttab");
    EXPECT_EQ(printable("caf\xE9.txt"), "caf\\xE9.txt");   // not UTF-8
    EXPECT_EQ(printable("back\\slash"), "back\\\\slash");  // so "\xE9" above is unambiguous
    EXPECT_EQ(printable(std::string("nul\0\x1B[31m", 9)), "nul\\x00\\x1B[31m");
    EXPECT_EQ(printable("nel\xC2\x85 ls\xE2\x80\xA8"), "nel\\u0085 ls\\u2028");
    EXPECT_EQ(printable("\x7F"), "\\x7F");
}

}  // namespace
}  // namespace newsdesk

// Issue 19: text as indexed and searched (common/unicode_fold.h).

namespace {

TEST(FoldForSearch, DropsTheAccentsOfLatinLettersAndCompatibilityForms) {
    const struct {
        std::string in, out;
    } rows[] = {
        {"Vázquez", "Vazquez"},
        {"Müller", "Muller"},
        {"Agnès Callamard", "Agnes Callamard"},
        {"Türkiye", "Turkiye"},
        {"Vaz\xCC\x81quez", "Vazquez"},  // a combining acute accent, not precomposed
        {"\xEF\xAC\x81nance", "finance"},  // the "fi" ligature
        {"\xEF\xBC\xA3\xEF\xBC\xAF\xEF\xBC\xB6\xEF\xBC\xA9\xEF\xBC\xA4", "COVID"},  // full-width letters
        {"“defence pact”", "\"defence pact\""},
        {"China’s", "China's"},
        // Letters without a decomposition stay, and so do marks of other scripts.
        {"Straße", "Straße"},
        {"मंत्रियों", "मंत्रियों"},
        {"plain ASCII", "plain ASCII"},
        // ASCII is copied and only the rest goes through ICU: a mark still
        // goes with the ASCII letter before it, at the start and the end too.
        {"e\xCC\x81t\xC3\xA9 and cafe\xCC\x81", "ete and cafe"},
        {"\xCC\x81" "after a bare mark", "\xCC\x81" "after a bare mark"},  // split: \x81af would read on as hex
        {"1\xCC\x81 stays, Zo\xC3\xAB goes", "1\xCC\x81 stays, Zoe goes"},
        {"\xEF\xAC\x81nance\xEF\xAC\x81 \xE2\x80\x9Cx\xE2\x80\x9D", "financefi \"x\""},
        {"Moscow (\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0) and Pe\xCC\x81k", "Moscow (Москва) and Pek"},
    };
    for (const auto& row : rows) EXPECT_EQ(newsdesk::fold_for_search(row.in), row.out) << row.in;
}

TEST(FoldForSearch, AsciiQuotesLeavesAccents) {
    EXPECT_EQ(newsdesk::ascii_quotes("“adoptée”"), "\"adoptée\"");
}

TEST(FoldForSearch, OnlyStemmersThatIgnoreAccentsReadFoldedText) {
    EXPECT_TRUE(newsdesk::folds_accents(newsdesk::stemmer_for("en")));
    EXPECT_TRUE(newsdesk::folds_accents(Xapian::Stem("none")));
    // French "adoptée" and "adopté" share a stem only with their accents.
    EXPECT_FALSE(newsdesk::folds_accents(newsdesk::stemmer_for("fr")));
    EXPECT_FALSE(newsdesk::folds_accents(newsdesk::stemmer_for("de")));
}

TEST(FoldForSearch, FacetAndNameValuesFoldToo) {
    EXPECT_EQ(newsdesk::normalise_term_value("Wanda Vázquez"), "wanda vazquez");
    EXPECT_EQ(newsdesk::normalise_term_value("MÜLLER"), "muller");
}

}  // namespace
