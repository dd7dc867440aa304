// scripts/newsdesk-nightly end to end: first run, update, rebuild swap,
// rollback, a failed check, a source gone or empty, the lock, and searches
// running throughout a rebuild swap and an update without a single failure.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/support/cgi_support.h"
#include "tests/support/e2e_support.h"
#include "tests/support/process.h"

namespace newsdesk::test {
namespace {

namespace fs = std::filesystem;

const std::string kNightly = std::string(NEWSDESK_SOURCE_DIR) + "/scripts/newsdesk-nightly";

// A temporary installation: sources (the Wikinews corpus), binaries, a config.
class Nightly : public ::testing::Test {
  protected:
    void SetUp() override {
        fs::create_directories(m_dir / "src");
        fs::copy(kCorpus + "/wikinews", m_dir / "src" / "wikinews", fs::copy_options::recursive);
        fs::create_directories(m_dir / "bin");
        fs::create_symlink(kIndex, m_dir / "bin" / "newsdesk-index");
        fs::create_symlink(kSearch, m_dir / "bin" / "newsdesk-search");
        write_config("said");
    }

    void write_config(const std::string& check_query, const std::string& extra = "") {
        write_file(m_dir / "nightly.conf",
                   "# test config\n"
                   "database = " +
                       db() +
                       "\n"
                       "source = " +
                       (m_dir / "src").string() +
                       "\n"
                       "log = " +
                       log().string() +
                       "\n"
                       "keep = 1\n"
                       "check_query = " +
                       check_query +
                       "\n"
                       "bin_dir = " +
                       (m_dir / "bin").string() +
                       "\n"
                       "options = --no-entities\n" + extra);
    }

    newsdesk::test::Run nightly(const std::vector<std::string>& args = {}) {
        std::vector<std::string> argv{"/bin/bash", kNightly, "--config",
                                      (m_dir / "nightly.conf").string()};
        argv.insert(argv.end(), args.begin(), args.end());
        return run(argv);
    }

    [[nodiscard]] std::string db() const { return (m_dir / "live" / "news.db").string(); }
    [[nodiscard]] fs::path log() const { return m_dir / "log" / "nightly.log"; }
    [[nodiscard]] std::string stub() const { return read_file(db()); }
    // The generation directory a stub names ("auto news.db.d/gen-...\n").
    [[nodiscard]] fs::path generation(const std::string& stub) const {
        return fs::path(db()).parent_path() / stub.substr(5, stub.size() - 6);
    }
    [[nodiscard]] std::size_t generations() const {
        std::size_t n = 0;
        for (const auto& e : fs::directory_iterator(db() + ".d"))
            n += e.is_directory() && e.path().filename().string().rfind("gen-", 0) == 0;
        return n;
    }
    [[nodiscard]] std::string last_log_line() const {
        std::ifstream in(log());
        std::string line, last;
        while (std::getline(in, line)) last = line;
        return last;
    }

    std::size_t count(const std::string& query) {
        return search_json(db(), {"--limit", "1000", query})
            .value("hits", nlohmann::json::array())
            .size();
    }

