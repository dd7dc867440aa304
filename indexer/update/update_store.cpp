#include "indexer/update/update_store.h"

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "common/db/database.h"
#include "common/error.h"
#include "common/schema.h"
#include "indexer/write/writer_lock.h"

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

// Opens a database for writing, waiting for Xapian's own lock until
// `deadline`: newsdesk's writers all take the flock first (indexer/write/writer_lock.h),
// but another Xapian tool (xapian-compact, a copy of omindex) takes only this one.
Xapian::WritableDatabase open_writable(const std::string& path, const BatchLimits& limits,
                                       std::chrono::steady_clock::time_point deadline) {
    // As IndexWriter does: our batch limits decide when to commit.
    if (!std::getenv("XAPIAN_FLUSH_THRESHOLD"))
        setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(limits.documents + 1).c_str(), 0);
    std::error_code ec;
    const auto parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    for (;;) {
        try {
            Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
            check_schema(db, path);
            return db;
        } catch (const Xapian::DatabaseLockError& e) {
            // "... already locked" is another writer; "Couldn't open lockfile:
            // Permission denied" is a database we may not write at all.
            if (!e.get_msg().ends_with(": already locked"))
                throw IndexError(path + ": cannot open database for writing: " + e.get_msg());
            if (std::chrono::steady_clock::now() >= deadline)
                throw LockBusy(path +
                               ": database is locked by another writer; try again later or "
                               "pass --wait SECONDS");
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        } catch (const Xapian::DatabaseError& e) {
            throw IndexError(path + ": cannot open database for writing: " + e.get_msg());
        }
    }
}

}  // namespace

UpdateStore::UpdateStore(const std::string& path, const std::optional<ShardScheme>& scheme,
                         const BatchLimits& limits, std::chrono::steady_clock::time_point deadline)
    : m_path(resolve_write_target(path)), m_limits(limits), m_deadline(deadline) {
    std::error_code ec;
    const bool collection = is_collection(m_path);
    const bool nothing_there = !fs::exists(m_path, ec) || (fs::is_directory(m_path, ec) && fs::is_empty(m_path, ec));
    if (!collection && !(scheme && nothing_there)) {
        if (scheme)
            throw UsageError(m_path + ": holds a single database; --shard-by starts a new collection (use a new --db)");
        m_path = path;  // Xapian resolves a stub naming one database itself
        m_control = std::make_unique<Xapian::WritableDatabase>(open_writable(m_path, limits, deadline));
        m_control->set_metadata("newsdesk:schema", std::string(kSchemaVersion));
        return;
    }
    m_control = std::make_unique<Xapian::WritableDatabase>(open_writable(control_path(m_path), limits, deadline));
    const auto recorded = ShardScheme::parse(m_control->get_metadata(std::string(collection::scheme_key)));
    if (collection && !recorded) throw IndexError(m_path + ": the control database records no shard scheme");
    if (recorded && scheme && !(*recorded == *scheme))
        throw UsageError(m_path + ": a collection sharded by " + recorded->to_string() + ", not " + scheme->to_string());
    m_scheme = recorded ? recorded : scheme;
    m_control->set_metadata("newsdesk:schema", std::string(kSchemaVersion));
    m_control->set_metadata(std::string(collection::scheme_key), m_scheme->to_string());
    if (!collection) {
        write_collection_stub(m_path, {});
        m_control->commit();
    }
    // Every shard is opened: a file's articles may be in any of them.
    for (const auto& e : read_collection_stub(m_path)) {
        const std::string where = (fs::path(m_path) / e.entry).string();
        m_shards.emplace(e.name, Shard{e.entry, open_writable(where, limits, deadline)});
    }
}

UpdateStore::~UpdateStore() = default;

UpdateStore::Shard& UpdateStore::shard(const std::string& name, bool create) {
    if (const auto it = m_shards.find(name); it != m_shards.end()) return it->second;
    if (!create) throw std::logic_error("no shard " + name);
    auto db = open_writable(shard_path(m_path, name), m_limits, m_deadline);
    db.set_metadata(std::string(collection::shard_key), name);
    db.set_metadata("newsdesk:schema", std::string(kSchemaVersion));
    m_stub_changed = true;
    return m_shards.emplace(name, Shard{shard_entry(name), std::move(db)}).first->second;
}

Xapian::WritableDatabase& UpdateStore::target(const Article& article, const std::string& id_term) {
    if (!m_scheme) return *m_control;
    Shard& s = shard(m_scheme->shard_of(article, id_term), true);
    if (!s.written) {
        s.written = true;
        // Written to, the shard is no longer compact: closing compacts it again.
        if (!s.db.get_metadata(std::string(collection::compacted_key)).empty())
            s.db.set_metadata(std::string(collection::compacted_key), "");
    }
    return s.db;
}

Xapian::WritableDatabase* UpdateStore::existing_target(const Article& article, const std::string& id_term) {
    if (!m_scheme) return m_control.get();
    const auto it = m_shards.find(m_scheme->shard_of(article, id_term));
    return it == m_shards.end() ? nullptr : &it->second.db;
}

std::vector<Xapian::WritableDatabase*> UpdateStore::documents() {
    if (!m_scheme) return {m_control.get()};
    std::vector<Xapian::WritableDatabase*> out;
    for (auto& [name, s] : m_shards) out.push_back(&s.db);
    return out;
}

void UpdateStore::commit() {
    for (auto& [name, s] : m_shards) s.db.commit();  // a shard without changes writes nothing
    // New shards join the stub before the manifest records their articles: a
    // run killed in between leaves them named, and their files to redo.
    if (m_scheme && m_stub_changed) {
        std::vector<ShardEntry> entries;
        for (const auto& [name, s] : m_shards) entries.push_back({name, s.entry});
        write_collection_stub(m_path, entries);
        m_stub_changed = false;
    }
    m_control->commit();
}

Xapian::doccount UpdateStore::doc_count() {
    Xapian::doccount n = m_scheme ? 0 : m_control->get_doccount();
    for (auto& [name, s] : m_shards) n += s.db.get_doccount();
    return n;
}

}  // namespace newsdesk
