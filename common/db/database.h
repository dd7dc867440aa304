// Opening databases: the one place that knows about stub files, locks and
// Xapian::DatabaseModifiedError.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include <xapian.h>

namespace newsdesk {

// The database path: `explicit_path` if non-empty, else $NEWSDESK_DB, else the
// configuration file's, else the built-in default (common/config.h).
[[nodiscard]] std::string resolve_db_path(const std::string& explicit_path);

// How long a reader waits for a remote shard (xapian-tcpsrv) to accept a
// connection and to answer, in seconds; 0 takes $NEWSDESK_REMOTE_TIMEOUT, else 10.
// A shard that is down or stops answering then fails the search with one line
// (IndexError naming the shard) instead of leaving it hanging.
struct OpenOptions {
    double remote_timeout = 0;
};

// Opens a database for reading: a directory, a sharded collection (a directory
// with a XAPIANDB stub, common/db/collection.h), or a stub file naming databases,
// local ("auto PATH", relative to the stub) or remote ("remote HOST:PORT",
// "remote :PROGRAM ARGS"), nested stubs included. Throws newsdesk::IndexError
// with a one-line message naming the path (or the shard) when it does not
// exist, cannot be opened or reached, or holds an index of another schema
// version (check_schema). Retried as with_retry does when a writer discards the
// revision being opened.
[[nodiscard]] Xapian::Database open_for_reading(const std::string& path, const OpenOptions& options = {});

// Whether opening `path` reaches a remote database: it is a stub file (or a
// collection whose XAPIANDB stub) naming a "remote" line, directly or through
// nested stubs. Match spies of newsdesk's own cannot run there (stock
// xapian-tcpsrv knows only Xapian's built-in ones). False when the path
// cannot be read (opening it says why).
[[nodiscard]] bool reaches_remote(const std::string& path);

// The directory of the one local database that opening `path` reaches: `path`
// itself when it is a database directory, or the database a stub file names
// with its only line ("auto PATH", through nested stubs: the nightly job's
// swap stub). Empty for a collection, a stub naming several or remote
// databases, a directory holding no glass database, and a path that cannot be
// read. What lies beside that database
// (its facet column) belongs to whatever revision the directory holds now, so
// a reader checks it against the database it opened.
[[nodiscard]] std::string local_database_dir(const std::string& path);

// Opens (creating if needed) a database for writing, with `extra_flags` (e.g.
// Xapian::DB_NO_SYNC for a scratch database). Throws newsdesk::IndexError
// when locked by another writer, not writable or of another schema version.
[[nodiscard]] Xapian::WritableDatabase open_for_writing(const std::string& path, int extra_flags = 0);

// Throws newsdesk::IndexError naming `path` when `db` records a schema version
// (metadata "newsdesk:schema") other than common/schema.h's kSchemaVersion: its
// terms and slots mean something else, so it is neither searched nor added to,
// and the message says how to rebuild it. A database without the key (empty, or
// built in memory by a test) passes.
void check_schema(const Xapian::Database& db, const std::string& path);

// Runs `operation` against `db`; on Xapian::DatabaseModifiedError reopens the
// database (re-resolving a stub after a swap) and runs it again, up to
// `attempts` times in all, pausing a little longer before each new attempt (1, 2,
// 4 ... 64 ms) so that a reader slower than a busy writer's commits is not
// always caught between the same two commits. A DatabaseModifiedError while
// reopening is one more attempt. Xapian::DatabaseCorruptError is retried the
// same way when `path` holds a newer revision than `db` read (glass reports a
// discarded revision so when the block it meets first is a table's root). A
// remote shard that fails or times out (Xapian::NetworkError) becomes an
// IndexError naming `path`. Other errors pass through.
//
// kReadAttempts pause about two seconds in all: a writer committing every
// article (`--update --batch 1`) discards the revision of any reading longer
// than two of its commits for as long as its burst lasts, and on a slow machine
// a search's reading of a few hundred stored records is (the page's tabs of
// quotes and experts, tests/e2e/e2e_readers_test.cpp). Twelve attempts, about
// 0.4 s, ran out there one time in five; the page's time limit is 10 s.
inline constexpr int kReadAttempts = 40;

template <typename Operation>
auto with_retry(Xapian::Database& db, const std::string& path, Operation&& operation,
                int attempts = kReadAttempts, const OpenOptions& options = {}) -> decltype(operation(db));

}  // namespace newsdesk

#include "common/db/database_internal.h"
