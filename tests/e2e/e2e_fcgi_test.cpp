// newsdesk-fcgi, the search page as a FastCGI server, against newsdesk.cgi: the
// same request gives the same bytes (status, headers in order, body) from both,
// for pages, formats, filters and hostile requests; a commit or a stub swap is
// seen by the next request though the workers keep the database open; and a
// connection that does not speak FastCGI costs its worker nothing. Requests go
// through cgi-fcgi (Debian's libfcgi-bin), which sends its environment as the
// FastCGI parameters, the same environment newsdesk.cgi is run with.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/cgi_support.h"
#include "tests/support/e2e_support.h"
#include "tests/support/process.h"

namespace newsdesk::test {
namespace {

namespace fs = std::filesystem;

const std::string kFcgi = NEWSDESK_FCGI_BIN;

// A request as a web server hands it over: the CGI environment and a body.
struct Request {
    std::vector<std::string> env;
    std::string body;
};

Request get_request(const std::string& query_string) {
    return {{"REQUEST_METHOD=GET", "QUERY_STRING=" + query_string}, ""};
}

// What `argv` writes on stdout, run with exactly `request`'s environment (plus
// the page's data and templates) and its body on stdin.
std::string output_of(const std::vector<std::string>& argv, const Request& request, const std::string& db) {
    TempDir capture;
    write_file(capture / "in", request.body);
    std::vector<std::string> env = request.env;
    env.push_back("NEWSDESK_DB=" + db);
    env.push_back(std::string("NEWSDESK_DATA=") + NEWSDESK_SOURCE_DIR + "/data");
    env.push_back(std::string("NEWSDESK_WEB=") + NEWSDESK_SOURCE_DIR + "/web");
    env.push_back("PATH=/usr/bin:/bin");
    Process process(argv, {.env = env, .only_env = true, .in = capture / "in", .out = capture / "out",
                           .err = capture / "err"});
    EXPECT_EQ(process.wait(), 0) << argv[0] << ": " << read_file(capture / "err");
    return read_file(capture / "out");
}

// newsdesk-fcgi over `db` on a socket in a folder of its own, in a session of
// its own (so that stopping it stops its workers), killed with the test.
class FcgiServer {
  public:
    explicit FcgiServer(const std::string& db, int workers = 2,
                        const std::string& web = std::string(NEWSDESK_SOURCE_DIR) + "/web")
        : m_socket((m_dir / "fcgi.socket").string()),
          m_process({kFcgi, "--socket", m_socket, "--workers", std::to_string(workers)},
                    {.env = {"NEWSDESK_DB=" + db, std::string("NEWSDESK_DATA=") + NEWSDESK_SOURCE_DIR + "/data",
                             "NEWSDESK_WEB=" + web},
                     .out = m_dir / "log",
                     .dies_with_test = true,
                     .own_session = true}) {
        for (int i = 0; i < 200 && !fs::exists(m_socket); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ~FcgiServer() { m_process.kill(SIGTERM); }
    FcgiServer(const FcgiServer&) = delete;
    FcgiServer& operator=(const FcgiServer&) = delete;

    // The whole answer to `request`; `db` is set as newsdesk.cgi's is, though the
    // server reads its own configuration.
    [[nodiscard]] std::string answer(const Request& request, const std::string& db) const {
        return output_of({"cgi-fcgi", "-bind", "-connect", m_socket}, request, db);
    }
    [[nodiscard]] const std::string& socket() const { return m_socket; }
    [[nodiscard]] pid_t pid() const { return m_process.pid(); }
    [[nodiscard]] std::string log() const { return read_file(m_dir / "log"); }

  private:
    TempDir m_dir;
    std::string m_socket;
    Process m_process;
};

std::string cgi_answer(const Request& request, const std::string& db) { return output_of({kCgi}, request, db); }

// The worker processes of the server `pid` (Linux lists a thread's children).
std::string workers_of(pid_t pid) {
    return read_file("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children");
}

// The hits of a format=json answer (the body after the headers).
std::size_t json_hits(const std::string& answer) {
    const auto end = answer.find("\r\n\r\n");
    if (end == std::string::npos) return 0;
    return nlohmann::json::parse(answer.substr(end + 4)).at("hits").size();
}

class FcgiAnswers : public CorpusTest {};

TEST_F(FcgiAnswers, EveryRequestIsAnsweredAsNewsdeskCgiAnswersIt) {
    const FcgiServer server(db);
    const std::vector<Request> requests = {
        get_request(""),
        get_request("q=korea"),
        get_request("q=korea&page=2"),
        get_request("q=police&sort=newest&size=5"),
        get_request("q=election&format=json"),
        get_request("q=china&format=csv"),
        get_request("q=china&format=csv&all=1"),
        get_request("q=korea&format=atom"),
        get_request("q=&tab=quotes"),
        get_request("q=president&tab=experts"),
        get_request("q=china&country=cn&format=json"),
        get_request("q=korea&from=2019-01-01&to=2020-12-31"),
        get_request("q=%22prime+minister%22&copies=all"),
        get_request("q=nothingmatchesthisword"),
        get_request("q=(unbalanced"),                    // a syntax error: the page says so
        get_request("q=%ff"),                            // not UTF-8: 400
        get_request("q=%zz&format=json"),                // bad escape, as JSON
        get_request("q=a&q=b"),                          // a field twice: 400
        get_request("page=0"),                           // out of range
        get_request("size=100000"),                      // too large a page
        get_request("c=nosuchcollection"),               // not in the allow-list
        get_request("q=" + std::string(600, 'x')),      // longer than a query may be
        {{"REQUEST_METHOD=HEAD", "QUERY_STRING=q=korea"}, ""},
        {{"REQUEST_METHOD=PUT", "QUERY_STRING=q=korea"}, ""},  // 405
        {{"REQUEST_METHOD=POST", "CONTENT_TYPE=application/x-www-form-urlencoded", "CONTENT_LENGTH=11"},
         "q=korea&x=1"},
        {{"REQUEST_METHOD=POST", "CONTENT_TYPE=application/x-www-form-urlencoded", "CONTENT_LENGTH=99999999"},
         "q=korea"},                                      // 413 from the announced length
        {{"REQUEST_METHOD=POST", "CONTENT_TYPE=text/plain", "CONTENT_LENGTH=7"}, "q=korea"},  // 415
    };
    for (const auto& request : requests) {
        const std::string context = request.env.front() + " " + request.env.back();
        const std::string expected = cgi_answer(request, db);
        ASSERT_TRUE(expected.starts_with("Status: ")) << context;
        EXPECT_EQ(server.answer(request, db), expected) << context;
    }
}

TEST(FcgiDatabase, ACommitIsSeenByTheNextRequest) {
    TempDir dir;
    const std::string db = (dir / "db").string();
    ASSERT_EQ(run({kIndex, "--db", db, kSeed}).exit_code, 0);
    const FcgiServer server(db);
    const Request football = get_request("q=football&format=json");
    ASSERT_EQ(json_hits(server.answer(football, db)), 0u);  // opened, with the seed article alone (no football)
    // One small commit: the revision the workers read stays readable, so only
    // reopening before the request shows the new article.
    write_file(dir / "football.txt", "Cup final goes to extra time\n\nThe football final went to extra time "
                                      "before the home side scored twice.\n");
    const test::Run more = run({kIndex, "--db", db, (dir / "football.txt").string()});
    ASSERT_EQ(more.exit_code, 0) << more.err;
    for (int i = 0; i < 4; ++i) {  // each worker sees it, whichever answers
        const std::string answer = server.answer(football, db);
        EXPECT_GT(json_hits(answer), 0u);
        EXPECT_EQ(answer, cgi_answer(football, db));
    }
}

TEST(FcgiDatabase, AStubSwapIsSeenByTheNextRequest) {
    TempDir dir;
    const std::string small = (dir / "small").string(), large = (dir / "large").string();
    ASSERT_EQ(run({kIndex, "--db", small, kSeed}).exit_code, 0);
    ASSERT_EQ(run({kIndex, "--db", large, kCorpus + "/wikinews"}).exit_code, 0);
    const std::string stub = (dir / "current").string();
    write_file(stub, "auto small\n");
    const FcgiServer server(stub);
    const Request football = get_request("q=football&format=json");
    ASSERT_EQ(json_hits(server.answer(football, stub)), 0u);
    ASSERT_EQ(json_hits(server.answer(football, stub)), 0u);
    // As the nightly job swaps: a new stub renamed over the old one.
    write_file(dir / "current.new", "auto large\n");
    fs::rename(dir / "current.new", stub);
    for (int i = 0; i < 4; ++i) {
        const std::string answer = server.answer(football, stub);
        EXPECT_GT(json_hits(answer), 0u);
        EXPECT_EQ(answer, cgi_answer(football, stub));
    }
}

// The workers keep each template parsed between requests, but not past an edit.
TEST(FcgiTemplates, AnEditedTemplateIsSeenByTheNextRequest) {
    TempDir dir;
    const std::string db = (dir / "db").string();
    ASSERT_EQ(run({kIndex, "--db", db, kSeed}).exit_code, 0);
    fs::copy(std::string(NEWSDESK_SOURCE_DIR) + "/web", dir / "web", fs::copy_options::recursive);
    const FcgiServer server(db, 2, (dir / "web").string());
    const Request page = get_request("q=korea");
    for (int i = 0; i < 4; ++i) ASSERT_EQ(server.answer(page, db).find("<!-- edited -->"), std::string::npos);
    std::string tmpl = read_file(dir / "web/templates/page.mustache");
    const auto body_end = tmpl.rfind("</body>");
    ASSERT_NE(body_end, std::string::npos);
    tmpl.insert(body_end, "<!-- edited -->");
    write_file(dir / "web/templates/page.mustache", tmpl);
    for (int i = 0; i < 4; ++i) {  // each worker, whichever answers
        const std::string answer = server.answer(page, db);
        EXPECT_NE(answer.find("<!-- edited -->"), std::string::npos) << answer.substr(0, 300);
        EXPECT_NE(answer.find("Status: 200"), std::string::npos);
    }
}

// Sends `bytes` on a new connection to `socket` and closes it.
void send_raw(const std::string& socket, const std::string& bytes) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    socket.copy(address.sun_path, sizeof address.sun_path - 1);
    ASSERT_EQ(connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    shutdown(fd, SHUT_WR);
    char sink[256];
    while (read(fd, sink, sizeof sink) > 0) {
    }
    close(fd);
}

TEST_F(FcgiAnswers, AConnectionThatIsNotFastCgiLeavesTheWorkerRunning) {
    const FcgiServer server(db, 1);
    const Request korea = get_request("q=korea");
    const std::string expected = cgi_answer(korea, db);
    ASSERT_EQ(server.answer(korea, db), expected);
    const std::string worker = workers_of(server.pid());
    ASSERT_FALSE(worker.empty());
    send_raw(server.socket(), "GET /search?q=korea HTTP/1.1\r\nHost: x\r\n\r\n");  // HTTP, not FastCGI
    send_raw(server.socket(), std::string("\x01\x01\x00\x01\x00\x08\x00\x00\x00\x01", 10));  // cut short
    // A request whose parameters announce more bytes than they hold.
    send_raw(server.socket(), std::string("\x01\x01\x00\x01\x00\x08\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00"
                                          "\x01\x04\x00\x01\x00\x04\x00\x00\x7f\x7f\x41\x42",
                                          28));
    EXPECT_EQ(server.answer(korea, db), expected);
    EXPECT_EQ(workers_of(server.pid()), worker) << server.log();
}

TEST(FcgiCommandLine, WithoutASocketItSaysWhatItNeeds) {
    const test::Run r = run({kFcgi});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("not a listening socket"), std::string::npos) << r.err;
    EXPECT_EQ(run({kFcgi, "--workers", "0"}).exit_code, 2);
    EXPECT_EQ(run({kFcgi, "--help"}).exit_code, 0);
}

}  // namespace
}  // namespace newsdesk::test
