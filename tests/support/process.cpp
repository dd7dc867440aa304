#include "tests/support/process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

extern char** environ;

namespace newsdesk::test {

namespace {

// `extra` over `base`: an entry of `extra` replaces the one of `base` with its name.
std::vector<std::string> environment(const Launch& launch) {
    std::vector<std::string> out;
    if (!launch.only_env)
        for (char** e = environ; *e; ++e) {
            const std::string entry = *e;
            const auto eq = entry.find('=');
            const auto name = entry.substr(0, eq == std::string::npos ? entry.size() : eq + 1);
            bool replaced = false;
            for (const auto& x : launch.env) replaced = replaced || x.starts_with(name);
            if (!replaced) out.push_back(entry);
        }
    out.insert(out.end(), launch.env.begin(), launch.env.end());
    return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// In the child: only what is safe between fork and exec (no allocation).
[[noreturn]] void exec_child(const Launch& launch, char** argv, char** envp, pid_t parent) {
    if (launch.own_session) setsid();
    if (launch.dies_with_test) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);  // the test ended before the line above
    }
    const int in = ::open(launch.in.c_str(), O_RDONLY);
    const int out = ::open(launch.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = launch.err.empty() ? out : ::open(launch.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0) _exit(127);
    if (!launch.cwd.empty() && chdir(launch.cwd.c_str()) != 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    for (const auto& limit : launch.limits) {
        const rlimit value{limit.soft, limit.hard};
        if (setrlimit(limit.resource, &value) != 0) _exit(126);
    }
    if (std::strchr(argv[0], '/')) execve(argv[0], argv, envp);
    else execvpe(argv[0], argv, envp);
    _exit(127);
}

}  // namespace

Process::Process(const std::vector<std::string>& argv, const Launch& launch) : m_group(launch.own_session) {
    if (argv.empty()) throw std::invalid_argument("Process: no program");
    // Everything the child needs is built before fork.
    auto args = argv;
    auto env = environment(launch);
    auto arg_pointers = pointers(args), env_pointers = pointers(env);
    const pid_t parent = getpid();
    m_pid = fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) exec_child(launch, arg_pointers.data(), env_pointers.data(), parent);
}

Process::~Process() {
    if (m_pid > 0 && m_status < 0) {
        kill(SIGKILL);
        wait();
    }
}

void Process::reaped(int status, const rusage& usage) {
    m_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + m_signal;
    m_peak_rss_kb = usage.ru_maxrss;
}

bool Process::running() {
    if (m_status >= 0) return false;
    int status = 0;
    rusage usage{};
    const pid_t ended = wait4(m_pid, &status, WNOHANG, &usage);
    if (ended == 0) return true;
    if (ended < 0) status = 127 << 8;  // not a child of ours (any more): as if it could not start
    reaped(status, usage);
    return false;
}

int Process::wait() {
    if (m_status < 0) {
        int status = 0;
        rusage usage{};
        if (wait4(m_pid, &status, 0, &usage) < 0) status = 127 << 8;
        reaped(status, usage);
    }
    return m_status;
}

void Process::kill(int signal) {
    if (m_status < 0) ::kill(m_group ? -m_pid : m_pid, signal);
}

}  // namespace newsdesk::test
