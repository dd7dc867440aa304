#include "indexer/update/manifest.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>


#include "common/schema.h"

namespace newsdesk {

namespace {

constexpr std::string_view kMagic = "NDM1";
// The same with term_path (its length and bytes) after the path.
constexpr std::string_view kMagicWithTermPath = "NDM2";

void put64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// A string after its 64-bit length.
void put_string(std::string& out, std::string_view s) {
    put64(out, s.size());
    out += s;
}

bool get64(std::string_view& in, std::uint64_t& v) {
    if (in.size() < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i) v |= std::uint64_t(static_cast<unsigned char>(in[i])) << (8 * i);
    in.remove_prefix(8);
    return true;
}

bool get_string(std::string_view& in, std::string& s) {
    std::uint64_t size = 0;
    if (!get64(in, size) || in.size() < size) return false;
    s = std::string(in.substr(0, size));
    in.remove_prefix(size);
    return true;
}

}  // namespace

ManifestItem manifest_item(const Article& article) {
    // Without "path": a feed item keeps its hash when items before it come or go.
    return manifest_item(article, stored_record(article).line_without_path);
}

ManifestItem manifest_item(const Article& article, std::string_view line_without_path) {
    return {fnv1a(id_term(article.id)), fnv1a(line_without_path)};
}

std::uint64_t hash_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open file");
    std::string block(1 << 16, '\0');
    std::uint64_t hash = kFnvOffset;
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        hash = fnv1a(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())), hash);
    }
    if (in.bad()) throw std::runtime_error("cannot read file");
    return hash;
}

std::string manifest_key(std::string_view path) {
    std::string key(kManifestKeyPrefix);
    // Xapian metadata keys share the term length limit (245 bytes).
    if (path.size() <= 200) return key.append(path);
    char hex[20];
    std::snprintf(hex, sizeof hex, "#%016llx", static_cast<unsigned long long>(fnv1a(path)));
    return key.append(path.substr(0, 150)).append(hex);
}

std::string encode_manifest(const ManifestEntry& entry) {
    std::string out(entry.term_path.empty() ? kMagic : kMagicWithTermPath);
    out.reserve(56 + entry.path.size() + entry.term_path.size() + 16 * entry.items.size());
    put64(out, entry.size);
    put64(out, static_cast<std::uint64_t>(entry.mtime_ns));
    put64(out, entry.hash);
    put_string(out, entry.path);
    if (!entry.term_path.empty()) put_string(out, entry.term_path);
    put64(out, entry.items.size());
    for (const auto& item : entry.items) {
        put64(out, item.id);
        put64(out, item.item);
    }
    return out;
}

std::optional<ManifestEntry> decode_manifest(std::string_view in) {
    const bool with_term_path = in.starts_with(kMagicWithTermPath);
    if (!with_term_path && !in.starts_with(kMagic)) return std::nullopt;
    in.remove_prefix(kMagic.size());
    ManifestEntry e;
    std::uint64_t mtime = 0, count = 0;
    if (!get64(in, e.size) || !get64(in, mtime) || !get64(in, e.hash) || !get_string(in, e.path) ||
        (with_term_path && !get_string(in, e.term_path)))
        return std::nullopt;
    e.mtime_ns = static_cast<std::int64_t>(mtime);
    if (!get64(in, count) || in.size() != count * 16) return std::nullopt;
    e.items.resize(count);
    for (auto& item : e.items) {
        get64(in, item.id);
        get64(in, item.item);
    }
    return e;
}

std::optional<std::pair<std::uint64_t, std::int64_t>> stat_file(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    const std::int64_t ns = std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return std::pair<std::uint64_t, std::int64_t>{static_cast<std::uint64_t>(st.st_size), ns};
}

}  // namespace newsdesk
