// Every program starts and ends the same way (common/cli/program.h): --version
// prints "PROGRAM VERSION" (help2man's first line), --help the usage on stdout,
// and an error is one line "PROGRAM: MESSAGE" on stderr with the exit status of
// its kind: 2 usage, 75 another writer holds the lock, 1 anything else. A
// command line of the wrong form (unknown option, missing operand) adds a
// second line, the hint to --help.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/e2e_support.h"

namespace newsdesk::test {
namespace {

const std::string kCgi = NEWSDESK_CGI_BIN;
const std::string kLatency = NEWSDESK_QUERY_LATENCY_BIN;
const std::string kVersion = NEWSDESK_VERSION;
const std::string kWeb = std::string("NEWSDESK_WEB=") + NEWSDESK_SOURCE_DIR + "/web";

// A program, or a mode of one, as a user starts it.
struct Tool {
    std::string name;                 // how its messages begin
    std::vector<std::string> prefix;  // the command up to its own options
    std::string help;                 // the command a usage error points to
};

const std::vector<Tool>& tools() {
    static const std::vector<Tool> all{
        {"newsdesk-index", {kIndex}, "newsdesk-index --help"},
        {"newsdesk-index", {kIndex, "--update"}, "newsdesk-index --update --help"},
        {"newsdesk-index", {kIndex, "--compact"}, "newsdesk-index --compact --help"},
        {"newsdesk-search", {kSearch}, "newsdesk-search --help"},
        {"query-latency", {kLatency}, "query-latency --help"},
        {"newsdesk.cgi", {kCgi}, "newsdesk.cgi --help"},
    };
    return all;
}

std::vector<std::string> with(std::vector<std::string> argv, const std::vector<std::string>& more) {
    argv.insert(argv.end(), more.begin(), more.end());
    return argv;
}

// `r` failed with `status` and said so in one line starting "NAME: ".
void expect_one_line(const Run& r, int status, const std::string& name, const std::string& context) {
    EXPECT_EQ(r.exit_code, status) << context << ": " << r.err;
    const auto said = lines_of(r.err);
    ASSERT_EQ(said.size(), 1u) << context << ": " << r.err;
    EXPECT_EQ(said[0].rfind(name + ": ", 0), 0u) << context << ": " << r.err;
    EXPECT_GT(said[0].size(), name.size() + 2) << context;
}

TEST(Cli, VersionIsTheProjectsOnStdout) {
    for (const auto& tool : tools()) {
        const auto r = run(with(tool.prefix, {"--version"}));
        EXPECT_EQ(r.exit_code, 0) << tool.help << ": " << r.err;
        EXPECT_EQ(r.out, tool.name + " " + kVersion + "\n") << tool.help;
        EXPECT_EQ(r.err, "") << tool.help;
    }
}

TEST(Cli, TheNightlyScriptsVersionIsTheProjectsToo) {
    const auto r = run({"/bin/bash", std::string(NEWSDESK_SOURCE_DIR) + "/scripts/newsdesk-nightly", "--version"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "newsdesk-nightly " + kVersion + "\n");
}

TEST(Cli, HelpIsOnStdoutWithUsageAndOptions) {
    for (const auto& tool : tools()) {
        const auto r = run(with(tool.prefix, {"--help"}));
        EXPECT_EQ(r.exit_code, 0) << tool.help << ": " << r.err;
        EXPECT_NE(r.out.find("Usage:"), std::string::npos) << tool.help << ": " << r.out;
        EXPECT_NE(r.out.find("--version"), std::string::npos) << tool.help << ": " << r.out;
        EXPECT_EQ(r.err, "") << tool.help;
    }
}

TEST(Cli, AnUnknownOptionIsAUsageErrorWithTheHelpHint) {
    for (const auto& tool : tools()) {
        const auto r = run(with(tool.prefix, {"--no-such-option"}));
        EXPECT_EQ(r.exit_code, 2) << tool.help << ": " << r.err;
        const auto said = lines_of(r.err);
        ASSERT_EQ(said.size(), 2u) << tool.help << ": " << r.err;
        EXPECT_EQ(said[0].rfind(tool.name + ": ", 0), 0u) << r.err;
        EXPECT_NE(said[0].find("no-such-option"), std::string::npos) << r.err;
        EXPECT_EQ(said[1], "Try '" + tool.help + "'.");
        EXPECT_EQ(r.out, "") << tool.help;
    }
}

// A value its option cannot take is named with that option, as each program
// spells it, then the hint.
TEST(Cli, AValueAnOptionCannotTakeNamesTheOption) {
    const auto r = run({kSearch, "--limit", "abc", "korea"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "newsdesk-search: --limit: cannot read 'abc' as its value\nTry 'newsdesk-search --help'.\n");
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(run({kIndex, "--threads=two", "x"}).err,
              "newsdesk-index: --threads: cannot read 'two' as its value\nTry 'newsdesk-index --help'.\n");
}

// A missing operand is a command line of the wrong form, as an unknown option
// is: the message and the hint.
TEST(Cli, AMissingOperandIsAUsageErrorWithTheHelpHint) {
    EXPECT_EQ(run({kIndex}).err, "newsdesk-index: no input files or directories given\n"
                                 "Try 'newsdesk-index --help'.\n");
    EXPECT_EQ(run({kIndex, "--update"}).err, "newsdesk-index: --update needs the input files or directories\n"
                                             "Try 'newsdesk-index --update --help'.\n");
    const auto compact = run({kIndex, "--compact", "only-one"});
    EXPECT_EQ(compact.exit_code, 2);
    EXPECT_EQ(compact.err, "newsdesk-index: --compact takes two paths, FROM and TO\n"
                           "Try 'newsdesk-index --compact --help'.\n");
    const auto latency = run({kLatency, "--db", "x"});
    EXPECT_EQ(latency.exit_code, 2);
    EXPECT_EQ(latency.err, "query-latency: --queries FILE is required\nTry 'query-latency --help'.\n");
}

// A value the program cannot use (a query, an option's argument) is one line,
// naming the value, and exits 2.
TEST(Cli, AValueTheProgramCannotUseIsOneLineAndExitsTwo) {
    const auto search = run({kSearch, "--sort", "sideways", "x"});
    EXPECT_EQ(search.exit_code, 2);
    EXPECT_EQ(search.err, "newsdesk-search: --sort must be relevance, date or recency, not 'sideways'\n");
    for (const auto& mode : {std::vector<std::string>{kIndex}, std::vector<std::string>{kIndex, "--update"}}) {
        const auto index = run(with(mode, {"--shard-by", "decade", kSeed}));
        EXPECT_EQ(index.exit_code, 2);
        EXPECT_EQ(index.err, "newsdesk-index: --shard-by: expected year, month or hash:N (2 to 256), not 'decade'\n");
    }
    TempDir dir;
    write_file(dir / "queries", "north korea\n");
    expect_one_line(run({kLatency, "--reps", "0", "--queries", (dir / "queries").string()}), 2, "query-latency",
                    "--reps 0");
}

TEST(Cli, AFailureIsOneLineAndExitsOne) {
    TempDir dir;
    write_file(dir / "file", "not a directory\n");
    const std::string under_file = (dir / "file" / "db").string(), missing = (dir / "missing").string();
    write_file(dir / "queries", "north korea\n");
    expect_one_line(run({kIndex, "--quiet", "--db", under_file, kSeed}), 1, "newsdesk-index", "index");
    expect_one_line(run({kIndex, "--update", "--quiet", "--db", under_file, kSeed}), 1, "newsdesk-index",
                    "update");
    expect_one_line(run({kIndex, "--compact", missing, (dir / "to").string()}), 1, "newsdesk-index", "compact");
    expect_one_line(run({kSearch, "--db", missing, "x"}), 1, "newsdesk-search", "search");
    expect_one_line(run({kLatency, "--db", missing, "--queries", (dir / "queries").string()}), 1,
                    "query-latency", "query-latency, no database");
    expect_one_line(run({kLatency, "--db", missing, "--queries", missing}), 1, "query-latency",
                    "query-latency, no queries");
}

TEST(Cli, ADatabaseXapianCannotReadIsOneLineNamingXapiansError) {
    TempDir dir;
    std::filesystem::create_directories(dir / "db");
    write_file(dir / "db" / "iamglass", "not a glass database");
    const std::string db = (dir / "db").string();
    const auto search = run({kSearch, "--db", db, "x"});
    expect_one_line(search, 1, "newsdesk-search", "search");
    EXPECT_NE(search.err.find("Error: "), std::string::npos) << search.err;  // "DatabaseCorruptError: ..."
}

TEST(Cli, AWriterFindingTheLockHeldExitsSeventyFive) {
    TempDir dir;
    const std::string db = (dir / "db").string();
    const int fd = ::open((db + ".lock").c_str(), O_RDWR | O_CREAT, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX), 0);
    expect_one_line(run({kIndex, "--quiet", "--db", db, kSeed}), 75, "newsdesk-index", "index");
    expect_one_line(run({kIndex, "--update", "--quiet", "--db", db, kSeed}), 75, "newsdesk-index", "update");
    ::close(fd);
}

// The page logs to the server's error log in one line and answers 500; the
// exit status stays 0 because a response was written.
TEST(Cli, TheCgiLogsAConfigurationErrorInOneLine) {
    const auto r = run({kCgi}, {"REQUEST_METHOD=GET", "QUERY_STRING=q=korea", kWeb,
                                "NEWSDESK_CGI_CONFIG=/nonexistent/newsdesk.conf"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("Status: 500", 0), 0u) << r.out.substr(0, 200);
    const auto said = lines_of(r.err);
    ASSERT_EQ(said.size(), 1u) << r.err;
    EXPECT_EQ(said[0].rfind("newsdesk.cgi: ", 0), 0u) << r.err;
}

// A web server may hand the words of a query to a CGI program as arguments
// (CGI/1.1's ISINDEX queries): with REQUEST_METHOD set they are never options.
TEST(Cli, TheCgiRunByAServerReadsNoOptions) {
    TempDir dir;
    const auto r = run({kCgi, "--version"}, {"REQUEST_METHOD=GET", "QUERY_STRING=--version", kWeb,
                                             "NEWSDESK_DB=" + (dir / "missing").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("Status: ", 0), 0u) << r.out.substr(0, 200);
    EXPECT_EQ(r.out.find(kVersion), std::string::npos) << r.out.substr(0, 200);
}

}  // namespace
}  // namespace newsdesk::test
