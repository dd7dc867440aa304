#include "common/db/facet_column.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <unordered_map>
#include <vector>

#include "common/db/collection.h"
#include "common/error.h"
#include "common/facet_set.h"
#include "common/schema.h"

namespace newsdesk {

namespace {

constexpr char kMagic[8] = {'N', 'D', 'F', 'A', 'C', 'E', 'T', '2'};
constexpr char kFirstMagic[8] = {'N', 'D', 'F', 'A', 'C', 'E', 'T', '1'};  // without copies: stale
constexpr std::size_t kUuidBytes = 40;

struct Header {
    char magic[8];
    std::uint64_t revision;
    char uuid[kUuidBytes];
    std::uint32_t last_docid;
    std::uint32_t reserved;
    std::uint64_t entries;
    std::uint64_t values;
};
static_assert(sizeof(Header) == 80);

std::string column_path(const std::string& dir) { return (std::filesystem::path(dir) / kFacetColumnFile).string(); }

void warn(const std::string& file, const std::string& why) {
    std::cerr << "newsdesk: " << file << ": " << why << "; facets are counted without it\n";
}

bool uuid_matches(const Header& h, const std::string& uuid) {
    return uuid.size() < kUuidBytes && std::string_view(h.uuid, strnlen(h.uuid, kUuidBytes)) == uuid;
}

}  // namespace

FacetColumn::~FacetColumn() {
    if (m_map) munmap(m_map, m_size);
}

std::unique_ptr<FacetColumn> FacetColumn::open(const std::string& dir, const Xapian::Database& db) {
    if (db.size() != 1) return nullptr;
    const std::string file = column_path(dir);
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;  // none written (an older indexer, a compacted copy): counted without
    struct stat st {};
    void* map = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size >= static_cast<off_t>(sizeof(Header)))
        map = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) {
        warn(file, "truncated or unreadable facet column");
        return nullptr;
    }
    std::unique_ptr<FacetColumn> column(new FacetColumn);
    column->m_map = map;
    column->m_size = static_cast<std::size_t>(st.st_size);
    Header h;
    std::memcpy(&h, map, sizeof h);
    if (std::memcmp(h.magic, kFirstMagic, sizeof kFirstMagic) == 0) return nullptr;  // stale, rewritten at refresh
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) {
        warn(file, "not a facet column");
        return nullptr;
    }
    // Sizes checked before any revision: a garbage header is said to be one.
    const std::uint64_t offsets = std::uint64_t{h.last_docid} + 2;
    const std::uint64_t limit = column->m_size;
    if (h.entries > limit / sizeof(FacetColumnEntry) || h.values > limit / 4 ||
        sizeof(Header) + h.entries * sizeof(FacetColumnEntry) + (2 * offsets + h.values) * 4 != limit) {
        warn(file, "truncated or malformed facet column");
        return nullptr;
    }
    if (h.revision != db.get_revision() || !uuid_matches(h, db.get_uuid())) return nullptr;  // stale
    const auto* base = static_cast<const char*>(map) + sizeof(Header);
    column->m_revision = h.revision;
    column->m_uuid = db.get_uuid();
    column->m_entries = {reinterpret_cast<const FacetColumnEntry*>(base), static_cast<std::size_t>(h.entries)};
    base += h.entries * sizeof(FacetColumnEntry);
    column->m_offsets = {reinterpret_cast<const std::uint32_t*>(base), static_cast<std::size_t>(offsets)};
    base += offsets * 4;
    column->m_values = {reinterpret_cast<const std::uint32_t*>(base), static_cast<std::size_t>(h.values)};
    base += h.values * 4;
    column->m_copies = {reinterpret_cast<const std::uint32_t*>(base), static_cast<std::size_t>(offsets)};
    // The ends (per docid, FacetColumn::values checks the rest).
    if (column->m_offsets.front() != 0 || column->m_offsets.back() != h.values) {
        warn(file, "malformed facet column");
        return nullptr;
    }
    return column;
}

