#include "searcher/facets.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "common/error.h"
#include "common/lang/countries.h"
#include "common/lang/month_names.h"
#include "common/person_key.h"
#include "common/schema.h"
#include "searcher/value_tally.h"

namespace newsdesk {

const FacetSpec* find_facet(std::string_view name) {
    for (const auto& spec : kFacets)
        if (spec.name == name || (!spec.alias.empty() && spec.alias == name)) return &spec;
    return nullptr;
}

std::vector<std::string> default_facets() {
    std::vector<std::string> names;
    for (const auto& spec : kFacets)
        if (spec.by_default) names.emplace_back(spec.name);
    return names;
}

std::string facet_names(std::string_view separator) {
    std::string out;
    for (const auto& spec : kFacets) (out += out.empty() ? "" : separator) += spec.name;
    return out;
}

std::string facet_label(std::string_view facet, std::string_view value) {
    if (facet == "country") {
        auto name = country_name(value);  // the names alone: the gazetteer is not loaded for a label
        return name.empty() ? std::string(value) : name;
    }
    return std::string(value);
}

namespace {

// "unknown facet 'NAME' (use country, expert, ... or date)".
std::string unknown_facet(std::string_view name) {
    std::string message = "unknown facet '" + std::string(name) + "' (use ";
    for (std::size_t i = 0; i < std::size(kFacets); ++i)
        (message += i == 0 ? "" : i + 1 == std::size(kFacets) ? " or " : ", ") += kFacets[i].name;
    return message + ")";
}

// The digits of a date filter of exactly YYYY, YYYY-MM or YYYY-MM-DD, with a
// month 01-12 and a day 01-31; empty for anything else.
std::string date_digits(std::string_view value) {
    if (value.size() != 4 && value.size() != 7 && value.size() != 10) return {};
    std::string digits;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (i == 4 || i == 7) {
            if (value[i] != '-') return {};
        } else if (value[i] < '0' || value[i] > '9') {
            return {};
        } else {
            digits += value[i];
        }
    }
    const auto two = [&digits](std::size_t at) { return (digits[at] - '0') * 10 + (digits[at + 1] - '0'); };
    if (digits.size() >= 6 && (two(4) < 1 || two(4) > 12)) return {};
    if (digits.size() == 8) {
        // A day the month has: 2020-02-30 is no date (issue 19: it found nothing, silently).
        const int year = std::stoi(digits.substr(0, 4)), month = two(4);
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (two(6) < 1 || two(6) > days[month - 1]) return {};
    }
    return digits;
}

// A date written in words, as people type one: "june 2020", "2020 June",
// "5 June 2020", "June 5, 2020" (a month name in any language month_word
// knows) -> "2020-06", "2020-06-05"; empty when it is not one.
std::string date_in_words(std::string_view value) {
    std::vector<std::string> tokens;
    std::string token;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        const char c = i < value.size() ? value[i] : ' ';
        if (c == ' ' || c == ',' || c == '\t') {
            if (!token.empty()) tokens.push_back(std::move(token));
            token.clear();
        } else {
            token += c;
        }
    }
    if (tokens.size() < 2 || tokens.size() > 3) return {};
    std::string year, day;
    int month = 0;
    for (const auto& t : tokens) {
        const bool digits = std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits && t.size() == 4 && year.empty()) year = t;
        else if (digits && t.size() <= 2 && day.empty()) day = t.size() == 1 ? "0" + t : t;
        else if (const auto m = month_word(t); m && month == 0) month = m->month;
        else return {};
    }
    if (year.empty() || month == 0) return {};
    std::string date = year + (month < 10 ? "-0" : "-") + std::to_string(month);
    return day.empty() ? date : date + "-" + day;
}

}  // namespace

Xapian::Query date_span(std::string_view from, std::string_view to) {
    const auto end_of = [](std::string_view value, bool last) {
        if (value.empty()) return std::string();
        const std::string digits = date_digits(value);
        if (digits.empty())
            throw UsageError("date range expects YYYY, YYYY-MM or YYYY-MM-DD at each end, not '" + std::string(value) + "'");
        // A year or month stands for its first day at the start, its last at the end
        // (day 31 of any month is past its last day, as slot::date compares).
        if (digits.size() == 4) return digits + (last ? "1231" : "0101");
        if (digits.size() == 6) return digits + (last ? "31" : "01");
        return digits;
    };
    const std::string begin = end_of(from, false), end = end_of(to, true);
    if (begin.empty() && end.empty()) throw UsageError("date range needs at least one end (date:2019..2020)");
    if (begin.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot::date, end);
    if (end.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot::date, begin);
    if (begin > end) throw UsageError("date range ends before it starts: '" + std::string(from) + ".." + std::string(to) + "'");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot::date, begin, end);
}

