// A stemmer that remembers the stems it gave: an article repeats its words, and
// the words of one language repeat across articles, so most words are stemmed
// once per worker instead of at every occurrence (Snowball's stemmers cost
// several hundred instructions a word; a lookup a fraction of that). The stems
// are the wrapped stemmer's, so the terms are the same.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsdesk {

// Not thread-safe (neither is Xapian::Stem's reference count): one per thread,
// as a DocumentBuilder is. Build it for a real stemmer only: a TermGenerator
// skips stemming for Xapian::Stem("none"), but not for a wrapper around it.
class CachingStem : public Xapian::StemImplementation {
  public:
    explicit CachingStem(Xapian::Stem stem) : m_stem(std::move(stem)) {}

    std::string operator()(const std::string& word) override {
        if (const auto it = m_stems.find(word); it != m_stems.end()) return it->second;
        // Bounded: a long run over many languages or odd tokens starts over.
        if (m_stems.size() >= kMaxWords) m_stems.clear();
        return m_stems.emplace(word, m_stem(word)).first->second;
    }

    std::string get_description() const override { return "cached " + m_stem.get_description(); }

    static constexpr std::size_t kMaxWords = 1u << 17;

  private:
    Xapian::Stem m_stem;
    std::unordered_map<std::string, std::string> m_stems;
};

}  // namespace newsdesk
