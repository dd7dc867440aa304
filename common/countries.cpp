#include "common/countries.h"

#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/data_dir.h"
#include "common/error.h"
#include "common/text.h"

namespace newsdesk {

namespace {

// Debian's iso-codes package; read in place, never copied into the repository.
constexpr const char* kIsoFile = "/usr/share/iso-codes/json/iso_3166-1.json";
// tzdata: one country code per zone, zone names carry a major city ("America/New_York").
constexpr const char* kZoneTab = "/usr/share/zoneinfo/zone.tab";

std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw Error("cannot read " + path.string());
    std::vector<std::vector<std::string>> rows;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        std::istringstream fields(line);
        for (std::string cell; std::getline(fields, cell, '\t');) cells.emplace_back(trim(cell));
        rows.push_back(std::move(cells));
    }
    return rows;
}

std::size_t word_count(std::string_view key) {
    std::size_t n = key.empty() ? 0 : 1;
    for (char c : key) n += c == ' ';
    return n;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    return out;
}

// Datelines write "Fla." and "Fla" alike.
std::string without_period(std::string key) {
    if (!key.empty() && key.back() == '.') key.pop_back();
    return key;
}

}  // namespace

std::string lookup_key(std::string_view phrase) {
    std::string out;
    out.reserve(phrase.size());
    bool space = false;
    for (std::size_t pos = 0; pos < phrase.size();) {
        char32_t cp = next_code_point(phrase, pos);
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) cp = '\'';
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '-' || cp == 0x2010 || cp == 0xA0) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ', space = false;
        if (cp >= 'A' && cp <= 'Z') cp += 32;
        // Latin-1 capitals À..Þ (not ×) and Latin Extended-A pairs (even = capital).
        else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;
        else if (cp == 0x130) cp = 'i';  // Turkish dotted capital I: "İstanbul"
        else if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0 && cp != 0x138) cp += 1;
        append_utf8(out, cp);
    }
    return out;
}

const CountryGazetteer& CountryGazetteer::instance() {
    static const CountryGazetteer table;  // C++11 guarantees one thread-safe initialisation
    return table;
}

void CountryGazetteer::add(std::string_view phrase, std::string code, CountryCue cue) {
    auto key = lookup_key(phrase);
    if (key.empty()) return;
    const auto words = word_count(key);
    m_max_words = std::max(m_max_words, words);
    auto& longest = m_first_words[key.substr(0, key.find(' '))];
    longest = std::max(longest, words);
    // First writer wins: curated aliases are loaded before iso-codes names.
    m_phrases.try_emplace(std::move(key), CountryEntry{std::move(code), cue});
}

void CountryGazetteer::load_iso() {
    std::ifstream in(kIsoFile);
    if (!in) throw Error(std::string("cannot read ") + kIsoFile + " (Debian package iso-codes)");
    const auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded() || !json.contains("3166-1")) throw Error(std::string("malformed ") + kIsoFile);
    for (const auto& entry : json["3166-1"]) {
        const std::string code = entry.value("alpha_2", "");
        if (code.size() != 2) continue;
        m_codes[ascii_lower(code)] = code;
        if (entry.contains("alpha_3")) m_codes[ascii_lower(entry["alpha_3"].get<std::string>())] = code;
        const std::string name = entry.value("name", "");
        const std::string common = entry.value("common_name", "");
        m_names.try_emplace(code, common.empty() ? name : common);
        for (const char* field : {"common_name", "name", "official_name"}) {
            const std::string value = entry.value(field, "");
            // "Korea, Republic of" is a catalogue form nobody writes in running text.
            if (!value.empty() && value.find(", ") == std::string::npos) add(value, code, CountryCue::name);
        }
    }
}

