#include "indexer/update/manifest_recorder.h"

#include <xapian.h>

#include "common/error.h"
#include "common/schema.h"

namespace newsdesk {

ManifestRecorder::ManifestRecorder(const std::vector<std::filesystem::path>& files) : m_files(files) {
    m_stats.reserve(files.size());
    for (const auto& file : files) m_stats.push_back(stat_file(file));
}

void ManifestRecorder::add(FileResult& result) {
    if (m_current >= m_files.size()) return;
    const std::string path = m_files[m_current].string();
    m_failed = m_failed || result.failed;
    if (!result.failed) {
        const std::string fterm = file_term(path);
        for (std::size_t i = 0; i < result.articles.size() && i < result.documents.size(); ++i) {
            result.documents[i].add_boolean_term(fterm);
            const auto item = i < result.manifest_items.size() ? result.manifest_items[i]
                                                               : manifest_item(result.articles[i]);
            // As --update records a file: an id the file gives twice counts once.
            if (!m_seen.insert(item.id).second) continue;
            m_entry.items.push_back(item);
        }
    }
    if (result.more) return;
    const auto& before = m_stats[m_current];
    if (!m_failed && before) {
        try {
            m_entry.path = path;
            m_entry.size = before->first;
            m_entry.mtime_ns = before->second;
            m_entry.hash = result.file_hash ? *result.file_hash : hash_file(path);
            if (stat_file(path) == before) m_entries.push_back(std::move(m_entry));
        } catch (const std::exception&) {
            // Unreadable now: no entry, the next update reads it again.
        }
    }
    m_entry = {};
    m_seen.clear();
    m_failed = false;
    ++m_current;
}

void ManifestRecorder::write(const std::string& path) const {
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
        const std::string prefix(kManifestKeyPrefix), paths_key(kManifestPathsKey);
        const bool legacy = db.get_metadata(paths_key) != kCanonicalPaths &&
                            db.metadata_keys_begin(prefix) != db.metadata_keys_end(prefix);
        for (const auto& entry : m_entries) db.set_metadata(manifest_key(entry.path), encode_manifest(entry));
        if (!legacy) db.set_metadata(paths_key, std::string(kCanonicalPaths));
        db.commit();
    } catch (const Xapian::Error& e) {
        throw IndexError(path + ": cannot record what was indexed for --update: " + e.get_msg());
    }
}

}  // namespace newsdesk
