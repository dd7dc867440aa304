#include "indexer/update/update.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "common/db/database.h"
#include "common/error.h"
#include "common/schema.h"
#include "common/text.h"
#include "indexer/input/input.h"
#include "indexer/update/manifest.h"
#include "indexer/update/update_store.h"
#include "indexer/write/writer_lock.h"

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

// Whether `path` lies under the input `root` (a file or directory, both canonical).
bool under(const std::string& path, const std::string& root) {
    if (path == root) return true;
    if (path.size() <= root.size() || path.compare(0, root.size(), root) != 0) return false;
    return root.back() == '/' || path[root.size()] == '/';
}

// Writes documents and manifest entries, committing in batches. The spelling
// ("did you mean") frequencies follow the documents: a written document adds its
// words, a deleted or replaced one takes its words back out, so a word found
// only in deleted articles stops being suggested.
class UpdateWriter {
  public:
    UpdateWriter(UpdateStore& store, BatchLimits limits, bool spelling)
        : m_store(store), m_limits(limits), m_spelling(spelling) {
        if (m_limits.documents == 0) m_limits.documents = 1;
    }

    UpdateStore& store() { return m_store; }

    // Writes `document` for `article` in place of any earlier version; with
    // `maybe_elsewhere` (the id was indexed before) an earlier version in
    // another time shard (its date changed) is deleted too.
    void replace(const Article& article, const std::string& id_term, Xapian::Document& document,
                 bool maybe_elsewhere) {
        const std::size_t bytes = account_document(document, m_spelling ? &m_spelling_words : nullptr);
        auto& db = m_store.target(article, id_term);
        if (maybe_elsewhere && m_store.moves_between_shards()) {
            for (auto* other : m_store.documents()) {
                if (other == &db || !other->term_exists(id_term)) continue;
                const auto old = other->postlist_begin(id_term);
                if (m_spelling) forget_spelling(other->get_document(*old));
                other->delete_document(id_term);
            }
        }
        if (m_spelling) {
            const auto old = db.postlist_begin(id_term);
            if (old != db.postlist_end(id_term)) forget_spelling(db.get_document(*old));
        }
        db.replace_document(id_term, document);
        m_pending_bytes += bytes;
        ++m_pending;
    }

    // Deletes a document of `db` (counted by deleted()).
    void remove(Xapian::WritableDatabase& db, Xapian::docid did) {
        if (m_spelling) forget_spelling(db.get_document(did));
        db.delete_document(did);
    }

    void deleted(std::size_t n) { m_pending += n; }

    // Commits if a batch limit is reached.
    void maybe_commit() {
        if (m_pending >= m_limits.documents || m_pending_bytes >= m_limits.bytes) commit();
    }

    void commit() {
        // The batch's net change per word: a word both added and taken out
        // (a replaced article that kept it) costs no call.
        auto& control = m_store.control();
        for (auto& [word, decrease] : m_removed_words) {
            if (const auto it = m_spelling_words.find(word); it != m_spelling_words.end()) {
                const auto both = std::min(it->second, decrease);
                it->second -= both;
                decrease -= both;
            }
            if (decrease) control.remove_spelling(word, decrease);
        }
        for (const auto& [word, count] : m_spelling_words)
            if (count) control.add_spelling(word, count);
        m_spelling_words.clear();
        m_removed_words.clear();
        m_store.commit();
        m_pending = m_pending_bytes = 0;
        ++m_commits;
    }

    [[nodiscard]] std::size_t commits() const { return m_commits; }

  private:
    // Counts the spelling words `old` added when it was written, to take out at commit.
    void forget_spelling(const Xapian::Document& old) {
        const std::size_t before = m_removed_words.size();
        count_spelling_words(old, m_removed_words);
        m_pending_bytes += (m_removed_words.size() - before) * kRemovedWordBytes;
    }

