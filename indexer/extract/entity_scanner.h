// The scanner behind scan_text (entity_scan.h), shared by the files that hold its
// rule groups: entity_scan.cpp (the walk, known institutions, organisation
// patterns, the model), entity_scan_teams.cpp (clubs of sports reports),
// entity_scan_countries.cpp (country phrases), entity_scan_outlets.cpp (news
// outlets named by a cue word) and entity_scan_names.cpp (titles and people).
// Internal to those files; everything else calls scan_text.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/lang/countries.h"
#include "indexer/extract/entity_lexicon.h"
#include "indexer/extract/entity_scan.h"
#include "indexer/extract/person_names.h"

namespace newsdesk::entities::scan {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// How sure the model must be (the least tag probability inside its name) that a
// run is a place before it overrules the rules' weakest reading of a person:
// tuned on the development sets (run_dev.sh) and the bundled corpus. Its
// organisations are left out: at any threshold that changed a score it took
// real people for organisations.
inline constexpr float model_place_confidence = 0.4f;

// How sure the model must be that an upper-case word neither the article defines
// nor the gazetteer knows is an organisation's acronym ("KDP", "CFDT", "WBO").
// Its organisations of ordinary capitalised words are left out: countries and
// given names were among them at every threshold. Tuned on CoNLL dev and gum-news.
inline constexpr float model_org_confidence = 0.35f;

// How sure the model must be that a capitalised word the rules would take for a
// surname nobody explains is an organisation ("NationsBank"; at 0.4 also "Moon", "Apollo"). Runs of
// two or more words are left out: on gum-news and held-out GMB sentences they
// added more wrong names than right ones. Tuned on CoNLL dev, gum-news and the
// GMB sentences scripts/train-ner holds out (scripts/eval-gmb-entities).
inline constexpr float model_word_org_confidence = 0.45f;

// How sure the model must be that a capitalised word the rules would take for a
// surname nobody explains (no full name, no title before it) is a person
// ("Milosevic", "Obama" named alone). At 0.35 CoNLL dev and held-out gum-news lost
// precision; at 0.4 held-out GMB people F1 0.742 -> 0.748, gum-news 0.615 -> 0.619,
// CoNLL dev unchanged. The bundled corpus gains Obama (twice), Clinton and Pinhal,
// and Lanuza, a town in a list of towns.
inline constexpr float model_surname_confidence = 0.4f;

// How sure the model must be that the owner before an organisation's name
// ("Hillary Clinton's Senate seat") is a person, not part of a body's name
// ("Tupua Tamasese Meaole's Acute Primary Care Clinic"), for the rules to read
// the owner as a name of its own.
inline constexpr float model_owner_confidence = 0.4f;

// How sure the model must be that a capitalised run nothing but its capitals
// marks as a person, standing where places and bodies stand (thing_context), is
// a place or a body for the rules to drop it. Any reading will do: every
// threshold from 0.2 to 0.25 gave the same scores (CoNLL dev people F1 0.924 ->
// 0.930, held-out GMB 0.757 -> 0.767, gum-news 0.619 -> 0.630) and dropped no
// real person of the bundled corpus; without the context, at 0.3, CoNLL
// lost athletes named in results lists ("Merlene Ottey").
inline constexpr float model_thing_confidence = 0.25f;

// How sure the model must be that a sentence's first capitalised words, which
// no given name, cue or "said" marks, are one person's name.
inline constexpr float model_person_confidence = 0.3f;

// A word with what the scan needs to know about its neighbours.
struct Word {
    Token token;
    std::string key;              // lookup key, possessive "'s" removed
    std::string raw;              // lookup key as written ("people's")
    std::size_t end = 0;          // byte end without the possessive
    std::size_t tok = 0;          // index in the token stream
    bool adjacent = false;        // nothing but spaces or a hyphen since the previous word
    std::string_view punct_before;  // the one punctuation mark between, if exactly one
};

// The words of a token stream, each with what the scan needs about its neighbours.
std::vector<Word> words_of(const std::vector<Token>& tokens);

// One scan of one text; see entity_scan.h for the order of its readings.
class Scanner {
  public:
    Scanner(std::string_view text, const std::vector<Token>& tokens, bool shouting, Findings& findings,
            const NerModel* model)
        : m_text(text), m_shouting(shouting), m_found(findings), m_lex(Lexicon::instance()),
          m_geo(CountryGazetteer::instance()), m_tokens(tokens), m_words(words_of(m_tokens)), m_model(model),
          m_ner(findings.ner[&tokens]) {}

