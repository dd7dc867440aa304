// Facet counts by value id (common/facet_set.h): what a search adds up for
// every value of every matching article. Two ways in, one table out:
//   FacetSpy            a match spy of newsdesk's own for local databases: it
//                       reads each matching article's slot::facet_ids (ids
//                       only) and adds 1 to each wanted id, noting the first
//                       article that held it, whose slot::facets has its text;
//   tally_set_counts    the built-in ValueCountMatchSpy's per-set counts over
//                       slot::facets, which remote shards (stock
//                       xapian-tcpsrv) send back, texts and all.
// Values are keyed by facet_id; a text is copied once, when known.
#pragma once

#include <array>
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/db/facet_column.h"
#include "common/facet_set.h"
#include "searcher/match_set.h"

namespace newsdesk {

// Which facet tags to count, indexed by tag (the rest are skipped).
using WantedTags = std::array<bool, 128>;

class FacetTally {
  public:
    struct Value {
        std::uint64_t id = 0;     // facet_id
        std::uint64_t group = 0;  // the person's id for people and experts
        Xapian::doccount count = 0;      // once FacetTally::settle() ran
        Xapian::docid first = 0;         // an article holding it (ids counted locally)
        std::uint32_t at = 0, size = 0;  // where its text is in the tally's text
        bool known = false;              // at and size hold its text
        [[nodiscard]] char tag() const { return facet_id_tag(id); }
    };

    // Room for about `values` distinct values before the table grows.
    explicit FacetTally(std::size_t values = 4096) {
        std::size_t slots = 16;
        while (slots * 3 < values * 4) slots *= 2;
        m_slots.resize(slots);
        m_values.reserve(values);
        m_text.reserve(values * 16);
    }

    // Adds `count` to the entry's value, with its text.
    void add(const FacetEntry& entry, Xapian::doccount count) {
        Value& v = m_values[add_id(facet_id(entry.tag, entry.value, entry.id), entry.group, 0, count)];
        if (!v.known) set_text(v, entry.value);
    }

    // Adds `count` to the value of `id`, first seen in article `first`, and
    // returns its index in values(). Inlined: it runs for every wanted value
    // of every matching article, and a value met again touches its slot only
    // (values() has the counts once settle() ran).
    [[gnu::always_inline]] std::uint32_t add_id(std::uint64_t id, std::uint64_t group, Xapian::docid first,
                                                Xapian::doccount count) {
        const std::uint64_t key = id != 0 ? id : 1;  // 0 marks an empty slot
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = slot_of(key) & mask;; i = (i + 1) & mask) {
            Slot& s = m_slots[i];
            if (s.id == key) {
                s.count += count;
                return s.index;
            }
            if (s.id == 0) {
                const auto index = static_cast<std::uint32_t>(m_values.size());
                s = {key, index, count};
                m_values.push_back({id, group, 0, first});
                if (m_values.size() * 4 > m_slots.size() * 3) grow();
                return index;
            }
        }
    }

    // Moves the counts from the table into values(): after the last add.
    void settle() {
        for (const Slot& s : m_slots)
            if (s.id != 0) m_values[s.index].count = s.count;
    }

    // Records the text of `v` (a value of this tally).
    void set_text(Value& v, std::string_view text) {
        v.at = static_cast<std::uint32_t>(m_text.size());
        v.size = static_cast<std::uint32_t>(text.size());
        v.known = true;
        m_text += text;
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
    [[nodiscard]] Value* find(std::uint64_t id) {
        return const_cast<Value*>(static_cast<const FacetTally&>(*this).find(id));
    }

    // The copies' signatures (tag facet_tag::copy) counted apart, as the
    // column's tally does: about one per matching article, of which only the
    // totals and the hits' own counts are wanted, so they stay out of the
    // table. Not `counted`: the signatures are values like the others.
    struct Copies {
        bool counted = false;
        Xapian::doccount with_signature = 0;  // matching articles holding one
        Xapian::doccount distinct = 0;        // distinct signatures among them
        std::vector<std::pair<std::uint64_t, Xapian::doccount>> asked;  // id -> articles, of those asked for
    };
    [[nodiscard]] const Copies& copies() const { return m_copies; }
    [[nodiscard]] Copies& copies() { return m_copies; }

    // Every value met, in the order first met.
    [[nodiscard]] const std::vector<Value>& values() const { return m_values; }
    [[nodiscard]] std::vector<Value>& values() { return m_values; }
    // Its text, once known (empty before).
    [[nodiscard]] std::string_view text(const Value& v) const { return std::string_view(m_text).substr(v.at, v.size); }

  private:
    struct Slot {
        std::uint64_t id = 0;
        std::uint32_t index = 0;
        Xapian::doccount count = 0;
    };
    void grow();
    // Fibonacci hashing of the id folded in half: codes and dates (common/facet_set.h)
    // differ in a few low bits only, which id ^ (id >> 29) left in runs of
    // neighbouring slots (about ten probes a value at three quarters full).
    [[nodiscard]] static std::size_t slot_of(std::uint64_t id) {
        return static_cast<std::size_t>(((id ^ (id >> 32)) * 0x9E3779B97F4A7C15ull) >> 32);
    }

    std::vector<Slot> m_slots;
    std::vector<Value> m_values;
    Copies m_copies;
    std::string m_text;  // every value's text, one after another: one allocation, not one each
};

// Counts per entry of a facet column (common/db/facet_column.h): one
// increment per value of each match, no hashing; the ids are read once per
// distinct value, when the counts become a tally.
class ColumnCounter {
  public:
    explicit ColumnCounter(const FacetColumn& column) : m_column(column), m_counts(column.entries().size() + 1, 0) {}
    [[gnu::always_inline]] void add(Xapian::docid did) {
        // An index past the entries (a corrupt file) lands in the last slot, never counted.
        const auto past = static_cast<std::uint32_t>(m_counts.size() - 1);
        const auto values = m_column.values(did);
        Xapian::doccount* counts = m_counts.data();
        const std::uint32_t* v = values.data();
        const std::uint32_t* const end = v + values.size();
        // Two at a time: the loop's own steps were a fifth of its instructions.
        for (; end - v >= 2; v += 2) {
            const std::uint32_t a = std::min(v[0], past), b = std::min(v[1], past);
            ++counts[a];
            ++counts[b];
        }
        if (v != end) ++counts[std::min(*v, past)];
    }
    // The wanted values counted, settled, each with its entry's first
    // article; the copies' signatures, when wanted, in FacetTally::copies(),
    // with the counts of those of `copy_ids` (facet ids) counted.
    [[nodiscard]] FacetTally tally(const WantedTags& wanted, std::vector<std::uint64_t> copy_ids = {}) const;

