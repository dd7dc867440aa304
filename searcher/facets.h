// Facets: exact counts per value over the whole match set, and the filters a
// click on a value adds. Every facet is counted in one pass over the match
// (common/facet_set.h): on a local database by newsdesk's own match spy over
// slot::facet_ids, which adds 1 per value id and matching article, the texts
// read afterwards for the values that can be shown only; when any shard is
// remote by the built-in ValueCountMatchSpy over slot::facets (the only kind
// stock xapian-tcpsrv runs), whose per-set counts, texts included, are added
// to every value in each set. Either way each article counts once per value,
// and only the facets asked for (and the copy signatures) are counted.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/schema.h"
#include "searcher/facet_tally.h"

namespace newsdesk {

enum class DateBucket { automatic, year, month, day };

// A facet's row of kFacets (common/schema.h): its name, tag and filter prefix.
using FacetSpec = FacetField;

// By name or alias ("org" is institution, "lang" language). nullptr when unknown.
[[nodiscard]] const FacetSpec* find_facet(std::string_view name);
// The facets `--facets default` counts (the by_default rows of kFacets), in order.
[[nodiscard]] std::vector<std::string> default_facets();
// Every facet name, in kFacets order, joined by `separator` ("country,expert,...").
[[nodiscard]] std::string facet_names(std::string_view separator);

struct FacetValue {
    std::string value;  // what --filter NAME=VALUE takes ("KP", "Victor Cha", "2024-06")
    std::string label;  // what a person reads ("North Korea")
    Xapian::doccount count = 0;
    bool operator==(const FacetValue&) const = default;
};

struct Facet {
    std::string name;
    std::vector<FacetValue> values;  // most frequent first (dates: chronological)
    std::string bucket;               // for "date": "year", "month" or "day"
    bool operator==(const Facet&) const = default;
};

// The articles dated FROM..TO (query syntax date:FROM..TO): each end YYYY,
// YYYY-MM or YYYY-MM-DD, a year or month meaning its first day at the start
// and its last at the end, either end empty for an open one. Throws UsageError
// naming the value for a date that cannot be read or does not exist
// (2020-02-30), for no end at all, and for an end before the start.
[[nodiscard]] Xapian::Query date_span(std::string_view from, std::string_view to);

// The filter query for one facet value (throws UsageError for an unknown facet
// or a malformed value, naming it).
[[nodiscard]] Xapian::Query facet_filter(std::string_view facet, std::string_view value);

// Values of one facet OR together, different facets AND.
[[nodiscard]] Xapian::Query combine_filters(const std::vector<std::pair<std::string, std::string>>& filters);

// Collects counts during one Enquire::get_mset: register() the spy, run the
// match with checkatleast = database size, then result().
class FacetCollector {
  public:
    // `db`: the database searched; `remote`: it has a remote shard, so the
    // built-in spy counts; `column`: the facet column of `db` for its
    // revision (common/db/facet_column.h), which the local spy then reads.
    FacetCollector(const std::vector<std::string>& names, std::size_t size, DateBucket bucket,
                   const Xapian::Database& db, bool remote = false, const FacetColumn* column = nullptr);
    void register_spies(Xapian::Enquire& enquire);
    // Counts `matches` (every article the query matches) without a match:
    // with a column only; false (nothing counted) without one, when the
    // spies must run in Enquire::get_mset instead.
    bool count_all(const MatchSet& matches);
    struct Counts {
        std::vector<Facet> facets;  // the facets asked for, in the order asked
        // The matching articles with the copies of a wire story folded into one
        // (distinct near-duplicate signatures, plus the articles without one).
        Xapian::doccount folded = 0;
        std::map<std::string, Xapian::doccount> copies;  // matching articles per signature asked for
    };
    // `signatures`: near-duplicate signatures whose articles are counted too
    // (Counts::copies), for the copies folded into the hits shown.
    [[nodiscard]] Counts result(const std::vector<std::string>& signatures = {}) const;
    // How many documents the spy saw: every matching article, exactly, even
    // where collapsing leaves Xapian's own bounds apart.
    [[nodiscard]] Xapian::doccount documents_seen() const;

  private:
    std::vector<const FacetSpec*> m_specs;
    std::array<bool, 128> m_wanted{};
    std::unique_ptr<FacetSpy> m_local;                   // unless remote
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_sets;  // when remote
    std::size_t m_size;
    DateBucket m_bucket;
    Xapian::Database m_db;  // where the local spy's values' texts are read
};

// The label shown for a facet value ("KP" -> "North Korea").
[[nodiscard]] std::string facet_label(std::string_view facet, std::string_view value);

// Per-facet, per-value counts from a built-in slot::facets spy's per-set
// counts, keyed by facet tag (exposed for tests).
[[nodiscard]] std::map<char, std::map<std::string, Xapian::doccount>> decompose_set_counts(
    const Xapian::ValueCountMatchSpy& spy);

}  // namespace newsdesk
