// Running the real binaries from tests: each test gets a temporary directory of
// its own (removed afterwards) and runs commands with stdout and stderr captured.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/temp_dir.h"

namespace newsdesk::test {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
    long peak_rss_kb = 0;  // the program's peak resident memory (ru_maxrss)
};

// Runs `argv` (no shell: arguments are passed as they are) with the extra
// environment `env` ("NAME=value") in the directory `cwd` (if not empty),
// capturing stdout and stderr.
[[nodiscard]] Run run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                      const std::filesystem::path& cwd = {});

[[nodiscard]] std::string read_file(const std::filesystem::path& path);

// The lines of `text`, without their '\n' (a last line without one counts).
[[nodiscard]] std::vector<std::string> lines_of(const std::string& text);

// The programs under test and the repository's bundled corpus.
inline const std::string kIndex = NEWSDESK_INDEX_BIN;
inline const std::string kSearch = NEWSDESK_SEARCH_BIN;
inline const std::string kCorpus = std::string(NEWSDESK_SOURCE_DIR) + "/corpus";
inline const std::string kSeed = kCorpus + "/seed/pact-china-influence.txt";

// newsdesk-search --db DB --json ARGS... (the query last); a non-zero exit fails
// the calling test and gives an empty object.
[[nodiscard]] nlohmann::json search_json(const std::string& db, const std::vector<std::string>& args);

struct IndexedCorpus {
    std::string db;
    Run run;  // how newsdesk-index went
};

// corpus/ indexed by newsdesk-index once per test binary, into a temporary
// directory removed at exit; for tests that only read it.
[[nodiscard]] const IndexedCorpus& indexed_corpus();

// Base of the read-only suites over indexed_corpus(): `db` is its path and
// `index_stderr` what newsdesk-index said; a failed indexing fails the suite.
class CorpusTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        const auto& corpus = indexed_corpus();
        ASSERT_EQ(corpus.run.exit_code, 0) << corpus.run.err;
        db = corpus.db;
        index_stderr = corpus.run.err;
    }
    static inline std::string db, index_stderr;
};
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace newsdesk::test