    void run() {
        mark_lineups();
        for (std::size_t k = 0; k < m_words.size();) {
            // "Ireland - Given; Kelly, Staunton, ...": a lineup's names are players.
            if (!m_player_end.empty() && m_player_end[k]) {
                add_name(k, m_player_end[k], true);
                k = m_player_end[k];
                continue;
            }
            if (!cap(k)) {
                // "al-Qaeda": a known name may open with a lower-case particle joined by a hyphen.
                if (k + 1 < m_words.size() && m_words[k + 1].token.hyphen_before && cap(k + 1) && !m_shouting)
                    if (const std::size_t n = match_institution(k)) {
                        k += n;
                        continue;
                    }
                // "its leader Kim Jong Un", "said Victor Cha": a cue for the next name.
                // Not across a quotation mark: 'stated, "Saying sorry ..."' opens a quotation.
                if ((m_lex.title(m_words[k].key) || m_lex.speech_verb(m_words[k].key)) && !quote_after(k))
                    m_cue_at = k + 1;
                // "c Ormond b Tandy 56": a scorecard's "caught by", "bowled by".
                if (scorecard_cue(k)) m_cue_at = k + 1;
                ++k;
                continue;
            }
            std::size_t n = match_team(k);
            if (!n) n = match_institution(k);
            if (!n) n = match_org_pattern(k);
            if (!n) n = match_country(k, false);
            if (!n && !m_shouting) n = match_outlet(k);
            if (!n && m_shouting) {
                // Capitals carry no signal here: only surnames found elsewhere count.
                m_found.people.add_single(text(k, k + 1), m_words[k].key, false);
                n = 1;
            }
            if (!n) n = match_title(k);
            if (!n) n = match_name(k);
            k += std::max<std::size_t>(n, 1);
        }
    }

  private:
    bool cap(std::size_t k) const {
        const auto& t = m_words[k].token;
        return !t.digit && (t.capitalised || (m_shouting && t.upper));
    }
    // Word k is an honorific ("Mr.", "Mx"): in capitals outside a shouting text
    // it is an acronym ("MX Onda", a team; "DR Congo").
    bool honorific(std::size_t k) const {
        return m_lex.honorific(m_words[k].key) && (m_shouting || !m_words[k].token.upper);
    }
    // A quotation mark stands between word k and the next word.
    bool quote_after(std::size_t k) const {
        const std::size_t last = k + 1 < m_words.size() ? m_words[k + 1].tok : m_tokens.size();
        for (std::size_t t = m_words[k].tok + 1; t < last; ++t) {
            const auto mark = m_tokens[t].text;
            if (mark == "\"" || mark == "\u201c" || mark == "\u201d" || mark == "'" || mark == "\u2018") return true;
        }
        return false;
    }
    // `ampersand`: words joined by "&" count as adjacent ("Standard & Poor's").
    bool contiguous(std::size_t k, std::size_t n, bool ampersand = false) const {
        if (k + n > m_words.size()) return false;
        for (std::size_t m = k + 1; m < k + n; ++m)
            if (!m_words[m].adjacent && !(ampersand && m_words[m].punct_before == "&")) return false;
        return true;
    }
    std::string key(std::size_t k, std::size_t n) const {
        // Only the last word may carry a possessive: "People's Republic of China's".
        std::string out = n == 1 ? m_words[k].key : m_words[k].raw;
        for (std::size_t m = k + 1; m < k + n; ++m)
            out += ' ' + (m + 1 == k + n ? m_words[m].key : m_words[m].raw);
        return out;
    }
    std::string_view text(std::size_t a, std::size_t b) const {
        return m_text.substr(m_words[a].token.begin, m_words[b - 1].end - m_words[a].token.begin);
    }
    std::optional<OrgWord> org_word(std::size_t k) const {
        // "American League" of a baseball report is a competition, and "Major
        // League" of "Major League Baseball" no whole name.
        if (m_lex.competition_word(m_words[k].key) &&
            (m_found.sports || (k + 1 < m_words.size() && m_words[k + 1].adjacent && cap(k + 1))))
            return std::nullopt;
        return m_lex.org_word(m_words[k].key);
    }

