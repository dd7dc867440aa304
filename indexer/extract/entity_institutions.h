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
    // Whether the article named `name` as an institution so far.
    [[nodiscard]] bool named(std::string_view name) const;
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
    // One or more mentions of `code` in the text being read. A `passing` mention
    // names the country only as a place or an adjective ("listed in Luxembourg",
    // "Japanese automakers"), not as an actor.
    void add(const std::string& code, int mentions = 1, bool passing = false);
    // A country named only inside another name ("Niger Delta University"): it
    // adds to the count of a country the text names elsewhere, never on its own.
    void add_inside_name(const std::string& code);
    // A name `code` shares with a place in `other` ("Georgia": GE or the US state):
    // it counts for `other` when the article names `other` by other words and
    // `code` by none.
    void add_shared(const std::string& code, const std::string& other);
    // Whether the text now being read is the lead: headline, captions, dateline
    // and first paragraph.
    void set_lead(bool lead) { m_lead = lead; }

    // The countries the article is about, most mentioned first (ties in order of
    // first mention): a country named in the lead (not in passing), named twice or more, named as
    // an actor ("ties with Japan"), or the most named one. A country named once in
    // passing further down ("listed in Luxembourg", "a Swiss cheese") is a word,
    // not a subject, and is left out.
    [[nodiscard]] std::vector<Country> countries() const;

  private:
    struct Entry {
        Country country;
        int inside_names = 0;  // mentions inside other names only
        bool lead = false;
        bool actor = false;  // a mention not in passing
        int shared = 0;      // mentions by a name shared with a place in `other`
        std::string other;
    };
    Entry& entry_for(const std::string& code);

    std::vector<Entry> m_entries;
    std::unordered_map<std::string, std::size_t> m_index;
    bool m_lead = false;
};

}  // namespace newsdesk::entities
