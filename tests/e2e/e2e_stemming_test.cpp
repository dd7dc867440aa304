// End to end, stemming by language and CJK n-grams (issue 5): real articles in
// German, French, Hindi, Arabic, Chinese and English indexed by newsdesk-index,
// searched with newsdesk-search. Each inflected query form is first shown to be
// absent as an exact form (a one-word phrase matches only the exact form), so a
// hit can only come from the article language's stemmer.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "tests/support/e2e_support.h"

namespace {

using newsdesk::test::kIndex;
using newsdesk::test::kSeed;
using newsdesk::test::run;
using newsdesk::test::TempDir;

const std::string kFixtures = std::string(NEWSDESK_SOURCE_DIR) + "/tests/fixtures";
const std::string kGerman = "1Password für Mac generiert Einmal-Passwörter";
const std::string kFrench = "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée";
const std::string kArabic = "معارضون يسيطرون على مخازن للصواريخ بريف دمشق";
const std::string kChinese = "外国专家：中美合作共赢符合国际社会利益";
const std::string kSeedHeadline =
    "Russia-North Korea pact could dent China’s influence, but Beijing still holds sway over both";

class Stemming : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir = new TempDir;
        db = (dir->path() / "db").string();
        const auto r = run({kIndex, "--db", db, kFixtures + "/html/readability-heise.html.gz",
                            kFixtures + "/intl/readability-lemonde-1.html.gz",
                            kFixtures + "/intl/newspaper4k-arabic_article.html.gz",
                            kFixtures + "/intl/newspaper4k-chinese_article_001.html.gz",
                            kFixtures + "/intl/ilner-hindi-diplomacy.txt", kSeed});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { delete dir; }

    static nlohmann::json search(const std::vector<std::string>& args) { return newsdesk::test::search_json(db, args); }

    static std::vector<std::string> headlines(const std::string& query) {
        std::vector<std::string> out;
        const auto result = search({query});
        for (const auto& hit : result["hits"]) out.push_back(hit["headline"]);
        return out;
    }

    // The hit with `headline` for `query`, or null.
    static nlohmann::json hit(const std::string& query, const std::string& headline) {
        const auto result = search({query});
        for (const auto& h : result["hits"])
            if (h["headline"] == headline) return h;
        return nullptr;
    }

    static inline TempDir* dir = nullptr;
    static inline std::string db;
};

TEST_F(Stemming, ArticlesHaveTheirLanguages) {
    const auto facets = search({"--facets", "language", "--limit", "0", ""})["facets"]["language"];
    std::vector<std::string> languages;
    for (const auto& f : facets) languages.push_back(f["value"]);
    std::sort(languages.begin(), languages.end());
    EXPECT_EQ(languages, (std::vector<std::string>{"ar", "de", "en", "fr", "hi", "zh"}));
}

TEST_F(Stemming, GermanInflectedFormFindsTheGermanArticle) {
    // The article has "Passwortmanagers" and "Passwortmanager", never the dative plural.
    EXPECT_TRUE(headlines("\"passwortmanagern\"").empty());
    const auto h = hit("passwortmanagern", kGerman);
    ASSERT_FALSE(h.is_null());
    EXPECT_NE(h["snippet"].get<std::string>().find("**Passwortmanager"), std::string::npos) << h["snippet"];
    // Written as German writes nouns, with a capital, it is stemmed all the same.
    EXPECT_FALSE(hit("Passwortmanagern", kGerman).is_null());
}

TEST_F(Stemming, FrenchInflectedFormsFindTheFrenchArticle) {
    // Le Monde writes "approuvé" and "adopté"; the infinitive and the feminine are not in it.
    for (const std::string word : {"approuver", "adoptée"}) {
        EXPECT_TRUE(headlines("\"" + word + "\"").empty()) << word;
        EXPECT_EQ(headlines(word), std::vector<std::string>{kFrench}) << word;
    }
}

TEST_F(Stemming, HindiInflectedFormFindsTheHindiTextWithLibstemmer) {
    // The text has the oblique plurals "संबंधों" and "अकादमियों" only.
    for (const std::string word : {"संबंध", "अकादमी"}) {
        EXPECT_TRUE(headlines("\"" + word + "\"").empty()) << word;
        const auto found = search({word})["hits"];
        ASSERT_EQ(found.size(), 1u) << word;
        EXPECT_EQ(found[0]["language"], "hi");
    }
    // The snippet marks the inflected form, read with the Hindi stemmer.
    const auto found = search({"संबंध"})["hits"];
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0]["snippet"].get<std::string>().find("**संबंधों**"), std::string::npos) << found[0]["snippet"];
}

TEST_F(Stemming, ArabicSingularFindsThePlural) {
    // CNN Arabic writes "مقاتلين" (fighters); the singular "مقاتل" is not a word of it.
    EXPECT_TRUE(headlines("\"مقاتل\"").empty());
    const auto h = hit("مقاتل", kArabic);
    ASSERT_FALSE(h.is_null());
    EXPECT_NE(h["snippet"].get<std::string>().find("**مقاتلين**"), std::string::npos) << h["snippet"];
}

TEST_F(Stemming, ChineseWordFindsTheChinesePageByNgramsAndIsHighlighted) {
    // No spaces between Chinese words: the query word matches through character pairs.
    const auto h = hit("元首会晤", kChinese);
    ASSERT_FALSE(h.is_null());
    EXPECT_NE(h["snippet"].get<std::string>().find("**元首会晤**"), std::string::npos) << h["snippet"];
    // A word of the page that is not there as a run of characters is no match.
    EXPECT_TRUE(hit("会晤元首", kChinese).is_null());
}

TEST_F(Stemming, EnglishQueryGetsNoGermanStemInEnglishArticles) {
    // German's stemmer reads "forests" as "for", a word of the English seed
    // article (which never says forest); English reads it as "forest".
    ASSERT_EQ(headlines("\"for\" lang:en"), std::vector<std::string>{kSeedHeadline});
    EXPECT_TRUE(headlines("forests").empty());
    // The German reading applies to German articles only.
    const std::string description = search({"forests"})["query"];
    EXPECT_NE(description.find("ZXBfor@1 OR ZXCAPfor@1 OR ZAfor@1) FILTER Lde)"), std::string::npos) << description;
    EXPECT_NE(description.find("ZXBforest@1"), std::string::npos) << description;
}

TEST_F(Stemming, LangFilterChoosesTheStemmer) {
    EXPECT_EQ(headlines("passwortmanagern lang:de"), std::vector<std::string>{kGerman});
    // Read as English, the German inflection is just an unknown word.
    EXPECT_TRUE(headlines("passwortmanagern lang:en").empty());
}

}  // namespace
