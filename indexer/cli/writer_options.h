// The options newsdesk-index shares with its --update mode: where to write,
// how (shards, threads, commits, limits), and the inputs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <cxxopts.hpp>

#include "common/db/collection.h"
#include "indexer/write/index_writer.h"
#include "indexer/write/pipeline.h"

namespace newsdesk {

struct WriterSettings {
    std::string db;                       // --db, $NEWSDESK_DB or the configuration's
    std::optional<ShardScheme> shard_by;  // --shard-by; none: the database's own scheme
    PipelineOptions pipeline;             // --threads, --no-entities, --max-file-size
    BatchLimits limits;                   // --batch, --batch-mb
    bool spelling = true;                 // not --no-spelling
    double wait_seconds = 0;              // --wait
    bool quiet = false;                   // --quiet
    std::vector<std::string> paths;       // the inputs, at least one
};

// Adds --db --shard-by --wait --no-entities --no-spelling --threads --batch
// --batch-mb --max-file-size --quiet and the positional inputs (PATH...).
void add_writer_options(cxxopts::Options& options);

// The settings those options give (the inputs may be none); throws UsageError
// naming the option for a bad --shard-by.
[[nodiscard]] WriterSettings writer_settings(const cxxopts::ParseResult& args);

}  // namespace newsdesk
