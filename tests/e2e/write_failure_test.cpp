// A full disk or an unwritable database: `newsdesk-index --update` and
// `newsdesk-nightly --rebuild` fail with one line naming the database, exit 1,
// and the live index keeps its documents and keeps answering searches.
// The disk fills up for real as far as the programs can tell: tests/tools/
// limited_run.cpp runs them with RLIMIT_FSIZE low and SIGXFSZ ignored, so their
// writes past the limit fail with EFBIG as they would with ENOSPC. An unwritable
// database is a read-only directory (limited-run drops root's CAP_DAC_OVERRIDE,
// which would ignore the permission bits). Neither needs root or a mount.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/support/e2e_support.h"

namespace newsdesk::test {
namespace {

namespace fs = std::filesystem;

const std::string kLimitedRun = NEWSDESK_LIMITED_RUN_BIN;
const std::string kNightly = std::string(NEWSDESK_SOURCE_DIR) + "/scripts/newsdesk-nightly";

std::size_t lines(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Makes `path` and everything under it read-only (or writable again).
void set_writable(const fs::path& path, bool writable) {
    const auto perms = fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;
    const auto opt = writable ? fs::perm_options::add : fs::perm_options::remove;
    fs::permissions(path, perms, opt);
    if (fs::is_directory(path))
        for (const auto& e : fs::recursive_directory_iterator(path)) fs::permissions(e, perms, opt);
}

Xapian::doccount doc_count(const std::string& db) { return Xapian::Database(db).get_doccount(); }

std::size_t hits(const std::string& db, const std::string& query) {
    return search_json(db, {"--limit", "1000", query})
        .value("hits", nlohmann::json::array())
        .size();
}

class WriteFailure : public ::testing::Test {
  protected:
    void SetUp() override {
        fs::create_directories(m_dir / "src");
        fs::copy_file(kCorpus + "/wikinews/wikinews-2019.jsonl",
                      m_dir / "src" / "wikinews-2019.jsonl");
    }
    void TearDown() override {
        if (fs::exists(m_dir / "live")) set_writable(m_dir / "live", true);  // to remove it
    }

    // Articles the live index does not have yet: the next run has much to write.
    void add_articles() {
        fs::copy_file(kCorpus + "/wikinews/wikinews-2020-2021.jsonl",
                      m_dir / "src" / "wikinews-2020-2021.jsonl");
    }

    newsdesk::test::Run update(const std::vector<std::string>& limits = {}) {
        std::vector<std::string> argv{kLimitedRun};
        argv.insert(argv.end(), limits.begin(), limits.end());
        argv.insert(argv.end(), {"--", kIndex, "--update", "--no-entities", "--batch", "20", "--db",
                                 db(), (m_dir / "src").string()});
        return run(argv);
    }

    newsdesk::test::Run nightly(const std::vector<std::string>& limits,
                                const std::vector<std::string>& args) {
        std::vector<std::string> argv{kLimitedRun};
        argv.insert(argv.end(), limits.begin(), limits.end());
        argv.insert(argv.end(),
                    {"--", "/bin/bash", kNightly, "--config", (m_dir / "nightly.conf").string()});
        argv.insert(argv.end(), args.begin(), args.end());
        return run(argv);
    }

    [[nodiscard]] std::string db() const { return (m_dir / "live" / "news.db").string(); }

    TempDir m_dir;
};

TEST_F(WriteFailure, UpdateOnAFullDiskFailsAndKeepsTheIndex) {
    ASSERT_EQ(update().exit_code, 0);
    const auto before = doc_count(db());
    const auto said = hits(db(), "said");
    ASSERT_GT(said, 10u);

    add_articles();
    const auto r = update({"--fsize", "65536"});  // the database files are larger already
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("newsdesk-index: " + db() + ": cannot write the database (", 0), 0u)
        << r.err;
    EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
    EXPECT_EQ(doc_count(db()), before);
    EXPECT_EQ(hits(db(), "said"), said);

    // With room again, the next run writes them all.
    const auto again = update();
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_GT(doc_count(db()), before);
}

// A plain full index (not --update) fails the same way, whether it builds a new
// database in parallel lanes or writes an existing one.
newsdesk::test::Run full_index(const std::vector<std::string>& limits, const std::string& db,
                               const fs::path& src) {
    std::vector<std::string> argv{kLimitedRun};
    argv.insert(argv.end(), limits.begin(), limits.end());
    argv.insert(argv.end(), {"--", kIndex, "--no-entities", "--threads", "2", "--db", db, src.string()});
    return run(argv);
}

TEST_F(WriteFailure, ANewDatabaseOnAFullDiskFailsAndLeavesNothingBehind) {
    const auto r = full_index({"--fsize", "65536"}, db(), m_dir / "src");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("newsdesk-index: " + db() + ": cannot write the database (", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(db()));  // never half a database
    for (const auto& e : fs::directory_iterator(fs::path(db()).parent_path()))
        EXPECT_EQ(e.path().filename().string().find("news.db.parts-"), std::string::npos) << e.path();
}

TEST_F(WriteFailure, AFullIndexIntoAnExistingDatabaseOnAFullDiskFailsAndKeepsTheIndex) {
    ASSERT_EQ(update().exit_code, 0);
    const auto before = doc_count(db());
    const auto said = hits(db(), "said");
    add_articles();
    const auto r = full_index({"--fsize", "65536"}, db(), m_dir / "src");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("newsdesk-index: " + db() + ": cannot write the database (", 0), 0u) << r.err;
    EXPECT_EQ(doc_count(db()), before);
    EXPECT_EQ(hits(db(), "said"), said);
}

TEST_F(WriteFailure, UpdateOfAReadOnlyDatabaseFailsAndKeepsTheIndex) {
    ASSERT_EQ(update().exit_code, 0);
    const auto before = doc_count(db());
    const auto said = hits(db(), "said");
    add_articles();
    set_writable(db(), false);
    const auto r = update({"--no-dac-override"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("newsdesk-index: " + db() + ": cannot open database for writing", 0), 0u)
        << r.err;
    EXPECT_EQ(doc_count(db()), before);
    EXPECT_EQ(hits(db(), "said"), said);
}

class NightlyWriteFailure : public WriteFailure {
  protected:
    void SetUp() override {
        WriteFailure::SetUp();
        fs::create_directories(m_dir / "bin");
        fs::create_symlink(kIndex, m_dir / "bin" / "newsdesk-index");
        fs::create_symlink(kSearch, m_dir / "bin" / "newsdesk-search");
        // Batches of 10, so a rebuild commits some before the disk fills, and no
        // document-count check (min_ratio 0): only the job's own watch over
        // newsdesk-index stands between a cut-short build and the live index.
        write_file(m_dir / "nightly.conf",
                   "database = " + db() + "\nsource = " + (m_dir / "src").string() +
                       "\nlog = " + (m_dir / "log" / "nightly.log").string() +
                       "\nkeep = 1\nmin_ratio = 0\ncheck_query = said\nbin_dir = " +
                       (m_dir / "bin").string() + "\noptions = --no-entities --batch 10\n");
        const auto first = nightly({}, {});
        ASSERT_EQ(first.exit_code, 0) << first.err << read_file(m_dir / "log" / "nightly.log");
        m_stub = read_file(db());
        m_count = doc_count(db());
        m_said = hits(db(), "said");
        ASSERT_GT(m_said, 10u);
        add_articles();
    }

    // The live index is the one the first run built, whole, and nothing of the
    // failed rebuild is left beside it.
    void expect_live_index_untouched() {
        EXPECT_EQ(read_file(db()), m_stub);
        EXPECT_EQ(doc_count(db()), m_count);
        EXPECT_EQ(hits(db(), "said"), m_said);
        std::vector<std::string> left;
        for (const auto& e : fs::directory_iterator(db() + ".d"))
            left.push_back(e.path().filename());
        ASSERT_EQ(left.size(), 1u) << left.size() << " entries in " << db() << ".d";
        EXPECT_EQ("auto news.db.d/" + left[0] + "\n", m_stub);
    }

    std::string m_stub;
    Xapian::doccount m_count = 0;
    std::size_t m_said = 0;
};

TEST_F(NightlyWriteFailure, RebuildOnAFullDiskFailsAndKeepsTheLiveIndex) {
    // Room for a few batches of the new generation, not for all of it.
    const auto r = nightly({"--fsize", "262144"}, {"--rebuild"});
    EXPECT_EQ(r.exit_code, 1) << r.err << read_file(m_dir / "log" / "nightly.log");
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("newsdesk-nightly: " + db() + ": status=failed (newsdesk-index: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("live index " + db() + " untouched"), std::string::npos) << r.err;
    expect_live_index_untouched();
}

TEST_F(NightlyWriteFailure, UpdateOnAFullDiskFailsAndKeepsTheLiveIndex) {
    const auto r = nightly({"--fsize", "65536"}, {});
    EXPECT_EQ(r.exit_code, 1) << r.err << read_file(m_dir / "log" / "nightly.log");
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("newsdesk-nightly: " + db() + ": status=failed (newsdesk-index: " + db() +
                              ": cannot write the database (",
                          0),
              0u)
        << r.err;
    EXPECT_NE(r.err.find(db() + " keeps its last commit)"), std::string::npos) << r.err;
    expect_live_index_untouched();
}

TEST_F(NightlyWriteFailure, RebuildBesideAReadOnlyDatabaseFailsAndKeepsTheLiveIndex) {
    set_writable(db() + ".d", false);
    const auto r = nightly({"--no-dac-override"}, {"--rebuild"});
    set_writable(db() + ".d", true);
    EXPECT_EQ(r.exit_code, 1) << r.err << read_file(m_dir / "log" / "nightly.log");
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("newsdesk-nightly: " + db() + ": status=failed (", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("Permission denied"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(db()), std::string::npos) << r.err;
    expect_live_index_untouched();
}

}  // namespace
}  // namespace newsdesk::test
