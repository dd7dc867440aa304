// CSV out of newsdesk-search --csv and the page's format=csv, on the bundled
// corpus: what a spreadsheet or a script reads back (issue 21).
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/cgi_support.h"
#include "tests/support/e2e_support.h"

namespace newsdesk::test {
namespace {

using Table = std::vector<std::vector<std::string>>;

// RFC 4180 read back, strictly: rows end with CRLF, a quoted field may hold
// commas, CR, LF and doubled quotes; anything else fails the calling test.
Table parse_csv(const std::string& text) {
    Table table;
    std::vector<std::string> row;
    std::string field;
    std::size_t i = 0;
    bool quoted = false, after_quote = false;
    while (i < text.size()) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', i += 2;
            else if (c == '"') quoted = false, after_quote = true, ++i;
            else field += c, ++i;
        } else if (c == '"' && field.empty() && !after_quote) {
            quoted = true, ++i;
        } else if (c == ',') {
            row.push_back(std::move(field)), field.clear(), after_quote = false, ++i;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row.push_back(std::move(field)), field.clear(), after_quote = false, i += 2;
            table.push_back(std::move(row)), row.clear();
        } else {
            EXPECT_FALSE(after_quote || c == '"' || c == '\n' || c == '\r')
                << "not RFC 4180 at byte " << i << ": " << text.substr(i > 40 ? i - 40 : 0, 80);
            field += c, ++i;
        }
    }
    EXPECT_TRUE(row.empty() && field.empty() && !quoted) << "the last row does not end with CRLF";
    return table;
}

const std::vector<std::string> kHitColumns{"date", "headline", "source", "url", "countries", "experts"};
const std::vector<std::string> kQuoteColumns{"date", "speaker", "title", "institution", "quote", "url"};

class Csv : public CorpusTest {
  protected:
    static newsdesk::test::Run search(const std::vector<std::string>& args) {
        std::vector<std::string> argv{kSearch, "--db", db};
        argv.insert(argv.end(), args.begin(), args.end());
        return run(argv);
    }
};

TEST_F(Csv, OneRowPerHitWithTheFieldsTheJsonHas) {
    const auto r = search({"--csv", "--limit", "20", "north korea"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto table = parse_csv(r.out);
    const auto json = search_json(db, {"--limit", "20", "north korea"});
    ASSERT_EQ(table.size(), json.at("hits").size() + 1);
    EXPECT_EQ(table[0], kHitColumns);
    for (std::size_t i = 1; i < table.size(); ++i) {
        const auto& hit = json["hits"][i - 1];
        ASSERT_EQ(table[i].size(), kHitColumns.size());
        EXPECT_EQ(table[i][0], hit.value("date", ""));
        EXPECT_EQ(table[i][1], hit.at("headline").get<std::string>());
        // The URL, else the file the article came from: always somewhere to go.
        EXPECT_EQ(table[i][3], hit.value("url", nlohmann::json()).is_string() ? hit["url"].get<std::string>()
                                                                               : hit.at("path").get<std::string>());
    }
    // The seed article's headline has a comma and is still one cell; its experts
    // are one cell too.
    bool seed = false;
    for (const auto& row : table)
        if (row[1].starts_with("Russia-North Korea pact could dent China")) {
            seed = true;
            EXPECT_NE(row[1].find(", but Beijing"), std::string::npos);
            EXPECT_NE(row[5].find("Victor Cha"), std::string::npos) << row[5];
            EXPECT_NE(row[4].find("North Korea"), std::string::npos) << row[4];
        }
    EXPECT_TRUE(seed);
}

TEST_F(Csv, AllGivesEveryMatchingArticleNotOnePage) {
    const auto all = search({"--csv", "--all", "said"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    const auto table = parse_csv(all.out);
    const auto json = search_json(db, {"--limit", "1000", "said"});
    ASSERT_GT(json.at("hits").size(), 100u);  // more than one export page of the test would show
    EXPECT_EQ(table.size(), json["hits"].size() + 1);
    std::set<std::string> urls;
    for (std::size_t i = 1; i < table.size(); ++i) urls.insert(table[i][3]);
    EXPECT_EQ(urls.size(), table.size() - 1) << "a hit twice";
}

TEST_F(Csv, QuotesAreOneRowEachWithTheirSpeaker) {
    const auto r = search({"--csv", "--quotes", "--limit", "50", "china"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto table = parse_csv(r.out);
    const auto json = search_json(db, {"--quotes", "--limit", "50", "china"});
    ASSERT_EQ(table.size(), json.at("quotes").size() + 1);
    ASSERT_GT(table.size(), 3u);
    EXPECT_EQ(table[0], kQuoteColumns);
    bool gabuev = false;  // the seed's speaker, title and institution in their own cells
    for (const auto& row : table)
        gabuev = gabuev || (row[1] == "Alexander Gabuev" && row[2] == "director" &&
                            row[3] == "Carnegie Russia Eurasia Center" && row[4].starts_with("If China is indeed"));
    EXPECT_TRUE(gabuev);
}

TEST_F(Csv, ThePageGivesTheSameRowsAsADownload) {
    const auto cli = search({"--csv", "--all", "said"});
    const auto page = get(db, "q=said&format=csv&all=1");
    EXPECT_EQ(page.status, 200) << page.body.substr(0, 300);
    EXPECT_EQ(page.header("content-type"), "text/csv; charset=utf-8; header=present");
    EXPECT_EQ(page.header("content-disposition"), "attachment; filename=\"newsdesk.csv\"");
    EXPECT_EQ(parse_csv(page.body), parse_csv(cli.out));
    // One page of ten without all=1; quotes from the quotes tab.
    EXPECT_EQ(parse_csv(get(db, "q=said&format=csv").body).size(), 11u);
    EXPECT_EQ(parse_csv(get(db, "q=north+korea&tab=quotes&format=csv").body)[0], kQuoteColumns);
    // The page links to it.
    EXPECT_NE(get(db, "q=said").body.find("format=csv&amp;all=1"), std::string::npos);
}

TEST_F(Csv, MistakesAreUsageErrors) {
    for (const auto& args : {std::vector<std::string>{"--all", "said"}, {"--csv", "--json", "said"}}) {
        const auto r = search(args);
        EXPECT_EQ(r.exit_code, 2) << args[0];
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
    }
    EXPECT_EQ(get(db, "q=said&format=csv&all=yes").status, 400);
    EXPECT_EQ(get(db, "q=said&all=1").status, 400);
}

// An article whose headline is a formula, as a hostile feed might send: the
// spreadsheet shows it as text.
TEST(CsvInjection, AFormulaInAHeadlineIsNeverRun) {
    TempDir dir;
    write_file(dir / "wire.jsonl",
               nlohmann::json{{"url", "https://example.org/formula"},
                              {"title", "=HYPERLINK(\"https://evil.example\",\"Harbour quay reopens\")"},
                              {"text", "The harbour quay reopened on Tuesday after repairs, officials said."}}
                       .dump() +
                   "\n");
    const auto db = (dir / "db").string();
    ASSERT_EQ(run({kIndex, "--quiet", "--db", db, (dir / "wire.jsonl").string()}).exit_code, 0);
    const auto r = run({kSearch, "--db", db, "--csv", "harbour"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto table = parse_csv(r.out);
    ASSERT_EQ(table.size(), 2u) << r.out;
    EXPECT_EQ(table[1][1], "'=HYPERLINK(\"https://evil.example\",\"Harbour quay reopens\")");
}

}  // namespace
}  // namespace newsdesk::test
