// The manifest of `newsdesk-index --update`: what was indexed from each input
// file, kept in the database's own metadata so it commits atomically with the
// documents (after a crash, manifest and documents always agree). Format in
// docs/schema.md.
#pragma once

#include "common/article.h"
#include "common/hash.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsdesk {

// FNV-1a of a file's raw bytes (not gunzipped), read in blocks. Throws
// std::runtime_error "cannot read file" on a read error.
[[nodiscard]] std::uint64_t hash_file(const std::filesystem::path& path);

struct ManifestItem {
    std::uint64_t id = 0;    // fnv1a(id term)
    std::uint64_t item = 0;  // fnv1a(the JSON record without "path")
    bool operator==(const ManifestItem&) const = default;
};

// An article as the manifest records it: its id term's hash and the hash of
// its record without "path" (a feed item keeps its hash when items before it
// come or go).
[[nodiscard]] ManifestItem manifest_item(const Article& article);
// The same from the record already serialised without "path" (stored_record's
// line_without_path, common/article.h).
[[nodiscard]] ManifestItem manifest_item(const Article& article, std::string_view line_without_path);

struct ManifestEntry {
    std::string path;  // canonical (canonical_path in indexer/input.h)
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t hash = 0;  // hash_file
    std::vector<ManifestItem> items;
    // The path its documents' file term (XFILE) spells when that is not `path`:
    // the file was recorded under this spelling before paths were canonical, and
    // its documents keep the term until the file changes or goes. Usually empty.
    std::string term_path = {};
    bool operator==(const ManifestEntry&) const = default;
};

inline constexpr std::string_view kManifestKeyPrefix = "file:";

// Metadata key whose value kCanonicalPaths says every path in the manifest (and
// every XFILE term) is spelled by canonical_path (indexer/input.h). A database
// without it was written when paths were recorded as given on the command line,
// so one file may be there under several spellings; its next update moves them.
inline constexpr std::string_view kManifestPathsKey = "newsdesk:manifest-paths";
inline constexpr std::string_view kCanonicalPaths = "canonical";

// The metadata key of a path: "file:" + path, long paths shortened with a hash.
[[nodiscard]] std::string manifest_key(std::string_view path);

[[nodiscard]] std::string encode_manifest(const ManifestEntry& entry);
// nullopt when `value` is not a manifest entry (wrong magic, truncated).
[[nodiscard]] std::optional<ManifestEntry> decode_manifest(std::string_view value);

// Size and mtime (ns) of a file, following symlinks; nullopt if it is gone or
// not a regular file.
[[nodiscard]] std::optional<std::pair<std::uint64_t, std::int64_t>> stat_file(
    const std::filesystem::path& path);

}  // namespace newsdesk
