// What DocumentBuilder writes, read against the schema (common/schema.h), in
// the manner of Xapian Omega's omindexcheck: for each fixture article, the
// terms and values its document must hold and the terms it must not. The
// tables are written from reading the articles and docs/schema.md; each row
// says which rule of the schema it checks.
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/schema.h"
#include "indexer/document/document_builder.h"
#include "indexer/write/pipeline.h"

namespace newsdesk {
namespace {

namespace fs = std::filesystem;

// prefix + value: the boolean and positional terms of the schema.
std::string t(std::string_view prefix, std::string_view value) { return std::string(prefix) + std::string(value); }
// A stemmed free-text term: Xapian's "Z" + the field's prefix + the stem.
std::string z(std::string_view prefix, std::string_view stem) { return "Z" + t(prefix, stem); }

struct IndexCheck {
    std::string file;                      // relative to the repository root
    std::string id;                        // the article's id (its URL, else its file's real path: empty)
    std::vector<std::string> terms;        // must be in the document
    std::vector<std::string> absent;       // must not
    std::vector<std::string_view> absent_prefixes;  // no term starts with these
    std::string date;                      // slot::date ("" when undated)
    std::vector<std::string> facet_values; // members of slot::facets, each behind its tag
};

// A failure names the fixture, not the bytes of its row.
void PrintTo(const IndexCheck& check, std::ostream* out) { *out << check.file; }

std::string path_of(const std::string& file) { return fs::canonical(fs::path(NEWSDESK_SOURCE_DIR) / file).string(); }

// The first article of a file as the indexer reads it: parsed, language
// detected, entities and quotes extracted.
Article first_article(const std::string& file) {
    PipelineOptions options;
    options.build_documents = false;
    const FileResult result = process_file(path_of(file), options);
    EXPECT_FALSE(result.failed) << file;
    EXPECT_FALSE(result.articles.empty()) << file;
    return result.articles.empty() ? Article{} : result.articles.front();
}

const std::vector<IndexCheck>& checks() {
    using namespace prefix;
    static const std::vector<IndexCheck> all = {
        {
            "corpus/seed/pact-china-influence.txt", "",
            {
                t(language, "en"), t(year, "2024"), t(month, "202406"), t(day, "20240621"),
                // Free text once per field, positional unstemmed and Z-stemmed (English).
                t(headline, "pact"), z(headline, "pact"), t(headline, "beijing"), z(headline, "influenc"),
                t(body, "defence"), z(body, "defenc"), t(body, "peninsula"),
                t(caption, "pyongyang"), t(caption, "seoul"),
                t(quote, "option"), z(quote, "option"),  // "Every option is a bad option"
                // Entities: normalised names, country codes, institutions also by acronym.
                t(expert, "victor cha"), t(expert, "danny russel"),
                t(person, "kim jong un"), t(person, "vladimir putin"), t(person, "xi jinping"),
                t(institution, "center for strategic and international studies"), t(institution, "csis"),
                t(institution, "united nations security council"), t(institution, "unsc"),
                t(country, "cn"), t(country, "kp"), t(country, "ru"), t(country, "us"), t(country, "kr"),
                // Speakers word by word, and quote words tied to the speaker's surname.
                t(speaker, "victor"), t(speaker, "cha"), t(speaker, "russel"), t(speaker_quote, "cha:option"),
            },
            {
                "pact", "Zpact",  // plain words are searched through the field prefixes, never unprefixed
                t(caption, "ap"), t(caption, "credit"), t(caption, "photo"),  // the credit is not caption text
                t(body, "share"),                        // the share button's label is not body text
                t(expert, "vladimir putin"),             // mentioned, never quoted: a person, not an expert
                t(country, "china"), t(country, "CN"),   // countries by lower-case ISO code only
            },
            {source, byline, source_file},  // no outlet, no byline; XFILE only with --update
            "20240621",
            {"cKP", "cCN", "d20240621", "eVictor Cha", "iCenter for Strategic and International Studies", "len",
             "pKim Jong Un"},
        },
        {
            "corpus/iptc/LISTING_2_NewsML-G2_Text_Document.xml", "",
            {
                t(language, "en"),  // xml:lang en-US, primary subtag
                t(year, "2016"), t(month, "201611"), t(day, "20161121"),  // contentCreated
                t(source, "associated press"),                            // infoSource, normalised
                t(byline, "meredith"), t(byline, "jameson"), z(byline, "meredith"),
                t(headline, "fed"), t(headline, "bubble"), z(headline, "bubbl"),
                t(body, "york"), t(institution, "federal reserve"), t(institution, "fed"), t(country, "us"),
            },
            {
                t(byline, "staff"), t(byline, "reporter"),  // <byttl> is the writer's title, not a name
                t(headline, "finance"),                     // the slugline is not the headline
                t(source, "Associated Press"), t(source, "associated"),  // one term, lower case
            },
            {expert, speaker, quote},
            "20161121",
            {"cUS", "d20161121", "iFederal Reserve", "len", "sAssociated Press"},
        },
        {
            "tests/fixtures/jsonl/mixed.jsonl", "https://example.org/a",
            {
                t(headline, "first"), t(body, "body"), z(body, "bodi"), t(body, "one"),
                t(byline, "a"), t(byline, "writer"), t(byline, "b"),  // two authors, "A. Writer" and "B. Writer"
                t(year, "2024"), t(month, "202406"), t(day, "20240621"),  // from "published", a datetime
                t(language, "en"),
            },
            {
                t(headline, "last"), t(headline, "broken"),  // other lines are other articles, or none
                t(day, "20240621T093000Z"),
            },
            {duplicate, country, expert, person, institution, source},  // under 40 words: no signature
            "20240621",
            {"d20240621", "len"},
        },
        {
            "tests/fixtures/intl/ilner-hindi-diplomacy.txt", "",
            {
                t(language, "hi"),
                t(headline, "भारत"), t(headline, "रूस"), t(body, "भारत"), t(body, "अमेरिका"),
                t(country, "in"), t(country, "us"), t(country, "ru"),
            },
            {t(language, "en"), "भारत"},
            {year, month, day},  // undated
            "",
            {"cIN", "lhi"},
        },
        {
            "tests/fixtures/intl/newspaper4k-chinese_article_001.html.gz",
            "https://china.chinadaily.com.cn/a/202311/17/WS65571297a310d5acd876f404.html",
            {
                t(language, "zh"), t(day, "20231117"),
                // Chinese has no spaces: each character and each pair of characters is a term.
                t(headline, "外"), t(headline, "外国"), t(headline, "专家"), t(headline, "中美"),
                t(byline, "严玉"), t(quote, "一带"), t(quote, "一"),
                t(country, "cn"), t(country, "us"),
            },
            {
                t(headline, "外国专家"), t(headline, "外国专家：中美合作共赢符合国际社会利益"),  // no runs longer than two
                t(language, "en"),
            },
            {source},
            "20231117",
            {"cCN", "cUS", "d20231117", "lzh"},
        },
    };
    return all;
}

class DocumentTerms : public ::testing::TestWithParam<IndexCheck> {};

TEST_P(DocumentTerms, HoldWhatTheSchemaSaysAndNothingItRulesOut) {
    const IndexCheck& check = GetParam();
    const Article article = first_article(check.file);
    DocumentBuilder builder;
    const Xapian::Document doc = builder.build(article);
    std::set<std::string> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);

