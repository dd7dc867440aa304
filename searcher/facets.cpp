#include "searcher/facets.h"

#include <algorithm>
#include <unordered_map>

#include "common/countries.h"
#include "common/error.h"
#include "common/schema.h"

namespace newsdesk {

const std::vector<FacetSpec>& facet_specs() {
    static const std::vector<FacetSpec> specs = {
        {"expert", slot::experts, true, prefix::expert},
        {"person", slot::people, true, prefix::person},
        {"institution", slot::institutions, true, prefix::institution},
        {"country", slot::countries, true, prefix::country},
        {"language", slot::language, false, prefix::language},
        {"source", slot::source, false, prefix::source},
        {"date", slot::date, false, prefix::day},
    };
    return specs;
}

const FacetSpec* find_facet(std::string_view name) {
    if (name == "org") name = "institution";
    if (name == "lang") name = "language";
    for (const auto& spec : facet_specs())
        if (spec.name == name) return &spec;
    return nullptr;
}

std::vector<std::string> default_facets() { return {"country", "expert", "institution", "person", "language", "date"}; }

std::string facet_label(std::string_view facet, std::string_view value) {
    if (facet == "country") {
        auto name = country_name(value);  // the names alone: the gazetteer is not loaded for a label
        return name.empty() ? std::string(value) : name;
    }
    return std::string(value);
}

Xapian::Query facet_filter(std::string_view facet, std::string_view value) {
    const FacetSpec* spec = find_facet(facet);
    if (!spec) throw UsageError("unknown facet '" + std::string(facet) + "' (use expert, person, institution, country, language, source or date)");
    if (spec->name == "country") {
        const auto code = CountryGazetteer::instance().code_for(value);
        if (!code) throw UsageError("unknown country '" + std::string(value) + "' (use a name or an ISO code such as KP)");
        return Xapian::Query(make_term(prefix::country, normalise_term_value(*code)));
    }
    if (spec->name == "date") {
        std::string digits;
        for (char c : value)
            if (c >= '0' && c <= '9') digits += c;
        switch (digits.size()) {
            case 4: return Xapian::Query(make_term(prefix::year, digits));
            case 6: return Xapian::Query(make_term(prefix::month, digits));
            case 8: return Xapian::Query(make_term(prefix::day, digits));
            default: throw UsageError("date filter expects YYYY, YYYY-MM or YYYY-MM-DD, not '" + std::string(value) + "'");
        }
    }
    return Xapian::Query(make_term(spec->filter_prefix, normalise_term_value(value)));
}

Xapian::Query combine_filters(const std::vector<std::pair<std::string, std::string>>& filters) {
    std::map<std::string, std::vector<Xapian::Query>> by_facet;
    for (const auto& [facet, value] : filters) {
        const FacetSpec* spec = find_facet(facet);
        by_facet[spec ? std::string(spec->name) : facet].push_back(facet_filter(facet, value));
    }
    std::vector<Xapian::Query> anded;
    for (auto& [facet, queries] : by_facet)
        anded.emplace_back(Xapian::Query::OP_OR, queries.begin(), queries.end());
    return anded.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_AND, anded.begin(), anded.end());
}

namespace {

// A spy's values with their counts, each multi-valued set split into its values
// (as decode_set splits it) and each value's counts summed: views into `sets`,
// which holds the spy's own strings. No ordered map and no string per value: a
// page counts thousands of people and experts to show ten of each.
std::unordered_map<std::string_view, Xapian::doccount> count_values(
    const Xapian::ValueCountMatchSpy& spy, bool multi_valued,
    std::vector<std::pair<std::string, Xapian::doccount>>& sets) {
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) sets.emplace_back(*it, it.get_termfreq());
    std::unordered_map<std::string_view, Xapian::doccount> counts;
    counts.reserve(sets.size() * (multi_valued ? 4 : 1));
    for (const auto& [set, count] : sets) {
        if (!multi_valued) {
            counts[set] += count;
            continue;
        }
        std::string_view rest = set;
        while (!rest.empty()) {
            const auto end = rest.find(kSetSeparator);
            counts[rest.substr(0, end)] += count;
            if (end == std::string_view::npos) break;
            rest.remove_prefix(end + 1);
        }
    }
    return counts;
}

}  // namespace

