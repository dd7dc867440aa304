// `newsdesk-index --update`: brings a database up to date with its input files
// at the cost of a stat per unchanged file. New and changed files (size and
// mtime differ, and a hash of the bytes confirms it) are parsed; within them
// only articles that are new or different are written; articles of vanished
// items and of files that are gone are deleted. The per-file manifest lives in
// the database metadata (indexer/update/manifest.h) and is committed with the
// documents, so a run killed at any point leaves a consistent index and the
// next run finishes the job without duplicates.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "common/db/collection.h"
#include "indexer/write/collection_upkeep.h"
#include "indexer/write/index_writer.h"
#include "indexer/write/pipeline.h"

namespace newsdesk {

struct UpdateOptions {
    std::string db;  // the database (directory, sharded collection, or stub file naming one)
    std::optional<ShardScheme> shard_by;  // start a new collection so sharded (common/db/collection.h)
    PipelineOptions pipeline;
    BatchLimits limits;       // commit every this many articles / bytes of changes
    bool spelling = true;     // feed "did you mean" with the words of written articles
    double wait_seconds = 0;  // wait this long for another writer to finish (0: fail at once)
    UpkeepOptions upkeep;     // for a sharded collection, after the update (indexer/write/collection_upkeep.h)
    std::vector<std::string> allow_empty;  // inputs that may be empty directories (their articles go)
};

// Counts of files, except the *_articles counts.
struct UpdateSummary {
    std::size_t added = 0;      // new files indexed
    std::size_t updated = 0;    // changed files re-indexed
    std::size_t deleted = 0;    // files gone; their articles deleted
    std::size_t unchanged = 0;  // skipped after a stat (or a stat and a hash)
    std::size_t failed = 0;     // unreadable files; missing, unreadable or empty inputs
    std::size_t skipped = 0;    // README, LICENSE ... passed over in a directory walk
    std::size_t bad_items = 0;  // feed or JSON Lines items skipped (their file counts as read)
    std::size_t truncated = 0;  // articles with a field cut at kMaxFieldBytes (indexer/parsers.h)
    std::size_t moved = 0;      // entries of a manifest written before paths were canonical, moved to theirs
    std::size_t written_articles = 0, deleted_articles = 0, kept_articles = 0;
    std::size_t commits = 0;
    std::size_t doc_count = 0;
    UpkeepSummary upkeep;  // what a collection's upkeep did
};

// Updates `options.db` from `inputs` (files and directories, as for a full
// index). Files recorded in the manifest under one of `inputs` but no longer
// there are deleted. An unmounted disk must not empty the index, so an input
// that does not exist, a directory that cannot be read, and one that holds no
// files to index (unless in `options.allow_empty`) count as failed and keep
// their recorded files; so do the files of a directory within one that cannot
// be read. "PATH: reason" lines go to `errors`. Throws UsageError when
// `options.allow_empty` names no input, LockBusy when another writer holds the
// lock, IndexError when the database cannot be opened or written.
UpdateSummary run_update(const std::vector<std::string>& inputs, const UpdateOptions& options,
                         std::ostream& errors);

}  // namespace newsdesk
