#include "common/db/database.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string_view>
#include <system_error>
#include <vector>

#include "common/config.h"
#include "common/db/collection.h"
#include "common/db/open_files.h"
#include "common/error.h"
#include "common/schema.h"

namespace newsdesk {

std::string resolve_db_path(const std::string& explicit_path) { return choose_database(explicit_path).path; }

namespace {

namespace fs = std::filesystem;

constexpr int kMaxStubDepth = 8;  // a stub naming itself must not recurse forever

double remote_timeout(const OpenOptions& options) {
    if (options.remote_timeout > 0) return options.remote_timeout;
    if (const char* env = std::getenv("NEWSDESK_REMOTE_TIMEOUT"); env && *env) {
        char* end = nullptr;
        const double seconds = std::strtod(env, &end);
        if (end && *end == '\0' && seconds > 0 && seconds <= 3600) return seconds;
    }
    return 10;
}

// Whether the file at `path` is a stub (its first line names a backend) rather
// than a single-file database.
bool looks_like_stub(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head - 1);
    const std::string_view start(head);
    for (std::string_view type : {"auto", "glass", "chert", "remote", "inmemory", "#"})
        if (start.starts_with(type)) return true;
    return start.empty();
}

Xapian::Database open_path(const std::string& path, const OpenOptions& options, int depth);

Xapian::Database open_remote(const std::string& stub, const std::string& arg, const OpenOptions& options) {
    const auto timeout_ms = static_cast<unsigned>(remote_timeout(options) * 1000);
    if (!arg.empty() && arg.front() == ':') {  // "remote :PROGRAM ARGS": xapian-progsrv and the like
        const auto space = arg.find(' ');
        const std::string program = arg.substr(1, space == std::string::npos ? space : space - 1);
        const std::string args = space == std::string::npos ? "" : arg.substr(space + 1);
        return Xapian::Remote::open(program, args, timeout_ms);
    }
    const auto colon = arg.rfind(':');
    unsigned port = 0;
    if (colon != std::string::npos && colon > 0) {
        const std::string digits = arg.substr(colon + 1);
        if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos && digits.size() <= 5)
            port = static_cast<unsigned>(std::stoul(digits));
    }
    if (port == 0 || port > 65535)
        throw IndexError(stub + ": 'remote " + arg + "' is not HOST:PORT or :PROGRAM ARGS");
    std::string host = arg.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    try {
        return Xapian::Remote::open(host, port, timeout_ms, timeout_ms);
    } catch (const Xapian::NetworkError& e) {
        throw IndexError(stub + ": shard " + arg + " cannot be reached (" + e.get_msg() + ")");
    }
}

Xapian::Database open_stub(const std::string& stub, const OpenOptions& options, int depth) {
    if (depth > kMaxStubDepth) throw IndexError(stub + ": stubs nested too deep (a stub names itself?)");
    Xapian::Database db;
    std::size_t opened = 0;
    for (const auto& [type, arg] : read_stub_lines(stub)) {
        if (type == "remote") {
            db.add_database(open_remote(stub, arg, options));
        } else if (type == "auto" || type == "glass" || type == "chert") {
            fs::path target = arg;
            if (target.is_relative()) target = fs::path(stub).parent_path() / target;
            db.add_database(open_path(target.lexically_normal().string(), options, depth + 1));
        } else {
            throw IndexError(stub + ": cannot open '" + type + (arg.empty() ? "" : " " + arg) +
                             "' (a stub names databases with auto PATH or remote HOST:PORT)");
        }
        ++opened;
    }
    if (opened == 0) throw IndexError(stub + ": the stub names no database");
    return db;
}

// "PATH: cannot open database[ for writing]: Xapian's reason (the system's)",
// with what to do when the open-file limit is what stopped it.
IndexError opening_failure(const std::string& path, const Xapian::Error& e, const std::string& what = "") {
    std::string message = path + ": cannot open database" + what + ": " + e.get_msg();
    if (const char* reason = e.get_error_string(); reason && *reason) {
        message += std::string(" (") + reason + ")";
        if (std::string_view(reason) == std::strerror(EMFILE))
            message += "; raise the open-file limit (ulimit -n), or open fewer shards";
    }
    return IndexError(message);
}

