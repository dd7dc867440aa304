#include "indexer/write/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <thread>

#include <malloc.h>

#include <libxml/parser.h>

#include "common/error.h"
#include "common/hash.h"
#include "common/text.h"
#include "indexer/document/document_builder.h"
#include "indexer/extract/extract.h"
#include "indexer/formats/feed_reader.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/encoding.h"
#include "indexer/input/input.h"

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

// Extraction and documents for what a parser gave (worker side).
void finish(FileResult& result, const PipelineOptions& options) {
    for (const auto& article : result.articles)
        if (article.truncated)
            result.notes.push_back(printable(article.path) + ": over " + megabytes(kMaxFieldBytes) +
                                   " of text in a field (the body, the headline ...), cut there");
    if (options.extract_entities)
        for (auto& article : result.articles) extract_all(article);
    // The document's data and the manifest's hash are the same record, with
    // and without "path": serialised once for both.
    if (options.manifest_items) result.manifest_items.reserve(result.articles.size());
    if (options.build_documents) result.documents.reserve(result.articles.size());
    for (const auto& article : result.articles) {
        if (!options.build_documents) {
            if (options.manifest_items) result.manifest_items.push_back(manifest_item(article));
            continue;
        }
        thread_local DocumentBuilder builder;
        auto record = stored_record(article);
        if (options.manifest_items) result.manifest_items.push_back(manifest_item(article, record.line_without_path));
        result.documents.push_back(builder.build(article, std::move(record.line)));
        result.document_bytes += account_document(result.documents.back(), &result.spelling_words);
    }
}

// What went wrong, for a "PATH: reason" line: an allocation that failed under a
// memory limit says so in words.
std::string reason(const std::exception& e) {
    return dynamic_cast<const std::bad_alloc*>(&e) ? "out of memory" : e.what();
}

void fail(FileResult& result, const std::string& reason) {
    result.failed = true;
    result.articles.clear();
    result.documents.clear();
    result.manifest_items.clear();
    result.notes.clear();
    // One line however odd the file name (newlines, bytes that are not UTF-8).
    result.errors.push_back(printable(result.path.string()) + ": " + printable(reason));
}

FileResult process_bytes(const fs::path& path, std::string_view bytes, const PipelineOptions& options) {
    FileResult result;
    result.path = path;
    try {
        result.articles = parse_any(bytes, path.string(), &result.errors);
        if (result.articles.empty() && result.errors.empty()) throw ParseError("no article found");
        finish(result, options);
    } catch (const std::exception& e) {
        fail(result, reason(e));
    }
    return result;
}

}  // namespace

namespace {

// Loads and parses a file; `raw`, when given, is set to whether the bytes parsed
// are the file's own (not gunzipped, and the file could be read).
FileResult load_and_process(const fs::path& path, const PipelineOptions& options, std::string* raw_bytes) {
    std::string bytes;
    bool gunzipped = false;
    try {
        bytes = load_file(path, options.max_file_bytes, &gunzipped);
    } catch (const std::exception& e) {
        FileResult result;
        result.path = path;
        fail(result, reason(e));
        return result;
    }
    auto result = process_bytes(path, bytes, options);
    if (raw_bytes && !gunzipped) *raw_bytes = std::move(bytes);
    return result;
}

}  // namespace

FileResult process_file(const fs::path& path, const PipelineOptions& options) {
    return load_and_process(path, options, nullptr);
}

