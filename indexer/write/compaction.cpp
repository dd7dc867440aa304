#include "indexer/write/compaction.h"

#include <algorithm>
#include <filesystem>

#include <xapian.h>

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

void compact(const std::vector<std::string>& sources, const std::string& to) {
    Xapian::Database merged;
    for (const auto& source : sources) merged.add_database(Xapian::Database(source));
    merged.compact(to);
}

}  // namespace

void compact_in_rounds(const std::vector<std::string>& sources, const std::string& to, std::size_t fan_in) {
    fan_in = std::max<std::size_t>(2, fan_in);
    std::vector<std::string> round = sources, scratch;
    try {
        for (std::size_t n = 0; round.size() > fan_in; ++n) {
            std::vector<std::string> next;
            for (std::size_t i = 0; i < round.size(); i += fan_in) {
                const std::vector<std::string> group(round.begin() + static_cast<std::ptrdiff_t>(i),
                                                     round.begin() + static_cast<std::ptrdiff_t>(std::min(round.size(), i + fan_in)));
                next.push_back(to + ".round-" + std::to_string(n) + "-" + std::to_string(next.size()));
                compact(group, next.back());
                scratch.push_back(next.back());
            }
            // A round's groups are merged; the scratch they came from is not needed again.
            std::error_code ec;
            for (const auto& done : round)
                if (std::find(scratch.begin(), scratch.end(), done) != scratch.end()) fs::remove_all(done, ec);
            round = std::move(next);
        }
        compact(round, to);
    } catch (...) {
        std::error_code ec;
        for (const auto& s : scratch) fs::remove_all(s, ec);
        throw;
    }
    std::error_code ec;
    for (const auto& s : scratch) fs::remove_all(s, ec);
}

}  // namespace newsdesk
