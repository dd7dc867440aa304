#include "indexer/input/input.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <system_error>

#include "common/data_dir.h"
#include "common/error.h"
#include "common/text.h"

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

bool is_gzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
           static_cast<unsigned char>(bytes[1]) == 0x8B;
}

bool is_hidden(const fs::path& p) {
    const auto name = p.filename().string();
    return name.size() > 1 && name[0] == '.' && name != "..";
}

// data/input/not_articles.txt: README, LICENSE and the like, by the name before its first ".".
bool is_not_article(const fs::path& p) {
    static const std::set<std::string> names = [] {
        std::set<std::string> out;
        for (const auto& name : read_data_list("input/not_articles.txt")) out.insert(ascii_lower(name));
        return out;
    }();
    const auto name = p.filename().string();
    return names.count(ascii_lower(name.substr(0, name.find('.')))) > 0;
}

// Regular files under `dir`, sorted, hidden entries pruned, files that are no
// articles set aside in `skipped`.
// `dir` is canonical, and so is every path under it but a symlink's.
void walk(const fs::path& dir, std::vector<fs::path>& out, std::vector<std::string>* errors,
          std::vector<fs::path>* skipped) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (!is_hidden(it->path())) entries.push_back(*it);
    if (ec && errors) errors->push_back(printable(dir.string()) + ": " + ec.message());
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        const auto& path = entry.path();
        // Symlinked directories are not followed: a link back up the tree would loop.
        if (entry.is_directory(ec) && !entry.is_symlink(ec))
            walk(path, out, errors, skipped);
        else if (entry.is_regular_file(ec) && is_not_article(path)) {
            if (skipped) skipped->push_back(path);
        } else if (entry.is_regular_file(ec))
            out.push_back(entry.is_symlink(ec) ? canonical_path(path) : path);
    }
}

}  // namespace

fs::path canonical_path(const fs::path& path) {
    std::error_code ec;
    auto out = fs::weakly_canonical(path, ec);
    if (ec) out = fs::absolute(path, ec).lexically_normal();
    return out;
}

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; }

std::string gunzip(std::string_view bytes, std::size_t max_bytes) {
    z_stream zs{};
    // 15 + 32: zlib or gzip header, detected automatically.
    if (inflateInit2(&zs, 15 + 32) != Z_OK) throw ParseError("cannot initialise zlib");
    std::string out;
    char buffer[64 * 1024];
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    int rc = Z_OK;
    while (true) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        out.append(buffer, sizeof buffer - zs.avail_out);
        if (out.size() > max_bytes) {
            inflateEnd(&zs);
            throw ParseError("decompressed size exceeds " + megabytes(max_bytes));
        }
        // Concatenated gzip members (what `cat a.gz b.gz` makes) are one file.
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0) break;
            if (inflateReset(&zs) != Z_OK) break;
        } else if (zs.avail_in == 0 && zs.avail_out != 0) {
            rc = Z_BUF_ERROR;  // input ended inside the stream
            break;
        }
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) throw ParseError("corrupt or truncated gzip data");
    return out;
}

struct InputStream::Inflater {
    z_stream zs{};
    bool member_ended = false;  // the last inflate() finished a gzip member
    ~Inflater() { inflateEnd(&zs); }
};

InputStream::InputStream(const fs::path& path, std::size_t first_read)
    : m_path(path), m_first_read(std::max<std::size_t>(first_read, 1)) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw ParseError("is a directory");
    // Unbuffered: every read here is a block of its own, which the stream's
    // buffer would only copy (and allocating it, per file, cost more than the copy).
    m_in.rdbuf()->pubsetbuf(nullptr, 0);
    m_in.open(path, std::ios::binary);
    if (!m_in) throw ParseError("cannot open file");
}

InputStream::~InputStream() = default;

