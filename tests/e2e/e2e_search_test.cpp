// End to end, who said what and faceted search: newsdesk-search over the
// bundled corpus indexed by newsdesk-index, as a user runs them.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/e2e_support.h"

namespace {

using newsdesk::test::run;
using newsdesk::test::TempDir;
using newsdesk::test::write_file;

using newsdesk::test::kCorpus;
using newsdesk::test::kIndex;
using newsdesk::test::kSearch;
using newsdesk::test::kSeed;

nlohmann::json search(const std::string& db, const std::vector<std::string>& args) {
    return newsdesk::test::search_json(db, args);
}

std::vector<std::string> headlines(const nlohmann::json& result) {
    std::vector<std::string> out;
    for (const auto& hit : result["hits"]) out.push_back(hit["headline"]);
    return out;
}

const std::string kSeedHeadline =
    "Russia-North Korea pact could dent China’s influence, but Beijing still holds sway over both";

// The bundled corpus, indexed once per run (shared with e2e_test.cpp).
class Corpus : public newsdesk::test::CorpusTest {};

TEST_F(Corpus, SpeakerFindsArticlesQuotingThatPerson) {
    EXPECT_EQ(headlines(search(db, {"speaker:cha"})), std::vector<std::string>{kSeedHeadline});
}

TEST_F(Corpus, QuoteWithSpeakerMeansThatSpeakerSaidIt) {
    // Russel spoke of restraint; Cha, quoted in the same article, did not.
    EXPECT_EQ(headlines(search(db, {"quote:restraint speaker:russel"})), std::vector<std::string>{kSeedHeadline});
    EXPECT_TRUE(search(db, {"quote:restraint speaker:cha"})["hits"].empty());
}

TEST_F(Corpus, CountryByCodeOrNameAndExpertByFullName) {
    EXPECT_EQ(headlines(search(db, {"china country:KP"})), headlines(search(db, {"china country:\"north korea\""})));
    const auto by_expert = search(db, {"expert:\"Victor Cha\""});
    EXPECT_EQ(headlines(by_expert), std::vector<std::string>{kSeedHeadline});
    const auto& experts = by_expert["hits"][0]["experts"];
    ASSERT_FALSE(experts.empty());
    EXPECT_EQ(experts[0]["institution"], "Center for Strategic and International Studies");
}

TEST_F(Corpus, FacetsAreExactAndFiltersNarrowAndEcho) {
    const auto all = search(db, {"--facets", "country,expert,language,date", "--limit", "1", "president"});
    ASSERT_TRUE(all["exact"].get<bool>());
    const int total = all["total"];
    ASSERT_TRUE(all["facets"].contains("country"));
    const auto& top = all["facets"]["country"][0];
    EXPECT_LE(top["count"].get<int>(), total);
    EXPECT_FALSE(top["label"].get<std::string>().empty());

    const auto filtered = search(db, {"--facets", "country", "--filter", "country=" + top["value"].get<std::string>(),
                                      "--limit", "1", "president"});
    EXPECT_EQ(filtered["total"], top["count"]);  // drill-down finds exactly what the facet counted
    ASSERT_EQ(filtered["filters"].size(), 1u);
    EXPECT_EQ(filtered["filters"][0]["facet"], "country");
}

TEST_F(Corpus, QuotesModeReturnsMatchingQuotesWithSpeakers) {
    const auto result = search(db, {"--quotes", "--limit", "50", "restraint"});
    const nlohmann::json* russel = nullptr;
    for (const auto& q : result["quotes"]) {
        EXPECT_NE(q["highlighted"].get<std::string>().find("**"), std::string::npos) << q;
        if (q["speaker"] == "Danny Russel") russel = &q;
    }
    ASSERT_NE(russel, nullptr) << result.dump(1);
    EXPECT_NE((*russel)["highlighted"].get<std::string>().find("**restraint**"), std::string::npos);
    EXPECT_EQ((*russel)["institution"], "Asia Society Policy Institute");
    EXPECT_EQ((*russel)["article"]["date"], "2024-06-21");
}

TEST_F(Corpus, ExpertsModeListsThoseQuotedOnTheTopic) {
    const auto result = search(db, {"--experts", "north korea china pact"});
    std::vector<std::string> names;
    for (const auto& e : result["experts"]) names.push_back(e["name"]);
    for (const char* expert : {"Victor Cha", "Danny Russel", "Sun Yun"})
        EXPECT_NE(std::find(names.begin(), names.end(), expert), names.end()) << expert;
    for (const char* mentioned : {"Kim Jong Un", "Vladimir Putin"})
        EXPECT_EQ(std::find(names.begin(), names.end(), mentioned), names.end()) << mentioned;
}

TEST_F(Corpus, MoreLikeThisExcludesTheArticleItself) {
    const auto source = search(db, {"magnitogorsk"});
    ASSERT_FALSE(source["hits"].empty());
    const std::string id = source["hits"][0]["id"];
    const auto like = search(db, {"--like", id});
    ASSERT_FALSE(like["hits"].empty());
    for (const auto& hit : like["hits"]) EXPECT_NE(hit["id"], id);
}

TEST_F(Corpus, MisspelledQueryGetsASuggestion) {
    const auto result = search(db, {"restrant"});
    EXPECT_EQ(result["did_you_mean"], "restraint");
}

TEST(Collapse, WireCopiesFoldIntoOneHitUnlessAskedNotTo) {
    TempDir dir;
    const auto in = dir / "in";
    std::filesystem::create_directory(in);
    const std::string body = newsdesk::test::read_file(kSeed).substr(200, 3000);
    write_file(in / "outlet-a.txt", "Pact worries Beijing\n\n" + body);
    write_file(in / "outlet-b.txt", "Beijing weighs the new pact\n\n" + body + "\n\nCopyright Outlet B.");
    const auto db = (dir / "db").string();
    ASSERT_EQ(run({kIndex, "--quiet", "--db", db, in.string()}).exit_code, 0);
    const auto folded = search(db, {"pact"});
    ASSERT_EQ(folded["hits"].size(), 1u);
    EXPECT_EQ(folded["hits"][0]["collapsed"], 1);
    EXPECT_EQ(search(db, {"--no-collapse", "pact"})["hits"].size(), 2u);
}

// A file name may hold any bytes, and an article without a URL is named by its
// path: the text output shows it on one line, escaped as newsdesk-index's
// messages name the file (issue 22: a newline and a terminal escape sequence in
// the name reached the terminal as they were). JSON keeps the id as it is.
TEST(TextOutput, FileNamesAreEscapedOntoOneLine) {
    TempDir dir;
    const auto src = dir / "src";
    std::filesystem::create_directory(src);
    const std::string name = "bad\nname\x1B[31mred.txt";
    write_file(src / name, "Harbour reopens\n\nThe harbour reopened on Monday. \"We are ready for the ships,\" "
                           "said harbour master Ann Quill.\n");
    const auto db = (dir / "db").string();
    ASSERT_EQ(run({kIndex, "--quiet", "--db", db, src.string()}).exit_code, 0);
    const std::string shown = src.string() + "/bad\\nname\\x1B[31mred.txt";
    for (const std::string mode : {"--limit=10", "--quotes"}) {
        const auto r = run({kSearch, "--db", db, mode, "ready"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.out.find(shown), std::string::npos) << mode << ":\n" << r.out;
        EXPECT_EQ(r.out.find('\x1B'), std::string::npos) << mode << ":\n" << r.out;
        EXPECT_EQ(r.out.find("bad\n"), std::string::npos) << mode << ":\n" << r.out;
    }
    EXPECT_EQ(search(db, {"ready"})["hits"][0]["id"], (src / name).string());
}

TEST(Readers, SearchesSurviveAWriterCommittingMeanwhile) {
    TempDir dir;
    const auto db = (dir / "db").string();
    ASSERT_EQ(run({kIndex, "--quiet", "--db", db, kSeed}).exit_code, 0);
    std::atomic<bool> writing{true};
    int write_failures = 0;
    std::thread writer([&] {
        for (int round = 0; round < 4; ++round)
            if (run({kIndex, "--quiet", "--batch", "20", "--db", db, kCorpus}).exit_code != 0) ++write_failures;
        writing = false;
    });
    int searches = 0, failures = 0;
    while (writing || searches < 5) {
        const auto r = run({kSearch, "--db", db, "--json", "--facets", "country", "president OR restraint"});
        ++searches;
        if (r.exit_code != 0) {
            ++failures;
            ADD_FAILURE() << r.err;
        }
    }
    writer.join();
    EXPECT_EQ(write_failures, 0);
    EXPECT_EQ(failures, 0) << "of " << searches << " searches";
    EXPECT_GE(searches, 5);
}

// The facet column newsdesk-index writes beside the database (issue 20) is
// derived data: a search prints the same, byte for byte, with it, without it
// and with one newsdesk-index --facet-column wrote again.
TEST_F(Corpus, FacetsPrintTheSameWithTheIndexersFacetColumnAndWithout) {
    namespace fs = std::filesystem;
    const fs::path written = fs::path(db) / "newsdesk-facets";
    ASSERT_TRUE(fs::exists(written)) << "newsdesk-index writes it after its last commit";
    EXPECT_EQ(fs::status(written).permissions() & fs::perms::all, fs::perms(0644)) << "readable by the readers";
    TempDir dir;
    const std::string copy = (dir.path() / "db").string();
    fs::copy(db, copy);
    const fs::path column = fs::path(copy) / "newsdesk-facets";
    const std::vector<std::vector<std::string>> searches{
        {"--facets", "default", "president"},
        {"--facets", "default", "--json", "police OR court"},
        {"--facets", "country,person,expert,institution,source,language,date", "--json", "said -president"},
        {"--facets", "default", "\"prime minister\""},
        {"--facets", "default", "--json", "--filter", "country=US", "china"},
    };
    const auto outputs = [&] {
        std::vector<std::string> out;
        for (const auto& args : searches) {
            std::vector<std::string> argv{kSearch, "--db", copy, "--limit", "5"};
            argv.insert(argv.end(), args.begin(), args.end());
            const auto r = run(argv);
            EXPECT_EQ(r.exit_code, 0) << r.err;
            EXPECT_EQ(r.err, "");
            out.push_back(r.out);
        }
        return out;
    };
    const auto with_column = outputs();
    EXPECT_NE(with_column[0].find("\ncountry: "), std::string::npos) << with_column[0];
    fs::remove(column);
    EXPECT_EQ(outputs(), with_column) << "counted without the column";
    const auto rewritten = run({kIndex, "--facet-column", copy});
    EXPECT_EQ(rewritten.exit_code, 0) << rewritten.err;
    ASSERT_TRUE(fs::exists(column));
    EXPECT_EQ(outputs(), with_column) << "counted from the column --facet-column wrote";
    const auto missing = run({kIndex, "--facet-column", (dir.path() / "nothing").string()});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("nothing"), std::string::npos) << missing.err;
}

}  // namespace
