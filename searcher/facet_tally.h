// Facet counts by value id (common/facet_set.h): what a search adds up for
// every value of every matching article. Two ways in, one table out:
//   FacetSpy            a match spy of newsdesk's own for local databases: it
//                       reads each matching article's slot::facets and adds 1
//                       to each of its value ids;
//   tally_set_counts    the built-in ValueCountMatchSpy's per-set counts,
//                       which remote shards (stock xapian-tcpsrv) send back.
// A value's text is copied once, when its id is first met.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/facet_set.h"

namespace newsdesk {

// Which facet tags to count, indexed by tag (the rest are skipped).
using WantedTags = std::array<bool, 128>;

class FacetTally {
  public:
    struct Value {
        char tag = 0;
        std::uint64_t group = 0;  // the person's id for people and experts
        Xapian::doccount count = 0;
        std::uint32_t at = 0, size = 0;  // where its text is in the tally's text
    };

    // Room for about `values` distinct values before the table grows.
    explicit FacetTally(std::size_t values = 4096) {
        std::size_t slots = 16;
        while (slots * 3 < values * 4) slots *= 2;
        m_slots.resize(slots);
        m_values.reserve(values);
        m_text.reserve(values * 16);
    }

    // Adds `count` to the entry's value (by id). Inlined: it runs for every
    // value of every matching article.
    [[gnu::always_inline]] void add(const FacetEntry& entry, Xapian::doccount count) {
        const std::uint64_t id = entry.id != 0 ? entry.id : 1;  // 0 marks an empty slot
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = slot_of(id) & mask;; i = (i + 1) & mask) {
            Slot& s = m_slots[i];
            if (s.id == id) {
                m_values[s.index].count += count;
                return;
            }
            if (s.id == 0) {
                s = {id, static_cast<std::uint32_t>(m_values.size())};
                m_values.push_back({entry.tag, entry.group, count, static_cast<std::uint32_t>(m_text.size()),
                                    static_cast<std::uint32_t>(entry.value.size())});
                m_text += entry.value;
                if (m_values.size() * 4 > m_slots.size() * 3) grow();
                return;
            }
        }
    }

    // The value of id `id` (common/facet_set.h), nullptr when none was counted.
    [[nodiscard]] const Value* find(std::uint64_t id) const {
        id = id != 0 ? id : 1;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = slot_of(id) & mask;; i = (i + 1) & mask) {
            if (m_slots[i].id == id) return &m_values[m_slots[i].index];
            if (m_slots[i].id == 0) return nullptr;
        }
    }

    // Every value met, in the order first met.
    [[nodiscard]] const std::vector<Value>& values() const { return m_values; }
    [[nodiscard]] std::string_view text(const Value& v) const { return std::string_view(m_text).substr(v.at, v.size); }

  private:
    struct Slot {
        std::uint64_t id = 0;
        std::uint32_t index = 0;
    };
    void grow();
    [[nodiscard]] static std::size_t slot_of(std::uint64_t id) { return static_cast<std::size_t>(id ^ (id >> 29)); }

    std::vector<Slot> m_slots;
    std::vector<Value> m_values;
    std::string m_text;  // every value's text, one after another: one allocation, not one each
};

// Counts the wanted tags of every matching article of a local database `db`
// (the one searched). Not for remote shards: xapian-tcpsrv knows only the
// built-in spies. In one database the sets are read from one stream over the
// slot, moved on to each match, not looked up afresh per match
// (Document::get_value, a fifth more instructions): the matcher gives the
// matches in ascending order. A collection's shards are read per match
// (Xapian's merged value stream over shards did not give every shard's sets).
class FacetSpy : public Xapian::MatchSpy {
  public:
    FacetSpy(const WantedTags& wanted, Xapian::Database db)
        : m_wanted(wanted), m_db(std::move(db)), m_one_database(m_db.size() == 1) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    [[nodiscard]] const FacetTally& tally() const { return m_tally; }
    [[nodiscard]] Xapian::doccount documents_seen() const { return m_seen; }

  private:
    WantedTags m_wanted;
    std::string next_set(Xapian::docid did);

    Xapian::Database m_db;
    bool m_one_database;
    Xapian::ValueIterator m_sets;  // at or before the next match's set, unless m_read_to is 0
    Xapian::docid m_read_to = 0;   // the last match read
    FacetTally m_tally{16384};
    Xapian::doccount m_seen = 0;
};

// The wanted tags of a built-in ValueCountMatchSpy's sets over slot::facets,
// each set's count added to every value in it.
[[nodiscard]] FacetTally tally_set_counts(const Xapian::ValueCountMatchSpy& spy, const WantedTags& wanted);

}  // namespace newsdesk
