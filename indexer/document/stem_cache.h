// A stemmer that remembers the stems it gave: an article repeats its words, and
// the words of one language repeat across articles, so most words are stemmed
// once per worker instead of at every occurrence (Snowball's stemmers cost
// several hundred instructions a word; a lookup a fraction of that). The stems
// are the wrapped stemmer's, so the terms are the same.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
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
    explicit CachingStem(Xapian::Stem stem) : m_stem(std::move(stem)), m_index(kFirstSlots, 0) {}

    std::string operator()(const std::string& word) override {
        const std::uint64_t hash = std::hash<std::string_view>{}(word);
        const std::uint64_t tag = hash >> 32;
        std::size_t i = hash & (m_index.size() - 1);
        for (; m_index[i] != 0; i = (i + 1) & (m_index.size() - 1)) {
            if (m_index[i] >> 32 != tag) continue;
            const auto& entry = m_entries[(m_index[i] & 0xFFFFFFFFu) - 1];
            if (entry.word == word) return entry.stem;
        }
        if ((m_entries.size() + 1) * 4 > m_index.size() * 3) {
            // Bounded: a long run over many languages or odd tokens starts over.
            if (m_index.size() >= kMaxSlots)
                clear();
            else
                grow();
            return (*this)(word);
        }
        m_entries.push_back(Entry{word, m_stem(word)});
        m_index[i] = tag << 32 | m_entries.size();
        return m_entries.back().stem;
    }

    std::string get_description() const override { return "cached " + m_stem.get_description(); }

    // At most three quarters of this many words are kept.
    static constexpr std::size_t kMaxSlots = 1u << 17;

  private:
    static constexpr std::size_t kFirstSlots = 1u << 10;

    // Open addressing over an index of 8-byte slots (the top half of the
    // word's hash, and its entry's number + 1; 0 is free), probed in line: a
    // lookup touches a slot and the one entry whose hash matches, where a
    // node-based map touched a bucket, the node before and the node. The
    // entries never move, and take no more room than the map's nodes did.
    struct Entry {
        std::string word, stem;
    };

    void clear() {
        m_entries.clear();
        std::fill(m_index.begin(), m_index.end(), 0);
    }

    void grow() {
        m_index.assign(m_index.size() * 2, 0);
        for (std::size_t n = 0; n < m_entries.size(); ++n) {
            const std::uint64_t hash = std::hash<std::string_view>{}(m_entries[n].word);
            std::size_t i = hash & (m_index.size() - 1);
            while (m_index[i] != 0) i = (i + 1) & (m_index.size() - 1);
            m_index[i] = (hash >> 32) << 32 | (n + 1);
        }
    }

    Xapian::Stem m_stem;
    std::vector<std::uint64_t> m_index;
    std::deque<Entry> m_entries;
};

}  // namespace newsdesk
