// Input files: which paths to index and their bytes (gunzipped when needed).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace newsdesk {

// Default cap on a file's (decompressed) size: articles are small, and a cap
// keeps a gzip bomb or a stray disk image from exhausting memory.
inline constexpr std::size_t kDefaultMaxInputBytes = 64 * 1024 * 1024;

// Reads a whole file. Gzip data (".gz" name or the 1F 8B magic) is decompressed
// transparently. Throws ParseError when the file cannot be read, is larger than
// `max_bytes`, is corrupt gzip, or decompresses to more than `max_bytes`
// ("decompressed size exceeds N MB").
[[nodiscard]] std::string load_file(const std::filesystem::path& path,
                                    std::size_t max_bytes = kDefaultMaxInputBytes);

// Gunzips `bytes` (gzip or zlib stream, concatenated members allowed) with the same
// limit; throws ParseError. Exposed for tests and for callers holding bytes already.
[[nodiscard]] std::string gunzip(std::string_view bytes, std::size_t max_bytes);

// Expands the command-line arguments into the files to index: files are kept
// as given, directories are walked recursively in sorted order (hidden files and
// directories, names starting with ".", are skipped; symlinked directories inside
// the walk are not followed, symlinked files are). Nonexistent or unreadable
// paths are reported as "PATH: reason" in `errors` (if not null) and skipped.
// Duplicates are removed, keeping the first occurrence.
[[nodiscard]] std::vector<std::filesystem::path> collect_inputs(
    const std::vector<std::string>& args, std::vector<std::string>* errors = nullptr);

}  // namespace newsdesk
