// newsdesk's error kinds. Xapian::Error passes through untouched and is caught
// only at a program's boundary.
#pragma once

#include <stdexcept>
#include <string>

namespace newsdesk {

class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The caller asked for something malformed (bad option, query syntax): exit 2.
class UsageError : public Error {
  public:
    using Error::Error;
};

// An input file could not be read as an article: reported as "PATH: reason", skipped.
class ParseError : public Error {
  public:
    using Error::Error;
};

// The database could not be opened, written or is locked.
class IndexError : public Error {
  public:
    using Error::Error;
};

// Exit status of a writer that found another holding the database's lock
// (indexer/write/writer_lock.h): EX_TEMPFAIL from sysexits.h, "try again later",
// which cron and systemd report as such.
inline constexpr int kExitLocked = 75;

// Another process still holds the writers' lock after the wait: exit kExitLocked.
class LockBusy : public Error {
  public:
    using Error::Error;
};

}  // namespace newsdesk