  private:
    const FacetColumn& m_column;
    std::vector<Xapian::doccount> m_counts;
};

// Counts the wanted tags of every matching article of a local database `db`
// (the one searched), by id: the values' texts are left unknown
// (FacetTexts reads those wanted). Not for remote shards: xapian-tcpsrv knows only the
// built-in spies. In one database the id sets are read from one stream over the
// slot, moved on to each match, not looked up afresh per match
// (Document::get_value, a fifth more instructions): the matcher gives the
// matches in ascending order. A collection's shards are read per match, texts
// and all (a shard's document has its docid in the shard, not the collection)
// (Xapian's merged value stream over shards did not give every shard's sets).
class FacetSpy : public Xapian::MatchSpy {
  public:
    // With `column` (the database's, valid for its revision) each match is
    // counted from the column instead of slot::facet_ids.
    FacetSpy(const WantedTags& wanted, Xapian::Database db, const FacetColumn* column = nullptr)
        : m_wanted(wanted), m_db(std::move(db)), m_one_database(m_db.size() == 1) {
        if (column && m_one_database) m_column.emplace(*column);
    }
    void operator()(const Xapian::Document& doc, double weight) override;
    // Counts every article of `matches` without the matcher: with a column only
    // (false, nothing counted, without one).
    bool add_all(const MatchSet& matches);
    // The counts, settled; `copy_ids`: the signatures (facet ids) whose
    // counts are wanted, where the copies are counted apart (FacetTally::copies).
    [[nodiscard]] FacetTally& tally(std::vector<std::uint64_t> copy_ids = {}) {
        if (m_column && !m_settled) m_tally = m_column->tally(m_wanted, std::move(copy_ids));
        else m_tally.settle();
        m_settled = true;
        return m_tally;
    }
    [[nodiscard]] Xapian::doccount documents_seen() const { return m_seen; }

  private:
    WantedTags m_wanted;
    std::string next_set(Xapian::docid did);

    Xapian::Database m_db;
    bool m_one_database;
    std::optional<ColumnCounter> m_column;
    bool m_settled = false;
    Xapian::ValueIterator m_sets;  // at or before the next match's set, unless m_read_to is 0
    Xapian::docid m_read_to = 0;   // the last match read
    FacetTally m_tally{16384};
    Xapian::doccount m_seen = 0;
};

// The wanted tags of a built-in ValueCountMatchSpy's sets over slot::facets,
// each set's count added to every value in it (texts known).
[[nodiscard]] FacetTally tally_set_counts(const Xapian::ValueCountMatchSpy& spy, const WantedTags& wanted);

// The texts of a tally's values, read when asked for: from the id itself
// (dates, codes) or from slot::facets of the article that first held the
// value, whose every counted value's text is then recorded at once.
class FacetTexts {
  public:
    FacetTexts(FacetTally& tally, const Xapian::Database& db) : m_tally(tally), m_db(db) {}
    // Throws what Xapian throws reading the article.
    std::string_view text(std::uint32_t index);
    [[nodiscard]] std::uint64_t id(std::uint32_t index) const { return m_tally.values()[index].id; }

  private:
    FacetTally& m_tally;
    const Xapian::Database& m_db;
};

}  // namespace newsdesk