Xapian::Database open_path(const std::string& path, const OpenOptions& options, int depth) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw IndexError(path + ": no database here (index some articles first with newsdesk-index)");
    const fs::path nested = fs::path(path) / "XAPIANDB";
    if (fs::is_directory(path, ec) && fs::is_regular_file(nested, ec))
        return open_stub(nested.string(), options, depth + 1);
    if (fs::is_regular_file(path, ec) && looks_like_stub(path)) return open_stub(path, options, depth + 1);
    try {
        return Xapian::Database(path);
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw opening_failure(path, e);
    }
}

constexpr int kOpenAttempts = 12;

// One attempt at opening `path` and checking its schema.
Xapian::Database open_once(const std::string& path, const OpenOptions& options) {
    Xapian::Database db;
    try {
        db = open_path(path, options, 0);
        check_schema(db, path);
    } catch (const Xapian::NetworkError& e) {
        throw_shard_failure(path, e);
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw opening_failure(path, e);
    }
    return db;
}

}  // namespace

Xapian::Database open_for_reading(const std::string& path, const OpenOptions& options) {
    // Opening reads the version file, then the tables at that revision, then the
    // schema key: a writer committing twice in between discards the revision
    // being opened, as it does one being searched (database_impl.h).
    raise_open_file_limit();  // a collection holds a few descriptors a shard
    for (int attempt = 1;; ++attempt) {
        try {
            return open_once(path, options);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= kOpenAttempts) throw;
        } catch (const Xapian::DatabaseCorruptError&) {
            if (attempt >= kOpenAttempts) throw;
        }
        pause_before_retry(attempt);
    }
}

namespace {

bool reaches_remote_at(const std::string& path, int depth) {
    std::error_code ec;
    std::string stub = path;
    if (fs::is_directory(path, ec)) stub = (fs::path(path) / "XAPIANDB").string();
    if (depth > kMaxStubDepth || !fs::is_regular_file(stub, ec) || !looks_like_stub(stub)) return false;
    try {
        for (const auto& [type, arg] : read_stub_lines(stub)) {
            if (type == "remote") return true;
            fs::path target = arg;
            if (target.is_relative()) target = fs::path(stub).parent_path() / target;
            if (reaches_remote_at(target.lexically_normal().string(), depth + 1)) return true;
        }
    } catch (const std::exception&) {
        return false;
    }
    return false;
}

}  // namespace

bool reaches_remote(const std::string& path) { return reaches_remote_at(path, 0); }

std::string local_database_dir(const std::string& path) {
    std::error_code ec;
    std::string at = path;
    for (int depth = 0; depth <= kMaxStubDepth; ++depth) {
        // A directory is a database's when it holds one (a label that happens
        // to name a directory, such as corpus/, is none).
        if (fs::is_directory(at, ec))
            return is_collection(at) || !fs::exists(fs::path(at) / "iamglass", ec) ? std::string() : at;
        if (!fs::is_regular_file(at, ec) || !looks_like_stub(at)) return {};
        try {
            const auto lines = read_stub_lines(at);
            if (lines.size() != 1 || lines.front().first != "auto") return {};
            fs::path target = lines.front().second;
            if (target.is_relative()) target = fs::path(at).parent_path() / target;
            at = target.lexically_normal().string();
        } catch (const std::exception&) {
            return {};
        }
    }
    return {};
}

void throw_shard_failure(const std::string& path, const Xapian::NetworkError& e) {
    throw IndexError(path + ": a remote shard failed (" + e.get_msg() +
                     (e.get_context().empty() ? "" : ", " + e.get_context()) + ")");
}

void check_schema(const Xapian::Database& db, const std::string& path) {
    const std::string version = db.get_metadata("newsdesk:schema");
    if (version.empty() || version == kSchemaVersion) return;
    throw IndexError(path + ": an index of schema " + version + ", and this newsdesk reads schema " +
                     std::string(kSchemaVersion) +
                     ": rebuild it (newsdesk-index --db NEW PATH..., or newsdesk-nightly --rebuild)");
}

Xapian::WritableDatabase open_for_writing(const std::string& path, int extra_flags) {
    raise_open_file_limit();
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
        throw opening_failure(path, e, " for writing");
    }
}

void reopen_after_modification(Xapian::Database& db, const std::string& path, const OpenOptions& options) {
    // reopen() picks up the latest revision of the same databases; after a stub
    // swap (the nightly job's stub, a collection's XAPIANDB gaining a shard) the
    // stub may name different ones, so open it afresh.
    std::error_code ec;
    if (fs::is_regular_file(path, ec) || fs::is_regular_file(fs::path(path) / "XAPIANDB", ec))
        db = open_once(path, options);
    else
        db.reopen();
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