bool InputStream::fill(std::size_t bytes) {
    if (m_eof) return false;
    m_raw.resize(bytes);
    m_in.read(m_raw.data(), static_cast<std::streamsize>(m_raw.size()));
    if (m_in.bad()) throw ParseError("read error");
    const auto got = static_cast<std::size_t>(m_in.gcount());
    if (got < m_raw.size()) m_eof = true;
    m_raw.resize(got);
    m_raw_pos = 0;
    return got > 0;
}

bool InputStream::read(std::string& out, std::size_t n) {
    if (m_done) return false;
    if (!m_started) {
        m_started = true;
        fill(m_first_read);
        if (is_gzip(m_raw)) {
            m_zs = std::make_unique<Inflater>();
            // 15 + 32: zlib or gzip header, detected automatically.
            if (inflateInit2(&m_zs->zs, 15 + 32) != Z_OK) throw ParseError("cannot initialise zlib");
            m_zs->zs.next_in = reinterpret_cast<Bytef*>(m_raw.data());
            m_zs->zs.avail_in = static_cast<uInt>(m_raw.size());
        } else if (m_path.extension() == ".gz" && !m_raw.empty()) {
            throw ParseError("not gzip data despite .gz name");
        }
    }
    const std::size_t target = out.size() + std::max<std::size_t>(n, 1);
    if (!m_zs) {
        const auto take = std::min(m_raw.size() - m_raw_pos, target - out.size());
        out.append(m_raw, m_raw_pos, take);
        m_raw_pos += take;
        if (m_raw_pos == m_raw.size()) {
            m_raw.clear();
            m_raw_pos = 0;
        }
        while (out.size() < target && !m_eof) {
            const auto old = out.size();
            const auto want = target - old;
            out.resize(old + want);
            m_in.read(out.data() + old, static_cast<std::streamsize>(want));
            if (m_in.bad()) throw ParseError("read error");
            const auto got = static_cast<std::size_t>(m_in.gcount());
            out.resize(old + got);
            if (got < want) m_eof = true;
        }
        m_done = m_eof && m_raw.empty();
        return !m_done;
    }
    auto& zs = m_zs->zs;
    char buffer[64 * 1024];
    while (out.size() < target) {
        if (zs.avail_in == 0) {
            if (!fill()) {
                if (!m_zs->member_ended) throw ParseError("corrupt or truncated gzip data");
                m_done = true;
                return false;
            }
            zs.next_in = reinterpret_cast<Bytef*>(m_raw.data());
            zs.avail_in = static_cast<uInt>(m_raw.size());
        }
        // Concatenated gzip members (what `cat a.gz b.gz` makes) are one file.
        if (m_zs->member_ended) {
            if (inflateReset(&zs) != Z_OK) throw ParseError("corrupt or truncated gzip data");
            m_zs->member_ended = false;
        }
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        const auto room = std::min(sizeof buffer, target - out.size());
        zs.avail_out = static_cast<uInt>(room);
        const int rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && zs.avail_in == 0))
            throw ParseError("corrupt or truncated gzip data");
        out.append(buffer, room - zs.avail_out);
        if (rc == Z_STREAM_END) m_zs->member_ended = true;
    }
    return true;
}

LineChunker::LineChunker(std::unique_ptr<InputStream> stream, std::string head,
                         std::size_t chunk_bytes, std::size_t max_lines, std::size_t max_line_bytes)
    : m_stream(std::move(stream)), m_pending(std::move(head)), m_chunk_bytes(std::max<std::size_t>(chunk_bytes, 1)),
      m_max_lines(std::max<std::size_t>(max_lines, 1)), m_max_line_bytes(max_line_bytes) {}

