// Facets: exact counts per value over the whole match set, and the filters a
// click on a value adds. Multi-valued facets (an article names many countries)
// are counted with Xapian's built-in ValueCountMatchSpy over a slot holding the
// article's sorted set of values; each distinct set's count is then added to
// every value in it, so each article counts once per value. Only built-in match
// spies are used, so the same code works on remote shards (xapian-tcpsrv).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdesk {

enum class DateBucket { automatic, year, month, day };

struct FacetSpec {
    std::string_view name;          // "country"
    Xapian::valueno slot;
    bool multi_valued;
    std::string_view filter_prefix;  // boolean term prefix that filters on a value
};

// expert, person, institution, country, language, source, date.
[[nodiscard]] const std::vector<FacetSpec>& facet_specs();
// By name; "org" is an alias of "institution". nullptr when unknown.
[[nodiscard]] const FacetSpec* find_facet(std::string_view name);
// The facets shown when --facets is not given.
[[nodiscard]] std::vector<std::string> default_facets();

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
};

// The filter query for one facet value (throws UsageError for an unknown facet
// or a malformed value, naming it).
[[nodiscard]] Xapian::Query facet_filter(std::string_view facet, std::string_view value);

// Values of one facet OR together, different facets AND.
[[nodiscard]] Xapian::Query combine_filters(const std::vector<std::pair<std::string, std::string>>& filters);

// Collects counts during one Enquire::get_mset: register() the spies, run the
// match with checkatleast = database size, then result().
class FacetCollector {
  public:
    FacetCollector(const std::vector<std::string>& names, std::size_t size, DateBucket bucket);
    void register_spies(Xapian::Enquire& enquire);
    [[nodiscard]] std::vector<Facet> result() const;
    // How many documents the spies saw: every matching article, exactly, even
    // where collapsing leaves Xapian's own bounds apart.
    [[nodiscard]] Xapian::doccount documents_seen() const;

  private:
    struct Entry {
        const FacetSpec* spec;
        std::unique_ptr<Xapian::ValueCountMatchSpy> spy;
    };
    std::vector<Entry> m_entries;
    std::size_t m_size;
    DateBucket m_bucket;
};

// The label shown for a facet value ("KP" -> "North Korea").
[[nodiscard]] std::string facet_label(std::string_view facet, std::string_view value);

// Per-value counts from a multi-valued spy's per-set counts (exposed for tests).
[[nodiscard]] std::map<std::string, Xapian::doccount> decompose_set_counts(
    const Xapian::ValueCountMatchSpy& spy);

}  // namespace newsdesk
