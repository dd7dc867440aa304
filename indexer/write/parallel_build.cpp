#include "indexer/write/parallel_build.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "common/error.h"
#include "common/hash.h"
#include "common/db/open_files.h"
#include "indexer/write/compaction.h"

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

// A lane commits at least this often. Xapian's inverter keeps a batch's
// changes in ordered maps (term -> document -> wdf, and the same for
// positions), walked for every posting: small maps stay in cache, and were
// measurably faster than 32 MB per lane. Committing a part costs little,
// since parts are not synced (they are scratch until the merge).
constexpr std::size_t kLaneBatchBytes = 8u << 20;

// The same lane for the same id on every run and platform.
std::size_t lane_of(const std::string& id_term, std::size_t lanes) {
    return static_cast<std::size_t>(fnv1a(id_term) % lanes);
}

}  // namespace

void remove_stale_builds(const fs::path& path) {
    std::error_code ec;
    const auto dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const std::string name = path.filename().string();
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string other = entry.path().filename().string();
        for (const std::string tag : {".parts-", ".merge-", ".build-"}) {
            if (other.size() <= name.size() + tag.size() || other.compare(0, name.size() + tag.size(), name + tag))
                continue;
            const std::string pid = other.substr(name.size() + tag.size());
            if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
            if (::kill(static_cast<pid_t>(std::stol(pid)), 0) == 0 || errno != ESRCH) continue;
            fs::remove_all(entry.path(), ec);
        }
    }
}

void move_into_place(const std::string& built, const std::string& path, const std::string& what) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) fs::remove(path, ec);  // the empty directory is_fresh allowed
    fs::rename(built, path, ec);
    if (ec) {
        const std::string reason = ec.message();
        fs::remove_all(built, ec);
        throw IndexError(path + ": cannot move the new " + what + " into place: " + reason);
    }
}

bool ParallelBuild::is_fresh(const std::string& path) {
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    if (status.type() == fs::file_type::not_found) return true;
    return status.type() == fs::file_type::directory && fs::is_empty(path, ec) && !ec;
}

ParallelBuild::ParallelBuild(std::string path, BatchLimits limits, bool spelling, unsigned lanes)
    : m_path(std::move(path)), m_parts(m_path + ".parts-" + std::to_string(::getpid())) {
    remove_stale_builds(m_path);
    std::error_code ec;
    fs::remove_all(m_parts, ec);
    if (!fs::create_directories(m_parts, ec) && ec)
        throw IndexError(m_path + ": cannot create " + m_parts + ": " + ec.message());
    try {
        // Every spelling word goes to one database of its own, which holds
        // them until they take limits.spelling_bytes (or limits.bytes), as one
        // writer would. Words spread over several databases share most of
        // their fragments (the spelling table's entries for a word's head,
        // tail, middle and bookends), and the merge decompressed, united and
        // recompressed every one of them: a tenth of a build's instructions.
        // From one database, the merge copies the compressed entries as they are.
        if (spelling) {
            BatchLimits words = limits;
            words.spelling_bytes = limits.spelling_bytes ? limits.spelling_bytes : limits.bytes;
            words.part_documents = 0;
            m_spelling = std::make_unique<WriteLane>(m_parts + "/spelling", m_path, words, true);
        }
        limits.bytes = std::clamp<std::size_t>(limits.bytes / lanes, 1, kLaneBatchBytes);
        limits.part_documents = std::max<std::size_t>(1, limits.part_documents);
        for (unsigned i = 0; i < lanes; ++i)
            m_lanes.push_back(
                std::make_unique<WriteLane>(m_parts + "/lane-" + std::to_string(i), m_path, limits, false));
    } catch (...) {
        stop_lanes();
        throw;
    }
}

ParallelBuild::~ParallelBuild() { stop_lanes(); }

void ParallelBuild::stop_lanes() noexcept {
    m_lanes.clear();
    m_spelling.reset();
    if (!m_finished) {
        std::error_code ec;
        fs::remove_all(m_parts, ec);
    }
}

void ParallelBuild::add(std::vector<std::string>&& id_terms, std::vector<Xapian::Document>&& documents,
                        std::size_t bytes, SpellingWords&& words) {
    const std::size_t n = std::min(id_terms.size(), documents.size());
    const std::size_t lanes = m_lanes.size();
    if (lanes == 0 || n == 0) return;
    // Documents go to the lane of their id, spelling words to their own lane.
    // Each lane's batch carries its documents' share of the bytes.
    std::vector<std::vector<std::string>> terms(lanes);
    std::vector<std::vector<Xapian::Document>> docs(lanes);
    for (std::size_t i = 0; i < n; ++i) {
        const auto lane = lane_of(id_terms[i], lanes);
        terms[lane].push_back(std::move(id_terms[i]));
        docs[lane].push_back(std::move(documents[i]));
    }
    if (m_spelling && !words.empty()) m_spelling->push({}, {}, 0, std::move(words));
    for (std::size_t lane = 0; lane < lanes; ++lane) {
        if (docs[lane].empty()) continue;
        const std::size_t share = bytes * docs[lane].size() / n;
        m_lanes[lane]->push(std::move(terms[lane]), std::move(docs[lane]), share, {});
    }
}

std::size_t ParallelBuild::commits() const {
    std::size_t n = 0;
    for (const auto& lane : m_lanes) n += lane->commits();
    return n + (m_spelling ? m_spelling->commits() : 0);
}

void ParallelBuild::finish() {
    std::vector<std::string> databases;
    if (m_spelling) {
        m_spelling->close_and_commit();
        databases = m_spelling->databases();
    }
    for (auto& lane : m_lanes) {
        lane->close_and_commit();
        databases.insert(databases.end(), lane->databases().begin(), lane->databases().end());
    }
    m_lanes.clear();  // closes the parts' databases
    m_spelling.reset();
    const std::string merged = m_path + ".merge-" + std::to_string(::getpid());
    std::error_code ec;
    fs::remove_all(merged, ec);
    try {
        compact_in_rounds(databases, merged, databases_openable());
    } catch (const Xapian::Error& e) {
        fs::remove_all(merged, ec);
        throw IndexError(m_path + ": cannot write the database (" + e.get_description() + ")");
    }
    move_into_place(merged, m_path, "database");
    m_finished = true;
    fs::remove_all(m_parts, ec);
}

}  // namespace newsdesk
