// The country gazetteer: ISO 3166-1 names read at run time from the iso-codes
// package plus curated aliases, demonyms, capitals, cities and regions under
// data/countries/ (see data/README.md). Loaded once, on first use, thread-safely;
// shared by the extractor (text -> code) and the searcher (`country:KP`).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace newsdesk {

// How a phrase points at a country. A region ("Korean Peninsula", "New Mexico")
// is listed only so that a longest match can keep its words from being read as
// a country; its code is empty.
enum class CountryCue { name, demonym, capital, city, region };

struct CountryEntry {
    std::string code;  // ISO 3166-1 alpha-2; empty for a region
    CountryCue cue = CountryCue::name;
};

// The key every gazetteer lookup uses: ASCII and Latin-1 letters lower-cased,
// curly apostrophes folded to ', hyphens and whitespace runs to one space,
// trimmed. "U.S." stays "u.s." (so it cannot collide with the pronoun "us").
[[nodiscard]] std::string lookup_key(std::string_view phrase);

class CountryGazetteer {
  public:
    // The process-wide table; throws newsdesk::Error when a data file or
    // /usr/share/iso-codes/json/iso_3166-1.json is missing or malformed.
    [[nodiscard]] static const CountryGazetteer& instance();

    // `key` as made by lookup_key; nullptr when the phrase is unknown.
    [[nodiscard]] const CountryEntry* find(std::string_view key) const;
    // The longest phrase in words, bounding a longest-match scan.
    [[nodiscard]] std::size_t max_words() const { return m_max_words; }
    // The longest phrase (in words) that starts with the word `key`; 0 when none
    // does, so a scan skips most words with one hash lookup.
    [[nodiscard]] std::size_t max_words_from(const std::string& key) const;
    // The place of a dateline ("CHICAGO", "MINNETONKA, Minn.", "SALVADOR, Brazil")
    // -> code: a state, province or country after a comma decides, else the city
    // (city tables, zone.tab, capitals, country names). Any letter case.
    // nullopt when unknown.
    [[nodiscard]] std::optional<std::string> dateline_place(std::string_view place) const;
    // True when `key` (a lookup key) names a known city, state, province or
    // country: such words are places, not people.
    [[nodiscard]] bool known_place(const std::string& key) const;
    [[nodiscard]] std::optional<std::string> code_for(std::string_view name_or_code) const;
    [[nodiscard]] std::string name(std::string_view code) const;

  private:
    CountryGazetteer();
    void load_iso();
    void add(std::string_view phrase, std::string code, CountryCue cue);

    std::unordered_map<std::string, CountryEntry> m_phrases;
    std::unordered_map<std::string, std::string> m_cities;     // key -> code
    std::unordered_map<std::string, std::string> m_subdivisions;  // "calif." -> US
    std::unordered_map<std::string, std::string> m_codes;      // "kp", "prk" -> "KP"
    std::unordered_map<std::string, std::string> m_names;      // "KP" -> display name
    std::unordered_map<std::string, std::size_t> m_first_words;  // first word -> longest phrase
    std::size_t m_max_words = 1;
};

// "north korea", "DPRK", "KP", "prk", "North Korean" -> "KP"; capitals and
// cities are not accepted (a query for `country:washington` is ambiguous).
// nullopt when unknown.
[[nodiscard]] std::optional<std::string> country_code_for(std::string_view name_or_code);

// "KP" -> "North Korea" (readable English short name; any case of the code is
// accepted); empty string for an unknown code.
[[nodiscard]] std::string country_name(std::string_view code);

}  // namespace newsdesk
