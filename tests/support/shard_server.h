// A stock xapian-tcpsrv serving one database on a free loopback port, for tests
// of remote shards. The server runs in a session of its own, so one signal to its
// process group reaches it and the children it forks per connection; it is
// stopped (SIGTERM, then SIGKILL if need be) and reaped when this is destroyed,
// and dies with the test process however that ends.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "tests/support/process.h"

namespace newsdesk::test {

class ShardServer {
  public:
    // Starts the server and waits until it accepts connections; accepts() is
    // false afterwards when it could not be started (xapian-tcpsrv missing).
    explicit ShardServer(const std::string& database);
    ~ShardServer();
    ShardServer(const ShardServer&) = delete;
    ShardServer& operator=(const ShardServer&) = delete;

    // "127.0.0.1:PORT", as a stub's "remote" line names it.
    [[nodiscard]] std::string address() const;
    [[nodiscard]] bool accepts() const;
    // Sends `signal` to the server's process group (SIGSTOP: it hangs; SIGKILL:
    // it is gone, and reaped).
    void kill(int signal);

  private:
    [[nodiscard]] bool start(const std::string& database);
    void stop();

    int m_port = 0;
    std::optional<Process> m_server;
};

}  // namespace newsdesk::test
