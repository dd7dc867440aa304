#include "tests/support/shard_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
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

}  // namespace

ShardServer::ShardServer(const std::string& database) {
    // Another process may take the port between the pick and the bind: try again.
    for (int attempt = 0; attempt < 3 && !start(database); ++attempt) stop();
}

ShardServer::~ShardServer() { stop(); }

bool ShardServer::start(const std::string& database) {
    m_port = free_port();
    Launch launch;
    launch.own_session = true;    // one signal reaches it and the servers it forks
    launch.dies_with_test = true;  // however the test ends (a crash, CTest's timeout)
    m_server.emplace(std::vector<std::string>{"xapian-tcpsrv", "--interface", "127.0.0.1", "--port",
                                              std::to_string(m_port), database},
                     launch);
    // Ready once it accepts a connection (polled, not timed); given up if it exits.
    for (int wait = 0; wait < 500; ++wait) {
        if (accepts()) return true;
        if (!m_server->running()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

void ShardServer::stop() {
    if (!m_server) return;
    m_server->kill(SIGCONT);  // a hung (SIGSTOPped) one too
    m_server->kill(SIGTERM);
    for (int wait = 0; wait < 1000 && m_server->running(); ++wait)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    m_server.reset();  // SIGKILL to the group if it still runs, and reaped
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
    if (!m_server) return;
    m_server->kill(signal);
    if (signal == SIGKILL) m_server.reset();
}

}  // namespace newsdesk::test
