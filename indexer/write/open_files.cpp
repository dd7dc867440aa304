#include "indexer/write/open_files.h"

#include <sys/resource.h>

#include <algorithm>
#include <filesystem>

#include <xapian.h>

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

// Descriptors kept aside for what else may open meanwhile (the other
// compactions' outputs are counted as databases).
constexpr std::size_t kReserve = 16;

std::size_t open_now() {
    std::error_code ec;
    std::size_t n = 0;
    for (fs::directory_iterator it("/proc/self/fd", ec), end; !ec && it != end; it.increment(ec)) ++n;
    return n;
}

void compact(const std::vector<std::string>& sources, const std::string& to) {
    Xapian::Database merged;
    for (const auto& source : sources) merged.add_database(Xapian::Database(source));
    merged.compact(to);
}

}  // namespace

void raise_open_file_limit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
    limit.rlim_cur = limit.rlim_max;
    (void)::setrlimit(RLIMIT_NOFILE, &limit);
}

std::size_t databases_openable(std::size_t at_once) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 1024;
    const auto soft = static_cast<std::size_t>(limit.rlim_cur);
    const std::size_t used = open_now() + kReserve;
    const std::size_t free = soft > used ? soft - used : 0;
    // One database more than the sources: the compaction's output.
    const std::size_t each = free / std::max<std::size_t>(1, at_once) / kFilesPerDatabase;
    return each > 3 ? each - 1 : 2;
}

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
