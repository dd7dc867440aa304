// Titles and people: the cue a title gives, when a capitalised run is a person
// and which of its words are the name.
#include "indexer/extract/entity_scanner.h"

namespace newsdesk::entities::scan {

// Honorifics and titles ("Mr.", "President", "Foreign Minister"): skipped, and
// the name right after them is cued as a person.
std::size_t Scanner::match_title(std::size_t k) {
    if (honorific(k)) {
        m_cue_at = k + 1;
        return 1;
    }
    const std::size_t longest = std::min(m_lex.max_title_words(), m_words.size() - k);
    for (std::size_t n = longest; n >= 1; --n) {
        if (!contiguous(k, n) || !m_lex.title(key(k, n))) continue;
        // "Prime Minister's Questions": an office's possessive names its thing, not its holder.
        if (m_words[k + n - 1].raw == m_words[k + n - 1].key) m_cue_at = k + n;
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
        // "D. Gough run out 0", "R. Ponting not out 46": an initial opens a personal name.
        if (first.size() == 2 && first[1] == '.' && m_words[k].token.text.size() == 2 &&
            !m_geo.find(m_words[e - 1].key))
            return true;
        bool particle = false;
        for (std::size_t m = k; m < e; ++m) {
            if ((m_found.lower_words.count(m_words[m].key) && !m_lex.particle(m_words[m].key)) ||
                m_geo.find(m_words[m].key))
                return false;
            particle = particle || (m_lex.particle(m_words[m].key) && !cap(m));
        }
        return model_name(k, e, NerType::person, model_person_confidence) || (particle && particle_name(k, e));
    }
    // The particles of a name are in lower case ("Joost van der Westhuizen"), as
    // they are in the names of places and bodies ("Surigao del Sur", "Tahrir
    // al-Sham"): with a particle the article also writes, the model must read
    // the run as one person.
    bool particle = false;
    for (std::size_t m = k; m < e; ++m) {
        if (m_geo.find(m_words[m].key)) return false;
        if (!m_found.lower_words.count(m_words[m].key)) continue;
        if (!m_lex.particle(m_words[m].key) || cap(m)) return false;
        particle = true;
    }
    // "Joost van der Westhuizen", "Maarten den Bakker": a name the model does
    // not know whole is still a person's when it reads no word of it as part of
    // a place or a body.
    if (particle) return model_name(k, e, NerType::person, model_person_confidence) || particle_name(k, e);
    // Nothing but capitals says person here: the model may know the run as one
    // place ("Cape Canaveral", "Palm Beach").
    const auto* place = model_place(k);
    if (place && place == model_place(e - 1)) return false;
    return !(model_thing(k, e) && thing_context(k, e));
}

// "Joost van der Westhuizen", "Maarten den Bakker": capitalised words a
// particle joins (with spaces), which the model does not read whole as one
// person, are one in a results row with a country in brackets, or in a sports
// report when it reads neither end as part of a place or a body.
bool Scanner::particle_name(std::size_t k, std::size_t e) const {
    // "8. Maarten den Bakker (Netherlands)": a results row gives a competitor's country in brackets.
    const std::size_t t = m_words[e - 1].tok;
    if (t + 3 < m_tokens.size() && m_tokens[t + 1].text == "(" && m_tokens[t + 3].text == ")" &&
        m_tokens[t + 2].word) {
        const auto* place = m_geo.find(lookup_key(m_tokens[t + 2].text));
        if (place && place->cue == CountryCue::name) return true;
    }
    // Particles joined by hyphens name places and bodies as often ("Chester-le-Street",
    // "Gama'a al-Islamiya"): the model alone decides those.
    for (std::size_t m = k + 1; m < e; ++m)
        if (m_words[m].token.hyphen_before && (!cap(m) || !cap(m - 1))) return false;
    // Places are named so too ("Surigao del Sur"): only a sports report's names
    // go by the rules, and only one word before the particles ("Fullback Hendrik
    // van der Berg" holds a word of the sentence).
    if (!m_found.sports || k + 1 >= e || cap(k + 1)) return false;
    for (const std::size_t m : {k, e - 1})
        if (const auto* span = model_span(m); span && span->type != NerType::person) return false;
    return true;
}

// The model reads words [k, e) as one name of a place or a body, however
// unsure ("Old Trafford", "Tunbridge Wells", "Congressional Black Caucus").
bool Scanner::model_thing(std::size_t k, std::size_t e) const {
    const auto* span = model_span(k);
    return span && span->type != NerType::person && span->confidence >= model_thing_confidence &&
           span == model_span(e - 1);
}

// Where a place's or a body's name stands, not a person's: after "the" or a
// place preposition ("at Old Trafford", "in Tunbridge Wells", "the White
// Sox"), before a lower-case word naming a thing ("Northern Cape province"),
// or with a word the article also writes in lower case ("Northern Cape",
// "Scientific Reports"). "to" and "from" come before people as often ("lost
// to Thom Tillis"), and an owner is anyone's ("in Tomasz Sekielski's film").
bool Scanner::thing_context(std::size_t k, std::size_t e) const {
    for (std::size_t m = k; m < e; ++m)
        if (m_found.lower_words.count(m_words[m].key)) return true;
    if (m_words[e - 1].raw != m_words[e - 1].key) return false;
    if (e < m_words.size() && m_words[e].adjacent && !m_words[e].token.capitalised) {
        if (m_lex.thing_head(m_words[e].key)) return true;
        // "the Laquan McDonald police shooting": names_a_thing read the run
        // before "police" as a person's on purpose.
        if (org_word(e)) return false;
    }
    if (k == 0 || !m_words[k].adjacent) return false;
    const auto& before = m_words[k - 1].key;
    return before == "the" || (m_lex.place_preposition(before) && before != "to" && before != "from");
}

// "Christian Blanc", "Jan Kroslak": a given name that is also a word no name
// holds ("Christian groups", "Jan 5") opens a name when a surname-like word
// follows: capitalised, not a party, a place, an organisation's word, a thing's
// last word or a word the article also writes in lower case ("Christian
// Democrats", "Christian Aid", "Christian groups"); see below for what may
// follow the two.
bool Scanner::given_name_after_all(std::size_t k) const {
    if (!m_lex.given_name(m_words[k].key) || k + 1 >= m_words.size()) return false;
    const auto& next = m_words[k + 1];
    if (!next.adjacent || !cap(k + 1) || next.token.upper || next.token.sentence_start ||
        m_lex.not_a_name(next.key) || m_lex.party(next.key) || org_word(k + 1) || m_lex.thing_head(next.key) ||
        m_geo.find(next.key) || m_found.lower_words.count(next.key))
        return false;
    if (k + 2 >= m_words.size() || !m_words[k + 2].adjacent) return true;
    // Two words only ("Christian Science Monitor" goes on), and no plural noun
    // after them: "Christian Evangelical voters" are no one.
    const auto& after = m_words[k + 2];
    return !cap(k + 2) && !(after.key.ends_with('s') && !m_lex.function_word(after.key) &&
                            !m_lex.speech_verb(after.key));
}

std::size_t Scanner::match_name(std::size_t k) {
    const auto& first = m_words[k];
    // A cue does not reach into the next sentence ('..., she said. Further talks').
    // A bowler's figures after the name cue it too ("Tandy 10-0-45-2").
    const bool cued = (m_cue_at == k && !first.token.sentence_start) || figures_after(k + 1);
    if ((m_lex.not_a_name(first.key) && !given_name_after_all(k)) || first.token.upper) return 1;
    if (first.token.sentence_start && m_found.lower_words.count(first.key) && !m_lex.given_name(first.key))
        return 1;
    std::size_t e = k + 1, parts = 1;
    // "Atlanta's Tom Glavine": a possessive closes the owner's name.
    while (e < m_words.size() && parts < 4 && m_words[e].adjacent &&
           m_words[e - 1].raw == m_words[e - 1].key) {
        const auto& w = m_words[e];
        // "Joost van der Westhuizen", "Rocco de la Fuente": one or two particles
        // in lower case before a capitalised part of the name.
        auto lower_particle = [&](std::size_t m) {
            return m < m_words.size() && m_words[m].adjacent && m_lex.particle(m_words[m].key) &&
                   !m_words[m].token.capitalised;
        };
        auto capital_after = [&](std::size_t m) { return m < m_words.size() && cap(m) && m_words[m].adjacent; };
        const bool particle =
            lower_particle(e) && (capital_after(e + 1) || (lower_particle(e + 1) && capital_after(e + 2)));
        if (particle || (w.token.hyphen_before && !w.token.digit)) { ++e; continue; }
        // "Benedict XVI", "John Paul II", "King Letsie III", "Malcolm X": a
        // regnal number closes the name a given name or a title opened.
        if ((cued || m_lex.given_name(first.key)) && !w.token.sentence_start && regnal_number(e)) {
            ++e;
            break;
        }
        if (!cap(e) || w.token.sentence_start || w.token.upper || m_lex.not_a_name(w.key) ||
            m_lex.title(w.key) || honorific(e) || org_word(e) ||
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
    // closes are the front of the organisation's name; a possessive closes an
    // owner's name before it ("Hillary Clinton's Senate seat").
    const bool owner = m_words[e - 1].raw != m_words[e - 1].key;
    if (!owner && e < m_words.size() && m_words[e].adjacent && cap(e) && org_word(e) &&
        !m_words[e].token.sentence_start)
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
    if (quoted_alone(k, e) || car_or_table_labels(k, e, cued) || venue(k, e)) return e - k;
    std::vector<std::size_t> at;
    const auto run = run_words(k, e, &at);
    if (names_a_thing(run, next_lower(e))) return e - k;
    // "Charles de Gaulle airport", "the John Wayne airport": a given name before
    // a thing's word names the thing when the model reads the run as no person.
    if (const auto next = next_lower(e); !next.empty() && m_lex.thing_head(next.front()) && model_thing(k, e))
        return e - k;
    // The first word of the personal name in the run.
    const std::size_t drop = run.size() > 1 ? descriptor_words(run, m_found.lower_words) : 0;
    // "Advisors Goldman Sachs": what follows the words dropped may be a body.
    if (drop > 0 && names_a_thing({run.begin() + static_cast<std::ptrdiff_t>(drop), run.end()}, next_lower(e)))
        return e - k;
    std::size_t start = drop < at.size() ? at[drop] : k;
    // "ex-Yankee Randy Velarde": the word after a lower-case "ex-" says what the person was.
    if (start == k && k > 0 && first.token.hyphen_before && m_words[k].adjacent && m_words[k - 1].key == "ex" &&
        at.size() > 2)
        start = at[1];
    if (start > k) {
        // "United States Senator from Vermont Bernie Sanders": the name is what follows the place.
        if (start + 1 < e || !m_geo.known_place(m_words[start].key)) add_name(start, e, cued || start > k);
        return e - k;
    }
    if (parts == 1 && e == k + 1) {
        // "Tory" of "Tory MP Michael Mates": a party's word alone is nobody.
        if (!m_geo.known_place(first.key) && !m_lex.party(first.key)) {
            m_found.people.add_single(text(k, e), first.key, cued);
            if (!cued) model_word_org(k);
        }
        return 1;
    }
    if (is_person(k, e, cued)) add_name(k, e, cued);
    return e - k;
}

// Words [k, e) name no one: a car, every word a maker of cars or engines
// ("Reynard Honda", "Lola Ford Cosworth"); a table's column heads of single
// letters ("W D L"); or a label a single letter closes ("Revenue N / A"), not
// a name a given name opens ("Stefan W", "Malcolm X") nor the regnal number
// after a title ("King George V").
bool Scanner::car_or_table_labels(std::size_t k, std::size_t e, bool cued) const {
    if (e - k < 2) return false;
    bool makers = true, letters = true;
    for (std::size_t m = k; m < e; ++m) {
        makers = makers && m_lex.marque(m_words[m].key);
        letters = letters && m_words[m].token.text.size() == 1;
    }
    if (makers || letters) return true;
    // "Year Amount Coupon Yield Price Conc. 1996 45,000": four or more
    // capitalised words no given name opens, in a line of nothing but capitals
    // and figures, head a table's columns.
    bool capitals = true;
    for (std::size_t m = k; m < e; ++m) capitals = capitals && cap(m);
    if (e - k >= 4 && capitals && !cued && !m_lex.given_name(m_words[k].key) && table_line()) return true;
    const auto& last = m_words[e - 1].token.text;
    // A given name keeps it a name: "Stefan W", a suspect the law names so.
    return last.size() == 1 && !m_lex.particle(m_words[e - 1].key) && !m_lex.given_name(m_words[k].key) &&
           !(cued && regnal_number(e - 1));
}

// "Tunbridge Wells: Kent 214 and 167-4": in a sports report the words before
// a colon that a club and its score follow are the ground, no given name opening them.
bool Scanner::venue(std::size_t k, std::size_t e) const {
    if (!m_found.sports || m_lex.given_name(m_words[k].key) || e + 1 >= m_words.size()) return false;
    const std::size_t t = m_words[e - 1].tok;
    if (t + 1 >= m_tokens.size() || m_tokens[t + 1].text != ":" || m_words[e].tok != t + 2 || !cap(e)) return false;
    std::size_t m = e + 1;
    while (m < m_words.size() && m - e < 4 && m_words[m].adjacent && cap(m)) ++m;
    return m < m_words.size() && m_words[m].adjacent && m_words[m].token.digit;
}

// The text is a line of a table: figures, and no word in lower case but particles.
bool Scanner::table_line() const {
    bool figures = false;
    for (const auto& w : m_words) {
        if (w.token.digit) figures = true;
        else if (!w.token.capitalised && !m_lex.particle(w.key)) return false;
    }
    return figures;
}

// Word k is a Roman number as kings and popes take: "II" to "XXX", and "V",
// "X" or "I" alone ("Charles V", "Elizabeth I"); "I" not before a lower-case
// word other than "of", where it is the pronoun ("when Martha I was told").
bool Scanner::regnal_number(std::size_t k) const {
    const auto text = m_words[k].token.text;
    if (text.empty() || text.size() > 5 || m_words[k].end != m_words[k].token.end) return false;
    for (const char c : text)
        if (c != 'I' && c != 'V' && c != 'X') return false;
    if (text.size() > 1) return true;
    if (text != "I") return true;
    const std::size_t next = k + 1;
    return next >= m_words.size() || !m_words[next].adjacent || m_words[next].token.capitalised ||
           m_words[next].key == "of";
}

// "Viva Zapata", "Sleeping Bread", the "Strike Hard" campaign: a run a quotation
// holds alone ("The" or "A" may open it, a comma or a period close it) is the
// title of a work, a campaign or a slogan, nobody's name. A given name or an
// initial opening it keeps it a person's ("wrote in “Ralph Nader”",
// 'identified only as "P Wilson"').
bool Scanner::quoted_alone(std::size_t k, std::size_t e) const {
    auto opening = [](std::string_view s) { return s == "\"" || s == "\u201c"; };
    auto closing = [](std::string_view s) { return s == "\"" || s == "\u201d"; };
    if (m_lex.given_name(m_words[k].key) || m_words[k].token.text.size() <= 2) return false;
    std::size_t before = m_words[k].tok;
    if (k > 0 && m_words[k].adjacent && m_words[k - 1].token.capitalised &&
        (m_words[k - 1].key == "the" || m_words[k - 1].key == "a"))
        before = m_words[k - 1].tok;
    // Marks touching the words: in '("Low energy" Jeb Bush, "Little Marco")' the
    // straight quotes around the name open and close other quotations.
    if (before == 0 || !opening(m_tokens[before - 1].text) || m_tokens[before - 1].end != m_tokens[before].begin)
        return false;
    std::size_t after = m_words[e - 1].tok + 1;
    if (after < m_tokens.size() && (m_tokens[after].text == "," || m_tokens[after].text == ".")) ++after;
    return after < m_tokens.size() && closing(m_tokens[after].text) &&
           m_tokens[after].begin == m_tokens[after - 1].end;
}

void Scanner::add_name(std::size_t k, std::size_t e, bool cued) {
    if (e == k + 1) {
        m_found.people.add_single(text(k, e), m_words[k].key, cued);
        return;
    }
    {
        std::vector<std::string> keys;
        for (std::size_t m = k; m < e; ++m) keys.push_back(m_words[m].key);
        m_found.people.add_full(text(k, e), std::move(keys), cued);
    }
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

}  // namespace newsdesk::entities::scan
