// query-latency: the latency of newsdesk searches inside one process, for
// scripts/bench-shards. Opens the database (a directory, a collection, or a stub
// naming remote shards) once, as a long-running server would, runs every query
// of a file once to warm caches and connections, then --reps timed passes, and
// prints JSON: p50, p95 and mean milliseconds over all timed searches, and the
// total of matching articles (so layouts can be checked to agree).
//
//   query-latency --db DB --queries FILE [--facets LIST] [--reps N] [--limit N]
#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <cxxopts.hpp>
#include <nlohmann/json.hpp>

#include "common/cli/program.h"
#include "common/error.h"
#include "searcher/searcher.h"

namespace {

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::string::size_type start = 0;
    while (start <= list.size() && !list.empty()) {
        const auto comma = list.find(',', start);
        out.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(rank, values.size() - 1)];
}

// A whole number of at least 1 (parsed here: cxxopts' integer parser trips a
// false -Wrestrict in GCC 12's std::string when inlined into this small program).
unsigned positive_number(const cxxopts::ParseResult& args, const std::string& name) {
    const auto text = args[name].as<std::string>();
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1)
        throw newsdesk::UsageError("--" + name + " must be a whole number of at least 1, not '" + text + "'");
    return value;
}

// The measurement the options ask for: JSON on stdout.
int measure(const cxxopts::ParseResult& args) {
    const std::string db = newsdesk::cli::database_option(args), queries_file = args["queries"].as<std::string>();
    const std::string facets = args["facets"].as<std::string>();
    const unsigned reps = positive_number(args, "reps");
    const Xapian::doccount limit = positive_number(args, "limit");
    std::vector<std::string> queries;
    std::ifstream in(queries_file);
    if (!in) throw newsdesk::Error(queries_file + ": cannot read the queries");
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(line);
    newsdesk::Searcher searcher(db);
    const auto search = [&](const std::string& query) {
        newsdesk::SearchRequest request;
        request.query = query;
        request.limit = limit;
        request.facets = split(facets);
        return searcher.run(request);
    };
    Xapian::doccount total = 0;
    std::size_t failed = 0;
    for (const auto& q : queries) {  // warm-up: caches, connections
        try {
            total += search(q).total;
        } catch (const newsdesk::UsageError&) {
            ++failed;
        }
    }
    std::vector<double> ms;
    for (unsigned r = 0; r < reps; ++r)
        for (const auto& q : queries) {
            const auto start = std::chrono::steady_clock::now();
            try {
                (void)search(q);
            } catch (const newsdesk::UsageError&) {
                continue;
            }
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
    double sum = 0;
    for (double m : ms) sum += m;
    std::cout << nlohmann::json{{"db", db},           {"queries", queries.size()},
                                {"failed", failed},   {"searches", ms.size()},
                                {"p50_ms", percentile(ms, 0.5)}, {"p95_ms", percentile(ms, 0.95)},
                                {"mean_ms", ms.empty() ? 0 : sum / static_cast<double>(ms.size())},
                                {"total_matches", total}}
                     .dump()
              << '\n';
    return 0;
}

const newsdesk::cli::Program kProgram{"query-latency", "query-latency --help"};

}  // namespace

int main(int argc, char** argv) {
    cxxopts::Options opts("query-latency",
                          "The latency of newsdesk searches inside one process (scripts/bench-shards):\n"
                          "every query of --queries once to warm up, then --reps timed passes; prints\n"
                          "JSON with p50, p95 and mean milliseconds and the total of matches.\n\n"
                          "Exit status: 0 measured, 1 failure, 2 usage error.");
    newsdesk::cli::add_database_option(opts);
    // clang-format off
    opts.add_options()
        ("queries", "the queries, one a line", cxxopts::value<std::string>(), "FILE")
        ("facets", "facets to count with each search, comma-separated",
         cxxopts::value<std::string>()->default_value(""), "LIST")
        ("reps", "timed passes over the queries", cxxopts::value<std::string>()->default_value("3"), "N")
        ("limit", "hits a search ranks", cxxopts::value<std::string>()->default_value("10"), "N");
    // clang-format on
    newsdesk::cli::add_standard_options(opts);
    const auto parsed = newsdesk::cli::parse(opts, kProgram, argc, argv);
    if (parsed.exit_status) return *parsed.exit_status;
    if (!parsed.args.count("queries")) return newsdesk::cli::usage_error(kProgram, "--queries FILE is required");
    try {
        return measure(parsed.args);
    } catch (...) {
        return newsdesk::cli::exit_status_of_current_exception(kProgram);
    }
}
