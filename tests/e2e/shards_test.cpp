// Sharded collections (issue 9), end to end: the bundled corpus indexed as one
// database and as collections sharded by year, by month (through --update) and
// by id hash, locally and with the shards served by stock xapian-tcpsrv, must
// answer every kind of search identically: hits and their order, scores,
// snippets, totals, exact facet counts, copies folded, quotes, experts,
// spelling and more-like-this. A shard server that dies or hangs fails the
// search with one line, never a hang.
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/e2e_support.h"
#include "tests/support/process.h"
#include "tests/support/shard_server.h"

namespace newsdesk::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The corpus as one database and as three collections, built once.
struct Layouts {
    TempDir dir;
    std::string single, by_year, by_month, by_hash;
};

const Layouts& layouts() {
    static Layouts l;
    static const bool built = [] {
        l.single = (l.dir / "single").string();
        l.by_year = (l.dir / "by-year").string();
        l.by_month = (l.dir / "by-month").string();
        l.by_hash = (l.dir / "by-hash").string();
        for (const auto& r : {run({kIndex, "--db", l.single, kCorpus}),
                              run({kIndex, "--db", l.by_year, "--shard-by", "year", kCorpus}),
                              run({kIndex, "--update", "--db", l.by_month, "--shard-by", "month", kCorpus}),
                              run({kIndex, "--db", l.by_hash, "--shard-by", "hash:2", kCorpus})})
            EXPECT_EQ(r.exit_code, 0) << r.err;
        return true;
    }();
    (void)built;
    return l;
}

// The searches compared: every mode and option whose answer could depend on
// how the articles are spread over databases.
const std::vector<std::vector<std::string>>& searches() {
    static const std::vector<std::vector<std::string>> s = {
        {"--facets", "default", "north korea"},
        {"--facets", "default", "--limit", "40", "president"},
        {"--facets", "default", "--limit", "40", "said"},
        {"--facets", "country,source,date", "--filter", "country=US", "--limit", "30", "election"},
        {"--facets", "default", "--limit", "50", "country:US"},  // boolean only: every score ties
        {"--limit", "30", "police OR court"},
        {"--limit", "30", "--sort", "recency", "president"},
        {"--limit", "30", "--offset", "10", "president"},
        {"--limit", "30", "--no-collapse", "president"},
        {"\"prime minister\""},
        {"headline:pact date:2024-06"},
        {"presidnet"},  // did you mean
        {"--quotes", "russia"},
        {"--experts", "korea"},
    };
    return s;
}

// A search's answer with scores rounded (the shards sum the same statistics in
// another order), so equal answers compare equal.
json canonical(json answer) {
    const auto round_scores = [](json& items) {
        for (auto& item : items)
            if (item.contains("score")) item["score"] = std::round(item["score"].get<double>() * 1e6) / 1e6;
    };
    if (answer.contains("hits")) round_scores(answer["hits"]);
    if (answer.contains("quotes")) round_scores(answer["quotes"]);
    if (answer.contains("experts")) round_scores(answer["experts"]);
    // Without facets the totals are Xapian's estimates, which depend on where
    // each database's match stopped; with facets they are counted, and exact.
    if (!answer.contains("facets")) {
        answer.erase("estimate");
        answer.erase("exact");
        answer.erase("total");
    }
    answer.erase("query");
    for (const char* part : {"hits", "quotes"})
        if (answer.contains(part))
            for (auto& item : answer[part]) item.erase("docid");
    return answer;
}

// The first few differences, as JSON patch operations with the values they
// would replace, instead of two whole answers.
std::string differences(const json& want, const json& got) {
    std::string out;
    int shown = 0;
    for (const auto& op : json::diff(want, got)) {
        if (++shown > 6) break;
        const std::string path = op["path"];
        json was;
        try {
            was = want.at(json::json_pointer(path));
        } catch (const json::exception&) {
        }
        out += "  " + op["op"].get<std::string>() + " " + path + ": " + was.dump().substr(0, 160) + " -> " +
               op.value("value", json()).dump().substr(0, 160) + "\n";
    }
    return out;
}

void expect_same_answers(const std::string& expected_db, const std::string& db, const std::string& what) {
    for (const auto& args : searches()) {
        std::string label;
        for (const auto& a : args) label += a + " ";
        const auto want = canonical(search_json(expected_db, args));
        const auto got = canonical(search_json(db, args));
        ASSERT_FALSE(want.empty()) << label;
        EXPECT_EQ(got, want) << what << ": " << label << "\n" << differences(want, got);
    }
    // More like the first hit of a search, by id.
    const auto first = search_json(expected_db, {"north korea"});
    ASSERT_FALSE(first["hits"].empty());
    const std::string id = first["hits"][0]["id"];
    const auto want = canonical(search_json(expected_db, {"--like", id}));
    const auto got = canonical(search_json(db, {"--like", id}));
    EXPECT_EQ(got, want) << what << ": --like " << id << "\n" << differences(want, got);
}

