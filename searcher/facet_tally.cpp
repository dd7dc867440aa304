#include "searcher/facet_tally.h"

#include <algorithm>

#include "common/schema.h"

namespace newsdesk {

void FacetTally::grow() {
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& s : old) {
        if (s.id == 0) continue;
        std::size_t i = slot_of(s.id) & mask;
        while (m_slots[i].id != 0) i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

namespace {

constexpr int kSteps = 8;

// Adds `count` to each wanted value of a slot::facets set, with its text.
void add_wanted_entries(FacetTally& tally, std::string_view set, const WantedTags& wanted, Xapian::doccount count) {
    (void)for_each_facet_entry(set, [&](const FacetEntry& e) {
        if (static_cast<unsigned char>(e.tag) < wanted.size() && wanted[static_cast<unsigned char>(e.tag)])
            tally.add(e, count);
    });
}

}  // namespace

std::string FacetSpy::next_set(Xapian::docid did) {
    // A match before the last one: start over (the matcher gives them in order).
    if (m_read_to == 0 || did <= m_read_to) m_sets = m_db.valuestream_begin(slot::facet_ids);
    m_read_to = did;
    const Xapian::ValueIterator end = m_db.valuestream_end(slot::facet_ids);
    // Near matches (a broad query) step through the stream, which moves to the
    // next chunk of values in place; far ones skip, which looks the chunk up.
    for (int step = 0; m_sets != end && m_sets.get_docid() < did && step < kSteps; ++step) ++m_sets;
    if (m_sets != end && m_sets.get_docid() < did) m_sets.skip_to(did);
    if (m_sets == end || m_sets.get_docid() != did) return {};  // no facets
    return *m_sets;
}

FacetTally ColumnCounter::tally(const WantedTags& wanted, std::vector<std::uint64_t> copy_ids) const {
    const auto entries = m_column.entries();
    const auto copy = static_cast<unsigned char>(facet_tag::copy);
    std::sort(copy_ids.begin(), copy_ids.end());
    FacetTally::Copies copies;
    copies.counted = wanted[copy];
    std::vector<std::uint32_t> kept;  // the entries to put in the table
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (m_counts[i] == 0) continue;
        const auto tag = static_cast<unsigned char>(facet_id_tag(entries[i].id));
        if (tag == copy && copies.counted) {
            copies.with_signature += m_counts[i];
            ++copies.distinct;
            if (std::binary_search(copy_ids.begin(), copy_ids.end(), entries[i].id))
                copies.asked.emplace_back(entries[i].id, m_counts[i]);
        } else if (tag < wanted.size() && wanted[tag]) {
            kept.push_back(static_cast<std::uint32_t>(i));
        }
    }
    FacetTally tally(kept.size() * 2);  // at most half full: few probes
    for (const std::uint32_t i : kept) {
        const FacetColumnEntry& e = entries[i];
        tally.add_id(e.id, e.group, e.first, m_counts[i]);
    }
    tally.settle();
    tally.copies() = std::move(copies);
    return tally;
}

bool FacetSpy::add_all(const MatchSet& matches) {
    if (!m_column) return false;
    matches.for_each([&](Xapian::docid did) { m_column->add(did); });
    m_seen += matches.count();
    return true;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++m_seen;
    if (m_column) {
        m_column->add(doc.get_docid());
        return;
    }
    if (!m_one_database) {
        // A shard's document gives its docid in the shard, not in the
        // collection, so the texts are taken along with the ids.
        add_wanted_entries(m_tally, doc.get_value(slot::facets), m_wanted, 1);
        return;
    }
    const Xapian::docid did = doc.get_docid();
    (void)for_each_facet_id(next_set(did), [&](std::uint64_t id, std::uint64_t group) {
        const auto tag = static_cast<unsigned char>(facet_id_tag(id));
        if (tag < m_wanted.size() && m_wanted[tag]) m_tally.add_id(id, group, did, 1);
    });
}

FacetTally tally_set_counts(const Xapian::ValueCountMatchSpy& spy, const WantedTags& wanted) {
    FacetTally tally;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string set = *it;
        const Xapian::doccount count = it.get_termfreq();
        add_wanted_entries(tally, set, wanted, count);
    }
    tally.settle();
    return tally;
}

std::string_view FacetTexts::text(std::uint32_t index) {
    FacetTally::Value* v = &m_tally.values()[index];
    if (v->known) return m_tally.text(*v);
    std::string decoded;
    if (facet_id_text(v->id, decoded)) {
        m_tally.set_text(*v, decoded);
        return m_tally.text(*v);
    }
    // Every counted value of that article learns its text in one read: the
    // values shown mostly share their first articles.
    const std::string set = m_db.get_document(v->first).get_value(slot::facets);
    (void)for_each_facet_entry(set, [&](const FacetEntry& e) {
        FacetTally::Value* found = m_tally.find(facet_id(e.tag, e.value, e.id));
        if (found && !found->known) m_tally.set_text(*found, e.value);
    });
    v = &m_tally.values()[index];
    if (!v->known) m_tally.set_text(*v, {});  // not in its article's set: an index written inconsistently
    return m_tally.text(*v);
}

}  // namespace newsdesk
