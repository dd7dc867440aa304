// Starting a program from a test: fork and exec, no shell, the one copy of it
// that the tests share (run() and run_cgi() are built on it, and tests that keep
// a program running beside them use it directly).
#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace newsdesk::test {

// How to start a program: its environment, directory, standard streams and limits.
struct Launch {
    std::vector<std::string> env{};         // "NAME=value", over this process's environment
    bool only_env = false;                  // the environment is `env` alone
    std::filesystem::path cwd{};            // empty: this process's
    std::filesystem::path in = "/dev/null";
    std::filesystem::path out = "/dev/null";  // created or truncated
    std::filesystem::path err{};              // empty: the same file as `out`
    struct Limit {
        int resource;  // RLIMIT_AS, RLIMIT_CPU ...
        rlim_t soft, hard;
    };
    std::vector<Limit> limits{};  // setrlimit before exec
    bool dies_with_test = false;  // killed (SIGKILL) when the test process ends, however it ends
    // A session (and process group) of its own, signalled as a whole by kill()
    // and the destructor: for servers that fork per connection (xapian-tcpsrv),
    // and whose SIGTERM handler signals its group.
    bool own_session = false;
};

// A running program: argv[0] is a path, or a name looked up in PATH. Started by
// the constructor; the destructor kills (SIGKILL) and reaps it if it still runs.
// A program that could not be started exits with status 127.
class Process {
  public:
    explicit Process(const std::vector<std::string>& argv, const Launch& launch = {});
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    [[nodiscard]] pid_t pid() const { return m_pid; }
    // Whether it still runs (reaps it if not).
    [[nodiscard]] bool running();
    // Waits for it to end: its exit status, or 128 + the signal that ended it.
    int wait();
    // Sends `signal` to it (to its whole group when launched in its own session).
    void kill(int signal);
    // After wait(): the signal that ended it (0 when it exited), its peak resident memory.
    [[nodiscard]] int term_signal() const { return m_signal; }
    [[nodiscard]] long peak_rss_kb() const { return m_peak_rss_kb; }

  private:
    void reaped(int status, const rusage& usage);
    pid_t m_pid = -1;
    int m_status = -1;  // -1 while running
    int m_signal = 0;
    long m_peak_rss_kb = 0;
    bool m_group = false;  // launched in its own session: signals go to the group
};

}  // namespace newsdesk::test