TEST(Shards, EachLayoutIsACollectionOfItsShards) {
    const auto& l = layouts();
    for (const auto& [db, shards] : std::map<std::string, std::set<std::string>>{
             {l.by_year, {"2008", "2016", "2019", "2020", "2021", "2024", "undated"}},
             {l.by_hash, {"h00", "h01"}}}) {
        const std::string stub = read_file(fs::path(db) / "XAPIANDB");
        EXPECT_EQ(stub.find("auto control\n"), stub.find("auto "))
            << "control comes first: Xapian reads metadata from the first database\n" << stub;
        std::set<std::string> found;
        for (const auto& e : fs::directory_iterator(fs::path(db) / "shards")) found.insert(e.path().filename());
        EXPECT_EQ(found, shards) << db;
        for (const auto& s : shards) EXPECT_NE(stub.find("auto shards/" + s + "\n"), std::string::npos) << stub;
    }
    const auto month = read_file(fs::path(l.by_month) / "XAPIANDB");
    EXPECT_NE(month.find("auto shards/2024-06\n"), std::string::npos) << month;
    EXPECT_NE(month.find("auto shards/2019-10\n"), std::string::npos) << month;
    EXPECT_EQ(search_json(l.by_month, {"--facets", "date", ""})["total"], 299);
}

TEST(Shards, LocalShardsAnswerAsOneDatabase) {
    const auto& l = layouts();
    expect_same_answers(l.single, l.by_year, "by year");
    expect_same_answers(l.single, l.by_month, "by month (--update)");
    expect_same_answers(l.single, l.by_hash, "by hash");
}

// Thirty monthly shards hold about 150 descriptors open, more than a soft
// limit of 64 files allows: the search raises its soft limit to the hard one
// (common/db/open_files.h) and answers as the single database does; where the
// hard limit is as low, it fails with one line saying what to do.
TEST(Shards, MoreShardsThanTheSoftOpenFileLimitAllowsAreStillSearched) {
    const auto& l = layouts();
    const auto under = [&](const std::string& limit, const std::vector<std::string>& args) {
        std::vector<std::string> argv{"/bin/sh", "-c", "ulimit " + limit + " 64 && exec \"$@\"", "sh", kSearch,
                                      "--db", l.by_month};
        argv.insert(argv.end(), args.begin(), args.end());
        return run(argv);
    };
    const auto soft = under("-Sn", {"--json", "--facets", "default", "korea"});
    ASSERT_EQ(soft.exit_code, 0) << soft.err;
    const auto single = search_json(l.single, {"--facets", "default", "korea"});
    const auto month = json::parse(soft.out);
    EXPECT_EQ(month["total"], single["total"]);
    EXPECT_EQ(month["facets"], single["facets"]);
    ASSERT_EQ(month["hits"].size(), single["hits"].size());
    for (std::size_t i = 0; i < single["hits"].size(); ++i) EXPECT_EQ(month["hits"][i]["id"], single["hits"][i]["id"]) << i;

    const auto hard = under("-n", {"korea"});
    EXPECT_EQ(hard.exit_code, 1) << hard.err;
    EXPECT_EQ(std::count(hard.err.begin(), hard.err.end(), '\n'), 1) << hard.err;
    EXPECT_NE(hard.err.find("(Too many open files); raise the open-file limit (ulimit -n)"), std::string::npos)
        << hard.err;
}

// The reader's stub: the control database (metadata, spelling) from a local
// copy, the shards from their servers.
std::string remote_stub(const fs::path& where, const std::string& collection,
                        const std::vector<const ShardServer*>& servers) {
    std::string text = "auto " + (fs::path(collection) / "control").string() + "\n";
    for (const auto* s : servers) text += "remote " + s->address() + "\n";
    write_file(where, text);
    return where.string();
}

