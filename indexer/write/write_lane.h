// One database written by a thread of its own, fed batches through a short
// queue: the building block of a parallel build (indexer/write/parallel_build.h,
// the parts of one database) and of a sharded one (indexer/write/sharded_build.h,
// one lane per shard). Xapian writes a database from one thread; lanes let
// several databases be written at once.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <xapian.h>

#include "indexer/write/index_writer.h"
#include "indexer/write/lane_budget.h"
#include "indexer/write/part_set.h"

namespace newsdesk {

class WriteLane final : public BudgetedLane {
  public:
    // Writes the database at `path` (created if needed), named `name` in
    // messages, with `db_flags` added to Xapian's (e.g. DB_NO_SYNC for a
    // scratch part); `metadata` is set when it is opened. Throws as
    // IndexWriter does when it cannot be opened. With limits.part_documents,
    // `path` is a new directory of parts (indexer/write/part_set.h), written
    // without spelling. With a `budget`, shared with other lanes, the lane
    // also commits, or commits and closes its database until its next batch,
    // when the budget says so (indexer/write/lane_budget.h).
    WriteLane(const std::string& path, const std::string& name, BatchLimits limits, bool spelling,
              int db_flags = Xapian::DB_NO_SYNC,
              const std::vector<std::pair<std::string, std::string>>& metadata = {},
              LaneBudget* budget = nullptr);
    ~WriteLane() override;
    WriteLane(const WriteLane&) = delete;
    WriteLane& operator=(const WriteLane&) = delete;

    // Queues a batch (documents with their id terms, their accounted bytes and
    // spelling words); waits while the lane is kQueuedBatches behind, so memory
    // stays bounded. Rethrows the lane's failure.
    void push(std::vector<std::string>&& id_terms, std::vector<Xapian::Document>&& documents, std::size_t bytes,
              SpellingWords&& words);

    // Ask the lane's thread to commit what it holds, or to commit and close
    // its database, once it has written the batch in hand (the lane's budget
    // asks; any thread may call them).
    void request_commit() override;
    void request_close() override;

    // Writes what is queued, commits and stops the thread; rethrows a failure.
    void close_and_commit();

    [[nodiscard]] std::size_t commits() const {
        return m_parts ? m_parts->commits() : m_commits + (m_writer ? m_writer->commits() : 0);
    }

    // The databases written, to be merged (after close_and_commit()): the
    // parts in order, or the one database.
    [[nodiscard]] const std::vector<std::string>& databases() const { return m_databases; }

    static constexpr std::size_t kQueuedBatches = 8;

  private:
    struct Batch {
        std::vector<std::string> id_terms;
        std::vector<Xapian::Document> documents;
        std::size_t bytes = 0;
        SpellingWords words;
    };

    void close();
    void run();
    void fail();  // records the failure; push() rethrows it and stops queueing
    void write(Batch&& batch, bool commit, bool close);  // on m_thread
    void open_writer();
    void close_writer();
    [[nodiscard]] std::size_t pending_bytes() const;

    // Written only by m_thread: one database (m_path; closed and reopened at
    // the budget's word), or a set of parts.
    std::string m_path, m_name;
    BatchLimits m_limits;
    bool m_spelling;
    int m_db_flags;
    std::vector<std::pair<std::string, std::string>> m_metadata;
    std::optional<IndexWriter> m_writer;
    std::optional<PartSet> m_parts;
    std::size_t m_commits = 0;  // of m_writer's closed before
    bool m_opened = false;      // m_writer opened at least once
    std::vector<std::string> m_databases;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<Batch> m_queue;
    bool m_closing = false;
    bool m_commit_asked = false, m_close_asked = false;
    LaneBudget* m_budget;
    std::exception_ptr m_error;
    std::thread m_thread;  // started once the rest is built
};

}  // namespace newsdesk
