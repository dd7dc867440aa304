// A sharded collection: one directory holding a Xapian stub and the shards it
// names, so that everything that opens a database (Xapian::Database(DIR),
// newsdesk-search --db DIR, the CGI, the nightly job) opens the whole
// collection without knowing it is split.
//
//   DIR/XAPIANDB        stub: "auto control", then "auto shards/NAME" per shard
//   DIR/control/        no documents: schema, scheme, manifest, spelling
//   DIR/shards/NAME/    the articles of one shard ("2024", "2024-06", "h03")
//
// The control database comes first in the stub, so Xapian reads the
// collection's metadata (Database::get_metadata reads the first database only)
// and its spelling data from it; the shards hold the documents. When the shards
// are served by xapian-tcpsrv, a reader's stub names a local copy of control and
// the servers (docs/deployment.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"

namespace newsdesk {

// Which shard an article goes to.
struct ShardScheme {
    enum class Kind { year, month, hash };
    Kind kind = Kind::year;
    unsigned count = 0;  // shards, for hash

    // "year", "month" or "hash:N" (2 <= N <= 256); nullopt otherwise.
    [[nodiscard]] static std::optional<ShardScheme> parse(std::string_view text);
    [[nodiscard]] std::string to_string() const;

    // The shard of an article with id term `id_term`: "2024" or "2024-06" by its
    // date ("undated" without one), or "h00".."hNN" by a hash of the id term
    // (FNV-1a, the same on every run and machine).
    [[nodiscard]] std::string shard_of(const Article& article, const std::string& id_term) const;

    // Time shards close once their year or month is over; hash shards never do.
    [[nodiscard]] bool by_time() const { return kind != Kind::hash; }

    bool operator==(const ShardScheme&) const = default;
};

// The first day after the period of time shard `name` ("2024" -> 2025-01-01,
// "2024-06" -> 2024-07-01), as days since 1970-01-01; nullopt for "undated" and
// names that are not periods.
[[nodiscard]] std::optional<long> shard_period_end(std::string_view name);

namespace collection {
inline constexpr std::string_view stub = "XAPIANDB";
inline constexpr std::string_view control = "control";
inline constexpr std::string_view shards = "shards";
// Metadata keys of the control database.
inline constexpr std::string_view scheme_key = "newsdesk:shard-by";
// Metadata of a shard: its name, and "1" once it is closed and compacted.
inline constexpr std::string_view shard_key = "newsdesk:shard";
inline constexpr std::string_view compacted_key = "newsdesk:compacted";
}  // namespace collection

// Whether `dir` is a sharded collection (holds XAPIANDB and control/).
[[nodiscard]] bool is_collection(const std::string& dir);

[[nodiscard]] std::string control_path(const std::string& dir);
// Where a shard of that name lives, as the stub names it (relative to `dir`),
// and as a path.
[[nodiscard]] std::string shard_entry(std::string_view name);
[[nodiscard]] std::string shard_path(const std::string& dir, std::string_view name);

// The shards the collection's stub names, in stub order: their names and
// their stub entries ("shards/2024", or "shards/2024@2" after a compaction).
struct ShardEntry {
    std::string name;
    std::string entry;  // relative to the collection directory
    bool operator==(const ShardEntry&) const = default;
};
[[nodiscard]] std::vector<ShardEntry> read_collection_stub(const std::string& dir);

// Rewrites the stub (control first, then `shards` sorted by name) through a
// temporary file and a rename, so a reader sees the old stub or the new one.
// Throws IndexError naming the collection when it cannot.
void write_collection_stub(const std::string& dir, std::vector<ShardEntry> shards);

// The lines of a Xapian stub file as (type, argument): ("auto", "shards/2024"),
// ("remote", "10.0.0.5:7100"); comments and blank lines left out.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> read_stub_lines(const std::string& path);

// `path` itself, or, when it is a stub file with exactly one local "auto" line
// (the nightly job's live stub), the database it names (made absolute): the
// place a writer writes. Stubs naming several databases or remote ones are
// returned as they are.
[[nodiscard]] std::string resolve_write_target(const std::string& path);

}  // namespace newsdesk
