// The kinds of database a search runs over, as Xapian's own tests run each test
// on each backend: one database, one database with its facet column written
// after each commit as newsdesk-index leaves it (common/db/facet_column.h), a
// sharded collection (common/db/collection.h), and a collection whose two
// shards are served by stock xapian-tcpsrv. A test
// adds articles and searches the path, as the programs open it (--db), so what
// holds for one database must hold for every kind.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "indexer/document/document_builder.h"
#include "tests/support/shard_server.h"
#include "tests/support/temp_dir.h"

namespace newsdesk::test {

enum class Backend { single, column, sharded, remote };

// "single", "column", "sharded", "remote": test names.
[[nodiscard]] std::string to_string(Backend backend);

// An empty database of one kind in a temporary directory of its own.
class BackendDatabase {
  public:
    explicit BackendDatabase(Backend backend);

    // Builds the article's document (DocumentBuilder) and commits it: in a
    // collection, the articles go to its two shards in turn, so that every
    // search with two articles or more reads both.
    void add(const Article& article);
    // The same for many articles, committed once.
    void add(const std::vector<Article>& articles);

    // What --db takes: the database directory, the collection directory, or a
    // stub naming the collection's control database and the two servers.
    [[nodiscard]] const std::string& path() const { return m_path; }

    // Whether the database can be searched (false when xapian-tcpsrv did not start).
    [[nodiscard]] bool ready() const;

  private:
    Backend m_backend;
    TempDir m_dir;
    std::string m_path;
    std::vector<Xapian::WritableDatabase> m_shards;  // one for a single database
    std::vector<std::unique_ptr<ShardServer>> m_servers;
    DocumentBuilder m_builder;
    std::size_t m_added = 0;
};

}  // namespace newsdesk::test
