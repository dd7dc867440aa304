// query-latency: the latency of newsdesk searches inside one process, for
// scripts/bench-shards. Opens the database (a directory, a collection, or a stub
// naming remote shards) once, as a long-running server would, runs every query
// of a file once to warm caches and connections, then --reps timed passes, and
// prints JSON: p50, p95 and mean milliseconds over all timed searches, and the
// total of matching articles (so layouts can be checked to agree).
//
//   query-latency --db DB --queries FILE [--facets LIST] [--reps N] [--limit N]
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

}  // namespace

int main(int argc, char** argv) {
    std::string db, queries_file, facets;
    int reps = 3;
    Xapian::doccount limit = 10;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i], value = argv[i + 1];
        if (option == "--db") db = value;
        else if (option == "--queries") queries_file = value;
        else if (option == "--facets") facets = value;
        else if (option == "--reps") reps = std::stoi(value);
        else if (option == "--limit") limit = static_cast<Xapian::doccount>(std::stoul(value));
        else {
            std::cerr << "query-latency: unknown option " << option << '\n';
            return 2;
        }
    }
    if (db.empty() || queries_file.empty() || reps < 1) {
        std::cerr << "usage: query-latency --db DB --queries FILE [--facets LIST] [--reps N] [--limit N]\n";
        return 2;
    }
    std::vector<std::string> queries;
    std::ifstream in(queries_file);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(line);
    try {
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
        for (int r = 0; r < reps; ++r)
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
    } catch (const std::exception& e) {
        std::cerr << "query-latency: " << e.what() << '\n';
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "query-latency: " << e.get_description() << '\n';
        return 1;
    }
}
