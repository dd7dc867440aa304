// newsdesk-index --update end to end: the real binary on generated archives in
// a temporary folder; incremental changes, the writer lock, and a run killed
// with SIGKILL mid-way then finished by the next run.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/support/e2e_support.h"
#include "tests/support/process.h"

namespace newsdesk::test {
namespace {

namespace fs = std::filesystem;

const std::string kLimitedRun = NEWSDESK_LIMITED_RUN_BIN;

std::vector<nlohmann::json> wikinews_records() {
    std::vector<nlohmann::json> out;
    for (const char* name : {"wikinews-2019.jsonl", "wikinews-2020-2021.jsonl"}) {
        std::ifstream in(kCorpus + "/wikinews/" + name);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    }
    return out;
}

// Copy `k` of a Wikinews record: its own URL and headline, paragraphs rotated.
nlohmann::json variant(nlohmann::json record, int k) {
    record["url"] = record["url"].get<std::string>() + "?copy=" + std::to_string(k);
    record["title"] = "Part " + std::to_string(k) + ": " + record["title"].get<std::string>();
    std::string text = record["text"].get<std::string>();
    std::vector<std::string> paras;
    for (std::size_t pos = 0; pos <= text.size();) {
        const auto end = std::min(text.find("\n\n", pos), text.size());
        paras.push_back(text.substr(pos, end - pos));
        pos = end + 2;
    }
    std::string rotated;
    for (std::size_t i = 0; i < paras.size(); ++i) {
        if (!rotated.empty()) rotated += "\n\n";
        rotated += paras[(i + k) % paras.size()];
    }
    record["text"] = rotated;
    return record;
}

// `copies` variants of every Wikinews article, one JSON Lines file each, in
// sub-folders of 100, plus ten files of five lines each; returns the file count.
std::size_t generate_archive(const fs::path& dir, int copies) {
    const auto records = wikinews_records();
    std::size_t files = 0;
    for (int k = 0; k < copies; ++k)
        for (std::size_t i = 0; i < records.size(); ++i) {
            const auto sub = dir / ("d" + std::to_string(files / 100));
            fs::create_directories(sub);
            write_file(sub / ("a" + std::to_string(files) + ".jsonl"),
                       variant(records[i], k).dump() + "\n");
            ++files;
        }
    fs::create_directories(dir / "multi");
    for (int f = 0; f < 10; ++f) {
        std::string lines;
        for (int j = 0; j < 5; ++j)
            lines += variant(records[(f * 5 + j) % records.size()], 100 + f).dump() + "\n";
        write_file(dir / "multi" / ("m" + std::to_string(f) + ".jsonl"), lines);
        ++files;
    }
    return files;
}

std::string jsonl(const std::string& url, const std::string& title, const std::string& text) {
    return nlohmann::json{{"url", url}, {"title", title}, {"date", "2024-06-21"}, {"text", text}}
               .dump() +
           "\n";
}

std::string article_text(const std::string& topic) {
    return "The council met on Tuesday to discuss " + topic +
           ". Members spoke for several hours about the plan and its costs.\n\n"
           "A vote is expected next month, officials said, after a public consultation on " +
           topic + ".";
}

Run update(const std::string& db, const std::vector<std::string>& paths,
           const std::vector<std::string>& extra = {}, const fs::path& cwd = {}) {
    std::vector<std::string> argv{kIndex, "--update", "--no-entities", "--db", db};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.insert(argv.end(), paths.begin(), paths.end());
    return run(argv, {}, cwd);
}

// update() with file permission bits applying to root too (limited-run drops
// its overrides), so a directory without them cannot be read.
Run update_as_any_user(const std::string& db, const std::vector<std::string>& paths) {
    std::vector<std::string> argv{kLimitedRun, "--no-dac-override", "--", kIndex, "--update",
                                  "--no-entities", "--db", db};
    argv.insert(argv.end(), paths.begin(), paths.end());
    return run(argv);
}

std::size_t hits(const std::string& db, const std::string& query) {
    const auto result = search_json(db, {query});
    return result.value("hits", nlohmann::json::array()).size();
}

// Two articles, one in a sub-folder: "Bridge repairs approved" (a.jsonl) and
// "Library hours extended" (sub/b.jsonl).
void write_bridge_and_library(const fs::path& src) {
    fs::create_directories(src / "sub");
    write_file(src / "a.jsonl", jsonl("https://example.org/a", "Bridge repairs approved",
                                      article_text("bridge repairs")));
    write_file(src / "sub" / "b.jsonl", jsonl("https://example.org/b", "Library hours extended",
                                              article_text("library hours")));
}

TEST(Update, IndexesThenSkipsUnchangedFiles) {
    TempDir dir;
    const auto src = dir / "src";
    write_bridge_and_library(src);
    const std::string db = (dir / "db").string();

    auto r = update(db, {src.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("2 added, 0 updated, 0 deleted, 0 unchanged, 0 failed files"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "bridge"), 1u);

    r = update(db, {src.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find(
                  "0 added, 0 updated, 0 deleted, 2 unchanged, 0 failed files; 0 articles written"),
              std::string::npos)
        << r.err;

    // A new mtime with the same bytes: confirmed unchanged by the hash.
    fs::last_write_time(src / "a.jsonl", fs::file_time_type::clock::now() + std::chrono::hours(1));
    r = update(db, {src.string()});
    EXPECT_NE(r.err.find("2 unchanged, 0 failed files; 0 articles written"), std::string::npos)
        << r.err;
}

TEST(Update, EverySpellingOfAnInputIsOneFile) {
    TempDir dir;
    const auto base = dir / "base";
    fs::create_directories(base / "sub");
    // Two articles whose ids are their paths (no URL) and two with URLs.
    write_file(base / "harbour.txt", "Harbour quay reopens\n\n" + article_text("the harbour quay"));
    write_file(base / "sub" / "tram.txt", "Tram line approved\n\n" + article_text("the tram line"));
    write_file(base / "wire.jsonl", jsonl("https://example.org/a", "Bridge repairs approved",
                                          article_text("bridge repairs")) +
                                        jsonl("https://example.org/b", "Library hours extended",
                                              article_text("library hours")));
    fs::create_directory_symlink(base, dir / "link");
    const std::string db = (dir / "db").string();

    const auto full = run({kIndex, "--no-entities", "--db", db, base.string()});
    ASSERT_EQ(full.exit_code, 0) << full.err;
    EXPECT_NE(full.err.find("holds 4 articles"), std::string::npos) << full.err;
    // The full run recorded the files under their real paths: no spelling of
    // the same folder reads any of them again.
    newsdesk::test::Run r;
    const std::string inside = "../" + dir.path().filename().string() + "/base/sub/..";
    for (const std::string& spelling : {std::string("base"), base.string(), std::string("./base"), std::string("base//"),
                                       std::string("link"), std::string("link/"), inside}) {
        r = update(db, {spelling}, {}, dir.path());
        EXPECT_EQ(r.exit_code, 0) << spelling << ": " << r.err;
        EXPECT_NE(r.err.find("0 added, 0 updated, 0 deleted, 3 unchanged, 0 failed files; 0 "
                             "articles written, 0 deleted, 0 kept; 4 articles in the database"),
                  std::string::npos)
            << spelling << ": " << r.err;
    }
    // An article without a URL is known by its file's real path, however it was named.
    const auto result = search_json(db, {"harbour"});
    ASSERT_EQ(result.value("hits", nlohmann::json::array()).size(), 1u) << result;
    EXPECT_EQ(result["hits"][0]["id"], (fs::canonical(base) / "harbour.txt").string());

    // Gone under one spelling is gone under all.
    fs::remove(base / "sub" / "tram.txt");
    r = update(db, {"link"}, {}, dir.path());
    EXPECT_NE(r.err.find("0 added, 0 updated, 1 deleted, 2 unchanged, 0 failed files; 0 articles "
                         "written, 1 deleted, 0 kept; 3 articles in the database"),
              std::string::npos)
        << r.err;
}

TEST(Update, SaysHowManyReadmeAndLicenceFilesItPassedOver) {
    TempDir dir;
    const auto src = dir / "src";
    fs::create_directories(src);
    write_file(src / "a.jsonl", jsonl("https://example.org/a", "Bridge repairs approved",
                                      article_text("bridge repairs")));
    write_file(src / "README.md", "# Archive\n\nHow the kiosk folders are laid out.\n");
    write_file(src / "LICENSE", "Permission is granted to copy the kiosk archive.\n");
    const std::string db = (dir / "db").string();

    const auto r = update(db, {src.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("1 added, 0 updated, 0 deleted, 0 unchanged, 0 failed files, "
                         "2 skipped as not articles (README, LICENSE ...); 1 articles written"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "kiosk"), 0u);
    EXPECT_EQ(hits(db, "bridge"), 1u);
}

// Three files: two articles and a feed of two items; then the changes an
// update must follow (one changed, one gone, one new, an item added to the feed).
void write_archive(const fs::path& src) {
    fs::create_directories(src);
    write_file(src / "a.jsonl", jsonl("https://example.org/a", "Bridge repairs approved",
                                      article_text("bridge repairs")));
    write_file(src / "b.jsonl", jsonl("https://example.org/b", "Library hours extended",
                                      article_text("library hours")));
    write_file(src / "feed.jsonl", jsonl("https://example.org/f1", "Harbour dredging begins",
                                         article_text("harbour dredging")) +
                                       jsonl("https://example.org/f2", "Tram line extended",
                                             article_text("the tram line")));
}
void change_archive(const fs::path& src) {
    write_file(src / "a.jsonl", jsonl("https://example.org/a", "Bridge repairs postponed",
                                      article_text("bridge repairs")));
    fs::remove(src / "b.jsonl");
    write_file(src / "c.jsonl", jsonl("https://example.org/c", "Orchard festival returns",
                                      article_text("the orchard festival")));
    write_file(src / "feed.jsonl", jsonl("https://example.org/f3", "Ferry timetable changes",
                                         article_text("the ferry timetable")) +
                                       jsonl("https://example.org/f1", "Harbour dredging begins",
                                             article_text("harbour dredging")) +
                                       jsonl("https://example.org/f2", "Tram line extended",
                                             article_text("the tram line")));
}

TEST(Update, ReindexesChangedDeletesGoneAddsOnlyNewItems) {
    TempDir dir;
    const auto src = dir / "src";
    write_archive(src);
    const std::string db = (dir / "db").string();
    ASSERT_EQ(update(db, {src.string()}).exit_code, 0);

    // The feed gains an item at the top: the two old items are kept, not rewritten.
    change_archive(src);
    const auto r = update(db, {src.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("1 added, 2 updated, 1 deleted, 0 unchanged, 0 failed files; 3 articles "
                         "written, 1 deleted, 2 kept; 5 articles"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "headline:postponed"), 1u);
    EXPECT_EQ(hits(db, "headline:approved"), 0u);
    EXPECT_EQ(hits(db, "library"), 0u);
    EXPECT_EQ(hits(db, "orchard"), 1u);
    EXPECT_EQ(hits(db, "ferry"), 1u);
    EXPECT_EQ(hits(db, "tram"), 1u);

    // Items dropped from the feed go; the one left stays untouched.
    write_file(src / "feed.jsonl", jsonl("https://example.org/f3", "Ferry timetable changes",
                                         article_text("the ferry timetable")));
    const auto r2 = update(db, {src.string()});
    EXPECT_NE(r2.err.find("0 added, 1 updated, 0 deleted, 2 unchanged, 0 failed files; 0 articles "
                          "written, 2 deleted, 1 kept; 3 articles"),
              std::string::npos)
        << r2.err;
    EXPECT_EQ(hits(db, "tram"), 0u);
    EXPECT_EQ(hits(db, "ferry"), 1u);
}

// Each document's terms, by its id term ("Q..."), and the database's metadata
// but its UUID-like keys: what two ways of writing one archive must agree on.
std::map<std::string, std::vector<std::string>> documents_by_id(const std::string& db) {
    const Xapian::Database database(db);
    std::map<std::string, std::vector<std::string>> out;
    for (auto d = database.postlist_begin(""); d != database.postlist_end(""); ++d) {
        std::vector<std::string> terms(database.termlist_begin(*d), database.termlist_end(*d));
        const auto id = std::find_if(terms.begin(), terms.end(), [](const std::string& t) { return t[0] == 'Q'; });
        EXPECT_NE(id, terms.end());
        if (id != terms.end()) out.emplace(*id, terms);
    }
    return out;
}

// Issue 21: the first --update after a full newsdesk-index run parsed every
// file again ("3 added" for files already indexed). A full run now records
// what --update needs, one writer thread or several, one database or shards.
TEST(Update, AFullRunLeavesWhatTheNextUpdateNeeds) {
    for (const std::vector<std::string>& how :
         {std::vector<std::string>{"--threads", "1"}, {"--threads", "2"}, {"--shard-by", "year"}}) {
        SCOPED_TRACE(how[0] + " " + how[1]);
        TempDir dir;
        const auto src = dir / "src";
        write_archive(src);
        const std::string db = (dir / "db").string();
        std::vector<std::string> full{kIndex, "--no-entities", "--quiet", "--db", db};
        full.insert(full.end(), how.begin(), how.end());
        full.push_back(src.string());
        ASSERT_EQ(run(full).exit_code, 0);

        auto r = update(db, {src.string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.err.find("0 added, 0 updated, 0 deleted, 3 unchanged, 0 failed files; 0 articles "
                             "written, 0 deleted, 0 kept; 4 articles"),
                  std::string::npos)
            << r.err;

        // The same changes as above, with the same effect as on an archive
        // --update wrote from the start.
        change_archive(src);
        r = update(db, {src.string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.err.find("1 added, 2 updated, 1 deleted, 0 unchanged, 0 failed files; 3 articles "
                             "written, 1 deleted, 2 kept; 5 articles"),
                  std::string::npos)
            << r.err;
        const std::string by_update = (dir / "by-update").string();
        ASSERT_EQ(update(by_update, {src.string()}).exit_code, 0);
        EXPECT_EQ(documents_by_id(db), documents_by_id(by_update));
    }
}

// A file that fails leaves no entry: the next update tries it again.
TEST(Update, AFileAFullRunCouldNotReadIsReadByTheNextUpdate) {
    TempDir dir;
    const auto src = dir / "src";
    write_archive(src);
    write_file(src / "broken.jsonl", "");  // "empty file": it fails
    const std::string db = (dir / "db").string();
    EXPECT_EQ(run({kIndex, "--no-entities", "--quiet", "--db", db, src.string()}).exit_code, 1);
    write_file(src / "broken.jsonl", jsonl("https://example.org/broken", "Pier lights mended",
                                           article_text("the pier lights")));
    const auto r = update(db, {src.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("1 added, 0 updated, 0 deleted, 3 unchanged, 0 failed files; 1 articles written"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "pier"), 1u);
}

// The "did you mean" table: word -> frequency.
std::map<std::string, Xapian::termcount> spellings(const std::string& db) {
    const Xapian::Database database(db);
    std::map<std::string, Xapian::termcount> out;
    for (auto w = database.spellings_begin(); w != database.spellings_end(); ++w)
        out.emplace(*w, w.get_termfreq());
    return out;
}

nlohmann::json did_you_mean(const std::string& db, const std::string& query) {
    return search_json(db, {query}).value("did_you_mean", nlohmann::json());
}

TEST(Update, DeletedAndReplacedArticlesTakeTheirWordsOutOfTheSpellingTable) {
    TempDir dir;
    const auto src = dir / "src";
    fs::create_directories(src);
    write_file(src / "a.jsonl", jsonl("https://example.org/a", "Zephyrine lanterns lit",
                                      article_text("the zephyrine lanterns")));
    write_file(src / "b.jsonl", jsonl("https://example.org/b", "Library hours extended",
                                      article_text("library hours")));
    write_file(src / "c.jsonl", jsonl("https://example.org/c", "Quillwort meadow restored",
                                      article_text("the quillwort meadow")));
    const std::string db = (dir / "db").string();
    ASSERT_EQ(update(db, {src.string()}).exit_code, 0);
    auto words = spellings(db);
    EXPECT_EQ(words["zephyrine"], 2u) << "headline and body";
    EXPECT_EQ(words["quillwort"], 2u);
    EXPECT_EQ(words["council"], 3u);
    EXPECT_EQ(did_you_mean(db, "zephyrene"), "zephyrine");

    // a.jsonl goes, c.jsonl's article is replaced by one without its rare word.
    fs::remove(src / "a.jsonl");
    write_file(src / "c.jsonl", jsonl("https://example.org/c", "Meadow restored",
                                      article_text("the wildflower meadow")));
    const auto r = update(db, {src.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("0 added, 1 updated, 1 deleted, 1 unchanged"), std::string::npos) << r.err;
    words = spellings(db);
    EXPECT_EQ(words.count("zephyrine"), 0u);
    EXPECT_EQ(words.count("quillwort"), 0u);
    EXPECT_EQ(words["council"], 2u);
    EXPECT_EQ(words["wildflower"], 1u);  // the body only
    EXPECT_TRUE(did_you_mean(db, "zephyrene").is_null()) << did_you_mean(db, "zephyrene");

    // Word for word what a clean full index of the same files holds.
    const std::string clean = (dir / "clean").string();
    const auto full = run({kIndex, "--no-entities", "--quiet", "--db", clean, src.string()});
    ASSERT_EQ(full.exit_code, 0) << full.err;
    EXPECT_EQ(spellings(db), spellings(clean));
}

TEST(Update, ArticleInTwoFilesStaysUntilBothAreGone) {
    TempDir dir;
    const auto src = dir / "src";
    fs::create_directories(src);
    const auto shared = jsonl("https://example.org/s", "Orchard festival returns",
                              article_text("the orchard festival"));
    write_file(src / "feed1.jsonl",
               shared + jsonl("https://example.org/x", "Ferry timetable changes",
                              article_text("the ferry timetable")));
    write_file(src / "feed2.jsonl", shared);
    const std::string db = (dir / "db").string();
    ASSERT_EQ(update(db, {src.string()}).exit_code, 0);
    EXPECT_EQ(hits(db, "orchard"), 1u);

    fs::remove(src / "feed2.jsonl");
    auto r = update(db, {src.string()});
    EXPECT_NE(r.err.find("1 deleted, 1 unchanged, 0 failed files; 0 articles written, 0 deleted"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "orchard"), 1u);

    // Now the article belongs to feed1 alone: dropping it there deletes it.
    write_file(src / "feed1.jsonl", jsonl("https://example.org/x", "Ferry timetable changes",
                                          article_text("the ferry timetable")));
    r = update(db, {src.string()});
    EXPECT_NE(r.err.find("1 updated, 0 deleted, 0 unchanged, 0 failed files; 0 articles written, 1 "
                         "deleted, 1 kept"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "orchard"), 0u);
    EXPECT_EQ(hits(db, "ferry"), 1u);
}

TEST(Update, MissingInputFailsAndKeepsItsArticles) {
    TempDir dir;
    const auto src = dir / "src";
    fs::create_directories(src);
    write_file(src / "a.jsonl", jsonl("https://example.org/a", "Bridge repairs approved",
                                      article_text("bridge repairs")));
    const std::string db = (dir / "db").string();
    ASSERT_EQ(update(db, {src.string()}).exit_code, 0);
    fs::rename(src, dir / "elsewhere");  // an unmounted disk looks like this
    const auto r = update(db, {src.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(src.string() + ": no such file or directory"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("0 deleted"), std::string::npos) << r.err;
    EXPECT_EQ(hits(db, "bridge"), 1u);
}

// The mount point of an unmounted disk is an empty directory.
TEST(Update, EmptyInputDirectoryFailsAndKeepsItsArticlesUnlessItMayBeEmpty) {
    TempDir dir;
    const auto src = dir / "src";
    write_bridge_and_library(src);
    const std::string db = (dir / "db").string();
    ASSERT_EQ(update(db, {src.string()}).exit_code, 0);
    fs::remove_all(src);
    fs::create_directories(src);

    auto r = update(db, {src.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(src.string() + ": no files to index, its articles are kept"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("0 deleted, 0 unchanged, 1 failed files; 0 articles written, 0 deleted"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "bridge"), 1u);
    EXPECT_EQ(hits(db, "library"), 1u);

    // Only an input may be allowed to be empty.
    r = update(db, {src.string()}, {"--allow-empty-source", (dir / "elsewhere").string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("--allow-empty-source " + (dir / "elsewhere").string() +
                         ": not one of the input paths"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "bridge"), 1u);

    // Emptied on purpose (a trailing slash names the same directory): its articles go.
    r = update(db, {src.string()}, {"--allow-empty-source", src.string() + "/"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("2 deleted, 0 unchanged, 0 failed files; 0 articles written, 2 deleted"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "bridge"), 0u);
    EXPECT_EQ(hits(db, "library"), 0u);
}

// A directory that cannot be read (permissions, a failing disk) hides its files:
// they are not gone, and keep their articles, whether it is an input or inside one.
TEST(Update, UnreadableDirectoryFailsAndKeepsItsArticles) {
    TempDir dir;
    const auto src = dir / "src";
    write_bridge_and_library(src);
    const std::string db = (dir / "db").string();
    ASSERT_EQ(update(db, {src.string()}).exit_code, 0);

    fs::permissions(src / "sub", fs::perms::none);
    auto r = update_as_any_user(db, {src.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find((src / "sub").string() + ": Permission denied"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("0 deleted, 1 unchanged, 1 failed files; 0 articles written, 0 deleted"),
              std::string::npos)
        << r.err;

    fs::permissions(src, fs::perms::none);
    r = update_as_any_user(db, {src.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(src.string() + ": Permission denied"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("0 deleted, 0 unchanged, 1 failed files; 0 articles written, 0 deleted"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "bridge"), 1u);
    EXPECT_EQ(hits(db, "library"), 1u);

    fs::permissions(src, fs::perms::owner_all);
    fs::permissions(src / "sub", fs::perms::owner_all);
    r = update_as_any_user(db, {src.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("0 added, 0 updated, 0 deleted, 2 unchanged, 0 failed files"),
              std::string::npos)
        << r.err;
}

TEST(Update, UnwritableDatabaseFailsWithOneLine) {
    TempDir dir;
    write_file(dir / "a.jsonl", jsonl("https://example.org/a", "Bridge repairs approved",
                                      article_text("bridge repairs")));
    write_file(dir / "plain-file", "not a directory\n");
    const auto r = update((dir / "plain-file" / "db").string(), {(dir / "a.jsonl").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("newsdesk-index: " + (dir / "plain-file" / "db").string(), 0), 0u)
        << r.err;
}

// An index written under another schema (its slots mean something else) is
// neither searched nor added to: every program says so in one line naming the
// database and how to rebuild it, and the index keeps its articles.
TEST(Update, AnIndexOfAnotherSchemaIsRefusedByReadersAndWriters) {
    TempDir dir;
    write_file(dir / "a.jsonl", jsonl("https://example.org/a", "Bridge repairs approved",
                                      article_text("bridge repairs")));
    const std::string db = (dir / "db").string();
    ASSERT_EQ(update(db, {(dir / "a.jsonl").string()}).exit_code, 0);
    {
        Xapian::WritableDatabase old(db);
        old.set_metadata("newsdesk:schema", "1");
        old.commit();
    }
    const auto expect_refused = [&](const newsdesk::test::Run& r, const std::string& program) {
        EXPECT_EQ(r.exit_code, 1) << program << ": " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << program << ": " << r.err;
        EXPECT_NE(r.err.find(db + ": an index of schema 1"), std::string::npos) << program << ": " << r.err;
        EXPECT_NE(r.err.find("rebuild"), std::string::npos) << program << ": " << r.err;
    };
    expect_refused(run({kSearch, "--db", db, "bridge"}), "newsdesk-search");
    expect_refused(run({kIndex, "--db", db, (dir / "a.jsonl").string()}), "newsdesk-index");
    expect_refused(update(db, {(dir / "a.jsonl").string()}), "newsdesk-index --update");
    EXPECT_EQ(Xapian::Database(db).get_doccount(), 1u);
    EXPECT_EQ(Xapian::Database(db).get_metadata("newsdesk:schema"), "1");
}

TEST(Update, SecondWriterExitsWithTempfail) {
    TempDir dir;
    const auto src = dir / "src";
    fs::create_directories(src);
    write_file(src / "a.jsonl", jsonl("https://example.org/a", "Bridge repairs approved",
                                      article_text("bridge repairs")));
    const std::string db = (dir / "db").string();
    const int fd = ::open((db + ".lock").c_str(), O_RDWR | O_CREAT, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    auto r = update(db, {src.string()});
    EXPECT_EQ(r.exit_code, 75) << r.err;
    EXPECT_NE(r.err.find("another newsdesk-index run is writing this database"), std::string::npos)
        << r.err;
    r = update(db, {src.string()}, {"--wait", "0.3"});
    EXPECT_EQ(r.exit_code, 75) << r.err;
    ::close(fd);
    r = update(db, {src.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

// The id terms of a database, checking each names exactly one document.
std::set<std::string> id_terms(const Xapian::Database& db) {
    std::set<std::string> ids;
    for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
        EXPECT_EQ(t.get_termfreq(), 1u) << "duplicate " << *t;
        ids.insert(*t);
    }
    return ids;
}

nlohmann::json record_without_path(const Xapian::Database& db, const std::string& id_term) {
    auto p = db.postlist_begin(id_term);
    auto record = nlohmann::json::parse(db.get_document(*p).get_data());
    record.erase("path");
    return record;
}

// tests/fixtures/legacy/archive.db was written by newsdesk-index before paths
// were canonical (commit 54d01c6), in tests/fixtures/legacy, by
// `--update --no-entities --db archive.db archive` and then the same with
// `./archive`: the two text files' articles (their ids are paths) are there
// twice, the JSON Lines file's two (ids are URLs) once, and every file is in
// the manifest under both spellings. The next update keeps one of each.
TEST(Update, ADatabaseWrittenBeforePathsWereCanonicalKeepsOneOfEachArticle) {
    TempDir dir;
    fs::copy(std::string(NEWSDESK_SOURCE_DIR) + "/tests/fixtures/legacy", dir.path(),
             fs::copy_options::recursive);
    const std::string db = (dir / "archive.db").string();
    ASSERT_EQ(Xapian::Database(db).get_doccount(), 6u);

    auto r = update(db, {"archive"}, {}, dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("0 added, 0 updated, 0 deleted, 3 unchanged, 0 failed files, 3 recorded "
                         "under their real path; 0 articles written, 2 deleted, 0 kept; 4 articles "
                         "in the database"),
              std::string::npos)
        << r.err;
    const auto archive = fs::canonical(dir / "archive").string() + "/";
    {
        const Xapian::Database database(db);
        EXPECT_EQ(id_terms(database).size(), 4u);  // each once
        std::set<std::string> keys, files;
        for (auto k = database.metadata_keys_begin("file:"); k != database.metadata_keys_end("file:"); ++k)
            keys.insert(*k);
        for (auto t = database.allterms_begin("XFILE"); t != database.allterms_end("XFILE"); ++t)
            files.insert(*t);
        EXPECT_EQ(keys, (std::set<std::string>{"file:" + archive + "harbour.txt",
                                               "file:" + archive + "tram.txt",
                                               "file:" + archive + "wire.jsonl"}));
        // The documents are not rewritten: they keep the file term of the spelling kept.
        EXPECT_EQ(files, (std::set<std::string>{"XFILE./archive/harbour.txt", "XFILE./archive/tram.txt",
                                                "XFILE./archive/wire.jsonl"}));
    }
    r = update(db, {(dir / "archive").string()});
    EXPECT_NE(r.err.find("0 added, 0 updated, 0 deleted, 3 unchanged, 0 failed files; 0 articles "
                         "written, 0 deleted, 0 kept; 4 articles in the database"),
              std::string::npos)
        << r.err;

    // The moved records still find their articles (which keep their file term
    // until the file changes): a file gone takes its own, a changed one replaces
    // them or keeps those that did not change.
    fs::remove(dir / "archive" / "harbour.txt");
    write_file(dir / "archive" / "tram.txt", "Tram line approved\n\n" + article_text("the tram line"));
    std::ofstream(dir / "archive" / "wire.jsonl", std::ios::app)
        << jsonl("https://example.org/news/ferry", "Ferry timetable changes",
                 article_text("the ferry timetable"));
    r = update(db, {"archive"}, {}, dir.path());
    EXPECT_NE(r.err.find("0 added, 2 updated, 1 deleted, 0 unchanged, 0 failed files; 2 articles "
                         "written, 2 deleted, 2 kept; 4 articles in the database"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(hits(db, "harbour"), 0u);
    EXPECT_EQ(hits(db, "tram"), 1u);
    EXPECT_EQ(hits(db, "orchard"), 1u);
    EXPECT_EQ(hits(db, "ferry"), 1u);
    {
        const Xapian::Database database(db);
        EXPECT_EQ(id_terms(database).size(), 4u);
        std::set<std::string> files;
        for (auto t = database.allterms_begin("XFILE"); t != database.allterms_end("XFILE"); ++t)
            files.insert(*t);
        EXPECT_EQ(files, (std::set<std::string>{"XFILE" + archive + "tram.txt",
                                                "XFILE" + archive + "wire.jsonl"}));
    }
    fs::remove(dir / "archive" / "wire.jsonl");
    r = update(db, {"archive"}, {}, dir.path());
    EXPECT_NE(r.err.find("0 added, 0 updated, 1 deleted, 1 unchanged, 0 failed files; 0 articles "
                         "written, 3 deleted, 0 kept; 1 articles in the database"),
              std::string::npos)
        << r.err;
}

TEST(Update, KilledRunLeavesSearchableIndexAndRerunCompletesIt) {
    TempDir dir;
    const auto src = dir / "src";
    const std::size_t files = generate_archive(src, 10);
    ASSERT_GE(files, 2900u);
    const std::string clean = (dir / "clean").string(), db = (dir / "db").string();

    const auto full = run({kIndex, "--no-entities", "--quiet", "--db", clean, src.string()});
    ASSERT_EQ(full.exit_code, 0) << full.err;

    // Start an update committing every 25 articles and kill it after its first commit.
    Process killed({kIndex, "--update", "--no-entities", "--threads", "1", "--batch", "25", "--db", db, src.string()});
    Xapian::doccount at_kill = 0;
    for (;;) {
        try {
            Xapian::Database live(db);
            if (live.get_revision() >= 1) break;  // something committed
        } catch (const Xapian::Error&) {
        }
        ASSERT_TRUE(killed.running()) << "the update ended before its first commit";
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    killed.kill(SIGKILL);
    killed.wait();
    ASSERT_EQ(killed.term_signal(), SIGKILL) << "the update finished before it was killed";
    {
        Xapian::Database after(db);
        at_kill = after.get_doccount();
        const Xapian::Database reference(clean);
        EXPECT_GT(at_kill, 0u);
        EXPECT_LT(at_kill, reference.get_doccount());
    }
    // The committed part searches.
    const auto result = search_json(db, {"said"});
    EXPECT_FALSE(result.value("hits", nlohmann::json::array()).empty());

    const auto rerun = update(db, {src.string()});
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_NE(rerun.err.find(" 0 failed"), std::string::npos) << rerun.err;

    const Xapian::Database finished(db), reference(clean);
    EXPECT_EQ(finished.get_doccount(), reference.get_doccount());
    const auto ids = id_terms(finished);
    const auto reference_ids = id_terms(reference);
    EXPECT_EQ(ids.size(), finished.get_doccount());
    EXPECT_EQ(ids, reference_ids);
    std::size_t n = 0;
    for (const auto& id : reference_ids) {
        if (n++ % 97 == 0) {
            EXPECT_EQ(record_without_path(finished, id), record_without_path(reference, id)) << id;
        }
    }

    // A third run finds nothing to do.
    const auto again = update(db, {src.string()});
    EXPECT_NE(
        again.err.find("0 added, 0 updated, 0 deleted, " + std::to_string(files) + " unchanged"),
        std::string::npos)
        << again.err;
}

}  // namespace
}  // namespace newsdesk::test