    // Word k is a scorecard's "c", "b", "st" or "lbw" in a sports report, a
    // capitalised word right after it.
    bool scorecard_cue(std::size_t k) const {
        return m_found.sports && !m_words[k].token.capitalised && m_lex.scorecard_cue(m_words[k].key) &&
               k + 1 < m_words.size() && m_words[k + 1].adjacent && m_words[k + 1].token.capitalised;
    }
    bool figures_after(std::size_t e) const;
    void mark_lineups();
    std::size_t lineup_item_end(std::size_t k) const;
    std::string marks_before(std::size_t k) const;
    std::size_t match_institution(std::size_t k);
    std::size_t match_team(std::size_t k);
    bool team_context(std::size_t k, std::size_t e) const;
    bool nickname_after_place(std::size_t k, std::size_t e) const;
    std::size_t row_team(std::size_t k) const;
    std::size_t match_org_pattern(std::size_t k);
    std::size_t match_outlet(std::size_t k);
    std::size_t outlet_end(std::size_t k) const;
    bool outlet_name(std::size_t k, std::size_t e) const;
    std::size_t extend_of(std::size_t end) const;
    std::size_t match_country(std::size_t k, bool inside_name);
    void credit_country(const std::string& code, bool inside_name, bool passing);
    void credit_country(std::size_t k, std::size_t n, const CountryEntry& entry, bool inside_name,
                        bool passing);
    bool in_list(std::size_t k, std::size_t n);
    bool currency(std::size_t after) const {
        return after < m_words.size() && m_words[after].adjacent && m_lex.currency_word(m_words[after].key);
    }
    std::size_t country_at(std::size_t k) const;
    bool adjective(std::size_t k, std::size_t n) const;
    bool gerund(std::size_t k) const;
    std::size_t acronym_start(std::size_t k, std::size_t head, std::size_t end) const;
    bool second_name(std::size_t object, std::size_t and_at) const;
    bool and_in_name(std::size_t k, std::size_t at) const;
    std::size_t match_title(std::size_t k);
    bool place_only(std::size_t k, std::size_t n) const;
    bool place_of_list(std::size_t k, std::size_t n);
    std::size_t match_name(std::size_t k);
    void add_name(std::size_t k, std::size_t e, bool cued);
    bool quoted_alone(std::size_t k, std::size_t e) const;
    bool regnal_number(std::size_t k) const;
    bool given_name_after_all(std::size_t k) const;
    std::vector<RunWord> run_words(std::size_t k, std::size_t e, std::vector<std::size_t>* at = nullptr) const;
    std::vector<std::string> next_lower(std::size_t e) const;
    std::size_t match_acronym(std::size_t k);
    std::pair<std::size_t, std::size_t> spelled_out(std::size_t k) const;
    bool is_person(std::size_t k, std::size_t e, bool cued) const;
    std::size_t definition_after(std::size_t last, std::string_view name);
    const NerSpan* model_span(std::size_t k) const;
    const NerSpan* model_place(std::size_t k) const;
    bool model_org(std::size_t k, std::size_t e) const;
    bool names_a_body(std::size_t first, std::size_t last) const;
    void model_word_org(std::size_t k);
    bool model_name(std::size_t k, std::size_t e, NerType type, float confidence) const;
    bool model_thing(std::size_t k, std::size_t e) const;
    bool particle_name(std::size_t k, std::size_t e) const;
    bool car_or_table_labels(std::size_t k, std::size_t e, bool cued) const;
    bool table_line() const;
    bool venue(std::size_t k, std::size_t e) const;
    bool thing_context(std::size_t k, std::size_t e) const;

    std::string_view m_text;
    bool m_shouting;
    Findings& m_found;
    const Lexicon& m_lex;
    const CountryGazetteer& m_geo;
    const std::vector<Token>& m_tokens;
    std::vector<Word> m_words;
    // The model (English only) tags a sentence the first time a rule asks about
    // one of its words: indexing pays only for the few sentences that need it.
    const NerModel* m_model;
    NerTags& m_ner;  // its names in this text, kept in m_found for model_organisation
    std::size_t m_cue_at = npos;
    std::vector<std::size_t> m_player_end;  // word -> end of the lineup item it opens, or 0
    std::size_t m_last_country_end = npos;  // the word after the last country phrase
    std::size_t m_team_end = npos;          // the word after the last club read by its context
    std::size_t m_list_size = 0;            // countries in the list it belongs to
    bool m_list_place = false;              // the list follows a place preposition
};

}  // namespace newsdesk::entities::scan