    const std::string id = check.id.empty() ? path_of(check.file) : check.id;
    EXPECT_TRUE(terms.count(t(prefix::id, id))) << "the id term of " << id;
    for (const auto& term : check.terms) EXPECT_TRUE(terms.count(term)) << "missing " << term;
    for (const auto& term : check.absent) EXPECT_FALSE(terms.count(term)) << "unexpected " << term;
    for (const auto p : check.absent_prefixes)
        for (const auto& term : terms) EXPECT_NE(term.rfind(p, 0), 0u) << "unexpected " << term;

    EXPECT_EQ(doc.get_value(slot::date), check.date);
    // Ties: the date ("00000000" undated), then 16 hex digits of the id term's hash.
    const std::string tiebreak = doc.get_value(slot::tiebreak);
    EXPECT_EQ(tiebreak.size(), 24u);
    EXPECT_EQ(tiebreak.substr(0, 8), check.date.empty() ? "00000000" : check.date);
    // Recency doubles every half-life from 2000-01-01; none without a date.
    const std::string recency = doc.get_value(slot::recency);
    if (check.date.empty()) {
        EXPECT_EQ(recency, "");
    } else {
        const auto digits = [&](std::size_t at, std::size_t n) { return std::stoi(check.date.substr(at, n)); };
        const std::chrono::year_month_day ymd{std::chrono::year(digits(0, 4)),
                                              std::chrono::month(static_cast<unsigned>(digits(4, 2))),
                                              std::chrono::day(static_cast<unsigned>(digits(6, 2)))};
        const double days = std::chrono::sys_days(ymd).time_since_epoch().count();
        EXPECT_DOUBLE_EQ(Xapian::sortable_unserialise(recency),
                         std::exp2((days - kRecencyEpochDays) / kRecencyHalfLifeDays));
    }
    // Every facet value in one slot, behind its facet's letter.
    const auto facets = decode_set(doc.get_value(slot::facets));
    const std::set<std::string> facet_set(facets.begin(), facets.end());
    for (const auto& value : check.facet_values) EXPECT_TRUE(facet_set.count(value)) << "facet value " << value;
    // A near-duplicate signature is the collapse key, a boolean term and a facet value, or none of them.
    const std::string signature = doc.get_value(slot::collapse);
    EXPECT_EQ(terms.count(t(prefix::duplicate, signature)), signature.empty() ? 0u : 1u);
    EXPECT_EQ(facet_set.count(facet_tag::copy + signature), signature.empty() ? 0u : 1u);
    // The data is the article's record.
    const auto stored = nlohmann::json::parse(doc.get_data());
    EXPECT_EQ(stored[record::id], id);
    EXPECT_EQ(stored[record::headline], article.headline);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, DocumentTerms, ::testing::ValuesIn(checks()),
                         [](const ::testing::TestParamInfo<IndexCheck>& info) {
                             std::string name = fs::path(info.param.file).stem().string();
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

}  // namespace
}  // namespace newsdesk
