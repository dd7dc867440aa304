// Country phrases: when a country is credited, named in passing, a place only or
// inside an organisation's name.
#include "indexer/extract/entity_scanner.h"

namespace newsdesk::entities::scan {

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

}  // namespace newsdesk::entities::scan
