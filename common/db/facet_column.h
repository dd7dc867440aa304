// The facet column: slot::facet_ids (common/facet_set.h) of a database laid
// out for counting, in a file of its own beside the database's tables
// (DIR/newsdesk-facets; Xapian leaves files it does not know alone). Issue 20:
// reading slot::facet_ids through a value stream and hashing each id cost
// about 2,300 instructions per matching article; with the column a match costs
// one increment per value, `++counts[dense]`, and the ids are looked at once
// per distinct value, not once per article holding it.
//
// It is derived data, rebuilt from slot::facet_ids in one pass whenever a
// writer commits (write_facet_column), and trusted only for the revision and
// uuid of the database it was built from: a reader whose database has another
// (a crash between commit and column, a compacted copy, an older column)
// counts without it, as it did before the column existed.
//
// Layout, little-endian (x86-64, arm64; the same hosts as slot::facet_ids):
//   header   80 bytes: magic "NDFACET2", revision u64, uuid (40 bytes, NUL
//            padded), last docid u32, 0 u32, entries u64, values u64
//   entries  24 bytes each, one per distinct value, in the order the lowest
//            docid holding them meets them: facet id u64, group u64 (the
//            person's id for people and experts, else 0), that docid u32, 0 u32
//   offsets  (last docid + 2) u32: docid D's values are values[offsets[D],
//            offsets[D + 1])
//   values   u32 entry indices
//   copies   (last docid + 2) u32: docid D's copy entry (tag 'k', its
//            near-duplicate signature) or kNoCopy: what a plain search folds
//            copies by, in a fifth of the pages the values take (each page a
//            fault in a process that searches once)
// A file of the first layout ("NDFACET1", without copies) is stale: passed
// over in silence and rewritten at the next commit or refresh.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdesk {

inline constexpr std::string_view kFacetColumnFile = "newsdesk-facets";

struct FacetColumnEntry {
    std::uint64_t id = 0;     // facet_id
    std::uint64_t group = 0;  // the person's id for tags 'p' and 'e', else 0
    std::uint32_t first = 0;  // the lowest docid holding it: its text is in that article's slot::facets
    std::uint32_t reserved = 0;
};
static_assert(sizeof(FacetColumnEntry) == 24);

// No copy entry: the article has no near-duplicate signature.
inline constexpr std::uint32_t kNoCopy = 0xffffffffu;

// A column mapped read-only. Not copyable; unmapped when destroyed.
class FacetColumn {
  public:
    // The column of the database `db` opened from directory `dir`, when DIR's
    // column file was built from `db`'s revision and uuid; nullptr when `db` is
    // not one database, when there is no column file or it was built from
    // another revision (silently: the database was written since), and when it
    // cannot be read or is malformed (with one line on stderr naming the file).
    [[nodiscard]] static std::unique_ptr<FacetColumn> open(const std::string& dir, const Xapian::Database& db);
    ~FacetColumn();
    FacetColumn(const FacetColumn&) = delete;
    FacetColumn& operator=(const FacetColumn&) = delete;

    [[nodiscard]] Xapian::rev revision() const { return m_revision; }
    // Whether it was built from `db` as `db` is now (its revision and uuid).
    [[nodiscard]] bool matches(const Xapian::Database& db) const;
    [[nodiscard]] std::span<const FacetColumnEntry> entries() const { return m_entries; }
    // The entry indices of docid `did` (empty past the last docid, and where
    // the offsets of a damaged file run backwards or past the values: checked
    // here, per match, so that opening the column costs the same at any size).
    [[nodiscard]] std::span<const std::uint32_t> values(Xapian::docid did) const {
        if (std::size_t{did} + 1 >= m_offsets.size()) return {};
        const std::uint32_t from = m_offsets[did], to = m_offsets[did + 1];
        if (from > to || to > m_values.size()) return {};
        return m_values.subspan(from, to - from);
    }
    // The index of docid `did`'s copy entry (the entry of its signature:
    // articles with the same signature have the same one), or kNoCopy when it
    // has none, past the last docid, or when the index is not an entry's.
    [[nodiscard]] std::uint32_t copy_entry(Xapian::docid did) const {
        if (std::size_t{did} >= m_copies.size()) return kNoCopy;
        const std::uint32_t index = m_copies[did];
        return index < m_entries.size() ? index : kNoCopy;
    }

  private:
    FacetColumn() = default;
    void* m_map = nullptr;
    std::size_t m_size = 0;
    Xapian::rev m_revision = 0;
    std::string m_uuid;
    std::span<const FacetColumnEntry> m_entries;
    std::span<const std::uint32_t> m_offsets;
    std::span<const std::uint32_t> m_values;
    std::span<const std::uint32_t> m_copies;
};

// Writes the column of the database at directory `dir` (one database, not a
// collection or stub) from its slot::facet_ids, to a temporary file renamed
// into place, readable by all (0644, as the database). Throws IndexError
// naming the file when it cannot be written.
void write_facet_column(const std::string& dir);

// write_facet_column when `path` is a database directory whose column is
// missing or stale; nothing for collections, stub files and missing paths.
// Failures become one line on stderr: searches then count without the column.
void refresh_facet_column(const std::string& path);

}  // namespace newsdesk
