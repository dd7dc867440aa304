// Template definitions for common/database.h.
#pragma once

#include <algorithm>
#include <chrono>
#include <thread>

namespace newsdesk {

void reopen_after_modification(Xapian::Database& db, const std::string& path, const OpenOptions& options);
[[noreturn]] void throw_shard_failure(const std::string& path, const Xapian::NetworkError& e);

template <typename Operation>
auto with_retry(Xapian::Database& db, const std::string& path, Operation&& operation, int attempts,
                const OpenOptions& options) -> decltype(operation(db)) {
    for (int attempt = 1;; ++attempt) {
        try {
            return operation(db);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= attempts) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(1 << std::min(attempt - 1, 6)));
            reopen_after_modification(db, path, options);
        } catch (const Xapian::NetworkError& e) {
            throw_shard_failure(path, e);
        }
    }
}

}  // namespace newsdesk
