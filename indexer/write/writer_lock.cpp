#include "indexer/write/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

namespace newsdesk {

WriterLock::WriterLock(const std::string& db_path, double wait_seconds)
    : m_path(db_path + ".lock") {
    std::error_code ec;
    const auto parent = std::filesystem::path(m_path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    m_fd = ::open(m_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) throw IndexError(m_path + ": cannot create lock file: " + std::strerror(errno));
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration<double>(wait_seconds > 0 ? wait_seconds : 0);
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const std::string reason = std::strerror(errno);
            ::close(m_fd);
            throw IndexError(m_path + ": cannot lock: " + reason);
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::close(m_fd);
            throw LockBusy(db_path +
                           ": another newsdesk-index run is writing this database (lock " + m_path +
                           " held); try again later or pass --wait SECONDS");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

WriterLock::~WriterLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing releases the flock
}

}  // namespace newsdesk
