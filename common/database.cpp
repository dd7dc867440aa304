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

Xapian::Database open_for_reading(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw IndexError(path + ": no database here (index some articles first with newsdesk-index)");
    Xapian::Database db;
    try {
        db = Xapian::Database(path);
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexError(path + ": cannot open database: " + e.get_msg());
    }
    check_schema(db, path);
    return db;
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
    if (std::filesystem::is_regular_file(path)) db = open_for_reading(path);
    else db.reopen();
}

}  // namespace newsdesk
