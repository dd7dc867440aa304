// Template definitions for common/db/database.h.
#pragma once

#include <algorithm>
#include <chrono>
#include <thread>

namespace newsdesk {

// Reopens `db` after a writer moved on: a stub (a file, or a collection's
// XAPIANDB) is opened afresh (a swap may have pointed it elsewhere, a
// collection gained a shard), a directory reopened at its latest revision.
// Throws what reading throws, DatabaseModifiedError included.
void reopen_after_modification(Xapian::Database& db, const std::string& path, const OpenOptions& options);

// Whether the database at `path` is no longer what `db` reads: a newer revision
// has been committed, or a stub names another database.
[[nodiscard]] bool superseded(const Xapian::Database& db, const std::string& path);

// The pause before attempt `attempt` + 1: 1 ms, doubling up to 64 ms.
void pause_before_retry(int attempt);

// A remote shard's failure as the IndexError naming `path` and the shard.
[[noreturn]] void throw_shard_failure(const std::string& path, const Xapian::NetworkError& e);

template <typename Operation>
auto with_retry(Xapian::Database& db, const std::string& path, Operation&& operation, int attempts,
                const OpenOptions& options) -> decltype(operation(db)) {
    for (int attempt = 1;; ++attempt) {
        try {
            // Reopening reads the database too (a stub's schema key): a writer
            // committing meanwhile makes that one more attempt, not a failure.
            if (attempt > 1) reopen_after_modification(db, path, options);
            return operation(db);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= attempts) throw;
        } catch (const Xapian::DatabaseCorruptError&) {
            // Glass checks the revision of every block a reader reads except a
            // table's root, so a reader whose revision a writer has discarded may
            // find the root's block reused and report corruption ("Expected block
            // 33 to be level 1, not 0"). With a newer revision there, that is a
            // modification; without one, the corruption is real.
            if (attempt >= attempts || !superseded(db, path)) throw;
        } catch (const Xapian::NetworkError& e) {
            throw_shard_failure(path, e);
        }
        pause_before_retry(attempt);
    }
}

}  // namespace newsdesk
