#include "searcher/facet_tally.h"

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
}  // namespace

std::string FacetSpy::next_set(Xapian::docid did) {
    // A match before the last one: start over (the matcher gives them in order).
    if (m_read_to == 0 || did <= m_read_to) m_sets = m_db.valuestream_begin(slot::facets);
    m_read_to = did;
    const Xapian::ValueIterator end = m_db.valuestream_end(slot::facets);
    // Near matches (a broad query) step through the stream, which moves to the
    // next chunk of values in place; far ones skip, which looks the chunk up.
    for (int step = 0; m_sets != end && m_sets.get_docid() < did && step < kSteps; ++step) ++m_sets;
    if (m_sets != end && m_sets.get_docid() < did) m_sets.skip_to(did);
    if (m_sets == end || m_sets.get_docid() != did) return {};  // no facets
    return *m_sets;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++m_seen;
    const std::string set = m_one_database ? next_set(doc.get_docid()) : doc.get_value(slot::facets);
    (void)for_each_facet_entry(set, [&](const FacetEntry& e) {
        if (static_cast<unsigned char>(e.tag) < m_wanted.size() && m_wanted[static_cast<unsigned char>(e.tag)])
            m_tally.add(e, 1);
    });
}

FacetTally tally_set_counts(const Xapian::ValueCountMatchSpy& spy, const WantedTags& wanted) {
    FacetTally tally;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string set = *it;
        const Xapian::doccount count = it.get_termfreq();
        (void)for_each_facet_entry(set, [&](const FacetEntry& e) {
            if (static_cast<unsigned char>(e.tag) < wanted.size() && wanted[static_cast<unsigned char>(e.tag)])
                tally.add(e, count);
        });
    }
    return tally;
}

}  // namespace newsdesk
