#include "indexer/pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "common/error.h"
#include "indexer/document_builder.h"
#include "indexer/extract.h"
#include "indexer/input.h"
#include "indexer/parsers.h"

namespace newsdesk {

FileResult process_file(const std::filesystem::path& path, const PipelineOptions& options) {
    FileResult result;
    result.path = path;
    try {
        const std::string bytes = load_file(path, options.max_file_bytes);
        result.articles = parse_any(bytes, path.string(), &result.errors);
        if (result.articles.empty() && result.errors.empty())
            throw ParseError("no article found");
        if (options.extract_entities)
            for (auto& article : result.articles) extract_all(article);
        if (options.build_documents) {
            thread_local DocumentBuilder builder;
            for (const auto& article : result.articles) result.documents.push_back(builder.build(article));
        }
    } catch (const std::exception& e) {
        result.failed = true;
        result.articles.clear();
        result.documents.clear();
        result.errors.push_back(path.string() + ": " + e.what());
    }
    return result;
}

namespace {

// A bounded window of slots, filled by workers in any order and drained by the
// consumer in index order.
class OrderedWindow {
  public:
    OrderedWindow(std::size_t total, std::size_t window) : m_done(window), m_total(total), m_window(window) {}

    // Next file index for a worker, or nullopt when all are taken. Blocks while
    // the window is full so memory stays bounded.
    std::optional<std::size_t> take() {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_next < m_total ? m_next < m_drained + m_window : true; });
        if (m_next >= m_total) return std::nullopt;
        return m_next++;
    }

    void put(std::size_t index, FileResult&& result) {
        std::lock_guard lock(m_mutex);
        m_done[index - m_drained] = std::move(result);
        m_ready.notify_one();
    }

    // The next result in order; blocks until it is ready.
    FileResult next() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return m_done.front().has_value(); });
        FileResult result = std::move(*m_done.front());
        m_done.pop_front();
        m_done.emplace_back();
        ++m_drained;
        m_space.notify_all();
        return result;
    }

    // Hands out no more work: workers finish the file in hand and stop.
    void cancel() {
        std::lock_guard lock(m_mutex);
        m_next = m_total;
        m_space.notify_all();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_space, m_ready;
    std::deque<std::optional<FileResult>> m_done;
    std::size_t m_total, m_window, m_next = 0, m_drained = 0;
};

}  // namespace

void run_pipeline(const std::vector<std::filesystem::path>& files, const PipelineOptions& options,
                  const FileConsumer& consume) {
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1));
    if (threads <= 1) {
        for (const auto& path : files) consume(process_file(path, options));
        return;
    }
    // A few files per worker in flight keeps every core busy; a larger window
    // only holds more parsed articles (a JSON Lines file may carry thousands).
    OrderedWindow window(files.size(), threads * 2);
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < threads; ++t)
        workers.emplace_back([&] {
            while (auto index = window.take()) window.put(*index, process_file(files[*index], options));
        });
    try {
        for (std::size_t i = 0; i < files.size(); ++i) consume(window.next());
    } catch (...) {
        window.cancel();
        throw;
    }
}

}  // namespace newsdesk