std::optional<LineChunk> LineChunker::next() {
    while (m_more && m_pending.size() < m_chunk_bytes)
        m_more = m_stream->read(m_pending, m_chunk_bytes - m_pending.size());
    if (m_pending.empty()) return std::nullopt;
    // Whole lines within the first chunk_bytes (at most max_lines of them).
    std::size_t cut = 0, lines = 0;
    const std::size_t limit = std::min(m_pending.size(), m_chunk_bytes);
    while (lines < m_max_lines) {
        const auto nl = m_pending.find('\n', cut);
        if (nl == std::string::npos || nl >= limit) break;
        cut = nl + 1;
        ++lines;
    }
    if (cut == 0) {
        // The first line is longer than a chunk: read on to its end.
        std::size_t scanned = 0, nl;
        while ((nl = m_pending.find('\n', scanned)) == std::string::npos && m_more) {
            if (m_pending.size() > m_max_line_bytes) break;
            scanned = m_pending.size();
            m_more = m_stream->read(m_pending, m_chunk_bytes);
        }
        cut = nl == std::string::npos ? m_pending.size() : nl + 1;
        if (cut > m_max_line_bytes + 1) return skip_line(nl != std::string::npos, cut);
        lines = 1;
    } else if (!m_more && lines < m_max_lines && m_pending.size() <= m_chunk_bytes &&
               m_pending.find('\n', cut) == std::string::npos) {
        cut = m_pending.size();  // the last line, without a final newline
        if (m_pending.back() != '\n') ++lines;
    }
    LineChunk chunk{{}, m_next_line};
    m_next_line += lines;
    if (cut == m_pending.size()) {
        chunk.bytes = std::move(m_pending);  // a long line: not copied
        m_pending = std::string();
        return chunk;
    }
    chunk.bytes = m_pending.substr(0, cut);
    m_pending.erase(0, cut);
    // After a long line the room it took is not kept for the short ones.
    if (m_pending.capacity() > 4 * m_chunk_bytes) m_pending.shrink_to_fit();
    return chunk;
}

// A line over the limit is dropped, not kept in memory, and the lines after it
// are read on: one oversized record must not cost the rest of the file.
std::optional<LineChunk> LineChunker::skip_line(bool whole, std::size_t cut) {
    LineChunk skipped{
        {}, m_next_line++, "line longer than " + megabytes(m_max_line_bytes) + ", skipped"};
    if (whole) {
        m_pending.erase(0, cut);
        return skipped;
    }
    m_pending.clear();
    while (m_more) {
        m_more = m_stream->read(m_pending, m_chunk_bytes);
        if (const auto nl = m_pending.find('\n'); nl != std::string::npos) {
            m_pending.erase(0, nl + 1);
            break;
        }
        m_pending.clear();
    }
    return skipped;
}

std::string load_file(const fs::path& path, std::size_t max_bytes, bool* gunzipped) {
    // A plain file is read in one piece, into a string of its size (+1 to see the
    // end): grown a block at a time, the string would end up with up to twice the room.
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    const std::size_t piece = !ec && size < max_bytes ? size + 1 : InputStream::kReadBlock;
    InputStream in(path, std::min(piece, InputStream::kReadBlock));
    std::string bytes;
    bool more = true;
    while (more) {
        more = in.read(bytes, piece);
        if (bytes.size() > max_bytes)
            throw ParseError((in.gzipped() ? "decompressed size exceeds " : "file size exceeds ") +
                             megabytes(max_bytes));
    }
    if (gunzipped) *gunzipped = in.gzipped();
    return bytes;
}

std::vector<fs::path> collect_inputs(const std::vector<std::string>& args, std::vector<std::string>* errors,
                                     std::vector<fs::path>* skipped) {
    std::vector<fs::path> out;
    for (const auto& arg : args) {
        const fs::path p(arg);
        std::error_code ec;
        const auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) {
            if (errors) errors->push_back(printable(arg) + ": no such file or directory");
        } else if (fs::is_directory(status)) {
            walk(canonical_path(p), out, errors, skipped);
        } else {
            out.push_back(canonical_path(p));
        }
    }
    std::set<fs::path> seen;
    std::erase_if(out, [&](const fs::path& p) { return !seen.insert(p).second; });
    return out;
}

}  // namespace newsdesk
