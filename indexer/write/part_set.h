// A new database written as a set of small parts (DIR/part-0, part-1, ...),
// merged by one compaction at the end. Every commit into a large B-tree
// rewrites the blocks of nearly every term it touches, so a lane that wrote a
// quarter of a million articles into one database wrote its size many times
// over (the million-article build wrote 890 GB for 16 GB). A part holds at
// most limits.part_documents articles, so every commit goes into a small tree;
// a full part is compacted in place (half the disk) and a new one started.
//
// An article seen again replaces its earlier version as one database would:
// in the current part by replace_document, in a closed part by deleting it
// there when the set is finished. When a part closes, its id terms are walked
// beside each earlier part's, one part open at a time (no closed part is kept
// open: common/db/open_files.h), and only the deletions are kept.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "indexer/write/index_writer.h"

namespace newsdesk {

class PartSet {
  public:
    // Creates `dir` (its first part comes with the first add()); `name` is the
    // database named in messages, `db_flags` are added to Xapian's, `metadata`
    // is set in every part. A part is closed once it holds
    // limits.part_documents documents (at least 1). Throws IndexError when a
    // part cannot be written.
    PartSet(std::string dir, std::string name, BatchLimits limits, int db_flags,
            std::vector<std::pair<std::string, std::string>> metadata);

    // Adds (or replaces, by id term) the documents, committing as IndexWriter
    // does; starts a new part when the current one is full.
    void add(std::vector<std::string>&& id_terms, std::vector<Xapian::Document>&& documents, std::size_t bytes);

    // Commits the current part and deletes from the closed parts the articles
    // a later part replaced. Returns the parts' paths, in order.
    std::vector<std::string> finish();

    [[nodiscard]] std::size_t commits() const;

    // The current part's, as IndexWriter's of the same names.
    void commit_documents() {
        if (m_writer) m_writer->commit_documents();
    }
    [[nodiscard]] std::size_t pending_bytes() const { return m_writer ? m_writer->pending_bytes() : 0; }

    // Commits the current part and closes it until the next add() reopens it
    // (a sharded build keeps only so many shards open: indexer/write/lane_budget.h).
    void close_writer();
    [[nodiscard]] bool writer_open() const { return m_writer.has_value(); }

  private:
    void open_part();
    void close_part();
    // Notes the articles of part `last` that earlier parts hold, to delete there.
    void find_replaced(std::size_t last);
    [[nodiscard]] std::string part_path(std::size_t i) const;

    std::string m_dir, m_name;
    BatchLimits m_limits;
    int m_db_flags;
    std::vector<std::pair<std::string, std::string>> m_metadata;
    std::optional<IndexWriter> m_writer;  // the current part
    std::size_t m_closed = 0;  // parts closed (compacted), numbered from 0
    std::set<std::pair<std::size_t, Xapian::docid>> m_replaced;  // (closed part, document) to delete
    std::size_t m_commits = 0;  // of closed parts
};

}  // namespace newsdesk
