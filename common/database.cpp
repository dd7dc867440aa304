#include "common/database.h"

#include <cstdlib>
#include <system_error>

#include "common/error.h"
#include "common/schema.h"

namespace newsdesk {

std::string resolve_db_path(const std::string& explicit_path) {
    if (!explicit_path.empty()) return explicit_path;
    if (const char* env = std::getenv("NEWSDESK_DB"); env && *env) return env;
    return "var/newsdesk.db";
}

namespace {

constexpr int kOpenAttempts = 12;

// One attempt at opening `path` and checking its schema.
Xapian::Database open_once(const std::string& path) {
    Xapian::Database db;
    try {
        db = Xapian::Database(path);
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexError(path + ": cannot open database: " + e.get_msg());
    }
    check_schema(db, path);
    return db;
}

}  // namespace

Xapian::Database open_for_reading(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw IndexError(path + ": no database here (index some articles first with newsdesk-index)");
    // Opening reads the version file, then the tables at that revision, then the
    // schema key: a writer committing twice in between discards the revision
    // being opened, as it does one being searched (database_impl.h).
    for (int attempt = 1;; ++attempt) {
        try {
            return open_once(path);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= kOpenAttempts) throw;
        } catch (const Xapian::DatabaseCorruptError&) {
            if (attempt >= kOpenAttempts) throw;
        }
        pause_before_retry(attempt);
    }
}

void check_schema(const Xapian::Database& db, const std::string& path) {
    const std::string version = db.get_metadata("newsdesk:schema");
    if (version.empty() || version == kSchemaVersion) return;
    throw IndexError(path + ": an index of schema " + version + ", and this newsdesk reads schema " +
                     std::string(kSchemaVersion) +
                     ": rebuild it (newsdesk-index --db NEW PATH..., or newsdesk-nightly --rebuild)");
}

Xapian::WritableDatabase open_for_writing(const std::string& path, int extra_flags) {
    try {
        std::error_code ec;
        const auto parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | extra_flags);
        check_schema(db, path);
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(path + ": database is locked by another writer");
    } catch (const Xapian::DatabaseError& e) {
        throw IndexError(path + ": cannot open database for writing: " + e.get_msg());
    }
}

void reopen_after_modification(Xapian::Database& db, const std::string& path) {
    // reopen() picks up the latest revision of the same databases; after a stub
    // swap the stub may name different ones, so open it afresh.
    if (std::filesystem::is_regular_file(path)) db = open_once(path);
    else db.reopen();
}

bool superseded(const Xapian::Database& db, const std::string& path) {
    try {
        const Xapian::Database now(path);
        return now.get_uuid() != db.get_uuid() || now.get_revision() != db.get_revision();
    } catch (const Xapian::DatabaseModifiedError&) {
        return true;  // committed to while being looked at
    } catch (const Xapian::InvalidOperationError&) {
        return true;  // several shards have no one revision: retried within the attempts
    } catch (const Xapian::Error&) {
        return false;  // cannot tell: the original error stands
    }
}

void pause_before_retry(int attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1 << std::min(attempt - 1, 6)));
}

}  // namespace newsdesk
