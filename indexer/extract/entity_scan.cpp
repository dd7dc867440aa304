#include "indexer/extract/entity_scan.h"

#include <algorithm>

#include "common/lang/countries.h"
#include "indexer/extract/entity_lexicon.h"
#include "indexer/extract/person_names.h"

namespace newsdesk::entities {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);
// How sure the model must be (the least tag probability inside its name) that a
// run is a place before it overrules the rules' weakest reading of a person:
// tuned on the development sets (run_dev.sh) and the bundled corpus. Its
// organisations are left out: at any threshold that changed a score it took
// real people for organisations.
constexpr float model_place_confidence = 0.4f;

// How sure the model must be that an upper-case word neither the article defines
// nor the gazetteer knows is an organisation's acronym ("KDP", "CFDT", "WBO").
// Its organisations of ordinary capitalised words are left out: countries and
// given names were among them at every threshold. Tuned on CoNLL dev and gum-news.
constexpr float model_org_confidence = 0.35f;

// How sure the model must be that a sentence's first capitalised words, which
// no given name, cue or "said" marks, are one person's name.
constexpr float model_person_confidence = 0.3f;

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

std::vector<Word> words_of(const std::vector<Token>& tokens) {
    std::vector<Word> words;
    std::size_t marks = 0;
    std::string_view last_mark;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& t = tokens[i];
        if (!t.word) {
            ++marks, last_mark = t.text;
            continue;
        }
        Word w{t, lookup_key(t.text), {}, t.end, i, false, {}};
        w.raw = w.key;
        if (w.key.size() > 2 && w.key.ends_with("'s")) {
            w.key.resize(w.key.size() - 2);
            w.end = t.end - (t.text.ends_with("'s") ? 2 : 4);  // "’" is three bytes
        }
        w.adjacent = !words.empty() && (marks == 0 || (marks == 1 && t.hyphen_before));
        if (marks == 1) w.punct_before = last_mark;
        words.push_back(std::move(w));
        marks = 0;
    }
    return words;
}

class Scanner {
  public:
    Scanner(std::string_view text, const std::vector<Token>& tokens, bool shouting, Findings& findings,
            const NerModel* model)
        : m_text(text), m_shouting(shouting), m_found(findings), m_lex(Lexicon::instance()),
          m_geo(CountryGazetteer::instance()), m_tokens(tokens), m_words(words_of(m_tokens)), m_model(model) {}