CountryGazetteer::CountryGazetteer() {
    // Display overrides first so try_emplace in load_iso keeps them.
    for (const auto& row : read_tsv(data_file("countries/display_names.tsv")))
        if (row.size() >= 2) m_names[upper(row[0])] = row[1];
    for (const auto& row : read_tsv(data_file("countries/aliases.tsv")))
        if (row.size() >= 2) add(row[0], upper(row[1]), CountryCue::name);
    load_iso();
    for (const auto& row : read_tsv(data_file("countries/demonyms.tsv")))
        if (row.size() >= 2) add(row[0], upper(row[1]), CountryCue::demonym);
    for (const auto& row : read_tsv(data_file("countries/capitals.tsv"))) {
        if (row.size() < 2) continue;
        add(row[0], upper(row[1]), CountryCue::capital);
        m_cities.try_emplace(lookup_key(row[0]), upper(row[1]));
    }
    for (const auto& row : read_tsv(data_file("countries/regions.tsv")))
        if (!row.empty()) add(row[0], "", CountryCue::region);
    for (const auto& row : read_tsv(data_file("countries/cities.tsv")))
        if (row.size() >= 2) m_cities.try_emplace(lookup_key(row[0]), upper(row[1]));
    for (const auto& row : read_tsv(data_file("countries/subdivisions.tsv")))
        if (row.size() >= 2) m_subdivisions.try_emplace(without_period(lookup_key(row[0])), upper(row[1]));
    // zone.tab: "US<TAB>+404251-0740023<TAB>America/New_York<TAB>..." -> "new york" -> US.
    for (const auto& row : read_tsv(kZoneTab)) {
        if (row.size() < 3 || row[0].size() != 2) continue;
        auto city = row[2].substr(row[2].rfind('/') + 1);
        for (auto& c : city) c = c == '_' ? ' ' : c;
        m_cities.try_emplace(lookup_key(city), row[0]);
    }
}

std::size_t CountryGazetteer::max_words_from(const std::string& key) const {
    const auto it = m_first_words.find(key);
    return it == m_first_words.end() ? 0 : it->second;
}

const CountryEntry* CountryGazetteer::find(std::string_view key) const {
    const auto it = m_phrases.find(std::string(key));
    return it == m_phrases.end() ? nullptr : &it->second;
}

std::optional<std::string> CountryGazetteer::dateline_place(std::string_view place) const {
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= place.size();) {
        auto comma = place.find(',', start);
        if (comma == std::string_view::npos) comma = place.size();
        parts.push_back(lookup_key(place.substr(start, comma - start)));
        start = comma + 1;
    }
    // "BIRMINGHAM, Ala." is in the US whatever the city table says about Birmingham.
    // A part may run into the date ("Tex. March"): shorter word prefixes are tried too.
    for (std::size_t i = parts.size(); i-- > 1;) {
        for (std::string part = parts[i]; !part.empty();) {
            if (const auto it = m_subdivisions.find(without_period(part)); it != m_subdivisions.end())
                return it->second;
            if (const auto* entry = find(part); entry && entry->cue == CountryCue::name) return entry->code;
            const auto space = part.rfind(' ');
            part.resize(space == std::string::npos ? 0 : space);
        }
    }
    if (const auto it = m_cities.find(parts[0]); it != m_cities.end()) return it->second;
    // A dateline may name a country itself ("SINGAPORE, March 3").
    if (const auto* entry = find(parts[0]); entry && entry->cue == CountryCue::name) return entry->code;
    return std::nullopt;
}

bool CountryGazetteer::known_place(const std::string& key) const {
    if (m_cities.count(key) || m_subdivisions.count(without_period(key))) return true;
    const auto* entry = find(key);
    return entry && entry->cue == CountryCue::name;
}

std::optional<std::string> CountryGazetteer::code_for(std::string_view name_or_code) const {
    const auto key = lookup_key(name_or_code);
    if (const auto it = m_codes.find(key); it != m_codes.end()) return it->second;
    if (const auto* entry = find(key);
        entry && (entry->cue == CountryCue::name || entry->cue == CountryCue::demonym))
        return entry->code;
    return std::nullopt;
}

std::string CountryGazetteer::name(std::string_view code) const {
    const auto it = m_names.find(upper(code));
    return it == m_names.end() ? std::string() : it->second;
}

std::optional<std::string> country_code_for(std::string_view name_or_code) {
    return CountryGazetteer::instance().code_for(name_or_code);
}

std::string country_name(std::string_view code) { return CountryGazetteer::instance().name(code); }

}  // namespace newsdesk
