// common/lang/language.h and common/lang/snowball_stem.h: which stemmer a language gets,
// libstemmer's stemmers behind Xapian::Stem, and writing scripts.
#include "common/lang/language.h"

#include <gtest/gtest.h>
#include <libstemmer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian/unicode.h>

#include "common/data_dir.h"
#include "common/lang/snowball_stem.h"
#include "common/lang/stopwords.h"
#include "common/unicode_fold.h"

namespace newsdesk {
namespace {

// What libstemmer itself answers, for comparing the wrapper with.
std::string libstemmer_stem(const char* algorithm, const std::string& word) {
    sb_stemmer* s = sb_stemmer_new(algorithm, "UTF_8");
    const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    std::string stem(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s)));
    sb_stemmer_delete(s);
    return stem;
}

struct StemRow {
    const char* algorithm;
    std::string word;
    std::string stem;  // Snowball's own result (snowball-data's voc/output files agree)
};

const StemRow kStems[] = {
    // Hindi: the oblique plural ending -ियों and the vowel -ी both go.
    {"hindi", "मंत्रियों", "मंत्र"},
    {"hindi", "मंत्री", "मंत्र"},
    {"hindi", "अकादमियों", "अकादम"},
    {"hindi", "संबंधों", "संबंध"},
    // Greek: case endings go and accents are removed.
    {"greek", "ανθρώπων", "ανθρωπ"},
    {"greek", "άνθρωπος", "ανθρωπ"},
    {"greek", "κυβέρνησης", "κυβερνησ"},
};

TEST(LibstemmerStem, StemsAsLibstemmerDoesThroughXapianStem) {
    for (const auto& row : kStems) {
        const Xapian::Stem stem(new LibstemmerStem(row.algorithm));
        EXPECT_EQ(stem(row.word), row.stem) << row.algorithm << " " << row.word;
        EXPECT_EQ(stem(row.word), libstemmer_stem(row.algorithm, row.word)) << row.word;
    }
}

TEST(LibstemmerStem, UnknownAlgorithmIsAnInvalidArgument) {
    EXPECT_THROW(LibstemmerStem("klingon"), Xapian::InvalidArgumentError);
    EXPECT_TRUE(LibstemmerStem::available("hindi"));
    EXPECT_TRUE(LibstemmerStem::available("hi"));
    EXPECT_FALSE(LibstemmerStem::available("klingon"));
}

