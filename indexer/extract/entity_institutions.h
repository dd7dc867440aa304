// Institutions and countries named in one article, with mention counts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/article.h"

namespace newsdesk::entities {

// Institutions under one canonical name each: the gazetteer's name when it
// knows the institution under any alias, else the name as first written.
class InstitutionBook {
  public:
    // One mention of `name` (as written, without a leading "the").
    void add(std::string_view name, std::string_view acronym = {});
    // "Center for Strategic and International Studies (CSIS)": links the acronym
    // to the institution, so later mentions of "CSIS" count for it.
    void define(std::string_view name, std::string_view acronym);
    // A mention of an acronym defined earlier in the article; false if unknown.
    bool add_defined_acronym(std::string_view acronym);

    // Most mentioned first, ties in order of first mention.
    [[nodiscard]] std::vector<Institution> institutions() const;

  private:
    struct Entry {
        Institution institution;
        std::size_t order = 0;
    };
    Entry& entry_for(std::string_view name);

    std::vector<Entry> m_entries;
    std::unordered_map<std::string, std::size_t> m_index;     // lookup key -> m_entries
    std::unordered_map<std::string, std::size_t> m_acronyms;  // "CSIS" -> m_entries
};

// Country mentions: ISO code -> count, in order of first mention.
class CountryTally {
  public:
    void add(const std::string& code, int mentions = 1);
    // Every country mentioned, most mentioned first (ties in order of first
    // mention). Nothing is dropped: a country named once in a long story may be
    // noise for a topic label, but consumers choose by `mentions`.
    [[nodiscard]] std::vector<Country> countries() const;

  private:
    std::vector<Country> m_countries;
    std::unordered_map<std::string, std::size_t> m_index;
};

}  // namespace newsdesk::entities