Xapian::Query facet_filter(std::string_view facet, std::string_view value) {
    const FacetSpec* spec = find_facet(facet);
    if (!spec) throw UsageError(unknown_facet(facet));
    if (spec->name == "country") {
        const auto code = CountryGazetteer::instance().code_for(value);
        if (!code) throw UsageError("unknown country '" + std::string(value) + "' (use a name or an ISO code such as KP)");
        return Xapian::Query(make_term(prefix::country, normalise_term_value(*code)));
    }
    if (spec->name == "date") {
        // Only those shapes: the digits picked out of any text made the page's
        // date=2024) OR (2019 the day 2024-20-19, an empty answer for a bad value.
        std::string digits = date_digits(value);
        if (digits.empty()) digits = date_digits(date_in_words(value));
        switch (digits.size()) {
            case 4: return Xapian::Query(make_term(prefix::year, digits));
            case 6: return Xapian::Query(make_term(prefix::month, digits));
            case 8: return Xapian::Query(make_term(prefix::day, digits));
            default:
                throw UsageError("date filter expects YYYY, YYYY-MM or YYYY-MM-DD, or a month and year ('june 2020'), not '" +
                                 std::string(value) + "'");
        }
    }
    if (spec->name == "person" || spec->name == "expert")
        return Xapian::Query(make_term(spec->filter_prefix, person_key(value)));
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

using Sets = std::vector<std::pair<std::string, Xapian::doccount>>;

// The spy's distinct sets with their counts. Its iterator yields copies, so they
// are taken once and the tally below holds views into them.
Sets spy_sets(const Xapian::ValueCountMatchSpy& spy) {
    Sets sets;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) sets.emplace_back(*it, it.get_termfreq());
    return sets;
}

// Adds each set's count to every tagged value in it ("cKP": the tag, then the
// value) whose tag is wanted[tag]: the facets not asked for are skipped.
ValueTally count_values(const Sets& sets, const std::array<bool, 128>& wanted) {
    std::size_t bytes = 0;
    for (const auto& set : sets) bytes += set.first.size();
    ValueTally tally(bytes / 64);  // values are ~12 bytes and most recur; it grows if need be
    for (const auto& [set, count] : sets) {
        std::string_view rest = set;
        while (!rest.empty()) {
            const auto end = rest.find(kSetSeparator);
            const std::string_view entry = rest.substr(0, end);
            const auto tag = static_cast<unsigned char>(entry.front());
            if (entry.size() > 1 && tag < wanted.size() && wanted[tag]) tally.add(entry, count);
            if (end == std::string_view::npos) break;
            rest.remove_prefix(end + 1);
        }
    }
    return tally;
}

// Each tagged value's count, split by tag into `by_tag` (indexed by tag).
using ValueCounts = std::vector<std::pair<std::string_view, Xapian::doccount>>;
void split_by_tag(const ValueTally& tally, std::array<ValueCounts, 128>& by_tag) {
    tally.for_each([&](std::string_view entry, Xapian::doccount count) {
        by_tag[static_cast<unsigned char>(entry.front())].emplace_back(entry.substr(1), count);
    });
}

}  // namespace

std::map<char, std::map<std::string, Xapian::doccount>> decompose_set_counts(const Xapian::ValueCountMatchSpy& spy) {
    const auto sets = spy_sets(spy);
    std::array<bool, 128> wanted;
    wanted.fill(true);
    std::array<ValueCounts, 128> by_tag;
    split_by_tag(count_values(sets, wanted), by_tag);
    std::map<char, std::map<std::string, Xapian::doccount>> out;
    for (std::size_t tag = 0; tag < by_tag.size(); ++tag)
        for (const auto& [value, count] : by_tag[tag]) out[static_cast<char>(tag)].emplace(value, count);
    return out;
}

FacetCollector::FacetCollector(const std::vector<std::string>& names, std::size_t size, DateBucket bucket,
                               std::vector<std::string> signatures)
    : m_signatures(std::move(signatures)), m_spy(slot::facets), m_size(size), m_bucket(bucket) {
    for (const auto& name : names) {
        const FacetSpec* spec = find_facet(name);
        if (!spec) throw UsageError(unknown_facet(name));
        if (std::find(m_specs.begin(), m_specs.end(), spec) == m_specs.end()) m_specs.push_back(spec);
    }
}

Xapian::doccount FacetCollector::documents_seen() const { return static_cast<Xapian::doccount>(m_spy.get_total()); }

void FacetCollector::register_spies(Xapian::Enquire& enquire) { enquire.add_matchspy(&m_spy); }

