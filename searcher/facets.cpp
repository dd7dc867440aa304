#include "searcher/facets.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "common/error.h"
#include "common/lang/countries.h"
#include "common/lang/month_names.h"
#include "common/person_key.h"
#include "common/schema.h"

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

// Each counted value of one facet: its place in the tally, count and person id.
struct Counted {
    std::uint32_t index;
    Xapian::doccount count;
    std::uint64_t group;
};
using ValueCounts = std::vector<Counted>;

// The tally's values split by tag (indexed by tag), in the order first met;
// the copies' signatures are left out (FacetCollector::result reads them from
// the tally: about one per matching article, of which only the totals and the
// hits' own counts are wanted).
void split_by_tag(const FacetTally& tally, std::array<ValueCounts, 128>& by_tag) {
    std::array<std::size_t, 128> sizes{};
    for (const auto& v : tally.values()) ++sizes[static_cast<unsigned char>(v.tag())];
    sizes[static_cast<unsigned char>(facet_tag::copy)] = 0;
    for (std::size_t tag = 0; tag < sizes.size(); ++tag) by_tag[tag].reserve(sizes[tag]);
    const auto& values = tally.values();
    for (std::uint32_t i = 0; i < values.size(); ++i)
        if (values[i].tag() != facet_tag::copy)
            by_tag[static_cast<unsigned char>(values[i].tag())].push_back({i, values[i].count, values[i].group});
}

WantedTags every_tag() {
    WantedTags wanted;
    wanted.fill(true);
    return wanted;
}

}  // namespace

std::map<char, std::map<std::string, Xapian::doccount>> decompose_set_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::map<char, std::map<std::string, Xapian::doccount>> out;
    const FacetTally tally = tally_set_counts(spy, every_tag());
    for (const auto& v : tally.values()) out[v.tag()][std::string(tally.text(v))] += v.count;
    return out;
}

FacetCollector::FacetCollector(const std::vector<std::string>& names, std::size_t size, DateBucket bucket,
                               const Xapian::Database& db, bool remote, const FacetColumn* column)
    : m_size(size), m_bucket(bucket), m_db(db) {
    for (const auto& name : names) {
        const FacetSpec* spec = find_facet(name);
        if (!spec) throw UsageError(unknown_facet(name));
        if (std::find(m_specs.begin(), m_specs.end(), spec) == m_specs.end()) m_specs.push_back(spec);
    }
    // Only the facets asked for are counted, and the copies (for the folded count).
    for (const FacetSpec* spec : m_specs) m_wanted[static_cast<unsigned char>(spec->tag)] = true;
    m_wanted[static_cast<unsigned char>(facet_tag::copy)] = true;
    if (remote) m_sets = std::make_unique<Xapian::ValueCountMatchSpy>(slot::facets);
    else m_local = std::make_unique<FacetSpy>(m_wanted, db, column);
}

bool FacetCollector::count_all(const MatchSet& matches) { return m_local && m_local->add_all(matches); }

Xapian::doccount FacetCollector::documents_seen() const {
    return m_local ? m_local->documents_seen() : static_cast<Xapian::doccount>(m_sets->get_total());
}

void FacetCollector::register_spies(Xapian::Enquire& enquire) {
    if (m_local) enquire.add_matchspy(m_local.get());
    else enquire.add_matchspy(m_sets.get());
}

