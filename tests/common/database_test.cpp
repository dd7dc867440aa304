// Readers and a writer committing meanwhile (common/db/database.h): what with_retry
// retries, at which revision the retry reads, and what it lets through.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/db/database.h"

namespace {

namespace fs = std::filesystem;

class WithRetry : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "newsdesk-db-test-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    // A database of `documents` empty documents at `name` in the test's folder.
    std::string database(const std::string& name, int documents) {
        const std::string path = (m_dir / name).string();
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        for (int i = 0; i < documents; ++i) db.add_document(Xapian::Document());
        db.commit();
        return path;
    }
    void add_and_commit(const std::string& path) {
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
        db.add_document(Xapian::Document());
        db.commit();
    }
    std::string stub_to(const std::string& name, const std::string& target) {
        const std::string path = (m_dir / name).string();
        std::ofstream(path) << "auto " << target << "\n";
        return path;
    }

    fs::path m_dir;
};

// What glass says when the root block of a table a reader had not read yet was
// reused by a writer's later commit (seen under load: newsdesk.cgi answered 500).
const Xapian::DatabaseCorruptError kRootReused("Expected block 33 to be level 1, not 0");

TEST_F(WithRetry, ACorruptionReportAfterANewCommitIsRetriedAtTheNewRevision) {
    const auto path = database("db", 1);
    Xapian::Database reader = newsdesk::open_for_reading(path);
    add_and_commit(path);
    int calls = 0;
    const auto count = newsdesk::with_retry(reader, path, [&](Xapian::Database& db) {
        if (++calls == 1) throw kRootReused;
        return db.get_doccount();
    });
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(count, 2u);
}

TEST_F(WithRetry, ACorruptionReportWithoutANewRevisionIsNotRetried) {
    const auto path = database("db", 1);
    Xapian::Database reader = newsdesk::open_for_reading(path);
    int calls = 0;
    EXPECT_THROW((void)newsdesk::with_retry(reader, path,
                                            [&](Xapian::Database&) -> int {
                                                ++calls;
                                                throw kRootReused;
                                            }),
                 Xapian::DatabaseCorruptError);
    EXPECT_EQ(calls, 1) << "the corruption is real: nothing was committed";
}

TEST_F(WithRetry, AModifiedDatabaseIsRetriedUpToTheAttemptsAndThenThrown) {
    const auto path = database("db", 1);
    Xapian::Database reader = newsdesk::open_for_reading(path);
    int calls = 0;
    EXPECT_THROW((void)newsdesk::with_retry(
                     reader, path,
                     [&](Xapian::Database&) -> int {
                         ++calls;
                         throw Xapian::DatabaseModifiedError("discarded");
                     },
                     4),
                 Xapian::DatabaseModifiedError);
    EXPECT_EQ(calls, 4);
}

TEST_F(WithRetry, AStubSwappedMeanwhileIsReadWhereItNowPoints) {
    const auto old_db = database("gen-1", 1);
    const auto new_db = database("gen-2", 3);
    const auto stub = stub_to("live.db", old_db);
    Xapian::Database reader = newsdesk::open_for_reading(stub);
    ASSERT_EQ(reader.get_doccount(), 1u);
    // The nightly swap: a new stub renamed over the live one.
    fs::rename(stub_to("live.db.new", new_db), stub);
    int calls = 0;
    for (const auto& error : {std::string("modified"), std::string("corrupt")}) {
        Xapian::Database before = newsdesk::open_for_reading(old_db);  // as a reader of gen-1 is
        calls = 0;
        const auto count = newsdesk::with_retry(before, stub, [&](Xapian::Database& db) {
            if (++calls == 1) {
                if (error == "modified") throw Xapian::DatabaseModifiedError("discarded");
                throw kRootReused;
            }
            return db.get_doccount();
        });
        EXPECT_EQ(count, 3u) << error;
        EXPECT_EQ(calls, 2) << error;
    }
}

}  // namespace
