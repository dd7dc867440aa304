#include "indexer/extract/entity_lexicon.h"

#include <fstream>
#include <sstream>

#include "common/data_dir.h"
#include "common/error.h"
#include "common/lang/countries.h"
#include "common/person_key.h"
#include "common/text.h"

namespace newsdesk::entities {

namespace {

std::vector<std::string> lines_of(std::string_view file) {
    const auto path = data_file(file);
    std::ifstream in(path);
    if (!in) throw Error("cannot read " + path.string());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        if (!trim(line).empty()) lines.emplace_back(trim(line));
    }
    return lines;
}

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> cells;
    std::istringstream in(line);
    for (std::string cell; std::getline(in, cell, sep);) cells.emplace_back(trim(cell));
    return cells;
}

std::size_t words_in(const std::string& key) {
    std::size_t n = 1;
    for (char c : key) n += c == ' ';
    return n;
}

// "Gen." in a list also teaches the tokenizer that "gen" takes a period.
void note_abbreviation(const std::string& entry, std::unordered_set<std::string>& into) {
    if (entry.size() > 1 && entry.back() == '.' && entry.find(' ') == std::string::npos)
        into.insert(ascii_lower(entry.substr(0, entry.size() - 1)));
}

}  // namespace

const Lexicon& Lexicon::instance() {
    static const Lexicon lexicon;
    return lexicon;
}

// A list's words are its lines' first columns: a TAB starts a note on the word
// (people/given_names.txt gives a name's sex there).
void Lexicon::load_words(std::string_view file, std::unordered_set<std::string>& into) {
    for (const auto& line : lines_of(file)) add_word(line.substr(0, line.find('\t')), into);
}

void Lexicon::add_word(const std::string& word, std::unordered_set<std::string>& into) {
    note_abbreviation(word, m_abbreviations);
    // Entries are listed with their period ("Mr."); the period is optional in text.
    auto key = lookup_key(word);
    if (key.size() > 1 && key.back() == '.' && key.find('.') == key.size() - 1) key.pop_back();
    into.insert(std::move(key));
}

Lexicon::Lexicon() {
    load_words("people/given_names.txt", m_given);
    load_words("institutions/country_bodies.txt", m_country_bodies);
    load_words("institutions/name_possessives.txt", m_name_possessives);
    load_words("people/surname_first.txt", m_surname_first);
    for (const auto& h : honorifics()) add_word(h.word, m_honorifics);
    load_words("people/titles.txt", m_titles);
    load_words("people/not_names.txt", m_stop);
    load_words("people/particles.txt", m_particles);
    load_words("people/speech_verbs.txt", m_speech);
    load_words("people/abbreviations.txt", m_abbreviations);
    load_words("institutions/not_institutions.txt", m_not_org);
    load_words("quotes/not_names.txt", m_function_words);
    load_words("countries/currency_words.txt", m_currency_words);
    load_words("countries/verbs_after_country.txt", m_country_verbs);
    for (const auto& t : m_titles) m_max_title_words = std::max(m_max_title_words, words_in(t));
    // "Senior Advisors Jared Kushner and Ivanka Trump": a title in the plural
    // before the names of the people who hold it; titles of two words or more
    // only, since one word in the plural ("managers", "kings") is a common noun.
    std::vector<std::string> plurals;
    for (const auto& t : m_titles) {
        if (t.find(' ') == std::string::npos || t.find(" of ") != std::string::npos || t.ends_with('s') ||
            t.ends_with('.'))
            continue;
        plurals.push_back(t.ends_with('y') && !t.ends_with("ey") ? t.substr(0, t.size() - 1) + "ies" : t + "s");
    }
    m_titles.insert(plurals.begin(), plurals.end());
    for (const auto& line : lines_of("institutions/org_words.tsv")) {
        const auto cells = split(line, '\t');
        note_abbreviation(cells[0], m_abbreviations);
        auto key = lookup_key(cells[0]);
        if (key.size() > 1 && key.back() == '.') key.pop_back();
        m_org_words[key] = cells.size() > 1 && cells[1] == "suffix" ? OrgWord::suffix : OrgWord::head;
        if (cells.size() > 2 && cells[2] == "state") m_state_words.insert(key);
    }
    // News outlets' last words read as head words ("Jakarta Post", "Journal of Commerce").
    load_words("institutions/outlet_words.txt", m_outlets);
    for (const auto& key : m_outlets) m_org_words.try_emplace(key, OrgWord::head);
    std::unordered_set<std::string> companies;  // "Kansai Electric Power", "Dow Chemical"
    load_words("institutions/company_words.txt", companies);
    load_words("institutions/body_words.txt", companies);  // "Syrian Democratic Forces"
    for (const auto& key : companies) m_org_words.try_emplace(key, OrgWord::head);
    load_words("institutions/competition_words.txt", m_competitions);  // "League of Women Voters"
    for (const auto& key : m_competitions) m_org_words.try_emplace(key, OrgWord::head);
    load_words("countries/place_prepositions.txt", m_place_preps);
    for (const auto& line : lines_of("institutions/sports.txt")) {
        const auto cells = split(line, '\t');
        if (cells.size() < 2 || cells[1] != "individual") m_sports.insert(lookup_key(cells[0]));
    }
    load_words("institutions/result_verbs.txt", m_result_verbs);
    load_words("people/scorecard_cues.txt", m_scorecard_cues);
    load_words("people/marques.txt", m_marques);
    for (const auto& line : lines_of("institutions/team_cues.tsv")) {
        const auto cells = split(line, '\t');
        (cells.size() > 1 && cells[1] == "before" ? m_team_before : m_team_after).insert(lookup_key(cells[0]));
    }
    for (const auto& line : lines_of("institutions/outlet_cues.tsv")) {
        const auto cells = split(line, '\t');
        const auto key = lookup_key(cells[0]);
        if (cells.size() < 2 || cells[1] != "before") m_outlet_after.insert(key);
        if (cells.size() < 2 || cells[1] != "after") m_outlet_before.insert(key);
        if (cells.size() > 2 && cells[2] == "adverb") m_outlet_adverbs.insert(key);
    }
    for (const auto& line : lines_of("institutions/club_words.tsv")) {
        const auto cells = split(line, '\t');
        m_club_words[lookup_key(cells[0])] =
            cells.size() > 1 && cells[1] == "start" ? ClubWord::start : ClubWord::end;
    }
    for (const auto& line : lines_of("countries/shared_names.tsv")) {
        const auto cells = split(line, '\t');
        if (cells.size() >= 3) m_shared_names[lookup_key(cells[0])] = std::string(cells[2]);
    }
    for (const auto& line : lines_of("people/thing_heads.txt")) {
        if (line.size() > 1 && line[0] == '-') m_thing_endings.push_back(lookup_key(line.substr(1)));
        else m_thing_heads.insert(lookup_key(line));
    }
    load_words("people/thing_openers.txt", m_thing_openers);
    load_words("people/compound_modifiers.txt", m_compound_modifiers);
    load_words("quotes/role_words.txt", m_roles);
    load_words("people/party_words.txt", m_parties);
    for (const auto& line : lines_of("people/adverb_endings.txt")) m_adverb_endings.push_back(lookup_key(line));
    load_gazetteer();
}

