#include "indexer/write/sharded_build.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "common/db/database.h"
#include "common/db/open_files.h"
#include "common/error.h"
#include "common/schema.h"
#include "indexer/write/collection_upkeep.h"
#include "indexer/write/parallel_build.h"

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

// A shard's lane commits after this share of the batch limit (at least 1 MB,
// at most 8 MB as a parallel build's lanes), or sooner when the shards' lanes
// together hold the whole limit (m_budget): a month-sharded archive has a
// hundred shards open at once when its articles come in no date order. A new
// collection's shards are written as parts (indexer/write/part_set.h), merged
// by finish(); the control database holds no documents.
BatchLimits shard_limits(BatchLimits limits, bool parts) {
    limits.bytes = std::clamp<std::size_t>(limits.bytes / 8, 1u << 20, 8u << 20);
    limits.part_documents = parts ? std::max<std::size_t>(1, limits.part_documents) : 0;
    return limits;
}

// Shards whose databases stay open at once (each holds about 2 MB and six
// files; the others are closed between their batches: m_budget), fewer where
// the open-file limit is low: a lane may hold two databases at a time (a part
// and its compaction).
constexpr std::size_t kOpenShards = 32;

std::size_t open_shards() { return std::clamp<std::size_t>(databases_openable() / 2, 2, kOpenShards); }

// Where a new collection's shard is written until finish() merges it.
std::string parts_path(const std::string& work, const std::string& shard) {
    return (fs::path(work) / "parts" / shard).string();
}

[[noreturn]] void cannot_write(const std::string& dir, const std::string& what) {
    throw IndexError(dir + ": cannot write the collection (" + what + ")");
}

}  // namespace

ShardScheme ShardedBuild::scheme_of(const std::string& dir) {
    if (!is_collection(dir)) throw IndexError(dir + ": not a sharded collection (no XAPIANDB and control/)");
    std::string text;
    try {
        text = Xapian::Database(control_path(dir)).get_metadata(std::string(collection::scheme_key));
    } catch (const Xapian::Error& e) {
        throw IndexError(dir + ": cannot read its control database (" + e.get_msg() + ")");
    }
    const auto scheme = ShardScheme::parse(text);
    if (!scheme) throw IndexError(dir + ": the control database records no shard scheme");
    return *scheme;
}

ShardedBuild::ShardedBuild(std::string dir, ShardScheme scheme, BatchLimits limits, bool spelling,
                           unsigned threads)
    : m_dir(std::move(dir)), m_scheme(scheme), m_limits(limits), m_spelling(spelling),
      m_fresh(ParallelBuild::is_fresh(m_dir)), m_threads(std::max(1u, threads)), m_budget(limits.bytes, open_shards()) {
    if (m_limits.documents == 0) m_limits.documents = 1;
    std::error_code ec;
    if (m_fresh) {
        remove_stale_builds(m_dir);
        m_work = m_dir + ".build-" + std::to_string(::getpid());
        fs::remove_all(m_work, ec);
        if (!fs::create_directories(m_work, ec) && ec)
            cannot_write(m_dir, "cannot create " + m_work + ": " + ec.message());
    } else {
        if (!is_collection(m_dir))
            throw UsageError(m_dir + ": holds a single database; index into a new --db to shard it (or leave out --shard-by)");
        const ShardScheme recorded = scheme_of(m_dir);
        if (!(recorded == m_scheme))
            throw UsageError(m_dir + ": a collection sharded by " + recorded.to_string() + ", not " + m_scheme.to_string());
        check_schema(Xapian::Database(control_path(m_dir)), m_dir);
        m_work = m_dir;
        m_existing = read_collection_stub(m_dir);
    }
    // New builds are scratch until compacted into place; an existing collection
    // is written as any live database is.
    const int flags = m_fresh ? Xapian::DB_NO_SYNC : 0;
    try {
        m_control = std::make_unique<WriteLane>(control_path(m_work), m_dir, shard_limits(m_limits, false), m_spelling,
                                                flags, std::vector<std::pair<std::string, std::string>>{
                                                           {std::string(collection::scheme_key), m_scheme.to_string()}});
    } catch (...) {
        if (m_fresh) fs::remove_all(m_work, ec);
        throw;
    }
}