    static constexpr std::size_t kRemovedWordBytes = 64;  // a map entry, roughly
    UpdateStore& m_store;
    BatchLimits m_limits;
    bool m_spelling;
    std::size_t m_pending = 0, m_pending_bytes = 0, m_commits = 0;
    SpellingWords m_spelling_words, m_removed_words;
};

// Which manifest files list each article id: the same article (same URL) may
// come from two files, and the document must outlive either one alone.
class Claims {
  public:
    explicit Claims(const std::map<std::string, ManifestEntry>& manifest) : m_manifest(manifest) {
        for (const auto& [path, entry] : manifest)
            for (const auto& item : entry.items) ++m_count[item.id];
    }

    // A file other than `self` (and not dropped) that lists `id`, or nullptr.
    const std::string* other(std::uint64_t id, const std::string& self) {
        const auto it = m_count.find(id);
        if (it == m_count.end() || it->second < 1 + own_ids(self).count(id)) return nullptr;
        for (const auto& [path, entry] : m_manifest) {
            if (path == self || m_dropped.count(path)) continue;
            for (const auto& item : entry.items)
                if (item.id == id) return &path;
        }
        return nullptr;
    }

    // `path` no longer claims its recorded items (it is gone).
    void drop(const std::string& path) {
        if (!m_dropped.insert(path).second) return;
        m_own_path.clear();
        if (const auto it = m_manifest.find(path); it != m_manifest.end())
            for (const auto& item : it->second.items) --m_count[item.id];
    }

  private:
    // The ids `path` itself still claims (cached for the file being processed).
    const std::unordered_set<std::uint64_t>& own_ids(const std::string& path) {
        if (path != m_own_path) {
            m_own_path = path;
            m_own.clear();
            const auto it = m_manifest.find(path);
            if (it != m_manifest.end() && !m_dropped.count(path))
                for (const auto& item : it->second.items) m_own.insert(item.id);
        }
        return m_own;
    }

    const std::map<std::string, ManifestEntry>& m_manifest;
    std::unordered_map<std::uint64_t, std::size_t> m_count;
    std::string m_own_path;
    std::unordered_set<std::uint64_t> m_own;
    std::unordered_set<std::string> m_dropped;
};

// Deletes the documents carrying the file term of `path`, or of `spelling` (the
// path as recorded before paths were canonical, if any), whose id hash is not in
// `keep`, except those another file lists: they stay, moved to that file's
// term. Those in `keep` under `spelling`'s term move to `path`'s. Returns how
// many were deleted.
std::size_t delete_file_documents(UpdateWriter& writer, const std::string& path, const std::string& spelling,
                                  const std::unordered_set<std::uint64_t>& keep, Claims& claims) {
    const std::string fterm = file_term(path);
    std::vector<std::string> terms{fterm};
    if (!spelling.empty()) terms.push_back(file_term(spelling));
    std::size_t deleted = 0;
    for (const auto& term : terms) {
        for (auto* db : writer.store().documents()) {
            if (db->get_termfreq(term) == 0) continue;
            std::vector<Xapian::docid> doomed;
            std::vector<std::pair<Xapian::docid, const std::string*>> moved;
            for (auto p = db->postlist_begin(term); p != db->postlist_end(term); ++p) {
                auto t = db->termlist_begin(*p);
                t.skip_to(std::string(prefix::id));
                std::uint64_t id = 0;
                if (t != db->termlist_end(*p)) {
                    const std::string id_term = *t;
                    if (id_term.compare(0, prefix::id.size(), prefix::id) == 0) id = fnv1a(id_term);
                }
                if (id && keep.count(id)) {
                    if (term != fterm) moved.emplace_back(*p, &path);
                    continue;
                }
                if (const std::string* other = id ? claims.other(id, path) : nullptr)
                    moved.emplace_back(*p, other);
                else
                    doomed.push_back(*p);
            }
            for (auto did : doomed) writer.remove(*db, did);
            for (const auto& [did, other] : moved) {
                auto document = db->get_document(did);
                document.remove_term(term);
                document.add_boolean_term(file_term(*other));
                db->replace_document(did, document);
            }
            deleted += doomed.size();
        }
    }
    return deleted;
}