TEST(Shards, RemoteShardsAnswerAsOneLocalDatabase) {
    const auto& l = layouts();
    ShardServer h0(l.by_hash + "/shards/h00"), h1(l.by_hash + "/shards/h01");
    ASSERT_TRUE(h0.accepts() && h1.accepts()) << "xapian-tcpsrv did not start (scripts/setup installs xapian-tools)";
    TempDir dir;
    const auto stub = remote_stub(dir / "news.stub", l.by_hash, {&h0, &h1});
    expect_same_answers(l.single, stub, "two remote shards");

    // The search page over the same stub: the same JSON as over one database,
    // and a page that shows the same hits.
    const auto cgi = [&](const std::string& db, const std::string& query) {
        return run({NEWSDESK_CGI_BIN}, {"NEWSDESK_DB=" + db, "REQUEST_METHOD=GET", "QUERY_STRING=" + query,
                                         "NEWSDESK_WEB=" + std::string(NEWSDESK_SOURCE_DIR) + "/web"});
    };
    for (const std::string query : {"q=korea&format=json", "q=president&format=json&page=2",
                                    "q=said&country=US&format=json", "q=russia&tab=experts&format=json"}) {
        const auto local = cgi(l.single, query), remote = cgi(stub, query);
        ASSERT_EQ(remote.out.substr(0, remote.out.find("\r\n")), "Status: 200 OK") << query << remote.err;
        const auto body = [](const std::string& response) {
            return canonical(json::parse(response.substr(response.find("\r\n\r\n") + 4)));
        };
        EXPECT_EQ(body(remote.out), body(local.out)) << query << "\n" << differences(body(local.out), body(remote.out));
    }
    const auto page = cgi(stub, "q=north+korea");
    EXPECT_EQ(page.out.substr(0, page.out.find("\r\n")), "Status: 200 OK") << page.err;
    EXPECT_NE(page.out.find("Russia-North Korea pact could dent"), std::string::npos);

    // The FastCGI server over the same stub answers as the CGI does: it too
    // sends the shards only the spies stock xapian-tcpsrv knows (every request
    // was a 500 when its searcher took the stub for a local database).
    TempDir server_dir;
    const auto socket = (server_dir / "fcgi.socket").string();
    Process server({NEWSDESK_FCGI_BIN, "--socket", socket, "--workers", "1"},
                   {.env = {"NEWSDESK_DB=" + stub, "NEWSDESK_WEB=" + std::string(NEWSDESK_SOURCE_DIR) + "/web"},
                    .out = server_dir / "log",
                    .dies_with_test = true,
                    .own_session = true});
    for (int i = 0; i < 200 && !fs::exists(socket); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    for (const std::string query : {"q=korea&format=json", "q=chicago+neat&format=json", "q=north+korea"}) {
        const auto fast = run({"cgi-fcgi", "-bind", "-connect", socket}, {"REQUEST_METHOD=GET", "QUERY_STRING=" + query});
        const auto slow = cgi(stub, query);
        ASSERT_EQ(fast.out.substr(0, fast.out.find("\r\n")), "Status: 200 OK") << query << read_file(server_dir / "log");
        EXPECT_EQ(fast.out, slow.out) << query;
    }
    server.kill(SIGTERM);
}

TEST(Shards, ARemoteShardThatIsDownOrStopsAnsweringFailsTheSearchWithOneLine) {
    const auto& l = layouts();
    TempDir dir;
    {
        ShardServer h0(l.by_hash + "/shards/h00"), h1(l.by_hash + "/shards/h01");
        const auto stub = remote_stub(dir / "news.stub", l.by_hash, {&h0, &h1});
        ASSERT_EQ(run({kSearch, "--db", stub, "korea"}).exit_code, 0);

        // Stopped: the connection is accepted by the kernel and never answered.
        h1.kill(SIGSTOP);
        const auto hung = run({kSearch, "--db", stub, "korea"}, {"NEWSDESK_REMOTE_TIMEOUT=1"});
        EXPECT_EQ(hung.exit_code, 1) << hung.err;
        EXPECT_EQ(std::count(hung.err.begin(), hung.err.end(), '\n'), 1) << hung.err;
        EXPECT_NE(hung.err.find(h1.address()), std::string::npos) << hung.err;

        // Killed while a search waits on it.
        std::thread waiting([&] {
            const auto r = run({kSearch, "--db", stub, "--facets", "default", "korea"},
                               {"NEWSDESK_REMOTE_TIMEOUT=60"});
            EXPECT_EQ(r.exit_code, 1) << r.err;
            EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
            EXPECT_NE(r.err.find("newsdesk-search: " + stub + ":"), std::string::npos) << r.err;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let it connect; either way it must fail
        h1.kill(SIGKILL);
        waiting.join();

        // Gone: nothing listens on the port.
        const auto down = run({kSearch, "--db", stub, "korea"});
        EXPECT_EQ(down.exit_code, 1) << down.err;
        EXPECT_NE(down.err.find("shard " + h1.address() + " cannot be reached"), std::string::npos) << down.err;

        // The search page says the service is unavailable, naming nothing.
        const auto page = run({NEWSDESK_CGI_BIN}, {"NEWSDESK_DB=" + stub, "REQUEST_METHOD=GET", "QUERY_STRING=q=korea",
                                                   "NEWSDESK_WEB=" + std::string(NEWSDESK_SOURCE_DIR) + "/web"});
        EXPECT_EQ(page.out.substr(0, page.out.find("\r\n")), "Status: 503 Service Unavailable") << page.out;
        EXPECT_EQ(page.out.find(h1.address()), std::string::npos);
        EXPECT_EQ(page.out.find(stub), std::string::npos);
    }
}

}  // namespace
}  // namespace newsdesk::test