ShardedBuild::~ShardedBuild() {
    m_lanes.clear();
    m_control.reset();
    if (m_fresh && !m_finished) {
        std::error_code ec;
        fs::remove_all(m_work, ec);
    }
}

WriteLane& ShardedBuild::lane_for(const std::string& shard) {
    if (const auto it = m_lanes.find(shard); it != m_lanes.end()) return *it->second;
    std::string path = m_fresh ? parts_path(m_work, shard) : shard_path(m_work, shard);
    for (const auto& e : m_existing)
        if (e.name == shard) path = (fs::path(m_dir) / e.entry).string();
    // A new build's shards are compacted (and so marked) by finish(); a shard
    // written in place is not compact any more, so closing compacts it again.
    std::vector<std::pair<std::string, std::string>> metadata{{std::string(collection::shard_key), shard}};
    if (!m_fresh) metadata.emplace_back(std::string(collection::compacted_key), "");
    auto lane = std::make_unique<WriteLane>(path, m_dir + " (shard " + shard + ")", shard_limits(m_limits, m_fresh),
                                            false, m_fresh ? Xapian::DB_NO_SYNC : 0, metadata, &m_budget);
    return *m_lanes.emplace(shard, std::move(lane)).first->second;
}

void ShardedBuild::add(const std::vector<Article>& articles, std::vector<Xapian::Document>&& documents,
                       std::size_t bytes, SpellingWords words) {
    const std::size_t n = std::min(articles.size(), documents.size());
    struct Group {
        std::vector<std::string> id_terms;
        std::vector<Xapian::Document> documents;
    };
    std::map<std::string, Group> groups;
    for (std::size_t i = 0; i < n; ++i) {
        std::string term = id_term(articles[i].id);
        Group& g = groups[m_scheme.shard_of(articles[i], term)];
        g.id_terms.push_back(std::move(term));
        g.documents.push_back(std::move(documents[i]));
    }
    for (auto& [shard, group] : groups) {
        const std::size_t share = n ? bytes * group.documents.size() / n : 0;
        lane_for(shard).push(std::move(group.id_terms), std::move(group.documents), share, {});
    }
    if (m_spelling && !words.empty()) m_control->push({}, {}, 0, std::move(words));
}

void ShardedBuild::finish() {
    std::map<std::string, std::vector<std::string>> shards;  // name -> its databases
    for (auto& [shard, lane] : m_lanes) {
        lane->close_and_commit();
        m_commits += lane->commits();
        shards[shard] = lane->databases();
    }
    m_control->close_and_commit();
    m_commits += m_control->commits();
    m_lanes.clear();
    m_control.reset();
    if (m_fresh) {
        compact_into_place(shards);
        return;
    }
    std::vector<ShardEntry> entries = m_existing;
    bool grown = false;
    for (const auto& named : shards) {
        const std::string& shard = named.first;  // a name, not a binding: clang 14 captures no bindings
        if (std::any_of(entries.begin(), entries.end(), [&](const auto& e) { return e.name == shard; })) continue;
        entries.push_back({shard, shard_entry(shard)});
        grown = true;
    }
    if (grown) write_collection_stub(m_dir, entries);
    m_finished = true;
}

void ShardedBuild::compact_into_place(const std::map<std::string, std::vector<std::string>>& shards) {
    std::error_code ec;
    const std::string merged = m_dir + ".merge-" + std::to_string(::getpid());
    fs::remove_all(merged, ec);
    compact_collection(control_path(m_work), shards, merged, m_threads, m_dir, true);
    move_into_place(merged, m_dir, "collection");
    m_finished = true;
    fs::remove_all(m_work, ec);
}

Xapian::doccount ShardedBuild::doc_count() const {
    std::error_code ec;
    if (!fs::exists(m_dir, ec)) return 0;
    return open_for_reading(m_dir).get_doccount();
}

}  // namespace newsdesk
