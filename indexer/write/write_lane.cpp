#include "indexer/write/write_lane.h"

#include <stdexcept>
#include <utility>

namespace newsdesk {

WriteLane::WriteLane(const std::string& path, const std::string& name, BatchLimits limits, bool spelling,
                     int db_flags, const std::vector<std::pair<std::string, std::string>>& metadata,
                     LaneBudget* budget)
    : m_path(path), m_name(name), m_limits(limits), m_spelling(spelling), m_db_flags(db_flags), m_metadata(metadata),
      m_budget(budget) {
    if (limits.part_documents) {
        if (spelling) throw std::logic_error("WriteLane: parts hold no spelling data (give it a lane of its own)");
        m_parts.emplace(path, name, limits, db_flags, metadata);
    } else {
        if (!m_budget) open_writer();  // else when its first batch comes, in a slot of the budget's
        m_databases.push_back(path);
    }
    m_thread = std::thread([this] { run(); });
}

void WriteLane::open_writer() {
    m_writer.emplace(m_path, m_limits, m_spelling, 1, m_db_flags);
    m_opened = true;
    m_writer->set_name(m_name);
    for (const auto& [key, value] : m_metadata) m_writer->set_metadata(key, value);
}

void WriteLane::close_writer() {
    if (m_parts) {
        m_parts->close_writer();
    } else if (m_writer) {
        m_writer->commit();
        m_commits += m_writer->commits();
        m_writer.reset();
    }
}

std::size_t WriteLane::pending_bytes() const {
    if (m_parts) return m_parts->pending_bytes();
    return m_writer ? m_writer->pending_bytes() : 0;
}

WriteLane::~WriteLane() { close(); }

void WriteLane::push(std::vector<std::string>&& id_terms, std::vector<Xapian::Document>&& documents,
                     std::size_t bytes, SpellingWords&& words) {
    std::unique_lock lock(m_mutex);
    m_space.wait(lock, [&] { return m_queue.size() < kQueuedBatches || m_error; });
    if (m_error) std::rethrow_exception(m_error);
    m_queue.push_back(Batch{std::move(id_terms), std::move(documents), bytes, std::move(words)});
    m_ready.notify_one();
}

void WriteLane::close_and_commit() {
    close();
    if (m_error) std::rethrow_exception(m_error);
}

void WriteLane::request_commit() {
    std::lock_guard lock(m_mutex);
    m_commit_asked = true;
    m_ready.notify_one();
}

void WriteLane::request_close() {
    std::lock_guard lock(m_mutex);
    m_close_asked = true;
    m_ready.notify_one();
}

void WriteLane::close() {
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
        m_ready.notify_one();
    }
    if (m_thread.joinable()) m_thread.join();
    if (m_budget) m_budget->closed(this);
}

void WriteLane::run() {
    for (;;) {
        Batch batch;
        bool commit = false, close = false;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [&] { return !m_queue.empty() || m_closing || m_commit_asked || m_close_asked; });
            commit = std::exchange(m_commit_asked, false);
            close = std::exchange(m_close_asked, false);
            if (m_queue.empty() && !commit && !close) break;  // closing, all written
            if (!m_queue.empty()) {
                batch = std::move(m_queue.front());
                m_queue.pop_front();
                m_space.notify_one();
            }
        }
        try {
            write(std::move(batch), commit, close);
        } catch (...) {
            fail();
            return;
        }
    }
    try {
        if (m_parts) {
            m_databases = m_parts->finish();
        } else {
            // Never opened: created empty, as it was. Closed by the budget
            // between batches: committed then, not opened again to commit
            // nothing (a hundred shards would be open at once at the end).
            if (!m_writer && !m_opened) open_writer();
            close_writer();
        }
    } catch (...) {
        fail();
    }
}

// Writes a batch (perhaps empty; a closed database is reopened for one), then
// commits, or commits and closes the database, when asked to or when the
// budget shared with other lanes is spent and this lane holds most of it.
void WriteLane::write(Batch&& batch, bool commit, bool close) {
    if (!batch.documents.empty() || !batch.words.empty()) {
        if (m_budget && !(m_parts ? m_parts->writer_open() : m_writer.has_value())) m_budget->open(this);
        if (m_parts) {
            m_parts->add(std::move(batch.id_terms), std::move(batch.documents), batch.bytes);
        } else {
            if (!m_writer) open_writer();
            m_writer->add_accounted(std::move(batch.id_terms), std::move(batch.documents), batch.bytes,
                                    std::move(batch.words));
        }
    }
    if (!m_budget) return;
    if (close) {
        close_writer();
        m_budget->closed(this);
        return;
    }
    if (!(m_parts ? m_parts->writer_open() : m_writer.has_value())) return;  // closed: holds nothing
    if (commit || m_budget->report(this, pending_bytes())) {
        if (m_parts) m_parts->commit_documents();
        else m_writer->commit_documents();
        (void)m_budget->report(this, pending_bytes());
    }
}

void WriteLane::fail() {
    std::lock_guard lock(m_mutex);
    m_error = std::current_exception();
    m_queue.clear();
    m_space.notify_all();
}

}  // namespace newsdesk
