// The configuration the programs share (common/config.h) as a user meets it:
// a database is read or written where the file says, --help names the file,
// nothing is created where nobody said, and a bad line is one line of error.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/e2e_support.h"

namespace newsdesk::test {
namespace {

const std::string kCgi = NEWSDESK_CGI_BIN;
const std::string kWeb = std::string("NEWSDESK_WEB=") + NEWSDESK_SOURCE_DIR + "/web";

// The environment of a user with only `config` as configuration ("NEWSDESK_DB="
// empty counts as unset).
std::vector<std::string> with_config(const std::filesystem::path& config) {
    return {"NEWSDESK_DB=", "NEWSDESK_CONFIG=" + config.string()};
}

TEST(Config, TheFileNamesTheDatabaseTheProgramsWriteAndRead) {
    TempDir dir;
    std::filesystem::create_directory(dir / "etc");
    write_file(dir / "etc/newsdesk.conf", "# where the archive is\ndatabase = news.db\n");
    const auto env = with_config(dir / "etc/newsdesk.conf");
    const auto indexed = run({kIndex, "--quiet", kSeed}, env, dir.path());
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    EXPECT_TRUE(std::filesystem::is_directory(dir / "etc/news.db"));  // beside the file, not in the cwd

    const auto found = run({kSearch, "--json", "pact"}, env, dir.path());
    ASSERT_EQ(found.exit_code, 0) << found.err;
    EXPECT_EQ(nlohmann::json::parse(found.out)["hits"].size(), 1u);

    const auto help = run({kSearch, "--help"}, env);
    EXPECT_NE(help.out.find("Configuration: read " + (dir / "etc/newsdesk.conf").string() + ".\n"),
              std::string::npos)
        << help.out;
    // The environment beats the file.
    const auto elsewhere = run({kSearch, "pact"}, {"NEWSDESK_DB=" + (dir / "other.db").string(),
                                                   "NEWSDESK_CONFIG=" + (dir / "etc/newsdesk.conf").string()});
    EXPECT_EQ(elsewhere.exit_code, 1);
    EXPECT_NE(elsewhere.err.find((dir / "other.db").string()), std::string::npos) << elsewhere.err;
}

TEST(Config, HelpSaysWhenNoFileWasRead) {
    TempDir home;
    const auto help = run({kSearch, "--help"}, {"NEWSDESK_CONFIG=", "XDG_CONFIG_HOME=", "HOME=" + home.path().string()});
    // The system's file is the one read where the Debian package is installed.
    const std::string said = std::filesystem::exists("/etc/newsdesk/newsdesk.conf")
                                 ? "Configuration: read /etc/newsdesk/newsdesk.conf.\n"
                                 : "Configuration: none read (looked for " + home.path().string() +
                                       "/.config/newsdesk/newsdesk.conf, /etc/newsdesk/newsdesk.conf).\n";
    EXPECT_NE(help.out.find(said), std::string::npos) << help.out;
}

TEST(Config, IndexingWithNoDatabaseNamedCreatesNothing) {
    TempDir dir;
    write_file(dir / "empty.conf", "# nothing set\n");
    const auto r = run({kIndex, "--quiet", kSeed}, with_config(dir / "empty.conf"), dir.path());
    EXPECT_EQ(r.exit_code, 2) << r.err;
    ASSERT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_EQ(r.err, "newsdesk-index: no database named: give --db DB, set NEWSDESK_DB, or put "
                     "'database = PATH' in " + (dir / "empty.conf").string() + "\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "var")) << "a database appeared in the working directory";
    // --extract writes no database, so it needs none.
    EXPECT_EQ(run({kIndex, "--extract", kSeed}, with_config(dir / "empty.conf"), dir.path()).exit_code, 0);
}

TEST(Config, SearchingAMissingDatabaseNamesItAndCreatesNothing) {
    TempDir dir;
    const auto missing = (dir / "mistyped.db").string();
    for (const auto& env : {std::vector<std::string>{"NEWSDESK_DB=" + missing}, std::vector<std::string>{}}) {
        const auto r = run(env.empty() ? std::vector<std::string>{kSearch, "--db", missing, "pact"}
                                       : std::vector<std::string>{kSearch, "pact"},
                           env);
        EXPECT_EQ(r.exit_code, 1);
        ASSERT_EQ(lines_of(r.err).size(), 1u) << r.err;
        EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
        EXPECT_FALSE(std::filesystem::exists(missing));
    }
}

TEST(Config, AMalformedLineFailsEveryProgramInOneLineNamingFileAndLine) {
    TempDir dir;
    write_file(dir / "bad.conf", "database = /srv/news.db\ndatabase /srv/other.db\n");
    const std::string where = (dir / "bad.conf").string() + ":2: expected 'key = value'";
    const auto search = run({kSearch, "pact"}, with_config(dir / "bad.conf"));
    EXPECT_EQ(search.exit_code, 1);
    EXPECT_EQ(search.err, "newsdesk-search: " + where + "\n");
    const auto index = run({kIndex, "--quiet", kSeed}, with_config(dir / "bad.conf"), dir.path());
    EXPECT_EQ(index.exit_code, 1);
    EXPECT_EQ(index.err, "newsdesk-index: " + where + "\n");
    // The CGI: a 500 page for the reader, the reason in one line for the server's log.
    auto env = with_config(dir / "bad.conf");
    env.insert(env.end(), {"REQUEST_METHOD=GET", "QUERY_STRING=q=pact", kWeb});
    const auto cgi = run({kCgi}, env);
    EXPECT_EQ(cgi.out.rfind("Status: 500", 0), 0u) << cgi.out.substr(0, 200);
    EXPECT_EQ(cgi.out.find(where), std::string::npos) << "the path is not shown to the reader";
    EXPECT_NE(cgi.err.find(where), std::string::npos) << cgi.err;
}

}  // namespace
}  // namespace newsdesk::test
