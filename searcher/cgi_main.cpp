// newsdesk.cgi: the search page as a CGI/1.1 program (GET, HEAD, POST). The
// web server sets the environment; the database comes from the configuration
// (searcher/cgi_config.h), never from the request.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

#include "common/error.h"
#include "searcher/cgi_app.h"

namespace {

std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

std::atomic<bool> g_writing{false};

void write_all(const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

// The time limit on a whole request. The match itself stops at half the limit
// (Enquire::set_time_limit, cgi_app.cpp); this watchdog thread is the hard
// stop for everything else (a database that never answers, a slow open): it
// answers 503 and ends the process when the limit passes before the response
// has begun.
class Watchdog {
  public:
    Watchdog(unsigned seconds, newsdesk::CgiConfig config, bool head)
        : m_thread([this, seconds, config = std::move(config), head] {
              std::unique_lock lock(m_mutex);
              if (m_done.wait_for(lock, std::chrono::seconds(seconds), [this] { return m_finished; })) return;
              if (g_writing.exchange(true)) return;
              std::cerr << "newsdesk.cgi: time limit of " << seconds << " s reached\n";
              auto response = newsdesk::error_response(503, "The search took too long. Please try a narrower query.", config);
              response.head = head;
              write_all(newsdesk::serialize(response));
              _exit(0);
          }) {}
    ~Watchdog() {
        {
            std::lock_guard lock(m_mutex);
            m_finished = true;
        }
        m_done.notify_one();
        m_thread.join();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_finished = false;
    std::thread m_thread;  // last: starts once the members above exist
};

}  // namespace

int main() {
    std::ios::sync_with_stdio(false);
    const newsdesk::CgiInput input{env("REQUEST_METHOD"), env("QUERY_STRING"), env("CONTENT_TYPE")};
    const bool head = input.method == "HEAD";
    newsdesk::CgiConfig config;
    try {
        config = newsdesk::load_cgi_config();
    } catch (const std::exception& e) {
        std::cerr << "newsdesk.cgi: " << e.what() << '\n';
        auto response = newsdesk::error_response(500, "The search page is not configured correctly.");
        response.head = head;
        write_all(newsdesk::serialize(response));
        return 0;
    }
    std::string out;
    {
        Watchdog watchdog(config.time_limit, config, head);
        out = newsdesk::serialize(newsdesk::handle_cgi(input, env("CONTENT_LENGTH"), std::cin, config));
        if (g_writing.exchange(true)) return 0;  // the watchdog is answering
    }
    write_all(out);
    return 0;
}
