// Countries named in any language (issue 5): the gettext catalogue reader, the
// per-language name tables (iso-codes catalogues, CLDR through ICU, curated
// aliases), inflected forms, and extraction from real articles in Hindi,
// Arabic, Chinese, Japanese, French and German (tests/fixtures/intl/, see
// tests/fixtures/README.md).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "common/error.h"
#include "common/lang/countries.h"
#include "common/lang/gettext_catalog.h"
#include "indexer/extract/extract.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/input.h"

namespace newsdesk {
namespace {

constexpr const char* kHindiCatalogue = "/usr/share/locale/hi/LC_MESSAGES/iso_3166-1.mo";

std::vector<std::string> codes(const Article& a) {
    std::vector<std::string> out;
    for (const auto& c : a.countries) out.push_back(c.code);
    return out;
}

bool has(const std::vector<std::string>& all, const std::string& code) {
    return std::find(all.begin(), all.end(), code) != all.end();
}

Article extract(const std::string& language, const std::string& body) {
    Article article;
    article.language = language;
    article.body = body;
    extract_entities(article);
    return article;
}

// The one article of a fixture under tests/fixtures/, parsed and extracted.
Article fixture_article(const std::string& name) {
    const auto bytes = load_file(std::string(NEWSDESK_FIXTURES) + "/" + name, 16u << 20);
    auto articles = parse_any(bytes, name, nullptr);
    EXPECT_EQ(articles.size(), 1u) << name;
    if (articles.empty()) return {};
    extract_all(articles.front());
    return articles.front();
}

// --- the .mo reader --------------------------------------------------------

TEST(GettextCatalog, ReadsIsoCodesTranslations) {
    const auto pairs = read_gettext_catalog(kHindiCatalogue);
    EXPECT_GT(pairs.size(), 200u);
    const auto india = std::find_if(pairs.begin(), pairs.end(), [](const auto& p) { return p.first == "India"; });
    ASSERT_NE(india, pairs.end());
    EXPECT_EQ(india->second, "भारत");
    // The header entry (empty msgid) is not a translation.
    EXPECT_TRUE(std::none_of(pairs.begin(), pairs.end(), [](const auto& p) { return p.first.empty(); }));
}

TEST(GettextCatalog, BadFilesGiveAClearError) {
    const auto dir = std::filesystem::temp_directory_path() / ("newsdesk-mo-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto not_mo = dir / "not.mo";
    std::ofstream(not_mo) << "msgid \"India\"\nmsgstr \"Inde\"\n";  // a .po, not a .mo
    EXPECT_THROW((void)read_gettext_catalog(not_mo), Error);
    // A real catalogue cut short: its tables point past the end.
    std::ifstream in(kHindiCatalogue, std::ios::binary);
    std::string head(64, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    const auto truncated = dir / "truncated.mo";
    std::ofstream(truncated, std::ios::binary) << head;
    try {
        (void)read_gettext_catalog(truncated);
        ADD_FAILURE() << "a truncated catalogue was read";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("truncated.mo"), std::string::npos) << e.what();
    }
    EXPECT_THROW((void)read_gettext_catalog(dir / "missing.mo"), Error);
    std::filesystem::remove_all(dir);
}

// --- names -> codes, per language -----------------------------------------

struct NameRow {
    const char* language;
    const char* name;
    const char* code;
};

TEST(CountryNames, InEveryScript) {
    const NameRow rows[] = {
        {"hi", "रूस", "RU"},          {"hi", "यूक्रेन", "UA"},     {"hi", "भारत", "IN"},
        {"hi", "बांग्लादेश", "BD"},   {"hi", "दक्षिण कोरिया", "KR"},
        {"hi", "अफ़ग़ानिस्तान", "AF"},  // nukta written
        {"hi", "अफगानिस्तान", "AF"},    // and left out
        {"ru", "Россия", "RU"},       {"ru", "РОССИЯ", "RU"},     // case folded
        {"uk", "Німеччина", "DE"},    {"fr", "Chine", "CN"},      {"fr", "Allemagne", "DE"},
        {"fr", "États-Unis", "US"},   {"zh", "中国", "CN"},        {"zh", "德國", "DE"},  // traditional
        {"de", "Deutschland", "DE"},  {"de", "Frankreich", "FR"}, {"de", "Russland", "RU"},
        {"de", "Südkorea", "KR"},     {"ar", "الصين", "CN"},       {"ar", "سوريا", "SY"},
        {"ar", "ألمانيا", "DE"},        {"ar", "المانيا", "DE"},    // hamza on the alef or not
        {"es", "Alemania", "DE"},     {"pt", "Alemanha", "DE"},   {"it", "Germania", "DE"},
        {"nl", "Duitsland", "DE"},    {"pl", "Niemcy", "DE"},     {"cs", "Německo", "DE"},
        {"sv", "Tyskland", "DE"},     {"tr", "Almanya", "DE"},    {"el", "Γερμανία", "DE"},
        {"he", "גרמניה", "DE"},       {"fa", "آلمان", "DE"},       {"ja", "ドイツ", "DE"},
        {"ko", "독일", "DE"},          {"th", "เยอรมนี", "DE"},     {"bn", "জার্মানি", "DE"},
        {"ta", "ஜெர்மனி", "DE"},      {"vi", "Đức", "DE"},        {"sw", "Ujerumani", "DE"},
        // Curated everyday names (data/countries/aliases/<lang>.tsv).
        {"hi", "अमेरिका", "US"},      {"hi", "अमरीका", "US"},      {"hi", "ब्रिटेन", "GB"},
        {"de", "USA", "US"},          {"ru", "США", "US"},         {"ja", "アメリカ", "US"},
        {"ko", "한국", "KR"},
    };
    const auto& geo = CountryGazetteer::instance();
    for (const auto& row : rows) {
        const auto* code = geo.language(row.language).find(intl_key(row.name));
        ASSERT_NE(code, nullptr) << row.language << " " << row.name;
        EXPECT_EQ(*code, row.code) << row.language << " " << row.name;
    }
}

TEST(CountryNames, InflectedForms) {
    const NameRow rows[] = {
        {"de", "Deutschlands", "DE"}, {"de", "Chinas", "CN"},   {"de", "Russlands", "RU"},
        {"ru", "России", "RU"},       {"ru", "Россией", "RU"},  {"ru", "Украины", "UA"},
        {"ru", "Китае", "CN"},        {"ar", "والصين", "CN"},    {"ar", "بسوريا", "SY"},
        {"ko", "미국의", "US"},        {"fr", "d'Iran", "IR"},
    };
    const auto& geo = CountryGazetteer::instance();
    for (const auto& row : rows) {
        const auto* code = geo.language(row.language).find_inflected(intl_key(row.name));
        ASSERT_NE(code, nullptr) << row.language << " " << row.name;
        EXPECT_EQ(*code, row.code) << row.language << " " << row.name;
    }
    // Only the listed endings: a German word is not a Russian case form, and a
    // blocked phrase stays blocked ("中非合作" is China-Africa cooperation).
    EXPECT_EQ(geo.language("de").find_inflected(intl_key("Chinasa")), nullptr);
    EXPECT_EQ(geo.language("zh").find(intl_key("中非合作")), nullptr);
    // Common words that are also a name: माली (gardener; Mali), Того (of that; Togo).
    EXPECT_EQ(geo.language("hi").find(intl_key("माली")), nullptr);
    EXPECT_EQ(geo.language("ru").find(intl_key("Того")), nullptr);
    EXPECT_EQ(*geo.language("fr").find(intl_key("île Maurice")), "MU");
}

TEST(CountryNames, LoadedOncePerLanguageFromAnyThread) {
    const auto& geo = CountryGazetteer::instance();
    std::vector<const LanguageCountries*> seen(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i)
        threads.emplace_back([&, i] { seen[i] = &geo.language(i % 2 ? "de-AT" : "de"); });
    for (auto& t : threads) t.join();
    // One table for the language, whatever region subtag asked for it.
    for (const auto* table : seen) EXPECT_EQ(table, &geo.language("de"));
    EXPECT_EQ(geo.language("de").language, "de");
}

TEST(CountryNames, UnknownLanguageIsEmpty) {
    EXPECT_TRUE(CountryGazetteer::instance().language("qq").names.empty());
}

TEST(CountryNames, QueryLookupTakesAnyLanguage) {
    EXPECT_EQ(country_code_for("Россия"), "RU");
    EXPECT_EQ(country_code_for("रूस"), "RU");
    EXPECT_EQ(country_code_for("Deutschland"), "DE");
    EXPECT_EQ(country_code_for("中国"), "CN");
    EXPECT_EQ(country_code_for("Narnia"), std::nullopt);
    // The facet name stays the English short name whatever language named it.
    EXPECT_EQ(country_name(*country_code_for("Россия")), country_name("RU"));
}

// Loading every language's names costs about half a second, so a value no
// language spells as a country (a URL's country=<script>...) is unknown
// without it; every name any language has still passes the check.
TEST(CountryNames, AValueNoLanguageCouldSpellIsUnknownWithoutLoadingThemAll) {
    for (const std::string hostile : {"<script>alert(1)</script>", "javascript:alert(1)", "{{#hits}}", "1984", "a=b", "x<y"}) {
        EXPECT_FALSE(could_name_a_country(hostile)) << hostile;
        EXPECT_EQ(country_code_for(hostile), std::nullopt) << hostile;
    }
    for (const std::string name : {"Côte d'Ivoire", "Congo (Kinshasa)", "Trinidad & Tobago", "St. Lucia", "Россия", "USA:s yttre öar"})
        EXPECT_TRUE(could_name_a_country(name)) << name;
    const auto& geo = CountryGazetteer::instance();
    std::size_t names = 0;
    for (const auto& language : geo.catalogue_languages())
        for (const auto& [key, code] : geo.language(language).names) {
            ++names;
            EXPECT_TRUE(could_name_a_country(key)) << language << ": " << key << " (" << code << ")";
        }
    EXPECT_GT(names, 10000u);  // the catalogues were read: ~100 languages of ~250 names
}

// --- extraction from text ----------------------------------------------------

TEST(CountriesInText, GermanGenitiveAndCapitalisation) {
    const auto a = extract("de", "Die Wirtschaft Deutschlands wächst schneller als die Chinas und Russlands.");
    EXPECT_EQ(codes(a), (std::vector<std::string>{"DE", "CN", "RU"}));
    // One name counted once: "China" is the English scan's, not counted twice.
    const auto b = extract("de", "China und Frankreich verhandeln. China sagt nichts.");
    ASSERT_EQ(b.countries.size(), 2u);
    EXPECT_EQ(b.countries[0].code, "CN");
    EXPECT_EQ(b.countries[0].mentions, 2);
    EXPECT_EQ(b.countries[0].name, country_name("CN"));
}

TEST(CountriesInText, EnglishNameTheMainScanReadAsSomethingElse) {
    // "Staatspräsidenten der Ukraine" looks like a name with a particle to the
    // English rules; the German reading still finds the country.
    const auto a = extract("de", "1994 nahm er an der Wahl des Staatspräsidenten der Ukraine teil.");
    EXPECT_EQ(codes(a), (std::vector<std::string>{"UA"}));
}

TEST(CountriesInText, RussianCases) {
    const auto a = extract("ru", "Переговоры России и Украины прошли в Китае. США промолчали.");
    EXPECT_EQ(codes(a), (std::vector<std::string>{"RU", "UA", "CN", "US"}));
}

TEST(CountriesInText, ScriptDecidesWhenTheLanguageIsUnknown) {
    // The language is left at its default ("en"): Devanagari letters bring Hindi names.
    const auto a = extract("en", "भारत और रूस के विदेश मंत्रियों की बैठक हुई।");
    EXPECT_EQ(codes(a), (std::vector<std::string>{"IN", "RU"}));
}

TEST(CountriesInText, ChineseWithoutSpaces) {
    const auto a = extract("zh", "中美元首在美国旧金山会晤，印度尼西亚和中非合作论坛也受关注。");
    const auto c = codes(a);
    EXPECT_TRUE(has(c, "US"));
    EXPECT_TRUE(has(c, "ID"));
    EXPECT_FALSE(has(c, "IN")) << "印度 inside 印度尼西亚 is Indonesia";
    EXPECT_FALSE(has(c, "CF")) << "中非 in 中非合作 is China-Africa";
}

TEST(CountriesInText, EnglishArticlesReadNoOtherLanguage) {
    // "Island" is Iceland in German, "Chine" China in French; neither in English.
    const auto a = extract("en", "The Island Games opened. Chine Smith spoke for Deutschland Inc.");
    EXPECT_TRUE(codes(a).empty()) << ::testing::PrintToString(codes(a));
}

// --- real articles -----------------------------------------------------------

TEST(CountriesInArticles, HindiNeighbours) {
    const auto c = codes(fixture_article("intl/ilner-hindi-neighbours.txt"));
    for (const char* code : {"IN", "BD", "NP", "BT"}) EXPECT_TRUE(has(c, code)) << code;
}

TEST(CountriesInArticles, HindiDiplomacy) {
    const auto c = codes(fixture_article("intl/ilner-hindi-diplomacy.txt"));
    for (const char* code : {"IN", "RU", "US"}) EXPECT_TRUE(has(c, code)) << code;
}

TEST(CountriesInArticles, ArabicSyria) {
    const auto a = fixture_article("intl/newspaper4k-arabic_article.html.gz");
    ASSERT_FALSE(a.countries.empty());
    EXPECT_EQ(a.countries.front().code, "SY");
}

TEST(CountriesInArticles, ChinesePages) {
    const auto a = fixture_article("intl/newspaper4k-chinese_article_001.html.gz");
    ASSERT_GE(a.countries.size(), 2u);
    EXPECT_EQ(a.countries[0].code, "CN");
    EXPECT_EQ(a.countries[1].code, "US");
    for (const char* code : {"SE", "HR", "PK"}) EXPECT_TRUE(has(codes(a), code)) << code;
    // A health-ministry report from Beijing names no country in Chinese.
    EXPECT_TRUE(fixture_article("intl/newspaper4k-chinese_article_002.html.gz").countries.empty());
}

TEST(CountriesInArticles, FrenchAndGerman) {
    const auto lemonde = codes(fixture_article("intl/readability-lemonde-1.html.gz"));
    for (const char* code : {"SY", "IQ"}) EXPECT_TRUE(has(lemonde, code)) << code;
    EXPECT_FALSE(has(lemonde, "NL")) << "François Hollande is no country";
    // heise on a password manager for the Mac: no country at all.
    EXPECT_TRUE(fixture_article("html/readability-heise.html.gz").countries.empty());
}

}  // namespace
}  // namespace newsdesk