namespace {

// One piece of work: a file for the worker to load, a small file the probe
// already read, a chunk of lines or a batch of items of a streamed file, or a
// read error.
struct WorkUnit {
    enum class Kind { load, bytes, lines, items, skipped_line, error };
    std::size_t file = 0;
    Kind kind = Kind::load;
    std::string bytes;      // file bytes, lines, or why the file (or line) failed
    std::size_t first = 1;  // number of the first line
    bool more = false;      // another chunk of the same file follows
    FeedBatch feed = {};    // items and bad items of a streamed feed
    std::size_t size = 0;   // the bytes to parse (a file to load: its size, or for .gz the most it may give)
};

// The manifest's hash of a file read whole, after it was parsed (ManifestRecorder
// checks afterwards that the file did not change meanwhile). Only a regular file
// has one, as only a regular file gets a manifest entry: a named pipe would be
// read again, and wait for a writer that never comes. Left unset when the file
// cannot be read now: the recorder then tries, and fails, itself.
// `raw_bytes`, when not null, are the file's bytes as they were read and parsed:
// hashed as they are, not read again.
void hash_whole_file(FileResult& result, const PipelineOptions& options, const std::string* raw_bytes = nullptr) {
    if (!options.file_hashes || result.failed || !stat_file(result.path)) return;
    if (raw_bytes) {
        result.file_hash = fnv1a(*raw_bytes);
        return;
    }
    try {
        result.file_hash = hash_file(result.path);
    } catch (const std::exception&) {
    }
}

FileResult process_unit(const fs::path& path, WorkUnit&& unit, const PipelineOptions& options) {
    FileResult result;
    switch (unit.kind) {
        case WorkUnit::Kind::load: {
            std::optional<std::string> raw;
            if (options.file_hashes) raw.emplace();
            result = load_and_process(path, options, raw ? &*raw : nullptr);
            // An empty string is also what a gunzipped file leaves: read that one again.
            hash_whole_file(result, options, raw && !raw->empty() ? &*raw : nullptr);
            break;
        }
        case WorkUnit::Kind::bytes:
            result = process_bytes(path, unit.bytes, options);
            hash_whole_file(result, options);
            break;
        case WorkUnit::Kind::lines:
        case WorkUnit::Kind::items:
            result.path = path;
            try {
                result.articles =
                    unit.kind == WorkUnit::Kind::lines
                        ? parse_jsonl_chunk(unit.bytes, path.string(), unit.first, &result.errors)
                        : parse_feed_chunk(std::move(unit.feed), path.string(), &result.errors);
                finish(result, options);
            } catch (const std::exception& e) {
                fail(result, reason(e));
            }
            break;
        case WorkUnit::Kind::skipped_line:  // a bad item, as a malformed line is
            result.path = path;
            result.errors.push_back(printable(path.string() + "#" + std::to_string(unit.first)) +
                                    ": " + unit.bytes);
            break;
        case WorkUnit::Kind::error:
            result.path = path;
            fail(result, unit.bytes);
            break;
    }
    result.more = unit.more;
    return result;
}

bool starts_like_json(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const auto first = head.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (head[first] == '{' || head[first] == '[');
}

// Hands out the work in input order: one unit per file, or the chunks of a
// streamed JSON Lines file or feed. Reading happens here, in one thread at a time
// (the caller serialises next()); parsing happens in the workers.
class InputCursor {
  public:
    InputCursor(const std::vector<fs::path>& files, const PipelineOptions& options)
        : m_files(files), m_options(options) {}

    // The next unit, or nullopt when every file has been handed out. Never throws.
    std::optional<WorkUnit> next() {
        auto unit = next_unit();
        if (unit && unit->kind != WorkUnit::Kind::load) {
            unit->size = unit->bytes.size();
            for (const auto& item : unit->feed.items) {
                unit->size += item.title.size();
                for (const auto& body : item.bodies) unit->size += body.text.size();
            }
        }
        return unit;
    }

  private:
    std::optional<WorkUnit> next_unit() {
        if (streaming()) return next_chunk();
        while (m_next_file < m_files.size()) {
            const std::size_t index = m_next_file++;
            try {
                if (auto unit = open(index)) return unit;
                return next_chunk();
            } catch (const std::exception& e) {
                close_stream();
                return WorkUnit{index, WorkUnit::Kind::error, reason(e)};
            }
        }
        return std::nullopt;
    }

    [[nodiscard]] bool streaming() const { return m_chunker || m_feed || m_stream_error; }

