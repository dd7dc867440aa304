// newsdesk.cgi: the search page as a CGI/1.1 program (GET, HEAD, POST). The
// web server sets the environment; the database comes from the configuration
// (searcher/cgi/cgi_config.h), never from the request.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "common/cli/program.h"
#include "searcher/cgi/cgi_app.h"

extern char** environ;

namespace {

std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

void write_all(const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

// The time limit on a whole request. The match itself stops counting at half
// the limit (Enquire::set_time_limit, cgi_app.cpp); this is the hard stop for
// everything else (a database that never answers, a slow open). When the limit
// passes before the response has begun, SIGALRM's handler replaces the process
// (execve is async-signal-safe) with a fresh newsdesk.cgi that finds kTimedOut
// in its environment and answers 503, in JSON when kTimedOutJson is there too
// (the request asked for format=json). No watchdog thread: a thread is started
// and joined on every request, and the join waits for the scheduler to run it.
constexpr const char* kTimedOut = "NEWSDESK_CGI_TIMED_OUT";
constexpr const char* kTimedOutJson = "NEWSDESK_CGI_TIMED_OUT_JSON";

std::atomic<bool> g_writing{false};  // the response has begun (lock-free: safe in a signal handler)
std::atomic<bool> g_json{false};     // the request asked for format=json
static_assert(std::atomic<bool>::is_always_lock_free);
char** g_argv = nullptr;
// environ + kTimedOut=SECONDS, and the same + kTimedOutJson; built before the alarm.
std::vector<char*> g_timeout_environment, g_timeout_environment_json;

extern "C" void on_time_limit(int) {
    if (g_writing.exchange(true)) return;  // the response is being written: let it finish
    const bool json = g_json;
    execve("/proc/self/exe", g_argv, (json ? g_timeout_environment_json : g_timeout_environment).data());
    // No /proc: a bare answer, still without anything from the request.
    static const char bare[] =
        "Status: 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 30\r\n"
        "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n"
        "The search took too long. Please try a narrower query.\n";
    static const char bare_json[] =
        "Status: 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: 30\r\n"
        "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n"
        "{\"error\": \"The search took too long. Please try a narrower query.\"}\n";
    [[maybe_unused]] const auto n =
        json ? write(STDOUT_FILENO, bare_json, sizeof bare_json - 1) : write(STDOUT_FILENO, bare, sizeof bare - 1);
    _exit(0);
}

void start_time_limit(unsigned seconds, std::string& marker) {
    static std::string json_marker = std::string(kTimedOutJson) + "=1";  // outlives the alarm, as `marker` does
    marker = std::string(kTimedOut) + "=" + std::to_string(seconds);
    for (char** e = environ; *e; ++e) g_timeout_environment.push_back(*e);
    g_timeout_environment.push_back(marker.data());
    g_timeout_environment_json = g_timeout_environment;
    g_timeout_environment_json.push_back(json_marker.data());
    g_timeout_environment.push_back(nullptr);
    g_timeout_environment_json.push_back(nullptr);
    struct sigaction action {};
    action.sa_handler = on_time_limit;
    sigemptyset(&action.sa_mask);
    sigaction(SIGALRM, &action, nullptr);
    alarm(seconds);
}

const newsdesk::cli::Program kProgram{"newsdesk.cgi", "newsdesk.cgi --help"};

constexpr const char* kHelp = R"(Usage: newsdesk.cgi
The newsdesk search page as a CGI/1.1 program, run by a web server (GET, HEAD,
POST); scripts/serve runs it behind lighttpd. The request comes from the
environment the server sets (REQUEST_METHOD, QUERY_STRING, CONTENT_TYPE,
CONTENT_LENGTH, the form on stdin); the database from NEWSDESK_DB, or from
the file NEWSDESK_CGI_CONFIG names (db = DIR, collection NAME = DIR,
time_limit = SECONDS, static_url = URL), else from the configuration file the
other programs read (database = PATH in /etc/newsdesk/newsdesk.conf), never
from the request.

Options (only when no web server runs it, that is without REQUEST_METHOD):
  -h, --help     show this help
      --version  show the program's name and version
)";

// Run by hand rather than by a web server: --help or --version, else a usage
// error. A web server may pass words of the query as arguments (CGI/1.1's
// ISINDEX queries), so they are never read when REQUEST_METHOD is set.
int command_line(int argc, char** argv) {
    const std::string_view arg = argv[1];
    if (argc == 2 && (arg == "-h" || arg == "--help")) {
        std::cout << kHelp;
        return newsdesk::cli::kExitOk;
    }
    if (argc == 2 && arg == "--version") {
        newsdesk::cli::print_version(kProgram);
        return newsdesk::cli::kExitOk;
    }
    return newsdesk::cli::usage_error(kProgram, "unexpected argument '" + std::string(arg) +
                                                    "' (a web server runs it, with the request in its environment)");
}

}  // namespace

int main(int argc, char** argv) {
    const newsdesk::CgiInput input{env("REQUEST_METHOD"), env("QUERY_STRING"), env("CONTENT_TYPE")};
    if (argc > 1 && !input.method) return command_line(argc, argv);
    const bool head = input.method == "HEAD";
    newsdesk::CgiConfig config;
    try {
        config = newsdesk::load_cgi_config();
    } catch (...) {
        // Reported on stderr (the server's error log); the client gets a page, and the
        // exit status stays 0 because a response was written.
        (void)newsdesk::cli::exit_status_of_current_exception(kProgram);
        auto response = newsdesk::error_response(500, "The search page is not configured correctly.", {},
                                                 newsdesk::format_in_url(input));
        response.head = head;
        write_all(newsdesk::serialize(response));
        return 0;
    }
    if (const auto timed_out = env(kTimedOut)) {  // started by on_time_limit
        std::cerr << "newsdesk.cgi: time limit of " << *timed_out << " s reached\n";
        auto response = newsdesk::time_limit_response(
            config, env(kTimedOutJson) ? newsdesk::WebFormat::json : newsdesk::WebFormat::html);
        response.head = head;
        write_all(newsdesk::serialize(response));
        return 0;
    }
    g_argv = argv;
    std::string marker;  // outlives the alarm
    start_time_limit(config.time_limit, marker);
    const auto note_format = [](const newsdesk::WebRequest& r) { g_json = r.format == newsdesk::WebFormat::json; };
    const std::string out =
        newsdesk::serialize(newsdesk::handle_cgi(input, env("CONTENT_LENGTH"), std::cin, config, note_format));
    g_writing = true;  // the response is ours now: an alarm from here on lets it finish
    alarm(0);
    write_all(out);
    return 0;
}
