// Input files: which paths to index and their bytes (gunzipped when needed).
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace newsdesk {

// "64 MB": a byte count rounded up to whole megabytes, for messages.
[[nodiscard]] std::string megabytes(std::size_t bytes);

// Default cap on a file's (decompressed) size: articles are small, and a cap
// keeps a gzip bomb or a stray disk image from exhausting memory.
inline constexpr std::size_t kDefaultMaxInputBytes = 64 * 1024 * 1024;

// Reads a whole file. Gzip data (".gz" name or the 1F 8B magic) is decompressed
// transparently. Throws ParseError when the file cannot be read, is larger than
// `max_bytes`, is corrupt gzip, or decompresses to more than `max_bytes`
// ("decompressed size exceeds N MB").
// `gunzipped`, when given, is set to whether the bytes were decompressed (else
// they are the file's own bytes).
[[nodiscard]] std::string load_file(const std::filesystem::path& path,
                                    std::size_t max_bytes = kDefaultMaxInputBytes,
                                    bool* gunzipped = nullptr);

// Gunzips `bytes` (gzip or zlib stream, concatenated members allowed) with the same
// limit; throws ParseError. Exposed for tests and for callers holding bytes already.
[[nodiscard]] std::string gunzip(std::string_view bytes, std::size_t max_bytes);

// A file read front to back in pieces, gunzipped on the fly (gzip magic or a
// ".gz" name), so a large file never has to be in memory whole.
class InputStream {
  public:
    // Throws ParseError "is a directory" / "cannot open file". `first_read`
    // bytes are read first (to tell gzip data), 64 KB unless the caller knows
    // the file is smaller.
    explicit InputStream(const std::filesystem::path& path, std::size_t first_read = kReadBlock);
    ~InputStream();
    InputStream(const InputStream&) = delete;
    InputStream& operator=(const InputStream&) = delete;

    // Appends (decompressed) bytes to `out` until it has grown by at least `n`
    // bytes or the file ends; returns false once the file is exhausted. Throws
    // ParseError on a read error, corrupt or truncated gzip data, or a ".gz"
    // file that is not gzip.
    bool read(std::string& out, std::size_t n);

    // Whether the bytes are being gunzipped (known after the first read).
    [[nodiscard]] bool gzipped() const { return m_zs != nullptr; }

    static constexpr std::size_t kReadBlock = 64 * 1024;

  private:
    bool fill(std::size_t bytes = kReadBlock);  // raw bytes into m_raw; false at end of file

    std::filesystem::path m_path;
    std::ifstream m_in;
    std::string m_raw;       // compressed bytes not yet inflated
    std::size_t m_raw_pos = 0, m_first_read;
    bool m_started = false, m_eof = false, m_done = false;
    struct Inflater;
    std::unique_ptr<Inflater> m_zs;
};

// One piece of a JSON Lines file: whole lines, and the number of the first.
struct LineChunk {
    std::string bytes;
    std::size_t first_line = 1;  // 1-based, as in "PATH#N"
    std::string skipped = {};    // for a line over the limit: why it was skipped (bytes empty)
};

// Cuts a stream into chunks of whole lines of about `chunk_bytes` each (at most
// `max_lines` lines), numbering lines exactly as a whole-file read would.
class LineChunker {
  public:
    // `head` is what was already read from `stream` (the format probe).
    LineChunker(std::unique_ptr<InputStream> stream, std::string head, std::size_t chunk_bytes,
                std::size_t max_lines, std::size_t max_line_bytes);

    // The next chunk, or nullopt at the end. Throws ParseError as InputStream
    // does. A line over `max_line_bytes` is a chunk of its own with no bytes and
    // `skipped` "line longer than M MB, skipped"; the lines after it follow.
    std::optional<LineChunk> next();

  private:
    std::optional<LineChunk> skip_line(bool whole, std::size_t cut);

    std::unique_ptr<InputStream> m_stream;
    std::string m_pending;
    std::size_t m_chunk_bytes, m_max_lines, m_max_line_bytes, m_next_line = 1;
    bool m_more = true;
};

// The one spelling of a file that article ids, --update's manifest keys and
// XFILE terms are made of, so "base", "./base", "base//", "/abs/base" and a
// symlink to it are one file: absolute, with ".", "..", repeated slashes and
// symlinks resolved as realpath(3) does. Of a path that does not exist (any
// more), the part that does is resolved and the rest normalised. Never throws.
[[nodiscard]] std::filesystem::path canonical_path(const std::filesystem::path& path);

// Expands the command-line arguments into the files to index, every one as
// canonical_path spells it: directories are walked recursively in sorted order
// (hidden files and directories, names starting with ".", are skipped;
// symlinked directories inside the walk are not followed, symlinked files are,
// and come out as the file they name). A walk passes over a project's own
// documents (README, LICENSE, ...: data/input/not_articles.txt), listed in
// `skipped` (if not null); a file named as an argument is always kept.
// Nonexistent or unreadable paths are reported as "PATH: reason" (PATH as
// given) in `errors` (if not null) and skipped. Duplicates are removed, keeping
// the first occurrence.
[[nodiscard]] std::vector<std::filesystem::path> collect_inputs(
    const std::vector<std::string>& args, std::vector<std::string>* errors = nullptr,
    std::vector<std::filesystem::path>* skipped = nullptr);

}  // namespace newsdesk
