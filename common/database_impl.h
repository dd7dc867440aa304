// Template definitions for common/database.h.
#pragma once

#include <algorithm>
#include <chrono>
#include <thread>

namespace newsdesk {

void reopen_after_modification(Xapian::Database& db, const std::string& path);

template <typename Operation>
auto with_retry(Xapian::Database& db, const std::string& path, Operation&& operation, int attempts)
    -> decltype(operation(db)) {
    for (int attempt = 1;; ++attempt) {
        try {
            return operation(db);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= attempts) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(1 << std::min(attempt - 1, 6)));
            reopen_after_modification(db, path);
        }
    }
}

}  // namespace newsdesk