// Whether `dir` can be listed: else its files are out of sight, not gone.
bool listable(const fs::path& dir) {
    std::error_code ec;
    const fs::directory_iterator listing(dir.empty() ? "." : dir, ec);
    return !ec;
}

// Whether a recorded file the walk did not find has left: it does not exist, or
// its directory was read without it (it is no article any more). One that cannot
// be looked up, or whose directory cannot be read (permissions, a failing disk),
// keeps its articles.
bool gone(const fs::path& path) {
    std::error_code ec;
    if (fs::status(path, ec).type() == fs::file_type::not_found) return true;
    return !ec && listable(path.parent_path());
}

// The input directories that yield no file to index and are not in
// `allow_empty`: what the mount point of an unmounted disk looks like. One that
// cannot be listed is not among them (the walk reported it).
std::vector<std::string> empty_inputs(const std::vector<std::string>& inputs,
                                      const std::vector<fs::path>& files,
                                      const std::vector<std::string>& allow_empty) {
    std::vector<std::string> out;
    for (const auto& input : inputs) {
        std::error_code ec;
        if (!fs::is_directory(input, ec) || !listable(input)) continue;
        const std::string root = canonical_path(input).string();
        const auto is_root = [&](const std::string& a) { return canonical_path(a).string() == root; };
        const auto in_root = [&](const fs::path& f) { return under(f.string(), root); };
        if (std::none_of(files.begin(), files.end(), in_root) &&
            std::none_of(allow_empty.begin(), allow_empty.end(), is_root))
            out.push_back(input);
    }
    return out;
}

// A manifest written before paths were canonical (no kManifestPathsKey) may
// list one file under several spellings ("base/a.txt", "./base/a.txt", an
// absolute path), each with articles of its own when their ids were paths.
// Relative spellings are read from the current directory, as the run that wrote
// them did. Each file keeps one entry (its canonical spelling's, else the
// first), recorded under its canonical path; its documents keep the old file
// term (the entry's term_path) until the file changes or goes, so nothing is
// rewritten. The other spellings are deleted as gone files are: their
// duplicates go, and an article the kept entry lists too stays. Returns how
// many entries moved and how many articles were deleted.
std::pair<std::size_t, std::size_t> adopt_canonical_paths(std::map<std::string, ManifestEntry>& manifest,
                                                          UpdateWriter& writer) {
    auto& control = writer.store().control();
    std::map<std::string, std::vector<std::string>> spellings;  // canonical path -> recorded ones
    for (const auto& [path, entry] : manifest) spellings[canonical_path(path).string()].push_back(path);
    std::vector<std::pair<std::string, std::string>> moves;  // recorded -> canonical
    std::vector<std::string> duplicates;
    for (const auto& [canonical, paths] : spellings) {
        const bool recorded = std::find(paths.begin(), paths.end(), canonical) != paths.end();
        const std::string& kept = recorded ? canonical : paths.front();
        if (kept != canonical) moves.emplace_back(kept, canonical);
        for (const auto& path : paths)
            if (path != kept) duplicates.push_back(path);
    }
    std::size_t deleted = 0;
    {
        Claims claims(manifest);
        for (const auto& path : duplicates) claims.drop(path);
        const std::unordered_set<std::uint64_t> keep_none;
        for (const auto& path : duplicates) {
            const std::size_t n = delete_file_documents(writer, path, {}, keep_none, claims);
            control.set_metadata(manifest_key(path), "");
            deleted += n;
            writer.deleted(n + 1);
            writer.maybe_commit();
        }
    }
    for (const auto& path : duplicates) manifest.erase(path);
    for (const auto& [from, to] : moves) {
        auto node = manifest.extract(from);
        node.key() = to;
        node.mapped().path = to;
        node.mapped().term_path = from;
        control.set_metadata(manifest_key(from), "");
        control.set_metadata(manifest_key(to), encode_manifest(node.mapped()));
        manifest.insert(std::move(node));
    }
    control.set_metadata(std::string(kManifestPathsKey), std::string(kCanonicalPaths));
    return {moves.size(), deleted};
}

