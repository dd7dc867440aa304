#include "indexer/write/collection_upkeep.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include <xapian.h>

#include "common/db/collection.h"
#include "common/error.h"
#include "common/db/open_files.h"
#include "indexer/write/compaction.h"

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

// Compacts databases[i].first (one database or several, merged) into
// databases[i].second, up to `threads` at once, removing the sources of each
// when `scratch`; the first failure as "what: reason", or empty.
std::string compact_all(const std::vector<std::pair<std::vector<std::string>, std::string>>& databases,
                        unsigned threads, bool scratch = false) {
    std::atomic<std::size_t> next{0};
    std::vector<std::string> failures(databases.size());
    const std::size_t at_once = std::max<std::size_t>(1, std::min<std::size_t>(threads, databases.size()));
    const std::size_t fan_in = databases_openable(at_once);
    const auto work = [&] {
        for (std::size_t i; (i = next++) < databases.size();) {
            try {
                compact_in_rounds(databases[i].first, databases[i].second, fan_in);
                std::error_code ec;
                if (scratch)
                    for (const auto& source : databases[i].first) fs::remove_all(source, ec);
            } catch (const Xapian::Error& e) {
                failures[i] = databases[i].first.front() + ": " + e.get_description();
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<std::size_t>(std::max(1u, threads), databases.size()); ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (const auto& f : failures)
        if (!f.empty()) return f;
    return {};
}

void mark_compacted(const std::string& shard) {
    Xapian::WritableDatabase db(shard, Xapian::DB_OPEN);
    db.set_metadata(std::string(collection::compacted_key), "1");
    db.commit();
}

// The entry of shard `name`'s next compacted copy: "shards/2019@1", "@2", ...
std::string next_entry(const std::string& dir, const ShardEntry& current) {
    const auto at = current.entry.find('@');
    int n = at == std::string::npos ? 0 : std::stoi(current.entry.substr(at + 1));
    std::error_code ec;
    std::string entry;
    do entry = shard_entry(current.name) + "@" + std::to_string(++n);
    while (fs::exists(fs::path(dir) / entry, ec));
    return entry;
}

}  // namespace

double today_in_days() {
    using namespace std::chrono;
    return static_cast<double>(duration_cast<seconds>(system_clock::now().time_since_epoch()).count()) / 86400.0;
}

UpkeepSummary upkeep_collection(const std::string& dir, const UpkeepOptions& options) {
    UpkeepSummary summary;
    if (!is_collection(dir)) throw IndexError(dir + ": not a sharded collection");
    std::vector<ShardEntry> shards = read_collection_stub(dir);

    // What earlier upkeeps retired.
    std::set<std::string> named;
    for (const auto& s : shards) named.insert(fs::path(s.entry).filename().string());
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(dir) / collection::shards, ec)) {
        const std::string name = entry.path().filename().string();
        if (named.count(name)) continue;
        fs::remove_all(entry.path(), ec);
        summary.removed.push_back(name);
    }

    bool changed = false;
    if (options.retain) {
        std::vector<std::string> timed;
        for (const auto& s : shards)
            if (shard_period_end(s.name)) timed.push_back(s.name);
        std::sort(timed.begin(), timed.end());
        const std::size_t drop = timed.size() > *options.retain ? timed.size() - *options.retain : 0;
        const std::set<std::string> doomed(timed.begin(), timed.begin() + static_cast<std::ptrdiff_t>(drop));
        std::erase_if(shards, [&](const ShardEntry& s) { return doomed.count(s.name) > 0; });
        summary.dropped.assign(doomed.begin(), doomed.end());
        changed = changed || !doomed.empty();
    }

    if (options.close_after_days) {
        for (auto& s : shards) {
            const auto end = shard_period_end(s.name);
            if (!end || *end + *options.close_after_days > options.today) continue;
            const std::string from = (fs::path(dir) / s.entry).string();
            try {
                if (Xapian::Database(from).get_metadata(std::string(collection::compacted_key)) == "1") continue;
            } catch (const Xapian::Error& e) {
                throw IndexError(dir + ": cannot read shard " + s.name + " (" + e.get_msg() + ")");
            }
            const std::string entry = next_entry(dir, s);
            const std::string to = (fs::path(dir) / entry).string();
            if (const auto failure = compact_all({{{from}, to}}, 1); !failure.empty()) {
                fs::remove_all(to, ec);
                throw IndexError(dir + ": cannot compact shard " + s.name + " (" + failure + ")");
            }
            try {
                mark_compacted(to);
            } catch (const Xapian::Error& e) {
                fs::remove_all(to, ec);
                throw IndexError(dir + ": cannot mark shard " + s.name + " compacted (" + e.get_msg() + ")");
            }
            s.entry = entry;
            summary.compacted.push_back(s.name);
            changed = true;
        }
    }
    if (changed) write_collection_stub(dir, shards);
    return summary;
}

void compact_database(const std::string& from, const std::string& to, unsigned threads) {
    std::error_code ec;
    if (fs::exists(to, ec)) throw IndexError(to + ": already exists; compact into a new path");
    if (!is_collection(from)) {
        if (const auto failure = compact_all({{{from}, to}}, 1); !failure.empty()) {
            fs::remove_all(to, ec);
            throw IndexError(from + ": cannot compact (" + failure + ")");
        }
        return;
    }
    std::map<std::string, std::vector<std::string>> shards;
    for (const auto& s : read_collection_stub(from)) shards[s.name] = {(fs::path(from) / s.entry).string()};
    compact_collection(control_path(from), shards, to, threads, from, false);
}

void compact_collection(const std::string& control, const std::map<std::string, std::vector<std::string>>& shards,
                        const std::string& to, unsigned threads, const std::string& name, bool scratch) {
    std::error_code ec;
    std::vector<std::pair<std::vector<std::string>, std::string>> work{{{control}, control_path(to)}};
    std::vector<ShardEntry> entries;
    for (const auto& [shard, sources] : shards) {
        work.emplace_back(sources, shard_path(to, shard));
        entries.push_back({shard, shard_entry(shard)});
    }
    try {
        fs::create_directories(fs::path(to) / collection::shards);
        if (const auto failure = compact_all(work, threads, scratch); !failure.empty()) throw IndexError(failure);
        for (const auto& s : entries) mark_compacted(shard_path(to, s.name));
        write_collection_stub(to, entries);
    } catch (const Xapian::Error& e) {
        fs::remove_all(to, ec);
        throw IndexError(name + ": cannot compact into " + to + " (" + e.get_description() + ")");
    } catch (const std::exception& e) {
        fs::remove_all(to, ec);
        throw IndexError(name + ": cannot compact into " + to + " (" + e.what() + ")");
    }
}

}  // namespace newsdesk
