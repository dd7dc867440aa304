// What a full run (newsdesk-index without --update) leaves for the next
// --update: each file it read whole gets its manifest entry (size, mtime, hash,
// the articles it gave) and each of its documents the file term, exactly as
// --update would have written them, so the next update parses only the files
// that changed since.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "indexer/update/manifest.h"
#include "indexer/write/pipeline.h"

namespace newsdesk {

class ManifestRecorder {
  public:
    // `files` in the order the pipeline hands their results on. Each is
    // stat'ed now, before it is read: one that changes while the run reads it
    // gets no entry, so the next update reads it again.
    explicit ManifestRecorder(const std::vector<std::filesystem::path>& files);

    // Called with each result before its documents are written: adds the file
    // term to them and notes their articles. At the end of a file that did not
    // fail (a failed one gets no entry: the next update tries it again), hashes
    // the file and keeps its entry.
    void add(FileResult& result);

    // Writes the entries into the manifest of the database at `path` (a
    // database, or a collection's control database), with nothing else writing
    // it, and commits. Marks the manifest's paths canonical unless it already
    // held entries recorded before paths were (--update moves those first).
    void write(const std::string& path) const;

    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

  private:
    std::vector<std::optional<std::pair<std::uint64_t, std::int64_t>>> m_stats;  // by file
    std::vector<std::filesystem::path> m_files;
    std::size_t m_current = 0;
    bool m_failed = false;  // some chunk of the current file failed
    ManifestEntry m_entry;
    std::unordered_set<std::uint64_t> m_seen;  // ids of the current file
    std::vector<ManifestEntry> m_entries;
};

}  // namespace newsdesk
