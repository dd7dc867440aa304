#include "tests/support/shard_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <thread>

namespace newsdesk::test {

namespace {

// A port nothing listens on now (the kernel's pick for an ephemeral bind).
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

// Whether `pid` has exited (and is reaped), waiting at most `wait`.
bool reaped(pid_t pid, std::chrono::milliseconds wait) {
    const auto until = std::chrono::steady_clock::now() + wait;
    for (;;) {
        if (waitpid(pid, nullptr, WNOHANG) == pid) return true;
        if (std::chrono::steady_clock::now() >= until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace

ShardServer::ShardServer(const std::string& database) {
    // Another process may take the port between the pick and the bind: try again.
    for (int attempt = 0; attempt < 3 && !start(database); ++attempt) stop();
}

ShardServer::~ShardServer() { stop(); }

bool ShardServer::start(const std::string& database) {
    m_port = free_port();
    const pid_t test = getpid();
    m_pid = fork();
    if (m_pid < 0) return false;
    if (m_pid == 0) {
        setsid();
        // The server dies with the test however the test ends (a crash, a
        // signal, CTest's timeout), not only through the destructor.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != test) _exit(127);
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        const std::string port = std::to_string(m_port);
        execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port.c_str(),
               database.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // Ready once it accepts a connection (polled, not timed); given up if it exits.
    for (int wait = 0; wait < 500; ++wait) {
        if (accepts()) return true;
        if (waitpid(m_pid, nullptr, WNOHANG) == m_pid) {
            m_pid = -1;
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

void ShardServer::stop() {
    if (m_pid <= 0) return;
    // Its whole group: the server and the servers it forked per connection.
    ::kill(-m_pid, SIGCONT);
    ::kill(-m_pid, SIGTERM);
    if (!reaped(m_pid, std::chrono::seconds(5))) {
        ::kill(-m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
    m_pid = -1;
}

std::string ShardServer::address() const { return "127.0.0.1:" + std::to_string(m_port); }

bool ShardServer::accepts() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(m_port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

void ShardServer::kill(int signal) {
    if (m_pid <= 0) return;
    ::kill(-m_pid, signal);
    if (signal == SIGKILL) {
        waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }
}

}  // namespace newsdesk::test
