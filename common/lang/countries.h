// The country gazetteer: ISO 3166-1 names read at run time from the iso-codes
// package plus curated aliases, demonyms, capitals, cities and regions under
// data/countries/ (see data/README.md). Loaded once, on first use, thread-safely;
// shared by the extractor (text -> code) and the searcher (`country:KP`).
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// The key of the per-language tables: lookup_key, then Unicode case folding and
// NFC (so "РОССИЯ" and "Россия" meet), without what writers add or drop freely:
// the Devanagari nukta (फ़/फ), zero-width (non-)joiners, Arabic tatweel and
// vowel marks, and with the Arabic hamza-carrying alefs (أ إ آ) as a bare alef.
[[nodiscard]] std::string intl_key(std::string_view phrase);

// An inflection allowance of one language: a word of the text that ends (or
// begins) with `text` is also tried with `text` replaced by `name`
// ("Russlands": suffix "s" -> ""; "России": "ии" -> "ия"; "والصين": prefix "وال" -> "ال").
struct CountryAffix {
    std::string text;  // intl_key form
    std::string name;
    bool prefix = false;
};

// Country names of one language (BCP 47 primary code: "de", "hi", "zh"): the
// iso-codes gettext catalogues /usr/share/locale/<lang>[_*]/LC_MESSAGES/iso_3166-1.mo,
// CLDR's names through ICU (Locale::getDisplayCountry), and the curated
// data/countries/aliases/<lang>.tsv (which also blocks phrases: code "-").
struct LanguageCountries {
    std::string language;
    std::unordered_map<std::string, std::string> names;  // intl_key -> code; "-" = not a country
    std::unordered_map<std::string, std::size_t> first_words;  // first word -> longest phrase in words
    std::size_t max_words = 1;
    std::size_t max_chars = 0;   // longest name in code points (substring scans of CJK and Thai)
    std::vector<CountryAffix> affixes;  // data/countries/inflections.tsv

    // The code of `key` (an intl_key), nullptr when unknown or blocked.
    [[nodiscard]] const std::string* find(const std::string& key) const;
    // The entry of `key` as stored: a code, "-" for a blocked phrase, nullptr when unknown.
    [[nodiscard]] const std::string* entry(const std::string& key) const;
    // entry(), else the entry of the key with one inflection rule undone, keeping
    // at least two code points ("Chinas" -> "chinas" unknown -> "china"). May be
    // "-": a scan then skips the phrase without counting it.
    [[nodiscard]] const std::string* find_inflected(const std::string& key) const;
};

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

    // The country names of `language` (a BCP 47 tag; its primary subtag counts),
    // loaded on first use and cached; safe to call from any thread. A language
    // without catalogue, CLDR names or aliases gives an empty table. A catalogue
    // that cannot be read is reported once on stderr and skipped.
    [[nodiscard]] const LanguageCountries& language(std::string_view language) const;
    // The language of a script (ISO 15924 short name: "Deva" -> "hi") from
    // data/countries/script_languages.tsv, for text whose language is not known;
    // empty when none is listed.
    [[nodiscard]] std::string script_language(std::string_view script) const;
    // Primary language codes with an iso_3166-1 catalogue under /usr/share/locale.
    [[nodiscard]] std::vector<std::string> catalogue_languages() const;

  private:
    CountryGazetteer();
    void load_iso();
    std::unique_ptr<LanguageCountries> load_language(const std::string& language) const;
    void add(std::string_view phrase, std::string code, CountryCue cue);

    std::unordered_map<std::string, CountryEntry> m_phrases;
    std::unordered_map<std::string, std::string> m_cities;     // key -> code
    std::unordered_map<std::string, std::string> m_subdivisions;  // "calif." -> US
    std::unordered_map<std::string, std::string> m_codes;      // "kp", "prk" -> "KP"
    std::unordered_map<std::string, std::string> m_names;      // "KP" -> display name
    std::unordered_map<std::string, std::size_t> m_first_words;  // first word -> longest phrase
    std::size_t m_max_words = 1;
    std::unordered_map<std::string, std::string> m_english;   // iso-codes English string -> code
    std::unordered_map<std::string, std::string> m_scripts;   // "Deva" -> "hi"
    mutable std::mutex m_languages_mutex;
    mutable std::unordered_map<std::string, std::unique_ptr<LanguageCountries>> m_languages;
};

// Whether `text` is spelt as a country name may be in some language: letters,
// spaces and the signs names use ("-'.,()&:/;_ and the double quote) only. code_for tries other languages' names only then.
[[nodiscard]] bool could_name_a_country(std::string_view text);

// "north korea", "DPRK", "KP", "prk", "North Korean" -> "KP"; capitals and
// cities are not accepted (a query for `country:washington` is ambiguous).
// nullopt when unknown.
[[nodiscard]] std::optional<std::string> country_code_for(std::string_view name_or_code);

// "KP" -> "North Korea" (readable English short name; any case of the code is
// accepted); empty string for an unknown code. The same names as
// CountryGazetteer::name, without loading the gazetteer: only the display names
// and the iso-codes file are read.
[[nodiscard]] std::string country_name(std::string_view code);

}  // namespace newsdesk