    // A unit for the file, or nullopt when it is now being streamed.
    std::optional<WorkUnit> open(std::size_t index) {
        const auto& path = m_files[index];
        std::error_code ec;
        const auto size = fs::file_size(path, ec);
        const bool gz = path.extension() == ".gz";
        if (ec || (size <= m_options.chunk_bytes && !gz)) return load(index, ec ? 0 : size);
        // Probe: read the first chunk; JSON Lines and feeds are streamed.
        auto stream = std::make_unique<InputStream>(path);
        std::string head;
        bool more = stream->read(head, m_options.chunk_bytes);
        // JSON Lines need one whole line to be told from the rest; nothing else is
        // read further here.
        while (more && head.find('\n') == std::string::npos &&
               head.size() <= m_options.max_file_bytes && starts_like_json(head))
            more = stream->read(head, m_options.chunk_bytes);
        if (!more) {
            if (head.size() > m_options.max_file_bytes) return too_large(index, stream->gzipped());
            return WorkUnit{index, WorkUnit::Kind::bytes, std::move(head)};
        }
        // JSON that has no line end within the limit is JSON Lines with a first line
        // over it: streamed, so that line is skipped and the ones after it read.
        const auto last_newline = head.rfind('\n');
        if (starts_like_json(head) &&
            (last_newline == std::string::npos
                 ? head.size() > m_options.max_file_bytes
                 : detect_format(path.string(), std::string_view(head).substr(
                                                    0, last_newline + 1)) == Format::jsonl)) {
            m_streaming = index;
            m_chunker = std::make_unique<LineChunker>(std::move(stream), std::move(head),
                                                      m_options.chunk_bytes, m_options.chunk_lines,
                                                      m_options.max_file_bytes);
            m_lookahead = read_ahead();
            return std::nullopt;
        }
        if (detect_format(path.string(), head) == Format::feed) {
            m_streaming = index;
            const auto encoding = choose_encoding(head, false, true);
            auto input = std::shared_ptr<InputStream>(std::move(stream));
            auto first = std::make_shared<std::string>(std::move(head));
            m_feed = std::make_unique<FeedReader>(
                encoding,
                [input, first](std::string& out, std::size_t n) {
                    if (first->empty()) return input->read(out, n);
                    out += *first;  // the probe's bytes, then the rest of the file
                    *first = std::string();
                    return true;
                },
                m_options.max_file_bytes);
            m_lookahead = read_ahead();
            return std::nullopt;
        }
        // Anything else is read whole, so it must fit: a 1 GB file fails here at
        // once instead of after reading max_file_bytes of it.
        if (!gz && size > m_options.max_file_bytes) return too_large(index, false);
        return load(index, gz ? m_options.max_file_bytes : size);
    }

    [[nodiscard]] static WorkUnit load(std::size_t index, std::size_t size) {
        WorkUnit unit{index, WorkUnit::Kind::load, {}};
        unit.size = size;
        return unit;
    }

    [[nodiscard]] WorkUnit too_large(std::size_t index, bool gzipped) const {
        return WorkUnit{index, WorkUnit::Kind::error,
                        (gzipped ? "decompressed size exceeds " : "file size exceeds ") +
                            megabytes(m_options.max_file_bytes)};
    }

    // The next chunk of the file being streamed, or nullopt at its end.
    std::optional<WorkUnit> read_ahead() {
        if (m_chunker) {
            auto chunk = m_chunker->next();
            if (!chunk) return std::nullopt;
            if (!chunk->skipped.empty())
                return WorkUnit{m_streaming, WorkUnit::Kind::skipped_line,
                                std::move(chunk->skipped), chunk->first_line};
            return WorkUnit{m_streaming, WorkUnit::Kind::lines, std::move(chunk->bytes),
                            chunk->first_line};
        }
        auto batch = m_feed->next(m_options.chunk_lines, m_options.chunk_bytes);
        if (batch.empty()) return std::nullopt;
        WorkUnit unit{m_streaming, WorkUnit::Kind::items, {}};
        unit.feed = std::move(batch);
        return unit;
    }

    // The chunk read ahead, reading the one after it to know whether more follow.
    WorkUnit next_chunk() {
        if (!m_lookahead) {
            WorkUnit unit{m_streaming, WorkUnit::Kind::error,
                          m_stream_error.value_or("no article found")};
            close_stream();
            return unit;
        }
        WorkUnit unit = std::move(*m_lookahead);
        m_lookahead.reset();
        try {
            m_lookahead = read_ahead();
        } catch (const std::exception& e) {
            m_stream_error = reason(e);
        }
        unit.more = m_lookahead || m_stream_error;
        if (!unit.more) close_stream();
        return unit;
    }

    void close_stream() {
        m_chunker.reset();
        m_feed.reset();
        m_lookahead.reset();
        m_stream_error.reset();
    }

