// A stemmer that remembers the stems it gave: an article repeats its words, and
// the words of one language repeat across articles, so most words are stemmed
// once per worker instead of at every occurrence (Snowball's stemmers cost
// several hundred instructions a word; a lookup a fraction of that). The stems
// are the wrapped stemmer's, so the terms are the same.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdesk {

// Not thread-safe (neither is Xapian::Stem's reference count): one per thread,
// as a DocumentBuilder is. Build it for a real stemmer only: a TermGenerator
// skips stemming for Xapian::Stem("none"), but not for a wrapper around it.
class CachingStem : public Xapian::StemImplementation {
  public:
    explicit CachingStem(Xapian::Stem stem) : m_stem(std::move(stem)), m_slots(kFirstSlots) {}

    std::string operator()(const std::string& word) override {
        const std::uint64_t hash = std::hash<std::string_view>{}(word);
        std::size_t i = hash & (m_slots.size() - 1);
        for (; m_slots[i].used; i = (i + 1) & (m_slots.size() - 1))
            if (m_slots[i].hash == hash && m_slots[i].word == word) return m_slots[i].stem;
        if ((m_used + 1) * 4 > m_slots.size() * 3) {
            // Bounded: a long run over many languages or odd tokens starts over.
            if (m_slots.size() >= kMaxSlots) clear();
            else grow();
            return (*this)(word);
        }
        ++m_used;
        m_slots[i] = Slot{true, hash, word, m_stem(word)};
        return m_slots[i].stem;
    }

    std::string get_description() const override { return "cached " + m_stem.get_description(); }

    // At most three quarters of this many words are kept.
    static constexpr std::size_t kMaxSlots = 1u << 17;

  private:
    static constexpr std::size_t kFirstSlots = 1u << 10;

    // Open addressing, probed in line: a lookup touches one slot (the words and
    // stems are short, held in the slot's strings), where a node-based map
    // touched a bucket, the node before and the node.
    struct Slot {
        bool used = false;
        std::uint64_t hash = 0;
        std::string word, stem;
    };

    void clear() {
        m_slots.assign(m_slots.size(), Slot{});
        m_used = 0;
    }

    void grow() {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        for (auto& slot : old) {
            if (!slot.used) continue;
            std::size_t i = slot.hash & (m_slots.size() - 1);
            while (m_slots[i].used) i = (i + 1) & (m_slots.size() - 1);
            m_slots[i] = std::move(slot);
        }
    }

    Xapian::Stem m_stem;
    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
};

}  // namespace newsdesk