namespace {

// Dates arrive per day (YYYYMMDD) and are summed into the bucket the span calls
// for: days within ~2 months, months within ~3 years, else years.
Facet date_facet(ValueCounts& days, DateBucket bucket) {
    std::erase_if(days, [](const auto& day) { return day.first.size() != 8; });
    std::sort(days.begin(), days.end());
    if (bucket == DateBucket::automatic && !days.empty()) {
        const auto month_index = [](std::string_view ymd) {
            return std::stoi(std::string(ymd.substr(0, 4))) * 12 + std::stoi(std::string(ymd.substr(4, 2)));
        };
        const int months = month_index(days.back().first) - month_index(days.front().first);
        bucket = months <= 2 ? DateBucket::day : months <= 36 ? DateBucket::month : DateBucket::year;
    }
    if (bucket == DateBucket::automatic) bucket = DateBucket::month;
    const std::size_t len = bucket == DateBucket::year ? 4 : bucket == DateBucket::month ? 6 : 8;
    Facet facet{"date", {}, bucket == DateBucket::year ? "year" : bucket == DateBucket::month ? "month" : "day"};
    std::string_view key;
    for (const auto& [day, count] : days) {  // in order, so each bucket's days are adjacent
        if (!facet.values.empty() && day.substr(0, len) == key) {
            facet.values.back().count += count;
            continue;
        }
        key = day.substr(0, len);
        std::string value(key.substr(0, 4));
        if (len >= 6) (value += '-') += key.substr(4, 2);
        if (len == 8) (value += '-') += key.substr(6, 2);
        facet.values.push_back({value, value, count});
    }
    return facet;
}

// People and experts: the values of one person (common/person_key.h) counted
// as one, under the form written most often ("John R. Bolton" over "John
// Bolton" when more articles wrote it). An article holds each key once (the
// extractor folds its people by key), so the sums stay exact.
void merge_people(ValueCounts& values) {
    struct Group {
        std::size_t at;
        Xapian::doccount total, best;
    };
    std::unordered_map<std::string, Group> groups;
    ValueCounts merged;
    for (const auto& [value, count] : values) {
        auto [it, fresh] = groups.try_emplace(person_key(value), Group{merged.size(), count, count});
        if (fresh) {
            merged.emplace_back(value, count);
            continue;
        }
        auto& [label, total] = merged[it->second.at];
        total += count;
        if (count > it->second.best || (count == it->second.best && value.size() > label.size())) {
            it->second.best = count;
            label = value;
        }
    }
    values = std::move(merged);
}

// Most frequent first, equal counts in value order; only the first `size` are kept.
Facet ranked_facet(const FacetSpec& spec, ValueCounts& ranked, std::size_t size) {
    const auto before = [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    const auto keep = ranked.begin() + static_cast<std::ptrdiff_t>(std::min(size, ranked.size()));
    std::partial_sort(ranked.begin(), keep, ranked.end(), before);
    Facet facet{std::string(spec.name), {}, {}};
    facet.values.reserve(static_cast<std::size_t>(keep - ranked.begin()));
    for (auto it = ranked.begin(); it != keep; ++it) facet.values.push_back({std::string(it->first), {}, it->second});
    for (auto& v : facet.values) v.label = facet_label(facet.name, v.value);
    return facet;
}

}  // namespace

FacetCollector::Counts FacetCollector::result() const {
    const auto sets = spy_sets(m_spy);
    std::array<bool, 128> wanted{};
    for (const FacetSpec* spec : m_specs) wanted[static_cast<unsigned char>(spec->tag)] = true;
    wanted[static_cast<unsigned char>(facet_tag::copy)] = true;
    std::array<ValueCounts, 128> by_tag;
    split_by_tag(count_values(sets, wanted), by_tag);
    Counts out;
    out.facets.reserve(m_specs.size());
    for (const FacetSpec* spec : m_specs) {
        auto& counts = by_tag[static_cast<unsigned char>(spec->tag)];
        if (spec->name == "person" || spec->name == "expert") merge_people(counts);
        out.facets.push_back(spec->name == "date" ? date_facet(counts, m_bucket) : ranked_facet(*spec, counts, m_size));
    }
    const auto& copies = by_tag[static_cast<unsigned char>(facet_tag::copy)];
    Xapian::doccount with_signature = 0;
    for (const auto& [signature, count] : copies) with_signature += count;
    out.folded = documents_seen() - std::min(with_signature, documents_seen()) +
                 static_cast<Xapian::doccount>(copies.size());
    if (!m_signatures.empty()) {
        std::unordered_map<std::string_view, Xapian::doccount> per_signature(copies.begin(), copies.end());
        for (const auto& s : m_signatures) {
            if (s.empty()) continue;
            const auto found = per_signature.find(s);
            out.copies[s] = found == per_signature.end() ? 0 : found->second;
        }
    }
    return out;
}

}  // namespace newsdesk
