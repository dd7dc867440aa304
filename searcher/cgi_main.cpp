// newsdesk.cgi: the search page as a CGI/1.1 program (GET, HEAD, POST). The
// web server sets the environment; the database comes from the configuration
// (searcher/cgi_config.h), never from the request.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "common/error.h"
#include "searcher/cgi_app.h"

namespace {

volatile std::sig_atomic_t g_writing = 0;
std::string g_timeout;  // the response the time limit sends, prepared before the search

// The match has run over the configured time: answer 503 and stop. Only
// async-signal-safe calls; the real response has not begun (output is written
// in one piece at the end), or it is left to finish.
extern "C" void on_time_limit(int) {
    if (g_writing) return;
    static const char kLog[] = "newsdesk.cgi: time limit reached\n";
    (void)!write(STDERR_FILENO, kLog, sizeof kLog - 1);
    std::size_t done = 0;
    while (done < g_timeout.size()) {
        const ssize_t n = write(STDOUT_FILENO, g_timeout.data() + done, g_timeout.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    _exit(0);
}

std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

void write_all(const std::string& text) {
    g_writing = 1;
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

int main() {
    std::ios::sync_with_stdio(false);
    const newsdesk::CgiInput input{env("REQUEST_METHOD"), env("QUERY_STRING"), env("CONTENT_TYPE")};
    newsdesk::CgiConfig config;
    try {
        config = newsdesk::load_cgi_config();
    } catch (const std::exception& e) {
        std::cerr << "newsdesk.cgi: " << e.what() << '\n';
        auto response = newsdesk::error_response(500, "The search page is not configured correctly.");
        response.head = input.method == "HEAD";
        write_all(newsdesk::serialize(response));
        return 0;
    }
    auto timeout = newsdesk::error_response(503, "The search took too long. Please try a narrower query.", config);
    timeout.head = input.method == "HEAD";
    g_timeout = newsdesk::serialize(timeout);
    std::signal(SIGALRM, on_time_limit);
    alarm(config.time_limit);
    const auto response = newsdesk::handle_cgi(input, env("CONTENT_LENGTH"), std::cin, config);
    write_all(newsdesk::serialize(response));
    return 0;
}
