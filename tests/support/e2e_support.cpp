#include "tests/support/e2e_support.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "tests/support/process.h"

namespace newsdesk::test {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

Run run(const std::vector<std::string>& argv, const std::vector<std::string>& env,
        const std::filesystem::path& cwd) {
    TempDir capture;
    Launch launch{.env = env, .cwd = cwd, .out = capture / "out", .err = capture / "err"};
    Process process(argv, launch);
    Run result;
    result.exit_code = process.wait();
    result.peak_rss_kb = process.peak_rss_kb();
    result.out = read_file(launch.out);
    result.err = read_file(launch.err);
    return result;
}

nlohmann::json search_json(const std::string& db, const std::vector<std::string>& args) {
    std::vector<std::string> argv{kSearch, "--db", db, "--json"};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run(argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json::object();
}

const IndexedCorpus& indexed_corpus() {
    static TempDir dir;
    static const IndexedCorpus corpus = [] {
        IndexedCorpus c;
        c.db = (dir.path() / "db").string();
        c.run = run({kIndex, "--db", c.db, kCorpus});
        return c;
    }();
    return corpus;
}

}  // namespace newsdesk::test
