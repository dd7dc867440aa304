// The curated word lists the entity extractor reads from data/people and
// data/institutions (sources in data/README.md). Loaded once, thread-safely, on
// first use; read-only afterwards, so worker threads share it without locks.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace newsdesk::entities {

// One entry of data/institutions/gazetteer.tsv.
struct KnownInstitution {
    std::string name;     // canonical name
    std::string acronym;  // may be empty
    std::string country;  // ISO code the institution speaks for ("White House" -> US); may be empty
};

// How an organisation word behaves: a head ends a name and may take "of X"
// ("Ministry of Defence"); a suffix only ends one ("Inc", "Ltd").
enum class OrgWord { head, suffix };

// Where a sports club word stands: "Manchester United" (end), "Dynamo Moscow" (start).
enum class ClubWord { end, start };

class Lexicon {
  public:
    // Throws newsdesk::Error when a data file is missing.
    [[nodiscard]] static const Lexicon& instance();

    // All keys are lookup_key() forms.
    [[nodiscard]] bool given_name(const std::string& key) const { return m_given.count(key) > 0; }
    // Family names written first (Kim Jong Un, Xi Jinping): they open a name and
    // a later "Kim" alone refers back to it.
    [[nodiscard]] bool surname_first(const std::string& key) const { return m_surname_first.count(key) > 0; }
    [[nodiscard]] bool honorific(const std::string& key) const { return m_honorifics.count(key) > 0; }
    [[nodiscard]] bool title(const std::string& key) const { return m_titles.count(key) > 0; }
    [[nodiscard]] bool not_a_name(const std::string& key) const { return m_stop.count(key) > 0; }
    // "the", "but", "tuesday" (quotes/not_names.txt): words that open a sentence
    // before a name, never the first word of an organisation's name.
    [[nodiscard]] bool function_word(const std::string& key) const { return m_function_words.count(key) > 0; }
    [[nodiscard]] bool particle(const std::string& key) const { return m_particles.count(key) > 0; }
    [[nodiscard]] bool speech_verb(const std::string& key) const { return m_speech.count(key) > 0; }
    [[nodiscard]] bool not_institution(const std::string& key) const { return m_not_org.count(key) > 0; }
    // "air force", "ministry of foreign affairs" (institutions/country_bodies.txt):
    // a body every country has, whose country prefix is part of its name.
    [[nodiscard]] bool country_body(const std::string& key) const { return m_country_bodies.count(key) > 0; }
    // "women", "workers" (institutions/name_possessives.txt): whose possessive
    // opens a name as the people it is for ("Women's Tennis Association"), not its owner.
    [[nodiscard]] bool possessive_in_name(const std::string& key) const { return m_name_possessives.count(key) > 0; }
    [[nodiscard]] std::optional<OrgWord> org_word(const std::string& key) const;
    // The last word of a news outlet's name (institutions/outlet_words.txt), also an org_word.
    [[nodiscard]] bool outlet_word(const std::string& key) const { return m_outlets.count(key) > 0; }
    [[nodiscard]] std::optional<ClubWord> club_word(const std::string& key) const;
    // "ministry", "embassy": an organisation word of a body that speaks for its country.
    [[nodiscard]] bool state_word(const std::string& key) const { return m_state_words.count(key) > 0; }
    // "dlrs", "francs" (countries/currency_words.txt): after a country, its money.
    [[nodiscard]] bool currency_word(const std::string& key) const { return m_currency_words.count(key) > 0; }
    // "was", "has", "urges" (countries/verbs_after_country.txt): after a country, a verb.
    [[nodiscard]] bool verb_after_country(const std::string& key) const { return m_country_verbs.count(key) > 0; }
    // "soccer", "rugby union": a team sport named before the dash of a sports
    // headline (sports between individuals are not listed here).
    [[nodiscard]] bool sport(const std::string& key) const { return m_sports.count(key) > 0; }
    // "league" (institutions/competition_words.txt): a body's head word, but in a
    // sports report the competition's.
    [[nodiscard]] bool competition_word(const std::string& key) const { return m_competitions.count(key) > 0; }
    // "in", "at", "from": before a capital they make it a place, not a government.
    [[nodiscard]] bool place_preposition(const std::string& key) const { return m_place_preps.count(key) > 0; }
    [[nodiscard]] bool result_verb(const std::string& key) const { return m_result_verbs.count(key) > 0; }
    // "c", "b", "lbw" (people/scorecard_cues.txt): before a player's name in a cricket scorecard.
    [[nodiscard]] bool scorecard_cue(const std::string& key) const { return m_scorecard_cues.count(key) > 0; }
    // "honda", "cosworth" (people/marques.txt): makers of racing cars and engines.
    [[nodiscard]] bool marque(const std::string& key) const { return m_marques.count(key) > 0; }
    // institutions/team_cues.tsv: a word after a club ("striker") or before one ("joined").
    [[nodiscard]] bool team_cue_after(const std::string& key) const { return m_team_after.count(key) > 0; }
    [[nodiscard]] bool team_cue_before(const std::string& key) const { return m_team_before.count(key) > 0; }
    // institutions/outlet_cues.tsv: a word after a news outlet's name ("newspaper")
    // or before one ("agency").
    [[nodiscard]] bool outlet_cue_after(const std::string& key) const { return m_outlet_after.count(key) > 0; }
    [[nodiscard]] bool outlet_cue_before(const std::string& key) const { return m_outlet_before.count(key) > 0; }
    // A cue that is also an adverb ("daily", "weekly").
    [[nodiscard]] bool outlet_cue_adverb(const std::string& key) const { return m_outlet_adverbs.count(key) > 0; }
    [[nodiscard]] std::size_t max_title_words() const { return m_max_title_words; }
    // "georgia" -> "US": a country name shared with a place in another country
    // (countries/shared_names.tsv); nullptr when the name is not shared.
    [[nodiscard]] const std::string* shared_name(const std::string& key) const {
        const auto it = m_shared_names.find(key);
        return it == m_shared_names.end() ? nullptr : &it->second;
    }
    // "law", "express", "survey", or a word ending like "wikinews": the last word
    // of a thing's name (data/people/thing_heads.txt).
    [[nodiscard]] bool thing_head(const std::string& key) const;
    // "hurricane", "operation": the first word of a thing's name (data/people/thing_openers.txt).
    [[nodiscard]] bool thing_opener(const std::string& key) const { return m_thing_openers.count(key) > 0; }
    // "reportedly", "afterwards": an adverb by its ending (data/people/adverb_endings.txt).
    [[nodiscard]] bool adverb_form(const std::string& key) const;
    // "scientist", "nurse": a role or occupation (data/quotes/role_words.txt).
    [[nodiscard]] bool role(const std::string& key) const { return m_roles.count(key) > 0; }
    // "Tory", "Labour", "Green": a party's word before an office ("Tory MP Michael Mates").
    [[nodiscard]] bool party(const std::string& key) const { return m_parties.count(key) > 0; }
    // "old" of "Fourteen-year-old": a hyphenated modifier's last part (data/people/compound_modifiers.txt).
    [[nodiscard]] bool compound_modifier(const std::string& key) const { return m_compound_modifiers.count(key) > 0; }

