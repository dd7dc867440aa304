// Writes documents to the database, replacing earlier versions of the same
// article, and commits in batches so memory stays bounded and a crash loses at
// most one batch of documents (and the spelling words not yet written, which
// wait for a batch of their own).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/article.h"

namespace newsdesk {

// When to commit: after `documents` documents or once the changes held in
// memory since the last commit reach about `bytes` (estimated from each
// document's data, terms and positions), whichever comes first. The spelling
// words wait across commits until they take about `spelling_bytes` of their
// own (0: as much as `bytes`). The lanes of a new database or collection
// write parts of at most `part_documents` documents each, merged at the end
// (indexer/write/part_set.h); other writers ignore it.
struct BatchLimits {
    std::size_t documents = 10000;
    std::size_t bytes = 64u << 20;
    std::size_t spelling_bytes = 0;
    std::size_t part_documents = 10000;
};

// Spelling words of a batch with their counts: one add_spelling() call per
// distinct word and batch instead of one per occurrence.
using SpellingWords = std::unordered_map<std::string, Xapian::termcount>;

// What `document` adds to the uncommitted batch, in estimated bytes (data, terms,
// positions, new spelling words); counts its spelling words into `words` unless null.
// Shared by IndexWriter and the --update writer (indexer/update/update.cpp).
[[nodiscard]] std::size_t account_document(const Xapian::Document& document, SpellingWords* words);

// Counts into `words` the spelling words `document` (e.g. one read back from the
// database) added when it was written: the same words and counts as
// account_document, so an update that deletes or replaces it can take them back
// out with remove_spelling (indexer/update/update.cpp).
void count_spelling_words(const Xapian::Document& document, SpellingWords& words);

class ParallelBuild;

class IndexWriter {
  public:
    // Opens or creates the database at `path`; throws IndexError if it is locked
    // or cannot be written. With `spelling`, headline and body words feed the
    // "did you mean" data. Xapian's own document-count flush
    // (XAPIAN_FLUSH_THRESHOLD, default 10000) is set just above
    // `limits.documents` unless the environment sets it, so the limits here
    // decide when to commit.
    // With `lanes` > 1 and nothing at `path` yet, the database is built by that
    // many writer threads and merged by finish() (indexer/write/parallel_build.h);
    // otherwise documents are written here, on the caller's thread.
    // `db_flags` are added to Xapian's when the database is opened.
    IndexWriter(std::string path, BatchLimits limits, bool spelling = true, unsigned lanes = 1, int db_flags = 0);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Adds (or replaces, by id term) each article's document; commits whenever
    // a batch limit is reached.
    void add(const std::vector<Article>& articles, std::vector<Xapian::Document>&& documents);

    // The same for documents already accounted by account_document (on a worker
    // thread): `bytes` is their sum and `words` their spelling words (moved in:
    // a parallel build hands them on to its lanes).
    void add_accounted(const std::vector<Article>& articles, std::vector<Xapian::Document>&& documents,
                       std::size_t bytes, SpellingWords words);

    // The same with the documents' id terms instead of their articles.
    void add_accounted(std::vector<std::string> id_terms, std::vector<Xapian::Document>&& documents,
                       std::size_t bytes, SpellingWords words);

    // Writes the pending spelling words and commits what is pending (a
    // parallel build commits its lanes in finish()).
    void commit();

    // Commits the pending documents now (the spelling words wait for their own
    // limit, as at a batch's end); nothing when none are pending.
    void commit_documents();

    // The estimated bytes of the documents not yet committed.
    [[nodiscard]] std::size_t pending_bytes() const { return m_pending_bytes; }

    // Commits; a parallel build is merged into `path`. Call once, at the end.
    void finish();

    // Sets a metadata entry, committed with the next commit (not for a
    // parallel build).
    void set_metadata(const std::string& key, const std::string& value);

    // The database named in error messages (default: the path).
    void set_name(std::string name) { m_name = std::move(name); }

    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] bool parallel() const { return m_build != nullptr; }
    // The database's documents (a parallel build has them only after finish()).
    [[nodiscard]] Xapian::doccount doc_count() const;
    [[nodiscard]] std::size_t commits() const;

  private:
    std::string m_path, m_name;
    BatchLimits m_limits;
    bool m_spelling;
    void commit_batch();
    [[nodiscard]] std::size_t spelling_limit() const;
    void write_spelling();
    void commit_database();

    std::size_t m_pending = 0, m_pending_bytes = 0, m_commits = 0;
    SpellingWords m_spelling_words;   // not yet written
    std::size_t m_spelling_bytes = 0;  // their estimated memory, against limits.bytes of its own
    std::unique_ptr<ParallelBuild> m_build;
    std::optional<Xapian::WritableDatabase> m_db;  // unless m_build
};

}  // namespace newsdesk