    const std::vector<fs::path>& m_files;
    const PipelineOptions& m_options;
    std::size_t m_next_file = 0, m_streaming = 0;
    std::unique_ptr<LineChunker> m_chunker;
    std::unique_ptr<FeedReader> m_feed;
    std::optional<WorkUnit> m_lookahead;
    std::optional<std::string> m_stream_error;
};

// A bounded window of slots, filled by workers in any order and drained by the
// consumer in sequence order.
class OrderedWindow {
  public:
    OrderedWindow(InputCursor& cursor, std::size_t window)
        : m_cursor(cursor), m_done(window), m_window(window) {}

    // The next unit and its sequence number, or nullopt when all are taken.
    // Blocks while the window is full so memory stays bounded.
    std::optional<std::pair<std::size_t, WorkUnit>> take() {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_finished || m_next < m_drained + m_window; });
        if (m_finished) return std::nullopt;
        auto unit = m_cursor.next();
        if (!unit) {
            m_finished = true;
            m_space.notify_all();
            m_ready.notify_all();
            return std::nullopt;
        }
        return std::pair{m_next++, std::move(*unit)};
    }

    void put(std::size_t index, FileResult&& result) {
        std::lock_guard lock(m_mutex);
        m_done[index - m_drained] = std::move(result);
        m_ready.notify_all();
    }

    // The next result in order (blocks until it is ready), or nullopt at the end.
    std::optional<FileResult> next() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return m_done.front().has_value() || (m_finished && m_drained == m_next); });
        if (!m_done.front()) return std::nullopt;
        FileResult result = std::move(*m_done.front());
        m_done.pop_front();
        m_done.emplace_back();
        ++m_drained;
        m_space.notify_all();
        return result;
    }

    // Hands out no more work: workers finish the unit in hand and stop.
    void cancel() {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_space.notify_all();
    }

  private:
    InputCursor& m_cursor;
    std::mutex m_mutex;
    std::condition_variable m_space, m_ready;
    std::deque<std::optional<FileResult>> m_done;
    std::size_t m_window, m_next = 0, m_drained = 0;
    bool m_finished = false;
};

}  // namespace

void run_pipeline(const std::vector<fs::path>& files, const PipelineOptions& options,
                  const FileConsumer& consume) {
    // libxml2 sets up its globals on first use, which is not safe from several
    // threads at once (the reader of a feed here, HTML and XML parsers in the
    // workers): a race lost one of its mutexes under the sanitizers. Once,
    // here, before any of them starts, as its documentation asks.
    xmlInitParser();
    // A streamed file is one file for "no article found" (whole files get that
    // from process_file).
    std::size_t file_articles = 0, file_errors = 0;
    const auto deliver = [&](FileResult&& result) {
        file_articles += result.articles.size();
        file_errors += result.errors.size();
        if (!result.more) {
            if (!result.failed && file_articles == 0 && file_errors == 0) fail(result, "no article found");
            file_articles = file_errors = 0;
        }
        consume(std::move(result));
    };
    InputCursor cursor(files, options);
    const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    if (threads <= 1) {
        while (auto unit = cursor.next()) {
            const auto& path = files[unit->file];
            deliver(process_unit(path, std::move(*unit), options));
        }
        return;
    }
    // Two units per worker in flight keeps every core busy; a larger window
    // only holds more parsed articles (each field at most kMaxFieldBytes).
    OrderedWindow window(cursor, threads * 2);
    std::mutex large;  // held while a unit over large_unit_bytes is parsed
    std::vector<std::jthread> workers;
    try {
        for (unsigned t = 0; t < threads; ++t)
            workers.emplace_back([&] {
                while (auto work = window.take()) {
                    std::unique_lock one_large(large, std::defer_lock);
                    if (work->second.size > options.large_unit_bytes) one_large.lock();
                    auto result = process_unit(files[work->second.file], std::move(work->second), options);
                    if (one_large) {
                        // What it freed stays in this thread's malloc arena, where the
                        // next large unit, on another thread, cannot reuse it: give it back.
                        malloc_trim(0);
                        one_large.unlock();
                    }
                    window.put(work->first, std::move(result));
                }
            });
        while (auto result = window.next()) deliver(std::move(*result));
    } catch (...) {
        // Also when a worker could not be started (no memory for its stack): the
        // ones running stop at their next take(), so the joins below return.
        window.cancel();
        throw;
    }
}

}  // namespace newsdesk
