// News outlets a cue word names ("Le Matin newspaper said", "the official
// newspaper Granma reported") and their later mentions in the same article.
#include "indexer/extract/entity_scanner.h"

namespace newsdesk::entities::scan {

// The end of the capitalised run from k (up to five words, a possessive closing
// it, "Corriere della Sera": a particle between capitalised words).
std::size_t Scanner::outlet_end(std::size_t k) const {
    std::size_t e = k;
    while (e < m_words.size() && e - k < 5 && (e == k || m_words[e].adjacent)) {
        if (e > k && !cap(e) && m_lex.particle(m_words[e].key) && e + 1 < m_words.size() && cap(e + 1) &&
            m_words[e + 1].adjacent) {
            ++e;
            continue;
        }
        if (!cap(e)) break;
        ++e;
        if (m_words[e - 1].raw != m_words[e - 1].key) break;
    }
    return e;
}

// Words [k, e) may name an outlet unless a month, a day, a function word, a
// title, a party or money is among them, a given name opens them (a person's
// papers: "Rupert Murdoch newspaper"), a place or a nationality is in them
// ("the Tehran daily", "an Israeli newspaper"), or an ordinary word opens a
// sentence with them ("Local newspapers said").
bool Scanner::outlet_name(std::size_t k, std::size_t e) const {
    const auto& first = m_words[k];
    if (m_lex.given_name(first.key) || (first.token.sentence_start && m_found.lower_words.count(first.key)))
        return false;
    for (std::size_t m = k; m < e; ++m) {
        const auto& w = m_words[m].key;
        if (!cap(m)) continue;  // a particle
        // "Jornal do Brasil", "Le Journal de Montréal": a place after a particle is the paper's.
        const bool placed = m > k && !cap(m - 1);
        if (m_lex.not_a_name(w) || m_lex.title(w) || m_lex.honorific(w) || m_lex.party(w) ||
            m_lex.currency_word(w) || (!placed && (m_geo.find(w) || m_geo.known_place(w))))
            return false;
    }
    return e == k + 1 || (!m_geo.known_place(key(k, e - k)) && !m_geo.find(key(k, e - k)));
}

std::size_t Scanner::match_outlet(std::size_t k) {
    // "Zycie Warszawy said": an outlet the article named before.
    if (!m_found.outlets.empty()) {
        for (std::size_t n = std::min<std::size_t>(5, m_words.size() - k); n >= 1; --n) {
            if (contiguous(k, n) && cap(k + n - 1) && m_found.outlets.count(key(k, n))) {
                m_found.institutions.add(text(k, k + n));
                return n;
            }
        }
    }
    // Not after a possessive ("Family Circle magazine's Presidential Cookie
    // Poll"), nor after "a", where the word is an adjective ("a daily Aspirin").
    const bool cue_before = k > 0 && m_words[k].adjacent && !cap(k - 1) &&
                            m_words[k - 1].raw == m_words[k - 1].key &&
                            m_lex.outlet_cue_before(m_words[k - 1].key) &&
                            !(k > 1 && (m_words[k - 2].key == "a" || m_words[k - 2].key == "an"));
    const std::size_t e = outlet_end(k);
    // "Le Matin newspaper, quoting witnesses"; an adverb goes on to a word
    // ("the Kompas daily said", not "drown in the Mediterranean daily,").
    const bool cue_after = e < m_words.size() && m_words[e].adjacent && !cap(e) &&
                           m_words[e - 1].raw == m_words[e - 1].key && m_lex.outlet_cue_after(m_words[e].key) &&
                           (!m_lex.outlet_cue_adverb(m_words[e].key) ||
                            (e + 1 < m_words.size() && m_words[e + 1].adjacent));
    // "Financial newspaper Nihon Keizai Shimbun claimed": a word opening the
    // sentence before a cue that a name follows describes that name's paper.
    const bool names_the_next = cue_after && !cue_before && m_words[k].token.sentence_start && e + 1 < m_words.size() &&
                                m_lex.outlet_cue_before(m_words[e].key) && m_words[e + 1].adjacent && cap(e + 1);
    if ((!cue_before && !cue_after) || names_the_next || !outlet_name(k, e)) return 0;
    m_found.outlets.insert(key(k, e - k));
    m_found.institutions.add(text(k, e));
    return e - k;
}

}  // namespace newsdesk::entities::scan