namespace {

// Dates arrive per day (YYYYMMDD) and are summed into the bucket the span calls
// for: days within ~2 months, months within ~3 years, else years.
Facet date_facet(const ValueCounts& days, DateBucket bucket, FacetTexts& texts) {
    // As numbers, so that sorting thousands of days compares integers.
    std::vector<std::pair<std::uint32_t, Xapian::doccount>> dated;
    dated.reserve(days.size());
    for (const auto& day : days) {
        const std::uint64_t id = texts.id(day.index);
        if (id & kFacetIdNumber) {  // the date is the id's number: no text made
            dated.emplace_back(static_cast<std::uint32_t>(id & kFacetIdHash), day.count);
            continue;
        }
        const std::string_view value = texts.text(day.index);
        if (value.size() != 8) continue;
        std::uint32_t ymd = 0;
        for (char c : value) ymd = ymd * 10 + static_cast<std::uint32_t>(c - '0');
        dated.emplace_back(ymd, day.count);
    }
    std::sort(dated.begin(), dated.end());
    if (bucket == DateBucket::automatic && !dated.empty()) {
        const auto month_index = [](std::uint32_t ymd) { return static_cast<int>(ymd / 10000 * 12 + ymd / 100 % 100); };
        const int months = month_index(dated.back().first) - month_index(dated.front().first);
        bucket = months <= 2 ? DateBucket::day : months <= 36 ? DateBucket::month : DateBucket::year;
    }
    if (bucket == DateBucket::automatic) bucket = DateBucket::month;
    const std::uint32_t per = bucket == DateBucket::year ? 10000 : bucket == DateBucket::month ? 100 : 1;
    Facet facet{"date", {}, bucket == DateBucket::year ? "year" : bucket == DateBucket::month ? "month" : "day"};
    std::uint32_t key = 0;
    for (const auto& [day, count] : dated) {  // in order, so each bucket's days are adjacent
        if (!facet.values.empty() && day / per == key) {
            facet.values.back().count += count;
            continue;
        }
        key = day / per;
        char text[16];
        if (per == 10000) std::snprintf(text, sizeof text, "%04u", key);
        else if (per == 100) std::snprintf(text, sizeof text, "%04u-%02u", key / 100, key % 100);
        else std::snprintf(text, sizeof text, "%04u-%02u-%02u", key / 10000, key / 100 % 100, key % 100);
        facet.values.push_back({text, text, count});
    }
    return facet;
}

// People and experts: the values of one person (common/person_key.h, whose
// id each value carries) counted as one, under the form written most often
// ("John R. Bolton" over "John Bolton" when more articles wrote it; equal
// counts: the longer, then the first in byte order). An article holds each
// key once (the extractor folds its people by key), so the sums stay exact.
void merge_people(ValueCounts& values, FacetTexts& texts) {
    // An open-addressed table of person id -> place in `merged` (+1; 0 is
    // empty): one allocation, where a node-based map made one per person.
    struct Group {
        std::uint64_t id = 0;
        std::size_t at = 0;
        Xapian::doccount best = 0;
    };
    std::size_t slots = 16;
    while (slots < values.size() * 2) slots *= 2;
    std::vector<Group> groups(slots);
    ValueCounts merged;
    merged.reserve(values.size());
    for (const auto& v : values) {
        std::size_t i = static_cast<std::size_t>(v.group ^ (v.group >> 29)) & (slots - 1);
        while (groups[i].at != 0 && groups[i].id != v.group) i = (i + 1) & (slots - 1);
        Group& g = groups[i];
        if (g.at == 0) {
            g = {v.group, merged.size() + 1, v.count};
            merged.push_back(v);
            continue;
        }
        Counted& m = merged[g.at - 1];
        m.count += v.count;
        // The texts only where the counts tie: most forms never need theirs.
        const auto longer = [&] {
            const std::string_view a = texts.text(v.index), b = texts.text(m.index);
            return a.size() > b.size() || (a.size() == b.size() && a < b);
        };
        if (v.count > g.best || (v.count == g.best && longer())) {
            g.best = v.count;
            m.index = v.index;
        }
    }
    values = std::move(merged);
}

// Most frequent first, equal counts in value order; only the first `size` are
// kept. Only the texts of the values that can be kept are read: those counted
// at least as often as the size-th most frequent.
Facet ranked_facet(const FacetSpec& spec, ValueCounts& ranked, std::size_t size, FacetTexts& texts) {
    Facet facet{std::string(spec.name), {}, {}};
    if (size == 0) return facet;
    if (ranked.size() > size) {
        const auto by_count = [](const Counted& a, const Counted& b) { return a.count > b.count; };
        std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(size - 1), ranked.end(), by_count);
        const Xapian::doccount least = ranked[size - 1].count;
        std::erase_if(ranked, [least](const Counted& c) { return c.count < least; });
    }
    std::vector<std::pair<Counted, std::string_view>> named;
    named.reserve(ranked.size());
    for (const auto& c : ranked) named.emplace_back(c, std::string_view());
    // Texts after every read: reading one may grow the tally's text.
    for (auto& [c, text] : named) (void)texts.text(c.index);
    for (auto& [c, text] : named) text = texts.text(c.index);
    const auto before = [](const auto& a, const auto& b) {
        return a.first.count != b.first.count ? a.first.count > b.first.count : a.second < b.second;
    };
    const auto keep = named.begin() + static_cast<std::ptrdiff_t>(std::min(size, named.size()));
    std::partial_sort(named.begin(), keep, named.end(), before);
    facet.values.reserve(static_cast<std::size_t>(keep - named.begin()));
    for (auto it = named.begin(); it != keep; ++it)
        facet.values.push_back({std::string(it->second), {}, it->first.count});
    for (auto& v : facet.values) v.label = facet_label(facet.name, v.value);
    return facet;
}

}  // namespace

FacetCollector::Counts FacetCollector::result(const std::vector<std::string>& signatures) const {
    std::array<ValueCounts, 128> by_tag;
    FacetTally from_sets = m_sets ? tally_set_counts(*m_sets, m_wanted) : FacetTally(0);
    std::vector<std::uint64_t> copy_ids;
    for (const auto& sig : signatures)
        if (!sig.empty()) copy_ids.push_back(facet_id(facet_tag::copy, sig));
    FacetTally& tally = m_local ? m_local->tally(copy_ids) : from_sets;
    FacetTexts texts(tally, m_db);
    split_by_tag(tally, by_tag);
    Counts out;
    out.facets.reserve(m_specs.size());
    for (const FacetSpec* spec : m_specs) {
        auto& counts = by_tag[static_cast<unsigned char>(spec->tag)];
        if (facet_tag_has_group(spec->tag)) merge_people(counts, texts);
        out.facets.push_back(spec->name == "date" ? date_facet(counts, m_bucket, texts)
                                                  : ranked_facet(*spec, counts, m_size, texts));
    }
    const FacetTally::Copies& apart = tally.copies();
    Xapian::doccount with_signature = apart.with_signature, distinct = apart.distinct;
    if (!apart.counted)
        for (const auto& v : tally.values())
            if (v.tag() == facet_tag::copy) with_signature += v.count, ++distinct;
    out.folded = documents_seen() - std::min(with_signature, documents_seen()) + distinct;
    // Each hit's signature looked up by its id, not every signature counted
    // put in a map of its own.
    for (const auto& s : signatures) {
        if (s.empty()) continue;
        const std::uint64_t id = facet_id(facet_tag::copy, s);
        Xapian::doccount count = 0;
        if (apart.counted) {
            for (const auto& [asked, n] : apart.asked)
                if (asked == id) count = n;
        } else if (const FacetTally::Value* found = tally.find(id)) {
            count = found->count;
        }
        out.copies[s] = count;
    }
    return out;
}

}  // namespace newsdesk