    void run() {
        for (std::size_t k = 0; k < m_words.size();) {
            if (!cap(k)) {
                // "its leader Kim Jong Un", "said Victor Cha": a cue for the next name.
                if (m_lex.title(m_words[k].key) || m_lex.speech_verb(m_words[k].key)) m_cue_at = k + 1;
                ++k;
                continue;
            }
            std::size_t n = match_team(k);
            if (!n) n = match_institution(k);
            if (!n) n = match_org_pattern(k);
            if (!n) n = match_country(k, false);
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
    bool contiguous(std::size_t k, std::size_t n) const {
        if (k + n > m_words.size()) return false;
        for (std::size_t m = k + 1; m < k + n; ++m)
            if (!m_words[m].adjacent) return false;
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
    std::optional<OrgWord> org_word(std::size_t k) const { return m_lex.org_word(m_words[k].key); }

    std::size_t match_institution(std::size_t k);
    std::size_t match_team(std::size_t k);
    bool team_context(std::size_t k, std::size_t e) const;
    bool nickname_after_place(std::size_t k, std::size_t e) const;
    std::size_t row_team(std::size_t k) const;
    std::size_t match_org_pattern(std::size_t k);
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
    bool second_name(std::size_t object, std::size_t and_at) const;
    bool and_in_name(std::size_t k, std::size_t at) const;
    std::size_t match_title(std::size_t k);
    bool place_only(std::size_t k, std::size_t n) const;
    bool place_of_list(std::size_t k, std::size_t n);
    std::size_t match_name(std::size_t k);
    void add_name(std::size_t k, std::size_t e, bool cued);
    std::vector<RunWord> run_words(std::size_t k, std::size_t e, std::vector<std::size_t>* at = nullptr) const;
    std::vector<std::string> next_lower(std::size_t e) const;
    std::size_t match_acronym(std::size_t k);
    bool is_person(std::size_t k, std::size_t e, bool cued) const;
    std::size_t definition_after(std::size_t last, std::string_view name);
    const NerSpan* model_span(std::size_t k) const;
    const NerSpan* model_place(std::size_t k) const;
    bool model_org(std::size_t k, std::size_t e) const;
    bool model_name(std::size_t k, std::size_t e, NerType type, float confidence) const;

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
    mutable std::vector<NerSpan> m_ner;  // its names in this text
    // token -> index in m_ner, npos outside every name, `untagged` in a sentence not tagged yet
    mutable std::vector<std::size_t> m_ner_at;
    static constexpr std::size_t untagged = npos - 1;
    std::size_t m_cue_at = npos;
    std::size_t m_last_country_end = npos;  // the word after the last country phrase
    std::size_t m_list_size = 0;            // countries in the list it belongs to
    bool m_list_place = false;              // the list follows a place preposition
};

// "... Studies (CSIS)": links the acronym; returns 1 to skip the acronym word.
std::size_t Scanner::definition_after(std::size_t last, std::string_view name) {
    const std::size_t t = m_words[last].tok;
    if (t + 3 >= m_tokens.size() || m_tokens[t + 1].text != "(" || m_tokens[t + 3].text != ")")
        return 0;
    const auto& acronym = m_tokens[t + 2];
    if (!acronym.word || !acronym.upper) return 0;
    m_found.institutions.define(name, acronym.text);
    return 1;
}

std::size_t Scanner::match_institution(std::size_t k) {
    // Phrases are looked up with the first word's raw key ("people's ...") or, alone, its key.
    const std::size_t longest = std::min(
        std::max(m_lex.max_institution_words_from(m_words[k].raw),
                 std::min<std::size_t>(1, m_lex.max_institution_words_from(m_words[k].key))),
        m_words.size() - k);
    for (std::size_t n = longest; n >= 1; --n) {
        if (!contiguous(k, n) || !cap(k + n - 1)) continue;
        const auto* known = m_lex.institution(key(k, n));
        if (!known) continue;
        // "European Council on Foreign Relations": a longer name goes on past the
        // known one; the organisation pattern reads it whole.
        if (org_word(k + n - 1) == OrgWord::head && extend_of(k + n) > k + n) return 0;
        // "Harvard Law School": capitals a head word closes go on past the known
        // "Harvard"; the organisation pattern reads the school whole.
        for (std::size_t m = k + n; m < std::min(m_words.size(), k + n + 2) && m_words[m].adjacent && cap(m); ++m)
            if (org_word(m) == OrgWord::head && !m_lex.outlet_word(m_words[m].key)) return 0;
        m_found.institutions.add(known->name);
        // "the Treasury said", "Congress", "Xinhua": every country has one, and an
        // agency reports on others; the institution names its country in passing.
        if (!known->country.empty()) m_found.countries.add(known->country, 1, true);
        return n + definition_after(k + n - 1, known->name);
    }
    return match_acronym(k);
}

std::size_t Scanner::match_acronym(std::size_t k) {
    const auto& t = m_words[k].token;
    if (!t.upper || m_shouting) return 0;
    const auto word = m_text.substr(t.begin, m_words[k].end - t.begin);
    if (m_found.institutions.add_defined_acronym(word)) return 1;
    // Inside a run of capitals ("AS IS BASIS") a short word is just shouting.
    const bool shouted = (k > 0 && m_words[k - 1].token.upper && m_words[k].adjacent) ||
                         (k + 1 < m_words.size() && m_words[k + 1].token.upper && m_words[k + 1].adjacent);
    if (shouted) return 0;
    if (const auto* known = m_lex.institution_by_acronym(word)) {
        m_found.institutions.add(known->name);
        if (!known->country.empty()) m_found.countries.add(known->country, 1, true);
        return 1;
    }
    // Any other acronym of three to six letters that the model reads as an
    // organisation: not a place ("DPRK", a dateline's "NABLUS"), not a word
    // ("CENTRE"), not the first word of a longer name ("UCLA School of Law",
    // "CAOS Linux"); not_institutions.txt keeps out the common ones (GDP, IQ).
    const auto& key = m_words[k].key;
    const bool letters = word.size() >= 3 && word.size() <= 6 &&
                         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const bool longer = k + 1 < m_words.size() && m_words[k + 1].adjacent && cap(k + 1);
    if (letters && !longer && !m_lex.not_institution(key) && !m_geo.find(key) && !m_geo.known_place(key) &&
        !org_word(k) && !m_found.lower_words.count(key) && model_org(k, k + 1)) {
        m_found.institutions.add(word);
        return 1;
    }
    return 0;
}

// In a sports report a club is a known team, a run with a club word ("Manchester
// United", "Dynamo Moscow"), or a place-like run next to a score or a result verb
// ("Somerset 83", "Leicestershire beat Somerset"). National sides stay countries.
std::size_t Scanner::match_team(std::size_t k) {
    if (!m_found.sports) return 0;
    if (const std::size_t e = row_team(k)) {
        m_found.teams.insert(key(k, e - k));
        m_found.institutions.add(text(k, e));
        return e - k;
    }
    // In capitals only a table row counts: "TORONTO 63 72 .467 12 1/2".
    if (m_shouting && k != 0) return 0;
    // "Everton's Duncan Ferguson", "Atlanta's Tom Glavine": a player's club owns him.
    if (!m_shouting && k + 1 < m_words.size() && m_words[k].raw != m_words[k].key && cap(k + 1) &&
        m_words[k + 1].adjacent && m_lex.given_name(m_words[k + 1].key) && !m_lex.given_name(m_words[k].key) &&
        !m_lex.not_a_name(m_words[k].key) && !m_geo.find(m_words[k].key)) {
        m_found.teams.insert(m_words[k].key);
        m_found.institutions.add(text(k, k + 1));
        return 1;
    }
    for (std::size_t n = std::min<std::size_t>(3, m_words.size() - k); n >= 1; --n) {
        if (contiguous(k, n) && cap(k + n - 1) && m_found.teams.count(key(k, n))) {
            m_found.institutions.add(text(k, k + n));
            return n;
        }
    }
    std::size_t e = k;
    while (e < m_words.size() && e - k < 3 && cap(e) &&
           (e == k || (m_words[e].adjacent && m_words[e - 1].raw == m_words[e - 1].key)) &&
           (!m_lex.not_a_name(m_words[e].key) || m_lex.club_word(m_words[e].key)))
        ++e;
    if (e == k) return 0;
    if (m_shouting && !(e < m_words.size() && m_words[e].adjacent && m_words[e].token.digit)) return 0;
    // "Manchester United", "Dynamo Moscow", and a city with a nickname ("Chicago White
    // Sox", "Los Angeles Dodgers").
    const bool club = e - k >= 2 && (m_lex.club_word(m_words[e - 1].key) == ClubWord::end ||
                                     m_lex.club_word(m_words[k].key) == ClubWord::start ||
                                     nickname_after_place(k, e));
    if (!club && !team_context(k, e)) return 0;
    const auto phrase = key(k, e - k);
    if (const auto* place = m_geo.find(phrase);
        place && (place->cue == CountryCue::name || place->cue == CountryCue::demonym))
        return 0;
    m_found.teams.insert(phrase);
    m_found.institutions.add(text(k, e));
    return e - k;
}

// A results or standings row of a sports report is its whole paragraph: two
// clubs with their scores ("Huddersfield 1 Crystal Palace 1", "Queen of South 0
// St Mirren 2") or one club with a table's six or more figures ("St Mirren 3 1 1
// 1 5 4 4"; a golfer's four rounds and total are five). Returns the end of the
// club's name starting at k, or 0.
std::size_t Scanner::row_team(std::size_t k) const {
    auto name_end = [&](std::size_t m) {  // a capitalised run, "of" inside it
        std::size_t e = m;
        while (e < m_words.size() && e - m < 4 &&
               (cap(e) || (m_words[e].key == "of" && e > m && e + 1 < m_words.size() && cap(e + 1))) &&
               !m_words[e].token.digit)
            ++e;
        return e;
    };
    auto figures_end = [&](std::size_t m) {
        while (m < m_words.size() && m_words[m].token.digit) ++m;
        return m;
    };
    const std::size_t first_end = name_end(0);
    if (first_end == 0 || m_lex.given_name(m_words[0].key)) return 0;
    const std::size_t after_first = figures_end(first_end);
    if (after_first == first_end) return 0;
    if (after_first == m_words.size() && after_first - first_end >= 6) return k == 0 ? first_end : 0;
    if (after_first - first_end != 1) return 0;
    const std::size_t second_end = name_end(after_first);
    if (second_end == after_first || m_lex.given_name(m_words[after_first].key)) return 0;
    if (figures_end(second_end) != second_end + 1 || second_end + 1 != m_words.size()) return 0;
    if (k == 0) return first_end;
    return k == after_first ? second_end : 0;
}

bool Scanner::nickname_after_place(std::size_t k, std::size_t e) const {
    if (m_lex.given_name(m_words[k].key)) return false;
    for (std::size_t split = k + 1; split < e; ++split)
        if ((m_geo.dateline_place(text(k, split)) || m_geo.known_place(key(k, split - k))) &&
            !m_geo.dateline_place(text(split, e)) && !m_geo.known_place(key(split, e - split)) &&
            !m_lex.given_name(m_words[split].key))
            return true;
    return false;
}

bool Scanner::team_context(std::size_t k, std::size_t e) const {
    const auto& first = m_words[k];
    if (m_lex.given_name(first.key) || m_lex.title(first.key) || m_lex.honorific(first.key)) return false;
    // "P. Simmons 4-38" and "C. Lewis 80" are a player's figures, not a club's score.
    auto initial = [&](std::size_t m) {
        return m_words[m].token.text.size() == 2 && m_words[m].token.text.back() == '.';
    };
    if (initial(k) || (k > 0 && initial(k - 1))) return false;
    // Two or three words next to a score are a player ("Nolan Henke 66") unless
    // they name a place ("Kansas City 5").
    if (e - k > 1 && !m_geo.dateline_place(text(k, e))) return false;
    const bool score = e < m_words.size() && m_words[e].adjacent && m_words[e].token.digit;
    const bool verb_after = e < m_words.size() && !m_words[e].token.capitalised &&
                            m_lex.result_verb(m_words[e].key);
    const bool verb_before = k > 0 && first.adjacent && !m_words[k - 1].token.capitalised &&
                             m_lex.result_verb(m_words[k - 1].key);
    // "Norwich striker Keith O'Neill", "Chelsea central defender", "joined Newcastle".
    auto lower = [&](std::size_t m) { return m < m_words.size() && m_words[m].adjacent && !cap(m); };
    const bool cue_after = lower(e) && (m_lex.team_cue_after(m_words[e].key) ||
                                        (lower(e + 1) && m_lex.team_cue_after(m_words[e + 1].key)));
    const bool cue_before = k > 0 && first.adjacent && !cap(k - 1) && m_lex.team_cue_before(m_words[k - 1].key);
    // "Former coach ...": a sentence's first word the article also writes in lower case is no club.
    const bool ordinary = first.token.sentence_start && m_found.lower_words.count(first.key);
    return score || verb_after || verb_before || ((cue_after || cue_before) && !ordinary);
}

// "Ministry of Foreign Affairs", "Center for Strategic and International Studies":
// after a head word, "of"/"for"/"on" (and "the") may bring in a capitalised run
// that can hold "and" between capitalised words.
// "Center for Biological Diversity and Center for Food Safety", "University of
// Washington and Stanford University", "and Chris Fallows": the "and" at `and_at`
// joins a second name (a head word or a given name opens it, or a place closed
// the first) rather than going on with this one ("Port Authority of New York
// and New Jersey", "Department of Health and Human Services").
bool Scanner::second_name(std::size_t object, std::size_t and_at) const {
    const auto& next = m_words[and_at + 1].key;
    if (org_word(and_at + 1) == OrgWord::head || m_lex.given_name(next)) return true;
    const bool place_before = and_at > object && m_geo.known_place(key(object, and_at - object));
    const bool place_after = m_geo.known_place(next) || m_geo.find(next) ||
                             (and_at + 2 < m_words.size() && m_geo.known_place(key(and_at + 1, 2)));
    return place_before && !place_after;
}

std::size_t Scanner::extend_of(std::size_t end) const {
    while (end + 1 < m_words.size()) {
        const auto& link = m_words[end];
        if (!link.adjacent || link.token.capitalised ||
            (link.key != "of" && link.key != "for" && link.key != "on"))
            break;
        std::size_t m = end + 1;
        if (m_words[m].key == "the" && !m_words[m].token.capitalised) ++m;
        // "Centre on Friday", "University of Michigan's August survey": a day, a
        // month or a possessive ends the name; a word of that list opening a
        // longer name does not ("University of North Carolina", "Bank of Central African States").
        auto stop = [&](std::size_t w) {
            if (!cap(w) || !m_lex.not_a_name(m_words[w].key)) return false;
            // "of the United Kingdom", "for the Southern District of New York": a place, or a name going on with "of".
            auto place = [&](std::size_t a) { return a + 1 < m_words.size() && m_words[a + 1].adjacent && m_geo.find(key(a, 2)); };
            auto of_next = [&](std::size_t a) {
                return a + 2 < m_words.size() && m_words[a + 1].key == "of" && !m_words[a + 1].token.capitalised &&
                       m_words[a + 1].adjacent && m_words[a + 2].adjacent && cap(a + 2);
            };
            // "Department of State": a last word no day, month or function word.
            const bool last = w + 1 >= m_words.size() || !m_words[w + 1].adjacent || !cap(w + 1);
            // "University of the Highlands and Islands": so is the last word after "and".
            if (last && !m_lex.function_word(m_words[w].key) && w > 0 &&
                (m_words[w - 1].key == "of" || m_words[w - 1].key == "and"))
                return false;
            if (place(w) || (w > 0 && place(w - 1)) || of_next(w) ||
                (w + 1 < m_words.size() && m_words[w + 1].adjacent && cap(w + 1) && of_next(w + 1)))
                return false;
            return !(w + 1 < m_words.size() && m_words[w + 1].adjacent && cap(w + 1) &&
                     !m_lex.not_a_name(m_words[w + 1].key) && m_words[w].raw == m_words[w].key);
        };
        if (m >= m_words.size() || !cap(m) || !m_words[m].adjacent || stop(m)) break;
        const std::size_t object = m;
        while (m < m_words.size() && m_words[m].adjacent && !stop(m) &&
               (cap(m) || ((m_words[m].key == "and" || m_words[m].punct_before == "&") &&
                           m + 1 < m_words.size() && cap(m + 1) && m_words[m + 1].adjacent &&
                           !second_name(object, m)))) {
            ++m;
            if (m_words[m - 1].raw != m_words[m - 1].key) break;
        }
        // A name never ends with the "and" that was to join another word to it.
        if (m_words[m - 1].key == "and" && !m_words[m - 1].token.capitalised) --m;
        end = m;
        if (m_words[m - 1].raw != m_words[m - 1].key) break;
    }
    return end;
}

// "Entertainment and Leisure Software Publishers Association", "Economic and
// Social Research Council": the "and" at `at`, in a run of capitalised words
// from `k`, joins two words of one name before its head word. Not where the
// model reads the word before it as the end of a name of its own ("Ford and
// General Motors Corp"), nor after a list's comma ("Capital Radio, Classic
// Rock and Virgin Radio"), and only a head word, not a company's suffix, ends it.
bool Scanner::and_in_name(std::size_t k, std::size_t at) const {
    if (m_words[at].key != "and" || m_words[at].token.capitalised || !m_words[at].adjacent || at == 0 ||
        at + 1 >= m_words.size() || !cap(at - 1) || m_words[at - 1].raw != m_words[at - 1].key)
        return false;
    // Not right after another name, nor as the last item of a list ("Virgin
    // Radio Classic Rock and Virgin Radio Groove", "Capital Radio, Classic Rock
    // and Virgin Radio").
    if (m_words[k].punct_before == "," || (k > 0 && m_words[k].adjacent && cap(k - 1))) return false;
    bool head = false;
    for (std::size_t m = at + 1; m < m_words.size() && m - at <= 4; ++m) {
        // "The Progressive and The New York Times": an article opens another name.
        if (!m_words[m].adjacent || !cap(m) || m_words[m].token.sentence_start || m_lex.function_word(m_words[m].key))
            return false;
        if (const auto word = org_word(m)) {
            head = *word == OrgWord::head;
            break;
        }
        if (m_words[m].raw != m_words[m].key) return false;
    }
    // Last, as it may tag the sentence: the word before ends no name of its own
    // to the model ("Ford").
    if (!head) return false;
    const auto* span = model_span(at - 1);
    return !span || span->last > m_words[at + 1].tok;
}

std::size_t Scanner::match_org_pattern(std::size_t k) {
    if (m_shouting) return 0;
    std::size_t e = k, head = npos;
    // An "and" may join words before the head, not a whole name to another
    // ("Faleolo District Hospital and Leulumoega District Hospital"); one head
    // word alone is no name ("Entertainment and Leisure Software Publishers Association").
    while (e < m_words.size() && (cap(e) || (e > k && (head == npos || (head == k && e == k + 1)) && and_in_name(k, e))) &&
           (e == k || ((m_words[e].adjacent || m_words[e].punct_before == "&") &&
                       !m_words[e].token.sentence_start))) {
        // "White House Press Secretary": an outlet's word before a title is part of the title.
        const bool titled = m_lex.outlet_word(m_words[e].key) && e + 1 < m_words.size() &&
                            m_words[e + 1].adjacent && m_lex.title(m_words[e + 1].key);
        if (org_word(e) && !titled) head = e;
        ++e;
    }
    if (head == npos) return 0;
    std::size_t end = head + 1;
    if (org_word(head) == OrgWord::head) end = extend_of(end);
    while (end < m_words.size() && m_words[end].adjacent && cap(end) && org_word(end) == OrgWord::suffix)
        ++end;
    // "The", "But", "Meanwhile" opening a sentence before the name are not part of
    // it; a capital inside a sentence is ("the World Health Organization", "at
    // First Union"), as is "World" after a sentence's "The".
    std::size_t start = k;
    while (start < head && m_words[start].token.sentence_start &&
           (m_lex.not_a_name(m_words[start].key) || m_lex.function_word(m_words[start].key) ||
            m_found.lower_words.count(m_words[start].key) || m_lex.speech_verb(m_words[start].key) ||
            gerund(start)))
        ++start;
    // "Tuesday Health Ministry officials": a day or month before the name.
    while (start < head && m_lex.function_word(m_words[start].key) && m_lex.not_a_name(m_words[start].key) &&
           !m_lex.institution(key(start, end - start)))
        ++start;
    // "Moscow's Central Clinical Hospital": the owner is not part of the name; a
    // company's legal name keeps its possessive ("McDonald's Corp", "Boatmen's Bancshares Inc"),
    // as does a name for whom the body is ("Women's Tennis Association").
    if (org_word(end - 1) != OrgWord::suffix)
        for (std::size_t m = start; m < head; ++m)
            if (m_words[m].raw != m_words[m].key && !m_lex.possessive_in_name(m_words[m].key)) start = m + 1;
    // A lone head word ("Council", "Party") names nothing in particular, and a
    // place is no organisation ("West Bank").
    if (end - start == 1 || org_word(start) == OrgWord::suffix || m_geo.known_place(key(start, end - start)) ||
        m_geo.find(key(start, end - start)))
        return end - k;
    const auto name = text(start, end);
    m_found.institutions.add(name);
    // "Chilean Foreign Ministry" speaks for Chile; "Niger Delta University" is not about Niger.
    bool state = false;
    for (std::size_t m = start; m < end; ++m) state = state || m_lex.state_word(m_words[m].key);
    for (std::size_t m = start; m < end;) m += std::max<std::size_t>(match_country(m, !state), 1);
    const std::size_t defined = definition_after(end - 1, name);
    // "Sapporo Breweries Ltd of Japan": the company's home, as part of its name.
    if (!defined && org_word(end - 1) == OrgWord::suffix && end + 1 < m_words.size() &&
        m_words[end].key == "of" && m_words[end].adjacent && m_words[end + 1].adjacent &&
        m_words[end + 1].key != "the" && country_at(end + 1))
        return end + 1 + match_country(end + 1, true) - k;
    return end - k + defined;
}

// "Niger Delta University", "Chinese Academy of Sciences": a country inside an
// organisation's name only adds to a country the text also names by itself.
void Scanner::credit_country(const std::string& code, bool inside_name, bool passing) {
    if (inside_name) m_found.countries.add_inside_name(code);
    else m_found.countries.add(code, 1, passing);
}

// "Georgia", "Lebanon": a country name that a place elsewhere shares.
void Scanner::credit_country(std::size_t k, std::size_t n, const CountryEntry& entry, bool inside_name,
                             bool passing) {
    const auto* other = n == 1 && entry.cue == CountryCue::name ? m_lex.shared_name(m_words[k].key) : nullptr;
    if (other && !inside_name) m_found.countries.add_shared(entry.code, *other);
    else credit_country(entry.code, inside_name, passing);
}

std::size_t Scanner::match_country(std::size_t k, bool inside_name) {
    const std::size_t longest = std::min(
        std::max(m_geo.max_words_from(m_words[k].raw),
                 std::min<std::size_t>(1, m_geo.max_words_from(m_words[k].key))),
        m_words.size() - k);
    for (std::size_t n = longest; n >= 1; --n) {
        if (!contiguous(k, n) || !cap(k + n - 1)) continue;
        const auto phrase = key(k, n);
        const auto* entry = m_geo.find(phrase);
        if (!entry) continue;
        const auto& t = m_words[k].token;
        // "Union Carbide Corp <UK>": a stock ticker in angle brackets, not a country.
        if (t.begin > 0 && m_text[t.begin - 1] == '<' && m_words[k + n - 1].end < m_text.size() &&
            m_text[m_words[k + n - 1].end] == '>')
            return n;
        // "Us" at a sentence start is the pronoun; short country words must be in capitals.
        if (n == 1 && entry->cue == CountryCue::name && t.text.size() <= 3 && !t.upper) continue;
        // "Chad Smith", "Jordan Henderson": a given name opening a longer name.
        if (n == 1 && m_lex.given_name(phrase) && k + 1 < m_words.size() && cap(k + 1) &&
            m_words[k + 1].adjacent && !m_geo.find(m_words[k + 1].key))
            return 0;
        // A capital in a list ("to London, Paris and Bonn") is a stop on a trip.
        const bool listed = in_list(k, n) || (entry->cue == CountryCue::capital && m_list_size >= 3);
        // "33 mln U.S. Dlrs", "Swiss francs": money, not the country, even in the lead.
        if (entry->cue != CountryCue::region && !(entry->cue == CountryCue::capital && place_only(k, n)) &&
            !currency(k + n))
            credit_country(k, n, *entry, inside_name,
                           listed || entry->cue == CountryCue::demonym || place_of_list(k, n) ||
                               (entry->cue == CountryCue::name && adjective(k, n)));
        m_found.country_phrases.insert(m_text.data() + t.begin);
        m_last_country_end = k + n;
        return n;
    }
    // "Iraqis", "Kenyans": plural demonyms.
    const auto& word = m_words[k].key;
    if (word.size() > 4 && word.back() == 's') {
        const auto* entry = m_geo.find(std::string_view(word).substr(0, word.size() - 1));
        if (entry && entry->cue == CountryCue::demonym) {
            credit_country(entry->code, inside_name, false);  // "Iraqis", "Kenyans" act
            m_found.country_phrases.insert(m_text.data() + m_words[k].token.begin);
            return 1;
        }
    }
    return 0;
}

// "U.S. operations", "a U.S. Embassy report" is not: the name of a country before a
// noun is an adjective. A verb, a function word, a state word ("embassy") or a
// punctuation mark after it leaves the country a noun.
bool Scanner::adjective(std::size_t k, std::size_t n) const {
    const std::size_t after = k + n;
    if (after >= m_words.size() || !m_words[after].adjacent || !m_words[after].punct_before.empty() ||
        m_words[after].token.digit)
        return false;
    const auto& next = m_words[after].key;
    return !m_lex.function_word(next) && !m_lex.speech_verb(next) && !m_lex.verb_after_country(next) &&
           !m_lex.state_word(next) && !next.ends_with("ed") && !country_at(after);
}

// The words of the country phrase at word k, 0 when none starts there ("the"
// before it is skipped and counted).
std::size_t Scanner::country_at(std::size_t k) const {
    const std::size_t skip = k < m_words.size() && m_words[k].key == "the" ? 1 : 0;
    k += skip;
    if (k >= m_words.size() || !cap(k)) return 0;
    for (std::size_t n = std::min(m_geo.max_words_from(m_words[k].key), m_words.size() - k); n >= 1; --n)
        if (contiguous(k, n) && m_geo.find(key(k, n))) return n + skip;
    return 0;
}

// "a trip to the United States, France, England, Italy and Switzerland": each
// country of a list of four or more is named in passing, a list of three
// ("such as Russia, North Korea and Iran") or two still picks its countries.
bool Scanner::in_list(std::size_t k, std::size_t n) {
    const bool continues = k > 0 && m_last_country_end + 1 >= k && m_last_country_end <= k &&
                           (m_words[k].punct_before == "," ||
                            (m_words[k - 1].key == "and" || m_words[k - 1].key == "or"));
    if (!continues) {
        // Count the items of a list that starts here.
        m_list_size = 1;
        for (std::size_t at = k + n; at < m_words.size();) {
            std::size_t next = at;
            if (m_words[at].key == "and" || m_words[at].key == "or") ++next;
            else if (m_words[at].punct_before != ",") break;
            if (next < m_words.size() && (m_words[next].key == "and" || m_words[next].key == "or")) ++next;
            const std::size_t len = next < m_words.size() ? country_at(next) : 0;
            if (len == 0) break;
            ++m_list_size;
            at = next + len;
        }
    }
    return m_list_size >= 4;
}

// "sold in the U.S. and Japan", "to Japan and Singapore": a place preposition
// (before "the" too) makes every country of the list it opens a place.
bool Scanner::place_of_list(std::size_t k, std::size_t n) {
    const bool continues = k > 0 && m_last_country_end + 1 >= k && m_last_country_end <= k &&
                           (m_words[k].punct_before == "," || m_words[k - 1].key == "and" ||
                            m_words[k - 1].key == "or");
    if (continues) return m_list_place;
    const bool after_the = k > 1 && m_words[k - 1].key == "the" && m_words[k].adjacent && m_words[k - 1].adjacent;
    m_list_place = place_only(k, n) || (after_the && m_lex.place_preposition(m_words[k - 2].key));
    return m_list_place;
}

// A capital stands for its government ("Beijing has rejected"), but "in London" or
// "London-based" is only a place, which says little about what a story is about.
bool Scanner::place_only(std::size_t k, std::size_t n) const {
    if (k + n < m_words.size() && m_words[k + n].token.hyphen_before) return true;
    return k > 0 && m_words[k].adjacent && m_lex.place_preposition(m_words[k - 1].key);
}

// "Proroguing Parliament is ...", "Remarked Center for Biological Diversity
// ...": a verb's -ing or -ed form opening the sentence, the article writing the
// verb in lower case elsewhere ("prorogued", "remarks"); no place, and no word
// opening a known name ("United Nations").
bool Scanner::gerund(std::size_t k) const {
    const auto& w = m_words[k].key;
    const std::size_t cut = w.ends_with("ing") ? 3 : w.ends_with("ed") ? 2 : 0;
    if (w.size() < 7 || !cut || m_geo.known_place(w) || m_geo.find(w) || m_lex.max_institution_words_from(w) > 0)
        return false;
    const auto stem = w.substr(0, w.size() - cut);
    for (const char* ending : {"", "e", "ed", "es", "s", "ing"})
        if (stem + ending != w && m_found.lower_words.count(stem + ending)) return true;
    return false;
}

// Honorifics and titles ("Mr.", "President", "Foreign Minister"): skipped, and
// the name right after them is cued as a person.
std::size_t Scanner::match_title(std::size_t k) {
    if (m_lex.honorific(m_words[k].key)) {
        m_cue_at = k + 1;
        return 1;
    }
    const std::size_t longest = std::min(m_lex.max_title_words(), m_words.size() - k);
    for (std::size_t n = longest; n >= 1; --n) {
        if (!contiguous(k, n) || !m_lex.title(key(k, n))) continue;
        m_cue_at = k + n;
        return n;
    }
    return 0;
}

// Two or more capitalised words are a person when a given name opens them, a
// title or speech verb stands before them, "said" follows, or the article never
// writes any of them in lower case (so they are not ordinary words).
bool Scanner::is_person(std::size_t k, std::size_t e, bool cued) const {
    const auto& first = m_words[k].key;
    // "Los Angeles", "Tel Aviv", "Texas": known places are never people.
    if (m_geo.known_place(key(k, e - k))) return false;
    if (cued || m_lex.given_name(first) || m_lex.surname_first(first)) return true;
    if (e < m_words.size() && m_lex.speech_verb(m_words[e].key) && !m_words[e].token.capitalised)
        return true;
    // A sentence's first words ("Sandrine Testud (France) beat ..."): capitals say
    // nothing there, the model may know the run as one person, unless a word of it
    // is an ordinary one ("Unlike Senators", "Lion Air": "air" elsewhere).
    if (m_words[k].token.sentence_start) {
        if (m_lex.function_word(first)) return false;
        for (std::size_t m = k; m < e; ++m)
            if ((m_found.lower_words.count(m_words[m].key) && !m_lex.particle(m_words[m].key)) ||
                m_geo.find(m_words[m].key))
                return false;
        return model_name(k, e, NerType::person, model_person_confidence);
    }
    for (std::size_t m = k; m < e; ++m)
        if (m_found.lower_words.count(m_words[m].key) || m_geo.find(m_words[m].key)) return false;
    // Nothing but capitals says person here: the model may know the run as one
    // place ("Cape Canaveral", "Palm Beach").
    const auto* place = model_place(k);
    return !place || place != model_place(e - 1);
}

std::size_t Scanner::match_name(std::size_t k) {
    const auto& first = m_words[k];
    // A cue does not reach into the next sentence ('..., she said. Further talks').
    const bool cued = m_cue_at == k && !first.token.sentence_start;
    if (m_lex.not_a_name(first.key) || first.token.upper) return 1;
    if (first.token.sentence_start && m_found.lower_words.count(first.key) && !m_lex.given_name(first.key))
        return 1;
    std::size_t e = k + 1, parts = 1;
    // "Atlanta's Tom Glavine": a possessive closes the owner's name.
    while (e < m_words.size() && parts < 4 && m_words[e].adjacent &&
           m_words[e - 1].raw == m_words[e - 1].key) {
        const auto& w = m_words[e];
        const bool particle = m_lex.particle(w.key) && !w.token.capitalised && e + 1 < m_words.size() &&
                              cap(e + 1) && m_words[e + 1].adjacent;
        if (particle || (w.token.hyphen_before && !w.token.digit)) { ++e; continue; }
        if (!cap(e) || w.token.sentence_start || w.token.upper || m_lex.not_a_name(w.key) ||
            m_lex.title(w.key) || m_lex.honorific(w.key) || org_word(e) ||
            (parts >= 2 && m_geo.find(w.key)))
            break;
        ++e, ++parts;
    }
    // "Deputy Emergency Situations Minister Alexander Chupriyan": words before a
    // title belong to the title, the name comes after it.
    if (e < m_words.size() && m_words[e].adjacent && m_words[e].token.capitalised &&
        m_lex.title(m_words[e].key))
        return e - k;
    // "the Kurdish-led Syrian Democratic Forces": words an organisation word
    // closes are the front of the organisation's name.
    if (e < m_words.size() && m_words[e].adjacent && cap(e) && org_word(e) && !m_words[e].token.sentence_start)
        return e - k;
    // "World Wonder Ring Stardom (Stardom) announced": a body gives the short
    // form it goes by in brackets after its name, a person does not.
    if (const std::size_t t = m_words[e - 1].tok; e > k + 1 && t + 3 < m_tokens.size() &&
        m_tokens[t + 1].text == "(" && m_tokens[t + 3].text == ")" && m_tokens[t + 2].word &&
        lookup_key(m_tokens[t + 2].text) == m_words[e - 1].key)
        return e - k;
    // "Motorola Razr V3", "Nokia N95": a model number right after the run names a product.
    if (e < m_words.size() && m_words[e].adjacent && m_words[e].token.digit && !m_words[e].token.text.empty() &&
        m_words[e].token.text.front() >= 'A' && m_words[e].token.text.front() <= 'Z')
        return e - k;
    std::vector<std::size_t> at;
    const auto run = run_words(k, e, &at);
    if (names_a_thing(run, next_lower(e))) return e - k;
    // The first word of the personal name in the run.
    const std::size_t drop = run.size() > 1 ? descriptor_words(run, m_found.lower_words) : 0;
    // "Advisors Goldman Sachs": what follows the words dropped may be a body.
    if (drop > 0 && names_a_thing({run.begin() + static_cast<std::ptrdiff_t>(drop), run.end()}, next_lower(e)))
        return e - k;
    const std::size_t start = drop < at.size() ? at[drop] : k;
    if (start > k) {
        // "United States Senator from Vermont Bernie Sanders": the name is what follows the place.
        if (start + 1 < e || !m_geo.known_place(m_words[start].key)) add_name(start, e, cued || start > k);
        return e - k;
    }
    if (parts == 1 && e == k + 1) {
        // "Tory" of "Tory MP Michael Mates": a party's word alone is nobody.
        if (!m_geo.known_place(first.key) && !m_lex.party(first.key))
            m_found.people.add_single(text(k, e), first.key, cued);
        return 1;
    }
    if (is_person(k, e, cued)) add_name(k, e, cued);
    return e - k;
}

void Scanner::add_name(std::size_t k, std::size_t e, bool cued) {
    if (e == k + 1) {
        m_found.people.add_single(text(k, e), m_words[k].key, cued);
        return;
    }
    {
        std::vector<std::string> keys;
        for (std::size_t m = k; m < e; ++m) keys.push_back(m_words[m].key);
        m_found.people.add_full(text(k, e), std::move(keys));
    }
}

// The name the model reads word k as part of, or nullptr.
const NerSpan* Scanner::model_span(std::size_t k) const {
    if (!m_model) return nullptr;
    const std::size_t tok = m_words[k].tok;
    if (m_ner_at.empty()) m_ner_at.assign(m_tokens.size(), untagged);
    if (m_ner_at[tok] == untagged) {
        // The sentence around the word, tagged once (as the model was trained).
        std::size_t first = tok, last = tok + 1;
        while (first > 0 && !(m_tokens[first].word && m_tokens[first].sentence_start)) --first;
        while (last < m_tokens.size() && !(m_tokens[last].word && m_tokens[last].sentence_start)) ++last;
        for (std::size_t t = first; t < last; ++t) m_ner_at[t] = npos;
        for (const auto& span : m_model->tag(m_tokens, first, last)) {
            for (std::size_t t = span.first; t < span.last; ++t) m_ner_at[t] = m_ner.size();
            m_ner.push_back(span);
        }
    }
    const auto at = m_ner_at[tok];
    return at == npos ? nullptr : &m_ner[at];
}

// The place the model is sure word k is part of, or nullptr.
const NerSpan* Scanner::model_place(std::size_t k) const {
    const auto* span = model_span(k);
    return span && span->type == NerType::place && span->confidence >= model_place_confidence ? span : nullptr;
}

// Words [k, e) are the whole of one name of `type`, as sure as `confidence`.
bool Scanner::model_name(std::size_t k, std::size_t e, NerType type, float confidence) const {
    const auto* span = model_span(k);
    return span && span->type == type && span->confidence >= confidence && span->first == m_words[k].tok &&
           span->last == m_words[e - 1].tok + 1;
}

bool Scanner::model_org(std::size_t k, std::size_t e) const {
    return model_name(k, e, NerType::organisation, model_org_confidence);
}

// Hyphenated words ("Fourteen-year-old") are one word of the run; `at` gets
// the index of each one's first part.
std::vector<RunWord> Scanner::run_words(std::size_t k, std::size_t e, std::vector<std::size_t>* at) const {
    std::vector<std::size_t> firsts;
    for (std::size_t m = k; m < e; ++m)
        if (m == k || !m_words[m].token.hyphen_before) firsts.push_back(m);
    std::vector<RunWord> run;
    for (std::size_t i = 0; i < firsts.size(); ++i) {
        const auto t = text(firsts[i], i + 1 < firsts.size() ? firsts[i + 1] : e);
        run.push_back({t, lookup_key(t), m_words[firsts[i]].token.sentence_start});
    }
    if (at) *at = std::move(firsts);
    return run;
}

// "Adult Swim television channel", "Alabama Human Life Protection Act": the
// word right after the run (an organisation word stopped it there).
std::vector<std::string> Scanner::next_lower(std::size_t e) const {
    // "Tomasz Sekielski's film" is his: after a possessive the next word says nothing.
    if (e >= m_words.size() || !m_words[e].adjacent || m_words[e - 1].raw != m_words[e - 1].key) return {};
    return {m_words[e].key};
}

}  // namespace

void scan_text(std::string_view text, const std::vector<Token>& tokens, bool shouting,
               Findings& findings, const NerModel* model) {
    Scanner(text, tokens, shouting, findings, model).run();
}

void collect_lower_words(const std::vector<Token>& tokens, Findings& findings) {
    for (const auto& t : tokens)
        if (t.word && !t.capitalised && !t.digit) findings.lower_words.insert(lookup_key(t.text));
}

}  // namespace newsdesk::entities
