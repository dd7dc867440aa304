// Writes documents to the database, replacing earlier versions of the same
// article, and commits in batches so memory stays bounded and a crash loses at
// most one batch.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"

namespace newsdesk {

class IndexWriter {
  public:
    // Opens or creates the database at `path`; throws IndexError if it is locked
    // or cannot be written. With `spelling`, headline and body words feed the
    // "did you mean" data.
    IndexWriter(std::string path, std::size_t batch_size, bool spelling = true);

    // Adds (or replaces, by id term) each article's document.
    void add(const std::vector<Article>& articles, std::vector<Xapian::Document>&& documents);

    // Commits what is pending. Called by add() every `batch_size` documents.
    void commit();

    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] Xapian::doccount doc_count() const { return m_db.get_doccount(); }

  private:
    std::string m_path;
    std::size_t m_batch_size;
    bool m_spelling;
    std::size_t m_pending = 0;
    Xapian::WritableDatabase m_db;
};

}  // namespace newsdesk