bool FacetColumn::matches(const Xapian::Database& db) const {
    return db.size() == 1 && db.get_revision() == m_revision && db.get_uuid() == m_uuid;
}

namespace {

struct Built {
    std::vector<FacetColumnEntry> entries;
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> values;
    std::vector<std::uint32_t> copies;
};

// One pass over slot::facet_ids in docid order: an entry per distinct id, in
// the order met, so each entry's first article is the lowest holding it.
Built build(const Xapian::Database& db) {
    Built b;
    const Xapian::docid last = db.get_lastdocid();
    b.offsets.assign(std::size_t{last} + 2, 0);
    b.copies.assign(std::size_t{last} + 2, kNoCopy);
    std::unordered_map<std::uint64_t, std::uint32_t> index;
    Xapian::docid next = 0;  // the first docid whose offset is not yet set
    for (auto it = db.valuestream_begin(slot::facet_ids); it != db.valuestream_end(slot::facet_ids); ++it) {
        const Xapian::docid did = it.get_docid();
        for (; next <= did; ++next) b.offsets[next] = static_cast<std::uint32_t>(b.values.size());
        const std::string set = *it;
        // As the match spy reads it: the entries before a malformed end count.
        (void)for_each_facet_id(set, [&](std::uint64_t id, std::uint64_t group) {
            const auto [found, added] = index.try_emplace(id, static_cast<std::uint32_t>(b.entries.size()));
            if (added) b.entries.push_back({id, group, did, 0});
            b.values.push_back(found->second);
            if (facet_id_tag(id) == facet_tag::copy && b.copies[did] == kNoCopy) b.copies[did] = found->second;
        });
    }
    for (; next < b.offsets.size(); ++next) b.offsets[next] = static_cast<std::uint32_t>(b.values.size());
    return b;
}

}  // namespace

void write_facet_column(const std::string& dir) {
    const Xapian::Database db(dir);
    const Built b = build(db);
    const std::string file = column_path(dir);
    const std::string uuid = db.get_uuid();
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.revision = db.get_revision();
    std::memcpy(h.uuid, uuid.data(), std::min(uuid.size(), kUuidBytes - 1));
    h.last_docid = db.get_lastdocid();
    h.entries = b.entries.size();
    h.values = b.values.size();
    const std::string temp = file + ".tmp-" + std::to_string(getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw IndexError(file + ": cannot write the facet column: " + std::strerror(errno));
    bool ok = fchmod(fd, 0644) == 0;  // readable by the readers whatever the umask, as the database
    const auto put = [&](const void* data, std::size_t bytes) {
        const auto* p = static_cast<const char*>(data);
        while (ok && bytes > 0) {
            const ssize_t n = ::write(fd, p, bytes);
            if (n <= 0) ok = false;
            else p += n, bytes -= static_cast<std::size_t>(n);
        }
    };
    put(&h, sizeof h);
    put(b.entries.data(), b.entries.size() * sizeof(FacetColumnEntry));
    put(b.offsets.data(), b.offsets.size() * 4);
    put(b.values.data(), b.values.size() * 4);
    put(b.copies.data(), b.copies.size() * 4);
    const int saved = errno;
    ok = ::close(fd) == 0 && ok;
    if (!ok || std::rename(temp.c_str(), file.c_str()) != 0) {
        const std::string why = std::strerror(ok ? errno : saved);
        std::remove(temp.c_str());
        throw IndexError(file + ": cannot write the facet column: " + why);
    }
}

void refresh_facet_column(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec) || is_collection(path)) return;
    if (!std::filesystem::exists(std::filesystem::path(path) / "iamglass", ec)) return;
    try {
        const Xapian::Database db(path);
        if (FacetColumn::open(path, db)) return;  // already this revision's
        write_facet_column(path);
    } catch (const std::exception& e) {
        std::cerr << "newsdesk: " << column_path(path) << ": facet column not written: " << e.what() << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << "newsdesk: " << column_path(path) << ": facet column not written: " << e.get_msg() << '\n';
    }
}

}  // namespace newsdesk
