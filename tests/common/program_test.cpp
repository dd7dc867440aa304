// One mapping from exceptions to exit statuses and one stderr line, the same for
// every program (common/cli/program.h): each kind the programs can meet.
#include "common/cli/program.h"

#include <new>
#include <stdexcept>

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/error.h"

namespace newsdesk::cli {
namespace {

const Program kTool{"tool", "tool --help"};

struct Reported {
    int status;
    std::string err;
};

template <typename E>
Reported report(const E& thrown) {
    testing::internal::CaptureStderr();
    int status = -1;
    try {
        throw thrown;
    } catch (...) {
        status = exit_status_of_current_exception(kTool);
    }
    return {status, testing::internal::GetCapturedStderr()};
}

TEST(ExitStatus, UsageErrorsExitTwoOnOneLine) {
    const auto r = report(UsageError("--sort must be relevance, date or recency, not 'x'"));
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "tool: --sort must be relevance, date or recency, not 'x'\n");
}

TEST(ExitStatus, ACommandLineOfTheWrongFormAddsTheHelpHint) {
    testing::internal::CaptureStderr();
    EXPECT_EQ(usage_error(kTool, "no input files or directories given"), 2);
    EXPECT_EQ(testing::internal::GetCapturedStderr(),
              "tool: no input files or directories given\nTry 'tool --help'.\n");
}

TEST(ExitStatus, AValueAnOptionCannotTakeIsNamedWithThatOption) {
    const char* spaced[] = {"tool", "--db", "x.db", "--limit", "abc", "query"};
    EXPECT_EQ(value_error("Argument \u2018abc\u2019 failed to parse", 6, spaced), "--limit: cannot read 'abc' as its value");
    const char* joined[] = {"tool", "--limit=abc", "query"};
    EXPECT_EQ(value_error("Argument 'abc' failed to parse", 3, joined), "--limit: cannot read 'abc' as its value");
    // A query word after "--" is no option's value; then cxxopts' own words stay.
    const char* after[] = {"tool", "--", "abc"};
    EXPECT_EQ(value_error("Argument 'abc' failed to parse", 3, after), "Argument 'abc' failed to parse");
}

TEST(ExitStatus, ABusyWriterLockExitsSeventyFive) {
    const auto r = report(LockBusy("db.lock: another writer holds it"));
    EXPECT_EQ(r.status, kExitLocked);
    EXPECT_EQ(r.status, 75);
    EXPECT_EQ(r.err, "tool: db.lock: another writer holds it\n");
}

TEST(ExitStatus, TheProjectsOtherErrorsExitOneOnOneLine) {
    auto r = report(IndexError("db: cannot open"));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "tool: db: cannot open\n");
    r = report(ParseError("a.html: not an article"));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "tool: a.html: not an article\n");
    r = report(Error("plain"));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "tool: plain\n");
}

TEST(ExitStatus, XapianErrorsExitOneWithTheirDescription) {
    const auto r = report(Xapian::DatabaseOpeningError("Couldn't detect type of database"));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "tool: DatabaseOpeningError: Couldn't detect type of database\n");
}

TEST(ExitStatus, StandardExceptionsAndAnythingElseExitOne) {
    auto r = report(std::bad_alloc());
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "tool: std::bad_alloc\n");
    r = report(42);
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "tool: unknown error\n");
}

}  // namespace
}  // namespace newsdesk::cli
