#include "indexer/extract/entity_scan.h"

#include <algorithm>
#include <optional>

#include "indexer/extract/entity_scanner.h"

namespace newsdesk::entities {

namespace scan {

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

std::size_t Scanner::match_institution(std::size_t k) {
    // Phrases are looked up with the first word's raw key ("people's ...") or, alone, its key.
    const std::size_t longest = std::min(
        std::max(m_lex.max_institution_words_from(m_words[k].raw),
                 std::min<std::size_t>(1, m_lex.max_institution_words_from(m_words[k].key))),
        m_words.size() - k);
    for (std::size_t n = longest; n >= 1; --n) {
        if (!contiguous(k, n, true) || !cap(k + n - 1)) continue;
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
            // "University of Free State", "Organization of American States": and the
            // last of two capitalised words.
            if (last && !m_lex.function_word(m_words[w].key) && w > 0 &&
                (m_words[w - 1].key == "of" || m_words[w - 1].key == "and" ||
                 (m_words[w].adjacent && cap(w - 1) && !m_lex.title(m_words[w].key))))
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
    // "World Anti-Doping Agency (WADA)", "Past Congressional Budget Office (CBO)":
    // the acronym the article defines right after the name spells where it begins.
    const std::size_t spelled = acronym_start(k, head, end);
    if (spelled != npos) start = spelled;
    while (spelled == npos && start < head && m_words[start].token.sentence_start &&
           (m_lex.not_a_name(m_words[start].key) || m_lex.function_word(m_words[start].key) ||
            m_found.lower_words.count(m_words[start].key) || m_lex.speech_verb(m_words[start].key) ||
            gerund(start)))
        ++start;
    // "Tuesday Health Ministry officials": a day or month before the name.
    while (spelled == npos && start < head && m_lex.function_word(m_words[start].key) && m_lex.not_a_name(m_words[start].key) &&
           !m_lex.institution(key(start, end - start)))
        ++start;
    // "Gerhard Schroeder's Social Democrat-Green Party administration": parties
    // joined by a hyphen are a coalition; the name is the last party's.
    for (std::size_t m = start + 1; m <= head && m < end; ++m)
        if (m_words[m].token.hyphen_before && m_lex.party(m_words[m - 1].key) && m_lex.party(m_words[m].key))
            start = m;
    // "The Organisation for Security and Cooperation in Europe (OSCE)": past the
    // words dropped, a name the gazetteer knows that goes on past the pattern's
    // end is read whole, as it would be had the sentence opened with it (not
    // "United Nations" of "The United Nations Food and Agriculture Organization").
    if (start > k && !m_shouting) {
        const std::size_t longest = std::min(m_lex.max_institution_words_from(m_words[start].raw), m_words.size() - start);
        for (std::size_t n = longest; n > end - start; --n)
            if (contiguous(start, n) && m_lex.institution(key(start, n))) return start - k + match_institution(start);
    }
    // "Moscow's Central Clinical Hospital": the owner is not part of the name; a
    // company's legal name keeps its possessive ("McDonald's Corp", "Boatmen's Bancshares Inc"),
    // as does a name for whom the body is ("Women's Tennis Association").
    const std::size_t owner = start;
    if (org_word(end - 1) != OrgWord::suffix)
        for (std::size_t m = start; m < head; ++m)
            if (m_words[m].raw != m_words[m].key && !m_lex.possessive_in_name(m_words[m].key)) start = m + 1;
    // "Hillary Clinton's Senate seat", "Joe Biden's Justice Department": an owner
    // the model reads as a person is read on its own; the name after it is read
    // next. Not the end of a longer name ("Parliamentarians for Global Action's").
    if (start > owner) {
        const auto owner_key = key(owner, start - owner);
        const bool place = m_geo.known_place(owner_key) || m_geo.find(owner_key);
        const bool longer =
            owner > 1 && cap(owner - 2) && m_words[owner - 1].adjacent && extend_of(owner - 1) > owner - 1;
        if (!place && !longer && model_name(owner, start, NerType::person, model_owner_confidence)) return 0;
    }
    // A lone head word ("Council", "Party") names nothing in particular, and a
    // place is no organisation ("West Bank").
    // "the Senate", "Parliament": a body every country has is one by its head word alone.
    const bool lone_body = end - start == 1 && !m_words[start].token.sentence_start &&
                           m_lex.country_body(m_words[start].key) && !m_found.lower_words.count(m_words[start].key);
    if ((end - start == 1 && !lone_body) || org_word(start) == OrgWord::suffix || m_geo.known_place(key(start, end - start)) ||
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

// The name the model reads word k as part of, or nullptr.
const NerSpan* Scanner::model_span(std::size_t k) const {
    if (!m_model) return nullptr;
    const std::size_t tok = m_words[k].tok;
    if (m_ner.at.empty()) m_ner.at.assign(m_tokens.size(), NerTags::untagged);
    if (m_ner.at[tok] == NerTags::untagged) {
        // The sentence around the word, tagged once (as the model was trained).
        const auto [first, last] = sentence_around(m_tokens, tok);
        for (std::size_t t = first; t < last; ++t) m_ner.at[t] = NerTags::outside;
        for (const auto& span : m_model->tag(m_tokens, first, last)) {
            for (std::size_t t = span.first; t < span.last; ++t) m_ner.at[t] = m_ner.spans.size();
            m_ner.spans.push_back(span);
        }
    }
    const auto at = m_ner.at[tok];
    return at == NerTags::outside ? nullptr : &m_ner.spans[at];
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

// A word the rules would read as a surname nobody explains ("NationsBank",
// "TurkStream") may be an organisation: not a given name, a place or a word of
// the article's lower-case text, no title, verb or word of the lists that name
// no one, nor the last word of a known body's name ("House" of "White House").
// extract_entities asks the model about it once the article's people are known
// (model_organisation), so most surnames never cost a sentence's tagging.
void Scanner::model_word_org(std::size_t k) {
    const auto& w = m_words[k];
    const auto& key = w.key;
    const auto word = m_text.substr(w.token.begin, w.end - w.token.begin);
    // "(Phivolcs)" after the name it shortens: a later mention is that body.
    if (m_found.institutions.add_defined_acronym(word)) return;
    // Letters only: "I'm" is no name.
    const bool letters =
        std::all_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || c < 0; });
    // A sentence's first word carries no signal in its capital, and is most
    // often an ordinary word there ("Shortly", "Authorities").
    if (!m_model || !letters || w.token.sentence_start || key.size() < 3 ||
        !(word.front() >= 'A' && word.front() <= 'Z') || m_lex.given_name(key) || m_geo.find(key) ||
        m_geo.known_place(key) || m_lex.not_a_name(key) || m_lex.function_word(key) || m_lex.not_institution(key) ||
        m_lex.ends_institution(key) || m_lex.thing_head(key) || m_found.lower_words.count(key) ||
        m_lex.speech_verb(key) || m_lex.title(key) || m_lex.honorific(key))
        return;
    m_found.model_orgs.push_back({std::string(word), key, &m_tokens, w.tok});
}

}  // namespace scan

std::pair<std::size_t, std::size_t> sentence_around(const std::vector<Token>& tokens, std::size_t tok) {
    std::size_t first = tok, last = tok + 1;
    while (first > 0 && !(tokens[first].word && tokens[first].sentence_start)) --first;
    while (last < tokens.size() && !(tokens[last].word && tokens[last].sentence_start)) ++last;
    return {first, last};
}

std::optional<NerSpan> model_word(const NerModel& model, const ModelOrgCandidate& c, const NerTags& tags) {
    auto alone = [&](const NerSpan& span) -> std::optional<NerSpan> {
        if (span.first == c.tok && span.last == c.tok + 1) return span;
        return std::nullopt;
    };
    if (!tags.at.empty() && tags.at[c.tok] != NerTags::untagged) {
        if (tags.at[c.tok] == NerTags::outside) return std::nullopt;
        return alone(tags.spans[tags.at[c.tok]]);
    }
    // Tags go left to right and a word's features reach two words ahead: the
    // sentence up to three words past the candidate tags it and the word after
    // it as the whole sentence would, for a fraction of the work.
    const auto [first, last] = sentence_around(*c.tokens, c.tok);
    for (const auto& span : model.tag(*c.tokens, first, std::min(last, c.tok + 4)))
        if (span.first == c.tok) return alone(span);
    return std::nullopt;
}

bool model_organisation(const NerModel& model, const ModelOrgCandidate& c, const NerTags& tags) {
    const auto span = model_word(model, c, tags);
    return span && span->type == NerType::organisation && span->confidence >= scan::model_word_org_confidence;
}

void scan_text(std::string_view text, const std::vector<Token>& tokens, bool shouting,
               Findings& findings, const NerModel* model) {
    scan::Scanner(text, tokens, shouting, findings, model).run();
}

void collect_lower_words(const std::vector<Token>& tokens, Findings& findings) {
    for (const auto& t : tokens)
        if (t.word && !t.capitalised && !t.digit) findings.lower_words.insert(lookup_key(t.text));
}

}  // namespace newsdesk::entities

