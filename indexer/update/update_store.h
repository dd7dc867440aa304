// The databases `newsdesk-index --update` writes: one database, or a sharded
// collection (common/db/collection.h) whose control database keeps the manifest
// and the spelling data and whose shards keep the articles. The update itself
// (indexer/update/update.cpp) asks this where an article goes and where a file's
// articles are, so it reads the same for both.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "common/db/collection.h"
#include "indexer/write/index_writer.h"

namespace newsdesk {

class UpdateStore {
  public:
    // Opens `path` for writing, waiting for Xapian's own lock until `deadline`:
    // a sharded collection when `path` is one (or a stub naming one), or when
    // `scheme` is given and nothing is there yet; else one database, created if
    // missing. Throws LockBusy, IndexError (unwritable, another schema), and
    // UsageError when `scheme` does not match what is there.
    UpdateStore(const std::string& path, const std::optional<ShardScheme>& scheme, const BatchLimits& limits,
                std::chrono::steady_clock::time_point deadline);
    ~UpdateStore();
    UpdateStore(const UpdateStore&) = delete;
    UpdateStore& operator=(const UpdateStore&) = delete;

    [[nodiscard]] bool sharded() const { return m_scheme.has_value(); }
    // Where writes go (the collection directory, or the database).
    [[nodiscard]] const std::string& path() const { return m_path; }

    // The manifest and the spelling data (the database itself when unsharded).
    Xapian::WritableDatabase& control() { return *m_control; }

    // The database `article` goes to; a collection's shard is created (and
    // added to the stub at commit) on first use, and loses its "compacted" mark
    // when written to.
    Xapian::WritableDatabase& target(const Article& article, const std::string& id_term);
    // The same if it exists already, else nullptr.
    Xapian::WritableDatabase* existing_target(const Article& article, const std::string& id_term);

    // Every database holding articles: the one database, or every shard.
    [[nodiscard]] std::vector<Xapian::WritableDatabase*> documents();

    // Whether one article may sit in a shard other than target() names: time
    // shards follow the article's date, which can change between versions.
    [[nodiscard]] bool moves_between_shards() const { return m_scheme && m_scheme->by_time(); }

    // Commits the shards that changed, names new shards in the stub, then
    // commits the control database (the manifest): a run killed in between
    // rewrites those articles next time, without duplicates (they are replaced
    // by id), and never records articles of a shard the stub does not name.
    void commit();

    [[nodiscard]] Xapian::doccount doc_count();

  private:
    struct Shard {
        std::string entry;  // in the stub, relative to the collection
        Xapian::WritableDatabase db;
        bool written = false;
    };
    Shard& shard(const std::string& name, bool create);

    std::string m_path;
    std::optional<ShardScheme> m_scheme;
    BatchLimits m_limits;
    std::chrono::steady_clock::time_point m_deadline;
    std::unique_ptr<Xapian::WritableDatabase> m_control;
    std::map<std::string, Shard> m_shards;  // by name
    bool m_stub_changed = false;
};

}  // namespace newsdesk