namespace {
bool ends_with_any(const std::string& key, const std::vector<std::string>& endings) {
    for (const auto& e : endings)
        if (key.size() > e.size() + 2 && key.ends_with(e)) return true;
    return false;
}
}  // namespace

bool Lexicon::thing_head(const std::string& key) const {
    return m_thing_heads.count(key) > 0 || ends_with_any(key, m_thing_endings);
}

bool Lexicon::adverb_form(const std::string& key) const { return ends_with_any(key, m_adverb_endings); }

// gazetteer.tsv: canonical name<TAB>acronym<TAB>country<TAB>alias|alias...
void Lexicon::load_gazetteer() {
    for (const auto& line : lines_of("institutions/gazetteer.tsv")) {
        auto cells = split(line, '\t');
        cells.resize(4);
        const std::size_t id = m_institutions.size();
        m_institutions.push_back({cells[0], cells[1], cells[2]});
        auto add_key = [&](const std::string& key) {
            m_institution_keys.try_emplace(key, id);
            auto& longest = m_institution_first_words[key.substr(0, key.find(' '))];
            longest = std::max(longest, words_in(key));
            if (const auto space = key.rfind(' '); space != std::string::npos)
                m_institution_last_words.insert(key.substr(space + 1));
        };
        auto add = [&](const std::string& name) {
            if (name.empty()) return;
            const auto key = lookup_key(name);
            add_key(key);
            // The scan reads words: "Standard & Poor's" as "standard poor", the "&"
            // a mark between words and the last word's possessive dropped. Not a
            // name of one word: "Moody's" as "moody" would take Mr Moody.
            auto words_only = key;
            for (std::size_t at; (at = words_only.find(" & ")) != std::string::npos;) words_only.erase(at, 2);
            for (auto variant : {words_only, key}) {
                if (variant.ends_with("'s")) variant.resize(variant.size() - 2);
                if (variant != key && variant.find(' ') != std::string::npos) add_key(variant);
            }
            // "US Treasury" is written as often as "U.S. Treasury".
            auto dotless = key;
            std::erase(dotless, '.');
            if (dotless != key && key.find(' ') != std::string::npos) add_key(dotless);
        };
        add(cells[0]);
        for (const auto& alias : split(cells[3], '|')) add(alias);
        if (!cells[1].empty()) m_acronyms.try_emplace(cells[1], id);
    }
}

std::optional<OrgWord> Lexicon::org_word(const std::string& key) const {
    const auto it = m_org_words.find(key);
    if (it == m_org_words.end()) return std::nullopt;
    return it->second;
}

std::optional<ClubWord> Lexicon::club_word(const std::string& key) const {
    const auto it = m_club_words.find(key);
    if (it == m_club_words.end()) return std::nullopt;
    return it->second;
}

std::size_t Lexicon::max_institution_words_from(const std::string& key) const {
    const auto it = m_institution_first_words.find(key);
    return it == m_institution_first_words.end() ? 0 : it->second;
}

const KnownInstitution* Lexicon::institution(const std::string& key) const {
    const auto it = m_institution_keys.find(key);
    return it == m_institution_keys.end() ? nullptr : &m_institutions[it->second];
}

const KnownInstitution* Lexicon::institution_by_acronym(std::string_view acronym) const {
    const auto it = m_acronyms.find(std::string(acronym));
    return it == m_acronyms.end() ? nullptr : &m_institutions[it->second];
}

}  // namespace newsdesk::entities
