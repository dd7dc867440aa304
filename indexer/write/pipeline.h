// The indexing pipeline: files are loaded, parsed, extracted and turned into
// documents on worker threads, and handed to one consumer in input order, so
// output and database contents are deterministic whatever the thread count.
// A large JSON Lines file is read as a stream and handed on in chunks of whole
// lines, and a large RSS/Atom feed in batches of items (indexer/formats/feed_reader.h),
// so memory follows the chunk size, not the file size.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "indexer/update/manifest.h"
#include "indexer/write/index_writer.h"

namespace newsdesk {

struct PipelineOptions {
    unsigned threads = 0;                         // 0: one per core
    bool extract_entities = true;                 // run extract_all on each article
    bool build_documents = true;                  // false for --extract
    // Larger files fail with a message ("file size exceeds N MB", before any of
    // it is read; "decompressed size exceeds N MB" for gzip), except JSON Lines
    // and feeds, which are streamed (there the limit applies to one line or item).
    std::size_t max_file_bytes = 64u << 20;
    // Files larger than this (and every .gz file) are probed; JSON Lines and feeds
    // among them are streamed in chunks of about this many bytes of whole lines
    // or items.
    std::size_t chunk_bytes = 256u << 10;
    std::size_t chunk_lines = 1000;  // at most this many lines (items) a chunk
    // A file, line or batch of items larger than this is parsed by one worker
    // at a time (the others go on with smaller ones): parsing costs several
    // times the input (a 60 MB HTML page about 430 MB), so two at once would
    // double the peak.
    std::size_t large_unit_bytes = 8u << 20;
    // Also what --update's manifest records (indexer/update/manifest.h): each
    // article's manifest item, and for a file read whole the file's hash. On the
    // workers, so the one thread that hands documents to the writer need not
    // serialise every record a second time nor read every file again.
    bool manifest_items = false;
    bool file_hashes = false;
};

// What one input file, or one chunk of a streamed file, gave.
struct FileResult {
    std::filesystem::path path;
    std::vector<Article> articles;
    std::vector<Xapian::Document> documents;  // parallel to articles when built
    // The writer's accounting of those documents, done here on the worker so the
    // one writer thread only merges it (see account_document in index_writer.h).
    std::size_t document_bytes = 0;
    SpellingWords spelling_words;
    std::vector<ManifestItem> manifest_items;  // parallel to articles with options.manifest_items
    std::optional<std::uint64_t> file_hash;    // hash_file of a file read whole, with options.file_hashes
    std::vector<std::string> errors;          // "PATH: reason" lines (also for bad feed items)
    std::vector<std::string> notes;           // "PATH: ..." lines that fail nothing (a field cut at kMaxFieldBytes)
    bool failed = false;                      // nothing (more) usable came out of the file
    bool more = false;                        // another chunk of the same file follows
};

using FileConsumer = std::function<void(FileResult&&)>;

// Processes `files` with `options.threads` workers, calling `consume` once per
// file, or once per chunk of a streamed file (all but the last with `more`
// set), in the order of `files` and lines, always from the calling thread.
// A streamed file that breaks off (read error, corrupt gzip) ends with a failed
// result; the chunks before it were already handed on.
void run_pipeline(const std::vector<std::filesystem::path>& files, const PipelineOptions& options,
                  const FileConsumer& consume);

// Loads, parses and extracts one whole file (what a worker does for a file
// that is not streamed), never throws.
[[nodiscard]] FileResult process_file(const std::filesystem::path& path, const PipelineOptions& options);

}  // namespace newsdesk