    TempDir m_dir;
};

// Without --config the job reads the file the programs read (common/config.h):
// here $NEWSDESK_CONFIG; $NEWSDESK_DB, as for them, names the database instead.
TEST_F(Nightly, WithoutConfigItReadsTheProgramsConfigurationFile) {
    const std::string config = (m_dir / "nightly.conf").string();
    const auto r = run({"/bin/bash", kNightly}, {"NEWSDESK_CONFIG=" + config, "NEWSDESK_DB="});
    ASSERT_EQ(r.exit_code, 0) << r.err << read_file(log());
    EXPECT_EQ(stub().rfind("auto news.db.d/gen-", 0), 0u) << stub();

    const auto elsewhere = (m_dir / "elsewhere.db").string();
    const auto moved = run({"/bin/bash", kNightly}, {"NEWSDESK_CONFIG=" + config, "NEWSDESK_DB=" + elsewhere});
    ASSERT_EQ(moved.exit_code, 0) << moved.err << read_file(log());
    EXPECT_EQ(read_file(elsewhere).rfind("auto elsewhere.db.d/gen-", 0), 0u);

    const auto missing = run({"/bin/bash", kNightly}, {"NEWSDESK_CONFIG=" + (m_dir / "none.conf").string()});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find((m_dir / "none.conf").string() + ": cannot read config file"), std::string::npos)
        << missing.err;
}

TEST_F(Nightly, FirstRunBuildsAGenerationThenUpdatesRebuildsAndRollsBack) {
    auto r = nightly();
    ASSERT_EQ(r.exit_code, 0) << r.err << read_file(log());
    EXPECT_EQ(stub().rfind("auto news.db.d/gen-", 0), 0u) << stub();
    EXPECT_NE(last_log_line().find("summary: exit=0"), std::string::npos) << last_log_line();
    EXPECT_GT(count("said"), 10u);
    const std::string first = stub();

    write_file(
        m_dir / "src" / "extra.jsonl",
        nlohmann::json{{"url", "https://example.org/gryphonwort"},
                       {"title", "Gryphonwort crossing repainted"},
                       {"date", "2024-06-21"},
                       {"text", "The gryphonwort crossing on the high street was repainted."}}
                .dump() +
            "\n");
    r = nightly();
    ASSERT_EQ(r.exit_code, 0) << read_file(log());
    EXPECT_NE(last_log_line().find("status=ok 1 added, 0 updated, 0 deleted, 2 unchanged"),
              std::string::npos)
        << last_log_line();
    EXPECT_EQ(count("gryphonwort"), 1u);
    EXPECT_EQ(stub(), first);  // an update writes through the stub

    r = nightly({"--rebuild"});
    ASSERT_EQ(r.exit_code, 0) << read_file(log());
    const std::string second = stub();
    EXPECT_NE(second, first);
    EXPECT_EQ(count("gryphonwort"), 1u);
    EXPECT_EQ(generations(), 2u);

    r = nightly({"--rebuild"});
    ASSERT_EQ(r.exit_code, 0) << read_file(log());
    EXPECT_EQ(generations(), 2u);  // keep = 1: the live one and one before it
    EXPECT_FALSE(fs::exists(
        db() + ".d/" + first.substr(first.find("gen-"), first.size() - first.find("gen-") - 1)));

    r = nightly({"--rollback"});
    ASSERT_EQ(r.exit_code, 0) << read_file(log());
    EXPECT_EQ(stub(), second);
    EXPECT_EQ(count("gryphonwort"), 1u);
}

TEST_F(Nightly, FailedCheckLeavesTheLiveIndexUntouched) {
    ASSERT_EQ(nightly().exit_code, 0) << read_file(log());
    const std::string live = stub();
    write_config("qqzzxxnowordlikethis");
    const auto r = nightly({"--rebuild"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(
        last_log_line().find("status=failed (check query found nothing; live index untouched)"),
        std::string::npos)
        << last_log_line();
    EXPECT_EQ(stub(), live);
    EXPECT_EQ(generations(), 1u);
    EXPECT_GT(count("said"), 10u);
}

// An unmounted disk leaves an empty mount point: the update fails naming the
// source and deletes nothing, unless the config says the source may be empty.
TEST_F(Nightly, AnEmptySourceFailsTheUpdateAndKeepsItsArticlesUnlessItMayBeEmpty) {
    ASSERT_EQ(nightly().exit_code, 0) << read_file(log());
    const std::size_t said = count("said");
    ASSERT_GT(said, 10u);
    fs::rename(m_dir / "src" / "wikinews", m_dir / "unmounted");

    auto r = nightly();
    EXPECT_EQ(r.exit_code, 1);
    const std::string refused = (m_dir / "src").string() + ": no files to index";
    EXPECT_NE(last_log_line().find("status=failed (" + refused), std::string::npos)
        << last_log_line();
    EXPECT_NE(last_log_line().find(" 0 deleted, "), std::string::npos) << last_log_line();
    // For cron's mail: one line naming the database and the reason.
    EXPECT_EQ(r.err.rfind("newsdesk-nightly: " + db() + ": status=failed (" + refused, 0), 0u) << r.err;
    EXPECT_EQ(count("said"), said);

    write_config("said", "allow_empty_source = " + (m_dir / "src").string() + "\n");
    r = nightly();
    ASSERT_EQ(r.exit_code, 0) << read_file(log());
    EXPECT_NE(last_log_line().find("status=ok 0 added, 0 updated, 2 deleted"), std::string::npos)
        << last_log_line();
    EXPECT_EQ(count("said"), 0u);

    write_config("said", "allow_empty_source = " + (m_dir / "elsewhere").string() + "\n");
    r = nightly();
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("allow_empty_source " + (m_dir / "elsewhere").string() + " is not a source"),
              std::string::npos)
        << r.err;
}

// Issue 21: the job refused the quickstart's database (a plain database
// directory), saying why only in its log. It now adopts it: the directory
// becomes the first generation and the path the stub naming it.
TEST_F(Nightly, APlainDatabaseIsAdoptedOnTheFirstRun) {
    const auto full = run({kIndex, "--no-entities", "--quiet", "--db", db(), (m_dir / "src").string()});
    ASSERT_EQ(full.exit_code, 0) << full.err;
    ASSERT_TRUE(fs::is_directory(db()));
    const std::size_t said = count("said");
    ASSERT_GT(said, 10u);

    const auto r = nightly();
    ASSERT_EQ(r.exit_code, 0) << r.err << read_file(log());
    EXPECT_EQ(stub().rfind("auto news.db.d/gen-", 0), 0u) << stub();
    EXPECT_NE(read_file(log()).find("adopted the plain database " + db() + " as generation gen-"),
              std::string::npos)
        << read_file(log());
    // The full run recorded its files, so the update that follows reads none.
    EXPECT_NE(last_log_line().find("status=ok 0 added, 0 updated, 0 deleted, 2 unchanged"), std::string::npos)
        << last_log_line();
    EXPECT_EQ(count("said"), said);

    ASSERT_EQ(nightly({"--rebuild"}).exit_code, 0) << read_file(log());
    EXPECT_EQ(generations(), 2u);
    EXPECT_EQ(count("said"), said);
}

// Files readers open, written with the modes they need.
void expect_readable_by_all(const fs::path& path) {
    const auto perms = fs::status(path).permissions();
    EXPECT_NE(perms & fs::perms::others_read, fs::perms::none) << path;
    if (fs::is_directory(path)) {
        EXPECT_NE(perms & fs::perms::others_exec, fs::perms::none) << path;
    }
}

// Issue 21: the stub was written by mktemp, mode 0600, so after a root job's
// swap newsdesk-search and the CGI running as other users could not read it.
// The job runs with umask 077 here, as a careful root crontab might.
TEST_F(Nightly, ReadersOfAnotherUserCanReadWhatARootJobSwappedIn) {
    const auto under_umask_077 = [&](const std::vector<std::string>& args) {
        std::string command = "umask 077; exec /bin/bash " + kNightly + " --config " +
                              (m_dir / "nightly.conf").string();
        for (const auto& a : args) command += " " + a;
        return run({"/bin/bash", "-c", command});
    };
    ASSERT_EQ(under_umask_077({}).exit_code, 0) << read_file(log());
    ASSERT_EQ(under_umask_077({"--rebuild"}).exit_code, 0) << read_file(log());
    expect_readable_by_all(db());
    expect_readable_by_all(db() + ".d");
    for (const auto& e : fs::recursive_directory_iterator(generation(stub()))) expect_readable_by_all(e.path());

    // Run as nobody when the tests may switch users (root, as in CI): the
    // search and the page answer from the swapped-in generation.
    if (geteuid() != 0) return;
    for (fs::path p = m_dir.path(); p != p.root_path(); p = p.parent_path())
        fs::permissions(p, fs::perms::others_exec, fs::perm_options::add);
    const std::vector<std::string> as_nobody{"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    auto argv = as_nobody;
    argv.insert(argv.end(), {kSearch, "--db", db(), "--json", "said"});
    const auto search = run(argv);
    ASSERT_EQ(search.exit_code, 0) << search.err;
    EXPECT_GT(nlohmann::json::parse(search.out).at("hits").size(), 0u);
    argv = as_nobody;
    argv.insert(argv.end(), {"/usr/bin/env", "-i", "REQUEST_METHOD=GET", "QUERY_STRING=q=said&format=json",
                             "NEWSDESK_DB=" + db(), std::string("NEWSDESK_DATA=") + NEWSDESK_SOURCE_DIR + "/data",
                             kCgi});
    const auto page = run(argv);
    EXPECT_EQ(page.exit_code, 0) << page.err;
    EXPECT_NE(page.out.find("Status: 200"), std::string::npos) << page.out.substr(0, 300);
}

// A rebuild short of a source is never swapped in, though the articles it
// lacks (one of about 300) are well within min_ratio.
TEST_F(Nightly, RebuildWithASourceMissingOrEmptyIsNeverSwappedIn) {
    const auto feeds = m_dir / "feeds";
    fs::create_directories(feeds);
    write_file(feeds / "extra.jsonl",
               nlohmann::json{{"url", "https://example.org/gryphonwort"},
                              {"title", "Gryphonwort crossing repainted"},
                              {"date", "2024-06-21"},
                              {"text", "The gryphonwort crossing on the high street was repainted."}}
                       .dump() +
                   "\n");
    const std::string two_sources = "source = " + feeds.string() + "\nmin_ratio = 0.5\n";
    write_config("said", two_sources);
    ASSERT_EQ(nightly().exit_code, 0) << read_file(log());
    const std::string live = stub();
    ASSERT_EQ(count("gryphonwort"), 1u);

    fs::rename(feeds, m_dir / "unmounted");
    auto r = nightly({"--rebuild"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(last_log_line().find("status=failed (" + feeds.string() +
                                   ": no such file or directory; live index " + db() + " untouched)"),
              std::string::npos)
        << last_log_line();
    EXPECT_EQ(stub(), live);
    EXPECT_EQ(generations(), 1u);
    EXPECT_EQ(count("gryphonwort"), 1u);

    fs::create_directories(feeds);  // the mount point, its disk not mounted
    r = nightly({"--rebuild"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(last_log_line().find("status=failed (" + feeds.string() + ": no files to index"),
              std::string::npos)
        << last_log_line();
    EXPECT_EQ(stub(), live);
    EXPECT_EQ(generations(), 1u);
    EXPECT_EQ(count("gryphonwort"), 1u);

    write_config("said", two_sources + "allow_empty_source = " + feeds.string() + "\n");
    r = nightly({"--rebuild"});
    ASSERT_EQ(r.exit_code, 0) << read_file(log());
    EXPECT_NE(stub(), live);
    EXPECT_EQ(count("gryphonwort"), 0u);
    EXPECT_GT(count("said"), 10u);
}

// Rebuild B, roll back to A, rebuild C: B, rejected, is the generation that
// goes, and the next rollback returns to A, never to B, even were B still there.
TEST_F(Nightly, RollbackNeverReturnsToAGenerationRolledBackFrom) {
    ASSERT_EQ(nightly().exit_code, 0) << read_file(log());
    const std::string a = stub();
    ASSERT_EQ(nightly({"--rebuild"}).exit_code, 0) << read_file(log());
    const std::string b = stub();
    ASSERT_NE(b, a);
    ASSERT_EQ(nightly({"--rollback"}).exit_code, 0) << read_file(log());
    ASSERT_EQ(stub(), a);
    EXPECT_TRUE(fs::exists(generation(b) / "ROLLED-BACK"));
    const auto b_copy = m_dir / "b-copy";
    fs::copy(generation(b), b_copy, fs::copy_options::recursive);

    ASSERT_EQ(nightly({"--rebuild"}).exit_code, 0) << read_file(log());
    const std::string c = stub();
    EXPECT_NE(c, a);
    EXPECT_NE(c, b);
    // keep = 1: beside the live C, A stays for a rollback and B goes.
    EXPECT_EQ(generations(), 2u);
    EXPECT_TRUE(fs::exists(generation(a))) << read_file(log());
    ASSERT_FALSE(fs::exists(generation(b))) << read_file(log());

    fs::rename(b_copy, generation(b));  // as if removing it had failed
    const auto r = nightly({"--rollback"});
    ASSERT_EQ(r.exit_code, 0) << read_file(log());
    EXPECT_EQ(stub(), a);
    EXPECT_NE(last_log_line().find("status=ok rolled back to " + generation(a).filename().string()),
              std::string::npos)
        << last_log_line();
    EXPECT_GT(count("said"), 10u);
}

TEST_F(Nightly, SecondRunWhileLockedExits75) {
    ASSERT_EQ(nightly().exit_code, 0) << read_file(log());
    const int fd = ::open((db() + ".lock").c_str(), O_RDWR | O_CREAT, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    EXPECT_EQ(nightly().exit_code, 75);
    EXPECT_NE(last_log_line().find("status=locked"), std::string::npos) << last_log_line();
    EXPECT_EQ(nightly({"--rebuild"}).exit_code, 75);
    ::close(fd);
    EXPECT_EQ(nightly().exit_code, 0) << read_file(log());
}

// The nightly script runs in a child (an update, then a rebuild) while the test
// searches the live database in a loop, as the CGI would; no search may fail.
TEST_F(Nightly, SearchesNeverFailDuringAnUpdateOrARebuildSwap) {
    ASSERT_EQ(nightly().exit_code, 0) << read_file(log());
    // Something for the update to do: 300 new articles.
    fs::create_directories(m_dir / "src" / "more");
    for (int i = 0; i < 300; ++i)
        write_file(m_dir / "src" / "more" / ("n" + std::to_string(i) + ".jsonl"),
                   nlohmann::json{{"url", "https://example.org/n" + std::to_string(i)},
                                  {"title", "Council bulletin " + std::to_string(i)},
                                  {"text", "The council said bulletin " + std::to_string(i) +
                                               " about the quillfeather scheme was posted today."}}
                           .dump() +
                       "\n");
    for (const std::vector<std::string>& mode :
         {std::vector<std::string>{}, std::vector<std::string>{"--rebuild"}}) {
        const std::string before = stub();
        std::vector<std::string> argv{"/bin/bash", kNightly, "--config", (m_dir / "nightly.conf").string()};
        argv.insert(argv.end(), mode.begin(), mode.end());
        Process nightly_run(argv);
        // The command line and the CGI in turn, each a fresh process as in production.
        std::size_t searches = 0, failures = 0;
        while (nightly_run.running()) {
            std::string out, err;
            bool ok = false;
            if (searches % 2 == 0) {
                const auto r = run({kSearch, "--db", db(), "--json", "--limit", "3", "said"});
                ok = r.exit_code == 0;
                out = r.out;
                err = r.err;
            } else {
                const auto r = get(db(), "q=said&format=json");
                ok = r.exit_code == 0 && r.status == 200;
                out = r.body;
                err = r.status_line + " " + r.err;
            }
            ++searches;
            const auto hits =
                nlohmann::json::parse(out, nullptr, false).value("hits", nlohmann::json::array());
            if (!ok || hits.empty()) {
                ++failures;
                ADD_FAILURE() << (searches % 2 ? "CLI" : "CGI") << " search failed during "
                              << (mode.empty() ? "update" : "rebuild") << ": " << err
                              << out.substr(0, 300);
            }
        }
        ASSERT_EQ(nightly_run.wait(), 0) << read_file(log());
        std::cerr << searches << " searches during the " << (mode.empty() ? "update" : "rebuild")
                  << '\n';
        EXPECT_GT(searches, 0u);
        EXPECT_EQ(failures, 0u);
        if (!mode.empty()) {
            EXPECT_NE(stub(), before);  // the swap happened while searching
        }
        EXPECT_EQ(count("quillfeather"), 300u);
    }
}

// Each shard's stub entry and revision in a collection (a generation).
std::map<std::string, std::pair<std::string, Xapian::rev>> shard_state(const fs::path& collection) {
    std::map<std::string, std::pair<std::string, Xapian::rev>> out;
    std::istringstream stub(read_file(collection / "XAPIANDB"));
    for (std::string line; std::getline(stub, line);) {
        if (line.rfind("auto shards/", 0) != 0) continue;
        const std::string entry = line.substr(5);
        const std::string name = entry.substr(7, entry.find('@') == std::string::npos ? std::string::npos : entry.find('@') - 7);
        out[name] = {entry, Xapian::Database((collection / entry).string()).get_revision()};
    }
    return out;
}

TEST_F(Nightly, ShardedRebuildSwapsInACollectionAndUpdatesWriteOnlyTheShardThatChanged) {
    write_config("said", "shard_by = year\nclose_after = 0\n");
    auto r = nightly();
    ASSERT_EQ(r.exit_code, 0) << r.err << read_file(log());
    ASSERT_EQ(stub().rfind("auto news.db.d/gen-", 0), 0u) << stub();
    const fs::path live = fs::path(db() + ".d") / stub().substr(std::string("auto news.db.d/").size(),
                                                                 stub().size() - std::string("auto news.db.d/").size() - 1);
    ASSERT_TRUE(fs::exists(live / "XAPIANDB")) << live;
    const auto built = shard_state(live);
    std::set<std::string> names;
    for (const auto& [name, state] : built) names.insert(name);
    // The Wikinews articles span 2019 to 2021 (its LICENSE.md is no article).
    EXPECT_EQ(names, (std::set<std::string>{"2019", "2020", "2021"}));
    const std::size_t said = count("said");
    EXPECT_GT(said, 10u);

    write_file(m_dir / "src" / "extra.jsonl",
               nlohmann::json{{"url", "https://example.org/gryphonwort"},
                              {"title", "Gryphonwort crossing repainted"},
                              {"date", "2024-06-21"},
                              {"text", "The gryphonwort crossing on the high street was repainted, officials said."}}
                       .dump() +
                   "\n");
    r = nightly();
    ASSERT_EQ(r.exit_code, 0) << read_file(log());
    EXPECT_EQ(count("gryphonwort"), 1u);
    auto updated = shard_state(live);
    // The new article's shard was created, and (2024 being over) compacted
    // once; the shards the update did not write are as the rebuild left them.
    ASSERT_EQ(updated.count("2024"), 1u);
    EXPECT_EQ(updated.at("2024").first, "shards/2024@1");
    for (const auto& [name, state] : built) EXPECT_EQ(updated.at(name), state) << name;

    r = nightly();  // nothing changed: nothing written, nothing compacted again
    ASSERT_EQ(r.exit_code, 0) << read_file(log());
    EXPECT_EQ(shard_state(live), updated);

    r = nightly({"--rebuild"});
    ASSERT_EQ(r.exit_code, 0) << read_file(log());
    EXPECT_EQ(count("gryphonwort"), 1u);
    EXPECT_EQ(count("said"), said + 1);
}

}  // namespace
}  // namespace newsdesk::test
