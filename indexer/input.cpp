#include "indexer/input.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <system_error>

#include "common/error.h"

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

std::string megabytes(std::size_t bytes) {
    return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

bool is_gzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
           static_cast<unsigned char>(bytes[1]) == 0x8B;
}

bool is_hidden(const fs::path& p) {
    const auto name = p.filename().string();
    return name.size() > 1 && name[0] == '.' && name != "..";
}

// Regular files under `dir`, sorted, hidden entries pruned.
void walk(const fs::path& dir, std::vector<fs::path>& out, std::vector<std::string>* errors) {
    std::error_code ec;
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (!is_hidden(it->path())) entries.push_back(it->path());
    if (ec && errors) errors->push_back(dir.string() + ": " + ec.message());
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        // Symlinked directories are not followed: a link back up the tree would loop.
        if (fs::is_directory(entry, ec) && !fs::is_symlink(entry, ec))
            walk(entry, out, errors);
        else if (fs::is_regular_file(entry, ec))
            out.push_back(entry);
    }
}

}  // namespace

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

std::string load_file(const fs::path& path, std::size_t max_bytes) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw ParseError("is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ParseError("cannot open file");
    std::string bytes;
    char buffer[64 * 1024];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_bytes) throw ParseError("file size exceeds " + megabytes(max_bytes));
    }
    if (in.bad()) throw ParseError("read error");
    if (is_gzip(bytes)) return gunzip(bytes, max_bytes);
    if (path.extension() == ".gz" && !bytes.empty())
        throw ParseError("not gzip data despite .gz name");
    return bytes;
}

std::vector<fs::path> collect_inputs(const std::vector<std::string>& args,
                                     std::vector<std::string>* errors) {
    std::vector<fs::path> out;
    for (const auto& arg : args) {
        const fs::path p(arg);
        std::error_code ec;
        const auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) {
            if (errors) errors->push_back(arg + ": no such file or directory");
        } else if (fs::is_directory(status)) {
            walk(p, out, errors);
        } else {
            out.push_back(p);
        }
    }
    std::set<fs::path> seen;
    std::erase_if(out,
                  [&](const fs::path& p) { return !seen.insert(p.lexically_normal()).second; });
    return out;
}

}  // namespace newsdesk
