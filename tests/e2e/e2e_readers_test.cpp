// Readers while a writer commits every article (issue 22): every tab and format
// of the page and every mode of newsdesk-search, each a fresh process as in
// production, against a database that newsdesk-index --update --batch 1 keeps
// committing to. Xapian discards the revision a reader reads once the writer
// has committed twice more, so each reader must reopen and retry, and finish
// its reading between two commits of a busy writer; none may fail or come back
// empty.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/support/cgi_support.h"
#include "tests/support/e2e_support.h"

namespace newsdesk::test {
namespace {

namespace fs = std::filesystem;

// The articles each round of the writer rewrites: one commit each under --batch 1.
constexpr int kChanging = 40;
// Rounds of every reader below; each reader waits for a commit before it starts.
constexpr int kRounds = 3;

void write_round(const fs::path& dir, int round) {
    for (int i = 0; i < kChanging; ++i) {
        const std::string n = std::to_string(i) + " of round " + std::to_string(round);
        write_file(dir / ("bulletin-" + std::to_string(i) + ".txt"),
                   "Council bulletin " + n + "\n\nThe council president said bulletin " + n +
                       " was posted today. \"We are ready for the ships,\" said council president Ann Quill.\n");
    }
}

// newsdesk-index --update --batch 1 over `src` in a loop, each round over
// freshly rewritten files, from construction until destruction.
class Writer {
  public:
    Writer(std::string db, fs::path src, fs::path changing)
        : m_thread([this, db = std::move(db), src = std::move(src), changing = std::move(changing)] {
              for (int round = 1; m_running; ++round) {
                  write_round(changing, round);
                  const auto r = run({kIndex, "--quiet", "--update", "--batch", "1", "--db", db, src.string()});
                  if (r.exit_code != 0) {
                      const std::lock_guard lock(m_mutex);
                      m_failures.push_back(r.err);
                  }
              }
          }) {}
    ~Writer() {
        m_running = false;
        m_thread.join();
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    [[nodiscard]] std::vector<std::string> failures() {
        const std::lock_guard lock(m_mutex);
        return m_failures;
    }

  private:
    std::atomic<bool> m_running{true};
    std::mutex m_mutex;
    std::vector<std::string> m_failures;
    std::thread m_thread;  // last: started once the members it uses exist
};

// The database's revision; 0 while it cannot be read (a commit under way).
Xapian::rev revision(const std::string& db) {
    try {
        return Xapian::Database(db).get_revision();
    } catch (const Xapian::Error&) {
        return 0;
    }
}

// One reader: what it asks and how many results its answer holds; a failed
// answer (not 200, not exit 0) is a test failure and no results.
struct Reader {
    std::string name;
    std::function<std::size_t(const std::string& db)> results;
};

// The results under `key` in a JSON answer (format=json, newsdesk-search --json);
// for "did_you_mean", 1 when it suggests "president".
std::size_t results_in(const std::string& json, const std::string& key) {
    const auto answer = nlohmann::json::parse(json, nullptr, false);
    if (!answer.is_object() || !answer.contains(key)) return 0;
    if (key == "did_you_mean") return answer[key] == "president" ? 1 : 0;
    return answer[key].size();
}

Reader page(const std::string& query_string, std::function<std::size_t(const CgiRun&)> count) {
    return {"newsdesk.cgi " + query_string, [query_string, count](const std::string& db) -> std::size_t {
                const auto r = get(db, query_string);
                if (r.exit_code != 0 || r.status != 200) {
                    ADD_FAILURE() << query_string << ": " << r.status_line << "\n" << r.err;
                    return 0;
                }
                return count(r);
            }};
}

Reader json_page(const std::string& query_string, const std::string& key) {
    return page(query_string + "&format=json", [key](const CgiRun& r) { return results_in(r.body, key); });
}

std::size_t items_in(const std::string& html, const std::string& list_class) {
    std::size_t n = 0;
    for (const auto& li : elements(html, "li")) n += inside(li, list_class);
    return n;
}

// newsdesk-search with `args`: its JSON's results under `key`, or with `key`
// empty its text output's, where the first result is numbered "1. ".
Reader command(const std::vector<std::string>& args, const std::string& key) {
    std::string name = "newsdesk-search";
    for (const auto& a : args) name += " " + a;
    return {name, [args, key, name](const std::string& db) -> std::size_t {
                std::vector<std::string> argv{kSearch, "--db", db};
                if (!key.empty()) argv.emplace_back("--json");
                argv.insert(argv.end(), args.begin(), args.end());
                const auto r = run(argv);
                if (r.exit_code != 0) {
                    ADD_FAILURE() << name << ": exit " << r.exit_code << "\n" << r.err;
                    return 0;
                }
                if (key.empty()) return r.out.find("\n1. ") != std::string::npos || r.out.starts_with("1. ");
                return results_in(r.out, key);
            }};
}

TEST(Readers, EveryTabAndFormatAnswersWhileAWriterCommitsEveryArticle) {
    TempDir dir;
    const fs::path src = dir / "src", changing = src / "changing";
    fs::create_directories(changing);
    fs::copy(kCorpus + "/wikinews", src / "wikinews", fs::copy_options::recursive);
    fs::copy_file(kSeed, src / "seed.txt");
    write_round(changing, 0);
    const std::string db = (dir / "db").string();
    const auto indexed = run({kIndex, "--quiet", "--db", db, src.string()});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;

    const std::vector<Reader> readers{
        // The page: hits with facets and the timeline, the feed, quotes, experts,
        // "did you mean", and a date range with a filter.
        page("q=president", [](const CgiRun& r) { return hits(r.body).size(); }),
        json_page("q=president", "hits"),
        page("q=president&format=atom",
             [](const CgiRun& r) { return std::size_t{r.body.find("<entry>") != std::string::npos}; }),
        page("q=president&tab=quotes", [](const CgiRun& r) { return items_in(r.body, "quote-hits"); }),
        json_page("q=president&tab=quotes", "quotes"),
        page("q=president&tab=experts", [](const CgiRun& r) { return items_in(r.body, "expert-hits"); }),
        json_page("q=president&tab=experts", "experts"),
        json_page("q=presidnet", "did_you_mean"),
        json_page("q=president&country=US&from=2019-01-01&to=2020-12-31", "hits"),
        // The command line: hits with facets, quotes, experts, more like this,
        // spelling, as JSON, and the text output.
        command({"--facets", "default", "president"}, "facets"),
        command({"--quotes", "president"}, "quotes"),
        command({"--experts", "president"}, "experts"),
        command({"--like", (src / "seed.txt").string()}, "hits"),
        command({"presidnet"}, "did_you_mean"),
        command({"president"}, ""),
        command({"--experts", "president"}, ""),
    };

    Writer writer(db, src, changing);
    Xapian::rev seen = revision(db);
    std::size_t commits_waited_for = 0;
    for (int round = 0; round < kRounds; ++round) {
        for (const auto& reader : readers) {
            // Start only once the writer has committed again, so that every reader
            // runs among commits (bounded by the writer, which commits for as long
            // as it runs; a writer that fails ends the test).
            while (revision(db) <= seen) {
                if (!writer.failures().empty()) break;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            ASSERT_TRUE(writer.failures().empty()) << writer.failures().front();
            seen = revision(db);
            ++commits_waited_for;
            EXPECT_GT(reader.results(db), 0u) << reader.name << " (round " << round << ")";
        }
    }
    EXPECT_EQ(commits_waited_for, readers.size() * kRounds);
}

}  // namespace
}  // namespace newsdesk::test
