// One writer at a time, between a full `newsdesk-index` run and `--update`: both
// take the flock on DB.lock, a second writer exits with 75, and `--wait SECONDS`
// lets it through once the holder is done. The holder is a real newsdesk-index
// reading a named pipe, so it holds the lock for exactly as long as the test
// keeps the pipe's writing end unwritten: no sleeps decide anything.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <memory>
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

std::string jsonl(const std::string& url, const std::string& title, const std::string& topic) {
    return nlohmann::json{{"url", url},
                          {"title", title},
                          {"date", "2024-06-21"},
                          {"text", "The council met on Tuesday to discuss " + topic +
                                       ". Members spoke for several hours about the plan.\n\n"
                                       "A vote is expected next month, officials said."}}
               .dump() +
           "\n";
}

// A process started in the background, its stdout and stderr in `log`.
class Background : public Process {
  public:
    Background(const std::vector<std::string>& argv, const fs::path& log)
        : Process(argv, {.out = log}), m_log(log) {}
    [[nodiscard]] std::string output() const { return read_file(m_log); }

  private:
    fs::path m_log;
};

// Whether another process holds the flock on `path` (a probe that finds it free
// takes it for an instant and lets go; the holders here wait for it).
bool lock_held(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return false;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

// Whether process `pid` has `path` open.
bool has_open(pid_t pid, const fs::path& path) {
    std::error_code ec;
    const auto target = fs::weakly_canonical(path, ec);
    for (const auto& fd : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
        std::error_code link_ec;
        if (fs::read_symlink(fd.path(), link_ec) == target) return true;
    }
    return false;
}

// Polls `condition` while `process` runs; false if the process ended first.
template <typename Condition>
bool while_running(Background& process, Condition condition) {
    while (!condition()) {
        if (!process.running()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

void write_pipe(const fs::path& fifo, const std::string& bytes) {
    const int fd = ::open(fifo.c_str(), O_WRONLY);  // waits for the reader
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    ::close(fd);
}

Xapian::doccount doc_count(const std::string& db) { return Xapian::Database(db).get_doccount(); }

class WriterLockTest : public ::testing::Test {
  protected:
    void SetUp() override {
        fs::create_directories(m_dir / "src");
        write_file(m_dir / "src" / "a.jsonl",
                   jsonl("https://example.org/a", "Bridge repairs approved", "bridge repairs"));
        ASSERT_EQ(::mkfifo(fifo().c_str(), 0600), 0);
    }

    [[nodiscard]] std::string db() const { return (m_dir / "db").string(); }
    [[nodiscard]] std::string lock() const { return db() + ".lock"; }
    [[nodiscard]] fs::path fifo() const { return m_dir / "wire.jsonl"; }
    [[nodiscard]] std::string src() const { return (m_dir / "src").string(); }

    // A full index of the named pipe, holding the lock until the pipe is written.
    std::unique_ptr<Background> start_holder() {
        auto holder = std::make_unique<Background>(
            std::vector<std::string>{kIndex, "--no-entities", "--quiet", "--wait", "60", "--db",
                                     db(), fifo().string()},
            m_dir / "holder.log");
        EXPECT_TRUE(while_running(*holder, [&] { return lock_held(lock()); })) << holder->output();
        return holder;
    }

    // --wait: newsdesk-index MODE... started while the lock is held waits for it,
    // then indexes.
    void expect_waits_then_runs(const std::vector<std::string>& mode) {
        auto holder = start_holder();
        ASSERT_TRUE(holder->running()) << holder->output();
        std::vector<std::string> argv{kIndex};
        argv.insert(argv.end(), mode.begin(), mode.end());
        argv.insert(argv.end(), {"--no-entities", "--wait", "300", "--db", db(), src()});
        Background waiter(argv, m_dir / "waiter.log");
        // It has opened the lock file, so it tried the lock while the holder had it.
        ASSERT_TRUE(while_running(waiter, [&] { return has_open(waiter.pid(), lock()); }))
            << waiter.output();
        ASSERT_TRUE(lock_held(lock()));
        ASSERT_TRUE(holder->running()) << holder->output();

        write_pipe(fifo(), jsonl("https://example.org/w", "Harbour dredging begins", "dredging"));
        EXPECT_EQ(holder->wait(), 0) << holder->output();
        EXPECT_EQ(waiter.wait(), 0) << waiter.output();
        EXPECT_EQ(doc_count(db()), 2u);  // the holder's article and the waiter's
    }

    TempDir m_dir;
};

TEST_F(WriterLockTest, FullIndexExitsWith75WhileTheLockIsHeld) {
    const int fd = ::open(lock().c_str(), O_RDWR | O_CREAT, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    auto r = run({kIndex, "--no-entities", "--db", db(), src()});
    EXPECT_EQ(r.exit_code, 75) << r.err;
    EXPECT_EQ(r.err, "newsdesk-index: " + db() +
                         ": another newsdesk-index run is writing this database (lock " + lock() +
                         " held); try again later or pass --wait SECONDS\n");
    EXPECT_FALSE(fs::exists(db())) << "the database was opened without the lock";
    r = run({kIndex, "--no-entities", "--wait", "0.2", "--db", db(), src()});
    EXPECT_EQ(r.exit_code, 75) << r.err;
    ::close(fd);
    r = run({kIndex, "--no-entities", "--db", db(), src()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(doc_count(db()), 1u);
}

TEST_F(WriterLockTest, FullIndexAndUpdateNeverWriteOneDatabaseAtOnce) {
    auto holder = start_holder();
    ASSERT_TRUE(holder->running()) << holder->output();

    // While the full index runs: an update and a second full index are turned away.
    auto r = run({kIndex, "--update", "--no-entities", "--db", db(), src()});
    EXPECT_EQ(r.exit_code, 75) << r.err;
    EXPECT_NE(r.err.find("another newsdesk-index run is writing this database"), std::string::npos)
        << r.err;
    r = run({kIndex, "--no-entities", "--db", db(), src()});
    EXPECT_EQ(r.exit_code, 75) << r.err;
    EXPECT_NE(r.err.find("another newsdesk-index run is writing this database"), std::string::npos)
        << r.err;

    write_pipe(fifo(),
               jsonl("https://example.org/w", "Harbour dredging begins", "harbour dredging"));
    EXPECT_EQ(holder->wait(), 0) << holder->output();
    EXPECT_EQ(doc_count(db()), 1u);  // the wire item only: the turned-away runs wrote nothing

    // The holder is gone, and so is its lock.
    r = run({kIndex, "--update", "--no-entities", "--db", db(), src()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(doc_count(db()), 2u);
}

TEST_F(WriterLockTest, UpdateWithWaitRunsOnceTheHolderReleasesTheLock) {
    expect_waits_then_runs({"--update"});
}

TEST_F(WriterLockTest, FullIndexWithWaitRunsOnceTheHolderReleasesTheLock) {
    expect_waits_then_runs({});
}

}  // namespace
}  // namespace newsdesk::test
