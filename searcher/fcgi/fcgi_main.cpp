// newsdesk-fcgi: the search page as a FastCGI server. The same answers as
// newsdesk.cgi (searcher/cgi/cgi_app.h), byte for byte, from a fixed pool of
// pre-forked worker processes that each keep the databases open between
// requests instead of a process started, a database opened and data loaded
// per request. A process per worker rather than a thread: nothing in the
// search library need be thread-safe, and a worker that dies (or passes the
// time limit) is replaced without taking the others along.
#include <fcgiapp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <set>
#include <string>

#include "common/cli/program.h"
#include "searcher/cgi/cgi_app.h"
#include "searcher/fcgi/fcgi_worker.h"

namespace {

const newsdesk::cli::Program kProgram{"newsdesk-fcgi", "newsdesk-fcgi --help"};

constexpr const char* kHelp = R"(Usage: newsdesk-fcgi [--socket PATH|HOST:PORT|:PORT] [--workers N]
The newsdesk search page as a FastCGI server: the answers of newsdesk.cgi, byte
for byte, from N worker processes that keep the database open between requests
and reopen it when it changes (a commit, or the nightly job's stub swap).
Started by the web server (lighttpd's mod_fastcgi "bin-path", or spawn-fcgi),
it answers on the socket it is given as its standard input; with --socket it
listens there itself. The configuration is newsdesk.cgi's (NEWSDESK_DB, or the
file NEWSDESK_CGI_CONFIG names, else /etc/newsdesk/newsdesk.conf), read once
at start: restart it after changing the file.

Options:
  -s, --socket WHERE  listen on a Unix socket PATH, or on HOST:PORT or :PORT
  -w, --workers N     worker processes (default 2; 1 to 64)
  -h, --help          show this help
      --version       show the program's name and version
)";

struct Options {
    std::string socket;  // empty: standard input is the listening socket
    int workers = 2;
};

// Parses argv into `options`; returns an exit status when the program should
// stop (help, version, usage error), else -1.
int parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (arg == "-h" || arg == "--help") {
            std::cout << kHelp;
            return newsdesk::cli::kExitOk;
        }
        if (arg == "--version") {
            newsdesk::cli::print_version(kProgram);
            return newsdesk::cli::kExitOk;
        }
        if (arg == "-s" || arg == "--socket") {
            const char* v = value();
            if (!v || !*v) return newsdesk::cli::usage_error(kProgram, "--socket needs PATH, HOST:PORT or :PORT");
            options.socket = v;
        } else if (arg == "-w" || arg == "--workers") {
            const char* v = value();
            char* end = nullptr;
            const long n = v ? std::strtol(v, &end, 10) : 0;
            if (!v || *end || n < 1 || n > 64)
                return newsdesk::cli::usage_error(kProgram, "--workers needs a number from 1 to 64");
            options.workers = static_cast<int>(n);
        } else {
            return newsdesk::cli::usage_error(kProgram, "unexpected argument '" + arg + "'");
        }
    }
    return -1;
}

bool is_listening_socket(int fd) {
    struct stat st {};
    int listening = 0;
    socklen_t size = sizeof listening;
    return fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode) &&
           getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) == 0 && listening;
}

volatile sig_atomic_t g_stop = 0;
extern "C" void on_stop(int) { g_stop = 1; }

pid_t start_worker(int listen_fd, const newsdesk::CgiConfig& config) {
    const pid_t pid = fork();
    if (pid != 0) return pid;
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    prctl(PR_SET_PDEATHSIG, SIGTERM);  // the supervisor killed outright takes its workers along
    if (getppid() == 1) _exit(0);
    newsdesk::run_fcgi_worker(listen_fd, config);
    _exit(0);
}

// Keeps `workers` workers running until SIGTERM or SIGINT, then stops them.
int supervise(int listen_fd, int workers, const newsdesk::CgiConfig& config) {
    struct sigaction action {};
    action.sa_handler = on_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    std::set<pid_t> running;
    while (!g_stop) {
        while (static_cast<int>(running.size()) < workers && !g_stop) {
            const pid_t pid = start_worker(listen_fd, config);
            if (pid < 0) {
                std::cerr << "newsdesk-fcgi: cannot start a worker: " << std::strerror(errno) << '\n';
                sleep(1);
                continue;
            }
            running.insert(pid);
        }
        int status = 0;
        const pid_t ended = waitpid(-1, &status, 0);
        if (ended > 0) {
            running.erase(ended);
            if (WIFSIGNALED(status) && !g_stop)
                std::cerr << "newsdesk-fcgi: worker " << ended << " ended by signal " << WTERMSIG(status)
                          << "; starting another\n";
            if (!g_stop) usleep(10000);  // a worker that cannot start must not spin the supervisor
        }
    }
    for (const pid_t pid : running) kill(pid, SIGTERM);
    while (waitpid(-1, nullptr, 0) > 0) {
    }
    return newsdesk::cli::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (const int status = parse(argc, argv, options); status >= 0) return status;
    newsdesk::CgiConfig config;
    try {
        config = newsdesk::load_cgi_config();
    } catch (...) {
        return newsdesk::cli::exit_status_of_current_exception(kProgram);
    }
    if (FCGX_Init() != 0) {
        std::cerr << "newsdesk-fcgi: cannot initialise the FastCGI library\n";
        return newsdesk::cli::kExitFailure;
    }
    int listen_fd = 0;
    if (!options.socket.empty()) {
        listen_fd = FCGX_OpenSocket(options.socket.c_str(), 128);
        if (listen_fd < 0) {
            std::cerr << "newsdesk-fcgi: cannot listen on " << options.socket << '\n';
            return newsdesk::cli::kExitFailure;
        }
    } else if (!is_listening_socket(0)) {
        return newsdesk::cli::usage_error(
            kProgram, "standard input is not a listening socket (a web server starts it; or give --socket)");
    }
    return supervise(listen_fd, options.workers, config);
}
