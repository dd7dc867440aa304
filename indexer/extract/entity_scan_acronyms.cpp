// Acronyms: linked to the name the article spells out beside them, known from
// the gazetteer or read by the model; one the article spells out as no body
// ("Ebola virus disease (EVD)") is none.
#include <algorithm>
#include <cctype>

#include "indexer/extract/entity_scanner.h"

namespace newsdesk::entities::scan {

namespace {

// The small words a name's initials may pass over ("Organization of American States").
bool joining_word(std::string_view key) { return key == "of" || key == "and" || key == "the" || key == "for"; }

}  // namespace

// "... Studies (CSIS)": links the acronym; returns 1 to skip the acronym word.
std::size_t Scanner::definition_after(std::size_t last, std::string_view name) {
    const std::size_t t = m_words[last].tok;
    if (t + 3 >= m_tokens.size() || m_tokens[t + 1].text != "(" || m_tokens[t + 3].text != ")")
        return 0;
    // "(WHO)", or a short form of one capitalised word the name's initial opens
    // ("Philippine Institute of Volcanology and Seismology (Phivolcs)").
    const auto& acronym = m_tokens[t + 2];
    const char first = name.empty() ? 0 : name.front();
    const bool short_form = acronym.capitalised && !acronym.digit && acronym.text.size() <= 10 &&
                            acronym.text.front() == first;
    if (!acronym.word || !(acronym.upper || short_form)) return 0;
    m_found.institutions.define(name, acronym.text);
    return 1;
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
    // "CAOS Linux"), not a transcript's label; not_institutions.txt keeps out the
    // common ones (GDP, IQ).
    const auto& key = m_words[k].key;
    if (m_found.plain_acronyms.count(key)) return 0;
    const bool letters = word.size() >= 3 && word.size() <= 6 &&
                         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const bool longer = k + 1 < m_words.size() && m_words[k + 1].adjacent && cap(k + 1);
    // "((WSS)) How did your nomination ...": in brackets before any word of its
    // paragraph, it labels who speaks in an interview's transcript.
    const bool label = k == 0 && m_words[k].tok > 0 && m_tokens[m_words[k].tok - 1].text == "(";
    const bool body = letters && !longer && !label && !m_lex.not_institution(key) && !m_geo.find(key) &&
                      !m_geo.known_place(key) && !org_word(k) && !m_found.lower_words.count(key);
    // Spelled out beside it: the body of that name, or nobody ("Ebola virus
    // disease (EVD)", "Universal Basic Income (UBI)").
    if (const auto [first, last] = spelled_out(k); first < last) {
        const auto name = m_text.substr(m_tokens[first].begin, m_tokens[last - 1].end - m_tokens[first].begin);
        bool capitalised = true;
        for (std::size_t t = first; t < last; ++t) {
            const auto lower = lookup_key(m_tokens[t].text);
            if (!m_tokens[t].capitalised && !joining_word(lower))
                capitalised = false;
        }
        if (capitalised && (m_found.institutions.named(name) || (body && names_a_body(first, last)))) {
            m_found.institutions.define(name, word);
            m_found.institutions.add_defined_acronym(word);
            return 1;
        }
        m_found.plain_acronyms.insert(key);
        return 0;
    }
    if (body && model_org(k, k + 1)) {
        m_found.institutions.add(word);
        return 1;
    }
    return 0;
}

// The tokens [first, last) that spell acronym word k by their initials, just
// before the bracket around it ("Ebola virus disease (EVD)") or in a bracket
// right after it ("FGM [Female Genital Mutilation]"), "of", "and", "the" and
// "for" passed over or counted; {0, 0} when none do.
std::pair<std::size_t, std::size_t> Scanner::spelled_out(std::size_t k) const {
    const auto acronym = m_words[k].token.text;
    const std::size_t t = m_words[k].tok;
    auto opening = [&](std::size_t i) { return m_tokens[i].text == "(" || m_tokens[i].text == "["; };
    auto closing = [&](std::size_t i) { return m_tokens[i].text == ")" || m_tokens[i].text == "]"; };
    const std::pair<std::size_t, std::size_t> none{0, 0};
    // The initials of the words from the bracket on (backwards: towards it), as
    // many as the acronym has letters, small words counted or passed over.
    auto spells = [&](std::size_t from, std::size_t to, bool backwards) {
        for (const bool count_small : {false, true}) {
            std::string initials;
            std::size_t n = 0;
            for (; n < to - from && initials.size() < acronym.size(); ++n) {
                const auto& w = m_tokens[backwards ? to - 1 - n : from + n];
                if (!w.word) break;
                const auto lower = lookup_key(w.text);
                if (!count_small && joining_word(lower)) continue;
                initials += static_cast<char>(std::toupper(static_cast<unsigned char>(w.text.front())));
            }
            if (backwards) std::reverse(initials.begin(), initials.end());
            if (initials == acronym) return backwards ? std::pair{to - n, to} : std::pair{from, from + n};
        }
        return none;
    };
    if (t > 1 && t + 1 < m_tokens.size() && opening(t - 1) && closing(t + 1)) return spells(0, t - 1, true);
    if (t + 2 < m_tokens.size() && opening(t + 1)) {
        std::size_t close = t + 2;
        while (close < m_tokens.size() && close < t + 14 && !closing(close)) ++close;
        // The whole bracket spells it: "[Queen Victoria Market]", not "[Queen Victoria Market] stall".
        if (close < m_tokens.size() && closing(close)) {
            const auto range = spells(t + 2, close, false);
            if (range.second == close) return range;
        }
    }
    return none;
}

// The first word of [k, head] from which the initials of the capitalised words up
// to `end` spell the upper-case acronym in brackets right after them ("World
// Anti-Doping Agency (WADA)": W, A, D, A), or npos. Lower-case words ("of",
// "and") are passed over; an acronym they spell too ("Organization of American
// States (OAS)") needs none of them.
std::size_t Scanner::acronym_start(std::size_t k, std::size_t head, std::size_t end) const {
    const std::size_t t = m_words[end - 1].tok;
    if (t + 3 >= m_tokens.size() || m_tokens[t + 1].text != "(" || m_tokens[t + 3].text != ")") return npos;
    const auto& acronym = m_tokens[t + 2];
    if (!acronym.word || !acronym.upper || acronym.text.size() < 2 ||
        !std::all_of(acronym.text.begin(), acronym.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return npos;
    for (std::size_t j = k; j <= head; ++j) {
        if (!m_words[j].token.capitalised) continue;  // "Fiat and General Motors (GM)"
        std::string initials;
        for (std::size_t m = j; m < end; ++m)
            if (m_words[m].token.capitalised) initials += m_words[m].token.text.front();
        if (initials == acronym.text) return j;
    }
    return npos;
}

// The capitalised tokens [first, last) spelling an acronym name a body: a word
// of them is an organisation's word or a place ("University College London",
// "United States Geological Survey"), where "Female Genital Mutilation" and
// "Chief Technical Officer" hold neither, and an office's name is none.
bool Scanner::names_a_body(std::size_t first, std::size_t last) const {
    auto word_at = [&](std::size_t tok) {
        const auto it = std::lower_bound(m_words.begin(), m_words.end(), tok,
                                         [](const auto& w, std::size_t t) { return w.tok < t; });
        return it != m_words.end() && it->tok == tok ? static_cast<std::size_t>(it - m_words.begin()) : npos;
    };
    const std::size_t k = word_at(first), e = word_at(last - 1);
    if (k == npos || e == npos) return false;
    if (m_geo.known_place(key(k, e + 1 - k))) return false;
    // "Divisional Railway Manager (DRM)", "Vice President of the United States
    // (VPOTUS)": an office, whoever holds it.
    for (std::size_t m = k; m <= e; ++m)
        if (m_words[m].key == "of" || m == e) {
            if (m_lex.title(m_words[m == e ? e : m - 1].key)) return false;
            break;
        }
    for (std::size_t m = k; m <= e; ++m) {
        if (org_word(m)) return true;
        for (std::size_t n = 1; n <= 3 && m + n <= e + 1; ++n)
            if (m_geo.find(key(m, n)) || m_geo.known_place(key(m, n))) return true;
    }
    return false;
}

}  // namespace newsdesk::entities::scan