std::map<std::string, Xapian::doccount> decompose_set_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::vector<std::pair<std::string, Xapian::doccount>> sets;
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& [value, count] : count_values(spy, true, sets)) counts.emplace(value, count);
    return counts;
}

FacetCollector::FacetCollector(const std::vector<std::string>& names, std::size_t size, DateBucket bucket)
    : m_size(size), m_bucket(bucket) {
    for (const auto& name : names) {
        const FacetSpec* spec = find_facet(name);
        if (!spec) throw UsageError("unknown facet '" + name + "' (use expert, person, institution, country, language, source or date)");
        m_entries.push_back({spec, std::make_unique<Xapian::ValueCountMatchSpy>(spec->slot)});
    }
}

Xapian::doccount FacetCollector::documents_seen() const {
    return m_entries.empty() ? 0 : m_entries.front().spy->get_total();
}

void FacetCollector::register_spies(Xapian::Enquire& enquire) {
    for (auto& entry : m_entries) enquire.add_matchspy(entry.spy.get());
}

namespace {

// Dates arrive per day (slot::date, YYYYMMDD) and are summed into the bucket
// the span calls for: days within ~2 months, months within ~3 years, else years.
Facet date_facet(const Xapian::ValueCountMatchSpy& spy, DateBucket bucket) {
    std::map<std::string, Xapian::doccount> days;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        if ((*it).size() == 8) days[*it] += it.get_termfreq();
    if (bucket == DateBucket::automatic && !days.empty()) {
        const int first = std::stoi(days.begin()->first.substr(0, 6)), last = std::stoi(days.rbegin()->first.substr(0, 6));
        const int months = (last / 100 - first / 100) * 12 + (last % 100 - first % 100);
        bucket = months <= 2 ? DateBucket::day : months <= 36 ? DateBucket::month : DateBucket::year;
    }
    if (bucket == DateBucket::automatic) bucket = DateBucket::month;
    const std::size_t len = bucket == DateBucket::year ? 4 : bucket == DateBucket::month ? 6 : 8;
    std::map<std::string, Xapian::doccount> buckets;
    for (const auto& [day, count] : days) buckets[day.substr(0, len)] += count;
    Facet facet{"date", {}, bucket == DateBucket::year ? "year" : bucket == DateBucket::month ? "month" : "day"};
    for (const auto& [key, count] : buckets) {
        std::string value = key.substr(0, 4);
        if (len >= 6) value += "-" + key.substr(4, 2);
        if (len == 8) value += "-" + key.substr(6, 2);
        facet.values.push_back({value, value, count});
    }
    return facet;
}

}  // namespace

std::vector<Facet> FacetCollector::result() const {
    std::vector<Facet> facets;
    for (const auto& entry : m_entries) {
        if (entry.spec->name == "date") {
            facets.push_back(date_facet(*entry.spy, m_bucket));
            continue;
        }
        std::vector<std::pair<std::string, Xapian::doccount>> sets;
        const auto counts = count_values(*entry.spy, entry.spec->multi_valued, sets);
        // Most frequent first, equal counts in value order; only the first m_size are kept.
        std::vector<std::pair<std::string_view, Xapian::doccount>> ranked(counts.begin(), counts.end());
        const auto before = [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        };
        const auto keep = ranked.begin() + static_cast<std::ptrdiff_t>(std::min(m_size, ranked.size()));
        std::partial_sort(ranked.begin(), keep, ranked.end(), before);
        Facet facet{std::string(entry.spec->name), {}, {}};
        facet.values.reserve(static_cast<std::size_t>(keep - ranked.begin()));
        for (auto it = ranked.begin(); it != keep; ++it) facet.values.push_back({std::string(it->first), {}, it->second});
        for (auto& v : facet.values) v.label = facet_label(facet.name, v.value);
        facets.push_back(std::move(facet));
    }
    return facets;
}

}  // namespace newsdesk