struct Pending {
    fs::path path;
    ManifestEntry entry;               // new stat and hash; items filled while indexing
    std::optional<ManifestEntry> old;  // what the manifest said
};

}  // namespace

UpdateSummary run_update(const std::vector<std::string>& inputs, const UpdateOptions& options,
                         std::ostream& errors) {
    for (const auto& dir : options.allow_empty) {
        const auto same = [&](const std::string& input) {
            return canonical_path(input) == canonical_path(dir);
        };
        if (std::none_of(inputs.begin(), inputs.end(), same))
            throw UsageError("--allow-empty-source " + printable(dir) +
                             ": not one of the input paths");
    }
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(options.wait_seconds));
    WriterLock lock(options.db, options.wait_seconds);
    UpdateStore store(options.db, options.shard_by, options.limits, deadline);
    UpdateWriter writer(store, options.limits, options.spelling);
    auto& db = store.control();  // the manifest
    UpdateSummary summary;

    // The manifest: path -> entry.
    std::map<std::string, ManifestEntry> manifest;
    const std::string key_prefix(kManifestKeyPrefix);
    for (auto k = db.metadata_keys_begin(key_prefix); k != db.metadata_keys_end(key_prefix); ++k) {
        if (auto entry = decode_manifest(db.get_metadata(*k)))
            manifest.emplace(entry->path, *entry);
    }
    if (db.get_metadata(std::string(kManifestPathsKey)) != kCanonicalPaths) {
        const auto [moved, deleted] = adopt_canonical_paths(manifest, writer);
        summary.moved = moved;
        summary.deleted_articles += deleted;
    }

    // Inputs that exist; the recorded files of a missing input are left alone.
    std::vector<std::string> roots;
    for (const auto& input : inputs) {
        std::error_code ec;
        if (fs::exists(input, ec)) roots.push_back(canonical_path(input).string());
    }
    std::vector<std::string> input_errors;
    std::vector<fs::path> not_articles;
    const auto files = collect_inputs(inputs, &input_errors, &not_articles);
    for (const auto& e : input_errors) errors << e << '\n';
    summary.failed += input_errors.size();
    summary.skipped = not_articles.size();
    for (const auto& input : empty_inputs(inputs, files, options.allow_empty)) {
        errors << printable(input) << ": no files to index, its articles are kept (an unmounted "
               << "disk? --allow-empty-source " << printable(input)
               << " if it is empty on purpose)\n";
        ++summary.failed;
        std::erase(roots, canonical_path(input).string());
    }

    // A stat per file; a hash only when size or mtime moved.
    std::vector<Pending> work;
    std::unordered_set<std::string> present;
    for (const auto& file : files) {
        const std::string path = file.string();
        const auto st = stat_file(file);
        if (!st) continue;  // vanished since the walk: deleted below if recorded
        present.insert(path);
        const auto it = manifest.find(path);
        if (it != manifest.end() && it->second.size == st->first &&
            it->second.mtime_ns == st->second) {
            ++summary.unchanged;
            continue;
        }
        Pending p{file, ManifestEntry{path, st->first, st->second, 0, {}}, std::nullopt};
        try {
            p.entry.hash = hash_file(file);
        } catch (const std::exception& e) {
            errors << printable(path) << ": " << printable(e.what()) << '\n';
            ++summary.failed;
            continue;
        }
        if (it != manifest.end()) {
            if (it->second.hash == p.entry.hash) {  // touched, not changed: record the new stat
                ++summary.unchanged;
                ManifestEntry touched = it->second;
                touched.size = st->first;
                touched.mtime_ns = st->second;
                db.set_metadata(manifest_key(path), encode_manifest(touched));
                continue;
            }
            p.old = it->second;
        }
        work.push_back(std::move(p));
    }

    // Files gone from under an input that is still there.
    Claims claims(manifest);
    const std::unordered_set<std::uint64_t> keep_none;
    for (const auto& [path, entry] : manifest) {
        if (present.count(path)) continue;
        bool in_scope = false;
        for (const auto& root : roots) in_scope = in_scope || under(path, root);
        if (!in_scope || !gone(path)) continue;
        claims.drop(path);
        const std::size_t n = delete_file_documents(writer, path, entry.term_path, keep_none, claims);
        db.set_metadata(manifest_key(path), "");
        summary.deleted_articles += n;
        ++summary.deleted;
        writer.deleted(n + 1);
        writer.maybe_commit();
    }

    // Parse and write the new and changed files.
    std::vector<fs::path> to_parse;
    to_parse.reserve(work.size());
    for (const auto& p : work) to_parse.push_back(p.path);
    std::size_t current = 0;
    bool file_failed = false;
    std::unordered_map<std::uint64_t, std::uint64_t> old_items;  // of the current file
    std::unordered_set<std::uint64_t> seen_ids;
    bool started = false;
    PipelineOptions pipeline = options.pipeline;
    pipeline.manifest_items = true;  // each file was hashed above, before it was parsed
    run_pipeline(to_parse, pipeline, [&](FileResult&& result) {
        Pending& p = work.at(current);
        if (!started) {
            started = true;
            old_items.clear();
            seen_ids.clear();
            if (p.old)
                for (const auto& item : p.old->items) old_items.emplace(item.id, item.item);
        }
        for (const auto& e : result.errors) errors << e << '\n';
        for (const auto& n : result.notes) errors << n << '\n';
        summary.truncated += result.notes.size();
        file_failed = file_failed || result.failed;
        if (!result.failed) summary.bad_items += result.errors.size();
        const std::string fterm = file_term(p.entry.path);
        if (!result.failed) {
            for (std::size_t i = 0; i < result.articles.size() && i < result.documents.size();
                 ++i) {
                const std::string idterm = id_term(result.articles[i].id);
                const ManifestItem item = i < result.manifest_items.size() ? result.manifest_items[i]
                                                                           : manifest_item(result.articles[i]);
                if (!seen_ids.insert(item.id).second) continue;  // same id twice in one file
                p.entry.items.push_back(item);
                const auto old = old_items.find(item.id);
                if (old != old_items.end() && old->second == item.item) {
                    const auto* where = store.existing_target(result.articles[i], idterm);
                    if (where && where->term_exists(idterm)) {
                        ++summary.kept_articles;
                        continue;
                    }
                }
                auto& document = result.documents[i];
                document.add_boolean_term(fterm);
                const bool known = old != old_items.end() ||
                                   (store.moves_between_shards() && claims.other(item.id, p.entry.path));
                writer.replace(result.articles[i], idterm, document, known);
                ++summary.written_articles;
                writer.maybe_commit();
            }
        }
        if (result.more) return;
        // The file is done. A failed one keeps its old manifest entry, so the next
        // run tries it again; its articles written so far stay.
        if (file_failed) {
            ++summary.failed;
        } else {
            const std::string spelling = p.old ? p.old->term_path : std::string();
            const std::size_t n = delete_file_documents(writer, p.entry.path, spelling, seen_ids, claims);
            summary.deleted_articles += n;
            writer.deleted(n);
            db.set_metadata(manifest_key(p.entry.path), encode_manifest(p.entry));
            ++(p.old ? summary.updated : summary.added);
            writer.maybe_commit();
        }
        p.entry.items = {};
        file_failed = false;
        started = false;
        ++current;
    });
    writer.commit();
    summary.commits = writer.commits();
    summary.doc_count = store.doc_count();
    if (store.sharded() && (options.upkeep.close_after_days || options.upkeep.retain)) {
        summary.upkeep = upkeep_collection(store.path(), options.upkeep);
        if (!summary.upkeep.dropped.empty()) summary.doc_count = open_for_reading(store.path()).get_doccount();
    }
    return summary;
}

}  // namespace newsdesk
