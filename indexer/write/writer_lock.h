// One writer at a time: an exclusive flock(2) on "DB.lock" beside the database,
// held for the life of the object. The kernel drops it when the process dies,
// even by kill -9, so a crash never leaves a stale lock.
#pragma once

#include <string>

#include "common/error.h"

namespace newsdesk {

// LockBusy and kExitLocked (75) are in common/error.h, with the other error kinds.

class WriterLock {
  public:
    // Locks `db_path` + ".lock" (created if needed), waiting up to
    // `wait_seconds` (0: not at all). Throws LockBusy when another process
    // still holds it, IndexError when the lock file cannot be created.
    WriterLock(const std::string& db_path, double wait_seconds);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

    [[nodiscard]] const std::string& path() const { return m_path; }

  private:
    std::string m_path;
    int m_fd = -1;
};

}  // namespace newsdesk
