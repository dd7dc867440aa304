#include "indexer/write/write_lane.h"

#include <stdexcept>

namespace newsdesk {

WriteLane::WriteLane(const std::string& path, const std::string& name, BatchLimits limits, bool spelling,
                     int db_flags, const std::vector<std::pair<std::string, std::string>>& metadata) {
    if (limits.part_documents) {
        if (spelling) throw std::logic_error("WriteLane: parts hold no spelling data (give it a lane of its own)");
        m_parts.emplace(path, name, limits, db_flags, metadata);
    } else {
        m_writer.emplace(path, limits, spelling, 1, db_flags);
        m_writer->set_name(name);
        for (const auto& [key, value] : metadata) m_writer->set_metadata(key, value);
        m_databases.push_back(path);
    }
    m_thread = std::thread([this] { run(); });
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

void WriteLane::close() {
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
        m_ready.notify_one();
    }
    if (m_thread.joinable()) m_thread.join();
}

void WriteLane::run() {
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [&] { return !m_queue.empty() || m_closing; });
            if (m_queue.empty()) break;
            batch = std::move(m_queue.front());
            m_queue.pop_front();
            m_space.notify_one();
        }
        try {
            if (m_parts)
                m_parts->add(std::move(batch.id_terms), std::move(batch.documents), batch.bytes);
            else
                m_writer->add_accounted(std::move(batch.id_terms), std::move(batch.documents), batch.bytes,
                                        std::move(batch.words));
        } catch (...) {
            fail();
            return;
        }
    }
    try {
        if (m_parts) m_databases = m_parts->finish();
        else m_writer->commit();
    } catch (...) {
        fail();
    }
}

void WriteLane::fail() {
    std::lock_guard lock(m_mutex);
    m_error = std::current_exception();
    m_queue.clear();
    m_space.notify_all();
}

}  // namespace newsdesk
