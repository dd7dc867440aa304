// Clubs of sports reports: known teams, club words, results rows and scores.
#include "indexer/extract/entity_scanner.h"

namespace newsdesk::entities::scan {

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
    // "title rivals Essex, Derbyshire and Surrey": the next of a list a club opened.
    const bool listed = (m_team_end == k && m_words[k].punct_before == ",") ||
                        (k > 0 && m_team_end + 1 == k && m_words[k - 1].key == "and" && m_words[k - 1].adjacent &&
                         m_words[k].adjacent);
    if (!club && !listed && !team_context(k, e)) return 0;
    const auto phrase = key(k, e - k);
    if (const auto* place = m_geo.find(phrase);
        place && (place->cue == CountryCue::name || place->cue == CountryCue::demonym))
        return 0;
    m_found.teams.insert(phrase);
    m_found.institutions.add(text(k, e));
    m_team_end = e;
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

// Words e on are a bowler's figures, four numbers joined by hyphens (overs,
// maidens, runs, wickets: "10-0-45-2", "9.5-0-44-1"), in a sports report.
bool Scanner::figures_after(std::size_t e) const {
    if (!m_found.sports || e + 3 >= m_words.size() || !m_words[e].adjacent) return false;
    for (std::size_t m = e; m < e + 4; ++m)
        if (!m_words[m].token.digit || (m > e && !m_words[m].token.hyphen_before)) return false;
    return e + 4 >= m_words.size() || !m_words[e + 4].token.hyphen_before;
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
    if (m_lex.given_name(first.key) || m_lex.title(first.key) || honorific(k)) return false;
    // "P. Simmons 4-38" and "C. Lewis 80" are a player's figures, not a club's score.
    auto initial = [&](std::size_t m) {
        return m_words[m].token.text.size() == 2 && m_words[m].token.text.back() == '.';
    };
    if (initial(k) || (k > 0 && initial(k - 1))) return false;
    // "b Tandy 22", "Tandy 10-0-45-2": the bowler of a scorecard and a bowler's figures.
    if ((k > 0 && scorecard_cue(k - 1)) || figures_after(e)) return false;
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

}  // namespace newsdesk::entities::scan

namespace newsdesk::entities::scan {

// The marks between word k - 1 (or the text's start) and word k, or after the
// last word when k is past it: "," or "),", "" when the words are adjacent.
std::string Scanner::marks_before(std::size_t k) const {
    const std::size_t from = k == 0 ? 0 : m_words[k - 1].tok + 1;
    const std::size_t to = k < m_words.size() ? m_words[k].tok : m_tokens.size();
    std::string marks;
    for (std::size_t t = from; t < to; ++t)
        if (!m_tokens[t].word && m_tokens[t].text != "-") marks += m_tokens[t].text;
        else if (!m_tokens[t].word) marks += t + 1 < to || m_tokens[t].end != m_tokens[t + 1].begin ? "-" : "";
    return marks;
}

// The end of a player's name opening at word k in a list: capitalised words,
// hyphenated ("Ata-ur-Rehman") or with lower-case particles ("de Silva"), at
// most four; 0 when word k opens none.
std::size_t Scanner::lineup_item_end(std::size_t k) const {
    if (!cap(k) || m_words[k].token.digit) return 0;
    std::size_t e = k + 1;
    while (e < m_words.size() && e - k < 6 && m_words[e].adjacent && !m_words[e].token.digit &&
           (cap(e) || m_words[e].token.hyphen_before ||
            (m_lex.particle(m_words[e].key) && e + 1 < m_words.size() && m_words[e + 1].adjacent && cap(e + 1))))
        ++e;
    return e;
}

// Lineups of a sports report: "Ireland - Given; Kelly, Staunton, Irwin ...",
// "Teams: Australia - Ian Healy (captain), Michael Bevan, ...". A list of three
// or more names, comma- or semicolon-separated (a bracket such as "(captain)"
// may follow one), that opens the text or follows a colon or a dash, and ends
// with the text, a period or a semicolon. It is a lineup when two of its names
// open with a given name, when a capitalised word (the side) or a text ending
// with a colon ("The team is as follows:") introduces it, or when it goes on
// from a lineup the last text broke off. A place, a known body or a club of the
// report among its names makes it a list of those instead.
void Scanner::mark_lineups() {
    const bool follows = m_found.list_follows, open = m_found.lineup_open;
    m_found.list_follows = !m_tokens.empty() && m_tokens.back().text == ":";
    m_found.lineup_open = false;
    if (!m_found.sports || m_shouting) return;
    for (std::size_t k = 0; k < m_words.size(); ++k) {
        const auto intro = marks_before(k);
        const bool opens = k == 0 || intro.ends_with(":") || intro == "-" || intro == "--" ||
                           intro == "\xE2\x80\x93" || intro == "\xE2\x80\x94";
        if (!opens || !cap(k)) continue;
        std::vector<std::pair<std::size_t, std::size_t>> items;
        std::size_t m = k;
        bool closed = false, at_end = false;
        while (const std::size_t e = lineup_item_end(m)) {
            items.emplace_back(m, e);
            std::size_t next = e;
            auto sep = marks_before(next);
            // "Ian Healy (captain),": a lower-case note in brackets.
            if (sep == "(") {
                while (next < m_words.size() && next - e < 3 && !cap(next) && marks_before(next + 1).empty()) ++next;
                ++next;
                sep = next <= m_words.size() ? marks_before(next) : "";
                if (!sep.starts_with(")")) break;
                sep = sep.substr(1);
            }
            if (next >= m_words.size()) {
                closed = sep.empty() || sep == "," || sep == ".";
                at_end = closed && sep != ".";
                break;
            }
            if (sep == "," || sep == ";") {
                m = next;
                continue;
            }
            closed = sep.starts_with(".") || sep.starts_with(";");
            break;
        }
        if (!closed && !items.empty()) items.pop_back();  // the list ran into a sentence
        if (items.empty()) continue;
        std::size_t given = 0;
        bool things = false;
        for (const auto& [a, b] : items) {
            const auto phrase = key(a, b - a);
            given += b - a >= 2 && m_lex.given_name(m_words[a].key);
            things = things || m_geo.find(phrase) || m_geo.known_place(phrase) || m_lex.institution(phrase) ||
                     m_found.teams.count(phrase) || m_lex.not_a_name(m_words[a].key) || m_lex.title(m_words[a].key);
        }
        const bool side = k > 0 && cap(k - 1);
        const bool lineup = !things && ((items.size() >= 3 && (given >= 2 || side || (k == 0 && follows))) ||
                                        (k == 0 && open));
        if (!lineup) continue;
        if (m_player_end.empty()) m_player_end.assign(m_words.size(), 0);
        for (const auto& [a, b] : items) m_player_end[a] = b;
        m_found.lineup_open = at_end;
        k = items.back().second - 1;
    }
}

}  // namespace newsdesk::entities::scan
