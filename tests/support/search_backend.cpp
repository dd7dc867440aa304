#include "tests/support/search_backend.h"

#include <fstream>

#include "common/db/collection.h"
#include "common/db/facet_column.h"

namespace newsdesk::test {

std::string to_string(Backend backend) {
    switch (backend) {
        case Backend::single: return "single";
        case Backend::column: return "column";
        case Backend::sharded: return "sharded";
        case Backend::remote: return "remote";
    }
    return "unknown";
}

BackendDatabase::BackendDatabase(Backend backend) : m_backend(backend) {
    if (backend == Backend::single || backend == Backend::column) {
        m_path = (m_dir / "db").string();
        m_shards.emplace_back(m_path, Xapian::DB_CREATE);
        return;
    }
    // A collection as newsdesk-index --shard-by hash:2 lays it out.
    const std::string dir = (m_dir / "collection").string();
    std::filesystem::create_directories(std::filesystem::path(dir) / collection::shards);
    Xapian::WritableDatabase control(control_path(dir), Xapian::DB_CREATE);
    control.set_metadata(std::string(collection::scheme_key), "hash:2");
    control.commit();
    std::vector<ShardEntry> entries;
    for (const std::string name : {"h00", "h01"}) {
        m_shards.emplace_back(shard_path(dir, name), Xapian::DB_CREATE);
        m_shards.back().set_metadata(std::string(collection::shard_key), name);
        m_shards.back().commit();
        entries.push_back({name, shard_entry(name)});
    }
    write_collection_stub(dir, entries);
    m_path = dir;
    if (backend == Backend::sharded) return;
    // The reader's stub: the control database local, the shards from their servers.
    std::ofstream stub(m_dir / "remote.stub");
    stub << "auto " << control_path(dir) << '\n';
    for (const auto& entry : entries) {
        m_servers.push_back(std::make_unique<ShardServer>(shard_path(dir, entry.name)));
        stub << "remote " << m_servers.back()->address() << '\n';
    }
    m_path = (m_dir / "remote.stub").string();
}

void BackendDatabase::add(const Article& article) {
    Xapian::WritableDatabase& db = m_shards[m_added++ % m_shards.size()];
    db.add_document(m_builder.build(article));
    db.commit();
    if (m_backend == Backend::column) write_facet_column(m_path);
}

void BackendDatabase::add(const std::vector<Article>& articles) {
    for (const auto& article : articles)
        m_shards[m_added++ % m_shards.size()].add_document(m_builder.build(article));
    for (auto& db : m_shards) db.commit();
    if (m_backend == Backend::column) write_facet_column(m_path);
}

bool BackendDatabase::ready() const {
    for (const auto& server : m_servers)
        if (!server->accepts()) return false;
    return true;
}

}  // namespace newsdesk::test