    // Gazetteer by any of its names or aliases (lookup key); nullptr if unknown.
    [[nodiscard]] const KnownInstitution* institution(const std::string& key) const;
    // Gazetteer by acronym, case-sensitive ("CSIS"); nullptr if unknown.
    [[nodiscard]] const KnownInstitution* institution_by_acronym(std::string_view acronym) const;
    // The longest gazetteer name (in words) starting with the word `key`; 0 if none.
    [[nodiscard]] std::size_t max_institution_words_from(const std::string& key) const;
    // The word `key` closes a gazetteer name of two or more words ("house" of "White House").
    [[nodiscard]] bool ends_institution(const std::string& key) const {
        return m_institution_last_words.count(key) > 0;
    }

    // Words whose period does not end a sentence ("mr", "gen", "inc", "calif").
    [[nodiscard]] const std::unordered_set<std::string>& abbreviations() const { return m_abbreviations; }

  private:
    Lexicon();
    void load_words(std::string_view file, std::unordered_set<std::string>& into);
    void add_word(const std::string& word, std::unordered_set<std::string>& into);
    void load_gazetteer();

    std::unordered_set<std::string> m_given, m_surname_first, m_honorifics, m_titles, m_stop,
        m_particles, m_speech, m_not_org, m_abbreviations, m_sports, m_result_verbs,
        m_place_preps, m_state_words, m_function_words, m_currency_words,
        m_country_verbs, m_country_bodies, m_name_possessives, m_competitions, m_scorecard_cues,
        m_marques;
    std::unordered_set<std::string> m_thing_heads, m_thing_openers, m_compound_modifiers, m_roles, m_parties;
    std::vector<std::string> m_thing_endings, m_adverb_endings;
    std::unordered_map<std::string, ClubWord> m_club_words;
    std::unordered_map<std::string, std::string> m_shared_names;
    std::unordered_map<std::string, OrgWord> m_org_words;
    std::unordered_set<std::string> m_outlets;
    std::unordered_set<std::string> m_team_after, m_team_before;
    std::unordered_set<std::string> m_outlet_after, m_outlet_before, m_outlet_adverbs;
    std::vector<KnownInstitution> m_institutions;
    std::unordered_map<std::string, std::size_t> m_institution_keys;
    std::unordered_map<std::string, std::size_t> m_acronyms;
    std::size_t m_max_title_words = 1;
    std::unordered_map<std::string, std::size_t> m_institution_first_words;
    std::unordered_set<std::string> m_institution_last_words;
};

}  // namespace newsdesk::entities
