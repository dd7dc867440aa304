// A new database built by several writer threads at once. Xapian writes one
// database from one thread, and that writer was the serial part of indexing
// (inverting, compressing and flushing every document). So a fresh database is
// built by K lanes, each written by its own thread as a set of small parts
// (indexer/write/part_set.h: commits into small B-trees stay cheap), and the
// parts are merged by one Xapian compaction when the run ends: the same documents, terms,
// values, spelling and metadata as one writer would give, in a compacted
// database (about half the size of a freshly written one).
//
// Documents are routed to lanes by a hash of their id term, so every version
// of an article goes to the same lane, where the last one replaces the others,
// as a single writer would. Document ids follow the lanes' parts, not the input
// order. Spelling words all go to a lane of their own (one more thread, mostly
// idle), so the merge copies the spelling table instead of merging it.
//
// The parts live in "DB.parts-PID" beside the database until the merge, which
// writes "DB.merge-PID" and renames it to DB, so the database appears whole or
// not at all. A run that is killed leaves its parts behind; the next build of
// the same database removes parts of processes that are gone.
#pragma once

#include <cstddef>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/write/index_writer.h"
#include "indexer/write/write_lane.h"

namespace newsdesk {

// Removes "NAME.parts-PID", "NAME.merge-PID" and "NAME.build-PID" beside
// `path` left by builds whose process is gone (killed mid-run).
void remove_stale_builds(const std::filesystem::path& path);

// Renames the finished build `built` to `path` (which may be an empty
// directory, as ParallelBuild::is_fresh allows); on failure `built` is removed
// and IndexError names `path` and `what` it is ("database", "collection").
void move_into_place(const std::string& built, const std::string& path, const std::string& what);

class ParallelBuild {
  public:
    // Starts `lanes` writer threads for a new database at `path` (which must
    // not exist, or be an empty directory). Each lane commits after
    // limits.documents documents or limits.bytes / lanes (at most 8 MB) of
    // changes, and starts a new part after limits.part_documents. With
    // `spelling`, spelling words go to a lane of their own, which holds them
    // until they take limits.spelling_bytes (or limits.bytes).
    ParallelBuild(std::string path, BatchLimits limits, bool spelling, unsigned lanes);
    // Stops the lanes; an unfinished build's parts are removed.
    ~ParallelBuild();
    ParallelBuild(const ParallelBuild&) = delete;
    ParallelBuild& operator=(const ParallelBuild&) = delete;

    // Hands documents (with their id terms) to their lanes; `bytes` is their
    // accounted size and `words` their spelling words. Blocks while a lane is
    // behind, so memory stays bounded. Rethrows a lane's failure.
    void add(std::vector<std::string>&& id_terms, std::vector<Xapian::Document>&& documents, std::size_t bytes,
             SpellingWords&& words);

    // Commits every lane, merges the parts into the database and removes them.
    // Throws IndexError (or Xapian::Error) when a lane or the merge failed; the
    // database path is then left as it was.
    void finish();

    [[nodiscard]] std::size_t commits() const;

    // True when `path` can be built by a ParallelBuild: nothing there yet, or
    // an empty directory.
    [[nodiscard]] static bool is_fresh(const std::string& path);

  private:
    void stop_lanes() noexcept;

    std::string m_path, m_parts;
    std::vector<std::unique_ptr<WriteLane>> m_lanes;
    std::unique_ptr<WriteLane> m_spelling;  // the spelling words' lane, with spelling
    bool m_finished = false;
};

}  // namespace newsdesk
