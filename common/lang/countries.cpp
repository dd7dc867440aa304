#include "common/lang/countries.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include "common/data_dir.h"
#include "common/error.h"
#include "common/lang/gettext_catalog.h"
#include "common/text.h"
#include "common/unicode_fold.h"

namespace newsdesk {

namespace {

// Debian's iso-codes package; read in place, never copied into the repository.
constexpr const char* kIsoFile = "/usr/share/iso-codes/json/iso_3166-1.json";
// tzdata: one country code per zone, zone names carry a major city ("America/New_York").
constexpr const char* kZoneTab = "/usr/share/zoneinfo/zone.tab";
// iso-codes' translations of its English names, one gettext catalogue per language.
constexpr const char* kLocaleDir = "/usr/share/locale";
constexpr const char* kCatalogue = "iso_3166-1.mo";

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
        // ASCII, most of every key, without decoding and re-encoding.
        if (char c = phrase[pos]; static_cast<unsigned char>(c) < 0x80) {
            ++pos;
            if (c == ' ' || c == '\t' || c == '\n' || c == '-') {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ', space = false;
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
            continue;
        }
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
    // A name with accents is also known without them ("Türkiye" typed as
    // "Turkiye", as query folding reads it): both are the same country.
    const bool accented = std::any_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (accented && (cue == CountryCue::name || cue == CountryCue::demonym)) {
        if (auto folded = lookup_key(fold_for_search(phrase)); folded != key && !folded.empty()) {
            auto& first = m_first_words[folded.substr(0, folded.find(' '))];
            first = std::max(first, word_count(folded));
            m_phrases.try_emplace(std::move(folded), CountryEntry{code, cue});
        }
    }
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
            if (!value.empty()) m_english.try_emplace(value, code);
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
    for (const auto& row : read_tsv(data_file("countries/script_languages.tsv")))
        if (row.size() >= 2) m_scripts.try_emplace(row[0], row[1]);
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

bool could_name_a_country(std::string_view text) {
    // Country names hold letters (any script), spaces and a few signs: "Congo
    // (Kinshasa)", "Trinidad & Tobago", "Côte d'Ivoire", Swedish "USA:s",
    // Welsh "Falkland/Malvinas", Hebrew ארה"ב, Crimean Tatar "timor_leste";
    // never digits, <, >, =, { or the rest of ASCII's signs (every catalogue
    // language is checked by countries_intl_test). Bytes of 0x80 and up are
    // letters of other scripts, or marks.
    static constexpr std::string_view kSigns = " -'.,()&:/;\"_";
    if (text.empty()) return false;
    for (const unsigned char c : text) {
        if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
        if (kSigns.find(static_cast<char>(c)) == std::string_view::npos) return false;
    }
    return true;
}

std::optional<std::string> CountryGazetteer::code_for(std::string_view name_or_code) const {
    const auto key = lookup_key(name_or_code);
    if (const auto it = m_codes.find(key); it != m_codes.end()) return it->second;
    if (const auto* entry = find(key);
        entry && (entry->cue == CountryCue::name || entry->cue == CountryCue::demonym))
        return entry->code;
    // A name in another language ("Россия", "Deutschland"): every catalogue
    // language is loaded once, on the first such query. That costs about half
    // a second, so a value no language could spell as a country name
    // ("<script>alert(1)</script>" in a URL) is unknown without it.
    if (!could_name_a_country(name_or_code)) return std::nullopt;
    const auto key_intl = intl_key(name_or_code);
    for (const auto& language : catalogue_languages())
        if (const auto* code = this->language(language).find(key_intl)) return *code;
    return std::nullopt;
}

std::string CountryGazetteer::name(std::string_view code) const {
    const auto it = m_names.find(upper(code));
    return it == m_names.end() ? std::string() : it->second;
}

std::string intl_key(std::string_view phrase) {
    auto key = lookup_key(phrase);
    bool ascii = true;
    for (unsigned char c : key) ascii = ascii && c < 0x80;
    if (ascii) return key;
    const std::string folded = fold_and_compose(key);
    std::string out;
    out.reserve(folded.size());
    for (std::size_t pos = 0; pos < folded.size();) {
        char32_t cp = next_code_point(folded, pos);
        if (cp == 0x093C || cp == 0x200C || cp == 0x200D || cp == 0x0640 || (cp >= 0x064B && cp <= 0x0652))
            continue;
        if (cp == 0x0623 || cp == 0x0625 || cp == 0x0622) cp = 0x0627;
        append_utf8(out, cp);
    }
    return out;
}

const std::string* LanguageCountries::find(const std::string& key) const {
    const auto it = names.find(key);
    return it == names.end() || it->second == "-" ? nullptr : &it->second;
}

const std::string* LanguageCountries::entry(const std::string& key) const {
    const auto it = names.find(key);
    return it == names.end() ? nullptr : &it->second;
}

const std::string* LanguageCountries::find_inflected(const std::string& key) const {
    if (const auto* code = entry(key)) return code;
    for (const auto& affix : affixes) {
        if (key.size() <= affix.text.size()) continue;
        std::string base;
        if (affix.prefix) {
            if (!key.starts_with(affix.text)) continue;
            base = affix.name + key.substr(affix.text.size());
        } else {
            if (!key.ends_with(affix.text)) continue;
            base = key.substr(0, key.size() - affix.text.size()) + affix.name;
        }
        if (utf8_length(base) < 2) continue;
        if (const auto* code = entry(base)) return code;
    }
    return nullptr;
}

namespace {

std::string primary_language(std::string_view tag) {
    const auto end = tag.find_first_of("-_@.");
    return ascii_lower(tag.substr(0, end));
}

// Catalogue folders of one language: "zh" -> zh_CN, zh_TW, zh_HK...; "de" -> de, de_CH.
std::vector<std::string> catalogue_variants(const std::string& language) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& dir : std::filesystem::directory_iterator(kLocaleDir, ec)) {
        const auto name = dir.path().filename().string();
        if (primary_language(name) != language) continue;
        if (std::filesystem::exists(dir.path() / "LC_MESSAGES" / kCatalogue, ec)) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void add_name(LanguageCountries& table, std::string_view phrase, const std::string& code) {
    auto key = intl_key(phrase);
    if (key.empty()) return;
    std::size_t words = 1;
    for (char c : key) words += c == ' ';
    table.max_words = std::max(table.max_words, words);
    table.max_chars = std::max(table.max_chars, utf8_length(key));
    auto& longest = table.first_words[key.substr(0, key.find(' '))];
    longest = std::max(longest, words);
    table.names.try_emplace(std::move(key), code);  // first writer wins: aliases come first
}

// True when ICU has locale data of `language` itself; otherwise display names
// would come from the fallback (default) locale.
bool icu_knows(const std::string& language) {
    for (int32_t i = 0, n = uloc_countAvailable(); i < n; ++i)
        if (primary_language(uloc_getAvailable(i)) == language) return true;
    return false;
}

// "Korea, Republic of" and its translations ("Korea, Republik") are catalogue
// forms nobody writes in running text.
bool catalogue_form(std::string_view name) {
    return name.find(',') != std::string_view::npos || name.find("\xD8\x8C") != std::string_view::npos ||
           name.find("\xEF\xBC\x8C") != std::string_view::npos || name.find('(') != std::string_view::npos;
}

}  // namespace

std::unique_ptr<LanguageCountries> CountryGazetteer::load_language(const std::string& language) const {
    auto table = std::make_unique<LanguageCountries>();
    table->language = language;
    const auto dir = data_dir() / "countries";
    // Curated aliases first: they win over catalogue and CLDR names, and can block them.
    if (const auto aliases = dir / "aliases" / (language + ".tsv"); std::filesystem::exists(aliases))
        for (const auto& row : read_tsv(aliases))
            if (row.size() >= 2) add_name(*table, row[0], row[1] == "-" ? "-" : upper(row[1]));
    const auto variants = catalogue_variants(language);
    // CLDR short names ("Russland", "Südkorea") before the catalogue's formal ones.
    std::vector<std::string> locales;
    if (icu_knows(language)) {
        locales.push_back(language);
        locales.insert(locales.end(), variants.begin(), variants.end());
    }
    for (const auto& locale_name : locales) {
        const icu::Locale locale(locale_name.c_str());
        if (locale.isBogus() || primary_language(locale.getLanguage()) != language) continue;
        // The short form where CLDR has one ("USA", "अमेरिका") beside the standard name.
        UDisplayContext short_form[] = {UDISPCTX_LENGTH_SHORT};
        const std::unique_ptr<icu::LocaleDisplayNames> short_names(
            icu::LocaleDisplayNames::createInstance(locale, short_form, 1));
        for (const auto& [code, english] : m_names) {
            icu::UnicodeString standard, brief;
            icu::Locale("", code.c_str()).getDisplayCountry(locale, standard);
            if (short_names) short_names->regionDisplayName(code.c_str(), brief);
            for (const auto* display : {&brief, &standard}) {
                std::string name;
                display->toUTF8String(name);
                if (name.empty() || name == code || catalogue_form(name)) continue;
                add_name(*table, name, code);
            }
        }
    }
    for (const auto& variant : variants) {
        const auto path = std::filesystem::path(kLocaleDir) / variant / "LC_MESSAGES" / kCatalogue;
        try {
            for (const auto& [english, translated] : read_gettext_catalog(path)) {
                const auto it = m_english.find(english);
                if (it == m_english.end() || catalogue_form(translated)) continue;
                add_name(*table, translated, it->second);
            }
        } catch (const Error& e) {
            std::cerr << "newsdesk: " << e.what() << " (skipped)\n";
        }
    }
    if (const auto rules = dir / "inflections.tsv"; std::filesystem::exists(rules))
        for (const auto& row : read_tsv(rules)) {
            if (row.size() < 3 || row[0] != language) continue;
            const bool prefix = row[1] == "prefix";
            table->affixes.push_back(CountryAffix{intl_key(row[2]), row.size() > 3 ? intl_key(row[3]) : "", prefix});
        }
    return table;
}

const LanguageCountries& CountryGazetteer::language(std::string_view tag) const {
    const auto language = primary_language(tag);
    std::lock_guard lock(m_languages_mutex);
    auto& slot = m_languages[language];
    if (!slot) slot = load_language(language);
    return *slot;
}

std::string CountryGazetteer::script_language(std::string_view script) const {
    const auto it = m_scripts.find(std::string(script));
    return it == m_scripts.end() ? std::string() : it->second;
}

std::vector<std::string> CountryGazetteer::catalogue_languages() const {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& dir : std::filesystem::directory_iterator(kLocaleDir, ec)) {
        const auto language = primary_language(dir.path().filename().string());
        if (language.size() < 2 || language.size() > 3) continue;
        if (std::filesystem::exists(dir.path() / "LC_MESSAGES" / kCatalogue, ec)) out.push_back(language);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::optional<std::string> country_code_for(std::string_view name_or_code) {
    return CountryGazetteer::instance().code_for(name_or_code);
}

namespace {

// iso_3166-1.json's {"3166-1": [{"alpha_2": ..., "name": ..., "common_name": ...}, ...]}
// as (code, common name or else name) pairs, in file order.
struct IsoNames : nlohmann::json_sax<nlohmann::json> {
    std::vector<std::pair<std::string, std::string>> names;
    bool seen_list = false;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool string(string_t& value) override {
        if (m_depth != 3) return true;  // fields of an entry of the list
        if (m_key == "alpha_2") m_code = value;
        else if (m_key == "name") m_name = value;
        else if (m_key == "common_name") m_common = value;
        return true;
    }
    bool start_object(std::size_t) override {
        if (++m_depth == 3) m_code.clear(), m_name.clear(), m_common.clear();
        return true;
    }
    bool end_object() override {
        if (m_depth-- == 3 && m_code.size() == 2) names.emplace_back(m_code, m_common.empty() ? m_name : m_common);
        return true;
    }
    bool start_array(std::size_t) override {
        if (++m_depth == 2 && m_key == "3166-1") seen_list = true;
        return true;
    }
    bool end_array() override {
        --m_depth;
        return true;
    }
    bool key(string_t& value) override {
        m_key = value;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  private:
    int m_depth = 0;  // 1: the top object, 2: the list, 3: an entry
    std::string m_key, m_code, m_name, m_common;
};

// The display names alone (what country_name needs): data/countries/display_names.tsv,
// then iso-codes' common or short names, as the gazetteer's own table. A page that
// labels its country facet needs only a few names, not the whole gazetteer
// (aliases, demonyms, capitals, cities, regions, tzdata), so a code's iso-codes
// entry is found in the file's text and only that entry parsed; the whole file
// is read as SAX events only if an entry cannot be found that way.
class DisplayNames {
  public:
    DisplayNames() {
        for (const auto& row : read_tsv(data_file("countries/display_names.tsv")))
            if (row.size() >= 2) m_names[upper(row[0])] = row[1];
        std::ifstream in(kIsoFile, std::ios::binary | std::ios::ate);
        if (!in) throw Error(std::string("cannot read ") + kIsoFile + " (Debian package iso-codes)");
        const auto size = in.tellg();
        if (size < 0) throw Error(std::string("cannot read ") + kIsoFile);
        m_iso.resize(static_cast<std::size_t>(size));  // read once, in place: a page asks for this per request
        in.seekg(0);
        in.read(m_iso.data(), static_cast<std::streamsize>(m_iso.size()));
    }

    std::string name(std::string_view code) {
        const std::string key = upper(code);
        std::lock_guard lock(m_mutex);
        if (const auto it = m_names.find(key); it != m_names.end()) return it->second;
        if (key.size() != 2 || m_all_read) return {};
        if (auto entry = entry_name(key)) return m_names.emplace(key, std::move(*entry)).first->second;
        read_all();
        const auto it = m_names.find(key);
        return it == m_names.end() ? std::string() : it->second;
    }

  private:
    // The name in the entry whose alpha_2 is `code`, as the file is laid out
    // ("alpha_2": "KP" inside a flat object); nullopt when not found so.
    std::optional<std::string> entry_name(const std::string& code) const {
        // memmem, not string::find: find scans for the pattern's first character, a quote
        // mark, which a JSON file is full of.
        const std::string pattern = "\"alpha_2\": \"" + code + "\"";
        const void* hit = memmem(m_iso.data(), m_iso.size(), pattern.data(), pattern.size());
        if (!hit) return std::nullopt;
        const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - m_iso.data());
        const auto open = m_iso.rfind('{', at);
        const auto close = m_iso.find('}', at);
        if (open == std::string::npos || close == std::string::npos) return std::nullopt;
        const auto entry = nlohmann::json::parse(m_iso.begin() + static_cast<std::ptrdiff_t>(open),
                                                 m_iso.begin() + static_cast<std::ptrdiff_t>(close) + 1, nullptr, false);
        if (!entry.is_object() || entry.value("alpha_2", "") != code) return std::nullopt;
        const std::string common = entry.value("common_name", "");
        return common.empty() ? entry.value("name", "") : common;
    }

    void read_all() {
        IsoNames reader;
        if (!nlohmann::json::sax_parse(m_iso, &reader) || !reader.seen_list)
            throw Error(std::string("malformed ") + kIsoFile);
        for (auto& [code, name] : reader.names) m_names.try_emplace(code, std::move(name));
        m_all_read = true;
    }

    std::mutex m_mutex;
    std::unordered_map<std::string, std::string> m_names;  // display names, then names looked up
    std::string m_iso;                                       // the iso-codes file
    bool m_all_read = false;
};

}  // namespace

std::string country_name(std::string_view code) {
    static DisplayNames names;  // once, thread-safely
    return names.name(code);
}

}  // namespace newsdesk
