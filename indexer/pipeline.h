// The indexing pipeline: files are loaded, parsed, extracted and turned into
// documents on worker threads, and handed to one consumer in input order, so
// output and database contents are deterministic whatever the thread count.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"

namespace newsdesk {

struct PipelineOptions {
    unsigned threads = 0;                         // 0: one per core
    bool extract_entities = true;                 // run extract_all on each article
    bool build_documents = true;                  // false for --extract
    std::size_t max_file_bytes = 64u << 20;       // larger files fail with a message
};

// What one input file gave.
struct FileResult {
    std::filesystem::path path;
    std::vector<Article> articles;
    std::vector<Xapian::Document> documents;  // parallel to articles when built
    std::vector<std::string> errors;          // "PATH: reason" lines (also for bad feed items)
    bool failed = false;                      // nothing usable came out of the file
};

using FileConsumer = std::function<void(FileResult&&)>;

// Processes `files` with `options.threads` workers, calling `consume` once per
// file in the order of `files`, always from the calling thread.
void run_pipeline(const std::vector<std::filesystem::path>& files, const PipelineOptions& options,
                  const FileConsumer& consume);

// Loads, parses and extracts one file (what a worker does), never throws.
[[nodiscard]] FileResult process_file(const std::filesystem::path& path, const PipelineOptions& options);

}  // namespace newsdesk