TEST(LibstemmerStem, TermGeneratorAndQueryParserUseIt) {
    Xapian::Document doc;
    Xapian::TermGenerator tg;
    tg.set_document(doc);
    tg.set_stemmer(stemmer_for("hi"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.index_text("विदेश मंत्रियों की बैठक");
    std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    EXPECT_NE(std::find(terms.begin(), terms.end(), "Zमंत्र"), terms.end());
    EXPECT_NE(std::find(terms.begin(), terms.end(), "मंत्रियों"), terms.end());  // the exact form, for phrases

    Xapian::QueryParser qp;
    qp.set_stemmer(stemmer_for("hi"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    EXPECT_EQ(qp.parse_query("मंत्री").get_description(), "Query(Zमंत्र@1)");
}

TEST(LibstemmerStem, SeparateStemmersInThreadsAgreeWithOneThread) {
    std::vector<std::string> words;
    for (const auto& row : kStems)
        if (std::string(row.algorithm) == "hindi") words.push_back(row.word);
    std::vector<std::string> expected;
    const Xapian::Stem alone = stemmer_for("hi");
    for (const auto& w : words) expected.push_back(alone(w));
    std::vector<std::vector<std::string>> got(4);
    std::vector<std::thread> threads;
    for (auto& out : got) {
        threads.emplace_back([&words, &out] {
            const Xapian::Stem stem = stemmer_for("hi");  // one per thread, as the indexer does
            for (int round = 0; round < 2000; ++round)
                for (const auto& w : words) out.push_back(stem(w));
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& out : got) {
        ASSERT_EQ(out.size(), 2000 * words.size());
        for (std::size_t i = 0; i < out.size(); ++i) ASSERT_EQ(out[i], expected[i % words.size()]);
    }
}

struct ChoiceRow {
    std::string language;
    std::string description;  // Xapian::Stem::get_description()
};

const ChoiceRow kChoices[] = {
    {"de", "Xapian::Stem(german)"},
    {"fr", "Xapian::Stem(french)"},
    {"ar", "Xapian::Stem(arabic)"},
    {"en", "Xapian::Stem(english)"},
    {"pt-BR", "Xapian::Stem(portuguese)"},   // the primary subtag decides
    {"ES", "Xapian::Stem(spanish)"},         // case does not matter
    {"nb", "Xapian::Stem(norwegian)"},
    // Xapian 1.4 lacks these; libstemmer 2.2 has them.
    {"hi", "Xapian::Stem(libstemmer:hi)"},
    {"el", "Xapian::Stem(libstemmer:el)"},
    {"sr", "Xapian::Stem(libstemmer:sr)"},
    {"yi", "Xapian::Stem(libstemmer:yi)"},
    // Neither has one: no stemming rather than another language's.
    {"zh", "Xapian::Stem(none)"},
    {"ja", "Xapian::Stem(none)"},
    {"th", "Xapian::Stem(none)"},
    {"cs", "Xapian::Stem(none)"},
    {"xx", "Xapian::Stem(none)"},
    {"", "Xapian::Stem(none)"},
    // Algorithm names are not language codes.
    {"english", "Xapian::Stem(none)"},
    {"porter", "Xapian::Stem(none)"},
    {"none", "Xapian::Stem(none)"},
};

TEST(StemmerFor, PicksTheLanguagesOwnStemmerOrNone) {
    for (const auto& row : kChoices) EXPECT_EQ(stemmer_for(row.language).get_description(), row.description) << row.language;
    EXPECT_TRUE(has_stemmer("hi"));
    EXPECT_FALSE(has_stemmer("zh"));
}

// The words of the bundled Wikinews articles, lower-cased and folded as the
// snippet code reads them before stemming with English (searcher/snippet.cpp).
std::vector<std::string> wikinews_words() {
    std::vector<std::string> words;
    for (const auto* name : {"wikinews-2019.jsonl", "wikinews-2020-2021.jsonl"}) {
        std::ifstream in(std::string(NEWSDESK_SOURCE_DIR) + "/corpus/wikinews/" + name);
        for (std::string line; std::getline(in, line);) {
            const auto text = nlohmann::json::parse(line).at("text").get<std::string>();
            std::string word;
            for (Xapian::Utf8Iterator it(text), end;; ++it) {
                if (it != end && Xapian::Unicode::is_wordchar(*it)) {
                    Xapian::Unicode::append_utf8(word, *it);
                    continue;
                }
                if (!word.empty()) words.push_back(Xapian::Unicode::tolower(fold_for_search(word)));
                word.clear();
                if (it == end) break;
            }
        }
    }
    return words;
}

// The snippet code compares a word's first letter with the query stems' before
// stemming it, for the stemmers that keep it; a stemmer that strips prefixes
// must not claim to.
TEST(StemmerFor, StemsKeepTheWordsFirstLetterWhereClaimed) {
    EXPECT_TRUE(keeps_first_letter(stemmer_for("en")));
    EXPECT_TRUE(keeps_first_letter(Xapian::Stem("none")));
    EXPECT_FALSE(keeps_first_letter(stemmer_for("id")));  // "menggunakan" -> "guna"
    EXPECT_EQ(stemmer_for("id")("menggunakan"), "guna");
    EXPECT_FALSE(keeps_first_letter(stemmer_for("fr")));  // not checked against French text
    EXPECT_FALSE(keeps_first_letter(stemmer_for("hi")));

    const auto english = stemmer_for("en");
    const auto words = wikinews_words();
    ASSERT_GT(words.size(), 50000u);
    std::size_t checked = 0;
    for (const auto& word : words) {
        if (static_cast<unsigned char>(word[0]) >= 0x80) continue;
        const auto stem = english(word);
        ASSERT_FALSE(stem.empty()) << word;
        EXPECT_EQ(stem[0], word[0]) << word << " -> " << stem;
        ++checked;
    }
    EXPECT_GT(checked, 50000u);
    // Porter2's exceptions change a later letter, never the first.
    EXPECT_EQ(english("dying"), "die");
    EXPECT_EQ(english("skies"), "sky");
}

// It compares the second letter too, for the stemmers that keep it but for
// a y: Porter2's exceptions ("dying" -> "die") change a y there and nothing
// else does.
TEST(StemmerFor, StemsKeepTheWordsSecondLetterButAYWhereClaimed) {
    EXPECT_TRUE(keeps_first_two_letters(stemmer_for("en")));
    EXPECT_TRUE(keeps_first_two_letters(Xapian::Stem("none")));
    EXPECT_FALSE(keeps_first_two_letters(stemmer_for("id")));
    EXPECT_FALSE(keeps_first_two_letters(stemmer_for("fr")));  // not checked against French text
    EXPECT_FALSE(keeps_first_two_letters(stemmer_for("hi")));

    const auto english = stemmer_for("en");
    std::size_t checked = 0;
    for (const auto& word : wikinews_words()) {
        if (word.size() < 2 || static_cast<unsigned char>(word[0]) >= 0x80 ||
            static_cast<unsigned char>(word[1]) >= 0x80 || word[1] == 'y')
            continue;
        const auto stem = english(word);
        if (stem.size() < 2) continue;
        EXPECT_EQ(stem.substr(0, 2), word.substr(0, 2)) << word << " -> " << stem;
        ++checked;
    }
    EXPECT_GT(checked, 50000u);
    EXPECT_EQ(english("dying"), "die");
    EXPECT_EQ(english("lying"), "lie");
    EXPECT_EQ(english("tying"), "tie");
    EXPECT_EQ(english("skies"), "sky");
}

// And it skips an ASCII word that begins with no query stem but its last two
// letters, for the stemmers whose stems keep that much of the word.
TEST(StemmerFor, StemsButTheirLastTwoLettersBeginTheWordWhereClaimed) {
    EXPECT_TRUE(keeps_stem_start(stemmer_for("en")));
    EXPECT_TRUE(keeps_stem_start(Xapian::Stem("none")));
    EXPECT_FALSE(keeps_stem_start(stemmer_for("id")));
    EXPECT_FALSE(keeps_stem_start(stemmer_for("fr")));  // not checked against French text
    EXPECT_FALSE(keeps_stem_start(stemmer_for("hi")));

    const auto english = stemmer_for("en");
    std::size_t checked = 0, rewritten = 0;
    for (const auto& word : wikinews_words()) {
        if (!std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            continue;
        const auto stem = english(word);
        const std::size_t kept = stem.size() > 2 ? stem.size() - 2 : 0;
        EXPECT_EQ(word.substr(0, kept), stem.substr(0, kept)) << word << " -> " << stem;
        ++checked;
        rewritten += !word.starts_with(stem);
    }
    EXPECT_GT(checked, 50000u);
    EXPECT_GT(rewritten, 1000u) << "stems that are not the word's start (happily -> happili) are among them";
    // Porter2's rewrites and exceptions, each within a stem's last two letters.
    EXPECT_EQ(english("possibilities"), "possibl");
    EXPECT_EQ(english("happily"), "happili");
    EXPECT_EQ(english("dying"), "die");
}

// The snippet code also skips an ASCII word shorter than every query stem with
// its first letter, for the stemmers whose stems are never longer than the word.
TEST(StemmerFor, StemsAreNoLongerThanTheWordWhereClaimed) {
    EXPECT_TRUE(never_lengthens(stemmer_for("en")));
    EXPECT_TRUE(never_lengthens(Xapian::Stem("none")));
    EXPECT_FALSE(never_lengthens(stemmer_for("fr")));  // not checked against French text
    EXPECT_FALSE(never_lengthens(stemmer_for("hi")));

    const auto english = stemmer_for("en");
    std::size_t checked = 0;
    for (const auto& word : wikinews_words()) {
        if (!std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            continue;
        EXPECT_LE(english(word).size(), word.size()) << word << " -> " << english(word);
        ++checked;
    }
    EXPECT_GT(checked, 50000u);
    // Where Porter2 puts a letter back it has taken more away.
    EXPECT_EQ(english("hoping"), "hope");
    EXPECT_EQ(english("conflated"), "conflat");
    EXPECT_EQ(english("ugly"), "ugli");
}

// A language's stopper knows every word of its list, first to last, and no other.
TEST(Stopwords, EveryWordOfTheListAndNoOther) {
    const Xapian::Stopper* english = stopper_for("en");
    ASSERT_NE(english, nullptr);
    const auto words = read_data_list("stopwords/en.txt");
    ASSERT_GT(words.size(), 100u);
    for (const auto& w : words) EXPECT_TRUE((*english)(w)) << w;
    for (const std::string w : {"korea", "", "yourselvesx", "The", "abou"}) EXPECT_FALSE((*english)(w)) << w;
    EXPECT_EQ(stopper_for("xx"), nullptr);  // no list: nothing is a stopword
}

// So does every language's, whatever order its file keeps (the stopper sorts
// a list only when it is not sorted already).
TEST(Stopwords, EveryListsWordsAreItsStopwords) {
    std::size_t lists = 0;
    for (const auto& file : std::filesystem::directory_iterator(data_dir() / "stopwords")) {
        if (file.path().extension() != ".txt") continue;
        const std::string code = file.path().stem().string();
        const Xapian::Stopper* stopper = stopper_for(code);
        ASSERT_NE(stopper, nullptr) << code;
        const auto words = read_data_list("stopwords/" + code + ".txt");
        ASSERT_FALSE(words.empty()) << code;
        for (const auto& w : words) EXPECT_TRUE((*stopper)(w)) << code << ": " << w;
        EXPECT_FALSE((*stopper)("zzqqxx")) << code;
        ++lists;
    }
    EXPECT_GE(lists, 15u);
}

TEST(Scripts, WordScriptAndLanguageFit) {
    EXPECT_EQ(script_of("passwort"), "Latn");
    EXPECT_EQ(script_of("मंत्रियों"), "Deva");
    EXPECT_EQ(script_of("مقاتل"), "Arab");
    EXPECT_EQ(script_of("会談"), "Hani");
    EXPECT_EQ(script_of("2024"), "");
    EXPECT_TRUE(script_fits("Latn", "de"));
    EXPECT_FALSE(script_fits("Latn", "hi"));
    EXPECT_TRUE(script_fits("Deva", "hi"));
    EXPECT_TRUE(script_fits("Deva", "ne"));
    EXPECT_TRUE(script_fits("Hebr", "yi"));  // Yiddish, not the Yi script
    EXPECT_TRUE(script_fits("Hira", "ja"));
    EXPECT_TRUE(script_fits("Hani", "ja"));
    EXPECT_TRUE(script_fits("Cyrl", "sr"));
    EXPECT_TRUE(script_fits("Latn", "sr"));
    EXPECT_FALSE(script_fits("Latn", "ru"));
    EXPECT_TRUE(script_fits("Latn", "xx"));  // unknown language: any script
    EXPECT_TRUE(is_cjk(U'会'));
    EXPECT_TRUE(is_cjk(U'の'));
    EXPECT_FALSE(is_cjk(U'a'));
}

}  // namespace
}  // namespace newsdesk
