#include "searcher/fcgi/fcgi_worker.h"

#include <fcgiapp.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "common/db/kept_database.h"
#include "searcher/cgi/cgi_app.h"

namespace newsdesk {

namespace {

// The time limit's answer, sent from SIGALRM's handler, where only write() and
// _exit() may be called: newsdesk.cgi's 503 responses (page or JSON; whole or
// HEAD), serialized before the first request, framed by hand as FastCGI
// records on the request's connection.
struct TimeLimitAnswers {
    std::string page, json, page_head, json_head;
};
TimeLimitAnswers g_answers;
std::atomic<bool> g_writing{false};  // the response has begun: the alarm lets it finish
std::atomic<bool> g_json{false};
std::atomic<bool> g_head{false};
std::atomic<int> g_fd{-1};  // the request's connection (FCGX_Request::ipcFd)
std::atomic<int> g_request_id{0};
static_assert(std::atomic<int>::is_always_lock_free);

void write_fully(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = write(fd, data, size);
        if (n <= 0) return;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

// A FastCGI record header (version 1, no padding).
std::array<char, 8> record_header(unsigned char type, int request_id, std::size_t length) {
    return {1, static_cast<char>(type), static_cast<char>((request_id >> 8) & 0xff),
            static_cast<char>(request_id & 0xff), static_cast<char>((length >> 8) & 0xff),
            static_cast<char>(length & 0xff), 0, 0};
}

extern "C" void on_time_limit(int) {
    if (g_writing.exchange(true)) return;
    const std::string& answer =
        g_json ? (g_head ? g_answers.json_head : g_answers.json) : (g_head ? g_answers.page_head : g_answers.page);
    const int fd = g_fd, id = g_request_id;
    constexpr unsigned char kStdout = 6, kEndRequest = 3;
    for (std::size_t done = 0; done < answer.size();) {
        const std::size_t chunk = std::min<std::size_t>(answer.size() - done, 65535);
        const auto header = record_header(kStdout, id, chunk);
        write_fully(fd, header.data(), header.size());
        write_fully(fd, answer.data() + done, chunk);
        done += chunk;
    }
    const auto end_of_stdout = record_header(kStdout, id, 0);
    write_fully(fd, end_of_stdout.data(), end_of_stdout.size());
    const auto end = record_header(kEndRequest, id, 8);
    const char complete[8] = {};  // application status 0, FCGI_REQUEST_COMPLETE
    write_fully(fd, end.data(), end.size());
    write_fully(fd, complete, sizeof complete);
    static const char note[] = "newsdesk-fcgi: time limit reached; this worker stops and another starts\n";
    write_fully(STDERR_FILENO, note, sizeof note - 1);
    _exit(0);
}

std::string serialized(CgiResponse response, bool head) {
    response.head = head;
    return serialize(response);
}

void prepare_time_limit(const CgiConfig& config) {
    const auto page = time_limit_response(config, WebFormat::html);
    const auto json = time_limit_response(config, WebFormat::json);
    g_answers = {serialized(page, false), serialized(json, false), serialized(page, true), serialized(json, true)};
    struct sigaction action {};
    action.sa_handler = on_time_limit;
    sigemptyset(&action.sa_mask);
    sigaction(SIGALRM, &action, nullptr);
}

std::optional<std::string> param(const FCGX_Request& request, const char* name) {
    const char* value = FCGX_GetParam(name, request.envp);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

// The request body, as much of it as newsdesk.cgi would read (handle_cgi
// refuses a longer one from its Content-Length before reading).
std::string read_input(FCGX_Request& request) {
    std::string body(cgi_limit::form_bytes, '\0');
    const int n = FCGX_GetStr(body.data(), static_cast<int>(body.size()), request.in);
    body.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return body;
}

// The databases this worker has open, one per configured path.
class Databases {
  public:
    SourcedDatabase open(const std::string& path) {
        KeptDatabase& kept = m_kept.try_emplace(path, path).first->second;
        Xapian::Database db = kept.current();
        return {db, kept.facet_column()};
    }

  private:
    std::map<std::string, KeptDatabase> m_kept;
};

void answer(FCGX_Request& request, const CgiConfig& config, Databases& databases) {
    const CgiInput input{param(request, "REQUEST_METHOD"), param(request, "QUERY_STRING"),
                         param(request, "CONTENT_TYPE")};
    g_head = input.method == "HEAD";
    g_json = format_in_url(input) == WebFormat::json;
    g_fd = request.ipcFd;
    g_request_id = request.requestId;
    g_writing = false;
    alarm(config.time_limit);
    std::istringstream body(input.method == "POST" ? read_input(request) : std::string());
    const auto note_format = [](const WebRequest& r) {
        g_json = r.format == WebFormat::json;
        g_head = r.head;
    };
    const std::string out =
        serialize(handle_cgi(input, param(request, "CONTENT_LENGTH"), body, config, note_format,
                             [&](const std::string& path) { return databases.open(path); }));
    g_writing = true;
    alarm(0);
    FCGX_PutStr(out.data(), static_cast<int>(out.size()), request.out);
}

}  // namespace

void run_fcgi_worker(int listen_fd, const CgiConfig& config) {
    signal(SIGPIPE, SIG_IGN);  // a client gone before its answer is written costs that answer only
    prepare_time_limit(config);
    Databases databases;
    FCGX_Request request;
    FCGX_InitRequest(&request, listen_fd, 0);
    while (FCGX_Accept_r(&request) >= 0) {
        try {
            answer(request, config, databases);
        } catch (const std::exception& e) {
            // handle_cgi answers every failure itself; this is only reached when
            // even that failed (memory): no answer, the worker carries on.
            g_writing = true;
            alarm(0);
            std::cerr << "newsdesk-fcgi: " << e.what() << '\n';
        }
        FCGX_Finish_r(&request);
    }
}

}  // namespace newsdesk
