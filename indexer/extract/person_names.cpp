#include "indexer/extract/person_names.h"

#include "common/lang/countries.h"
#include "indexer/extract/entity_lexicon.h"

#include <algorithm>

namespace newsdesk::entities {

namespace {

// "Fourteen-year-old", "Virginia-based", "Sanders-backed": a compound whose last
// part is in lower case modifies a name and is none.
bool modifier_compound(std::string_view text) {
    const auto dash = text.rfind('-');
    if (dash == std::string_view::npos || dash + 1 >= text.size()) return false;
    return Lexicon::instance().compound_modifier(std::string(text.substr(dash + 1)));
}

std::string phrase(const std::vector<RunWord>& run, std::size_t a, std::size_t b) {
    std::string out;
    for (std::size_t i = a; i < b; ++i) out += (i > a ? " " : "") + run[i].key;
    return out;
}

// Words [a, b) describe whoever follows: a place ("Vermont", "United States"),
// or each a title, honorific, organisation word, non-name or ordinary word.
bool describes(const std::vector<RunWord>& run, std::size_t a, std::size_t b,
               const std::unordered_set<std::string>& lower_words) {
    const auto& lex = Lexicon::instance();
    const auto& geo = CountryGazetteer::instance();
    for (std::size_t i = a; i < b; ++i)
        if (lex.given_name(run[i].key) || lex.surname_first(run[i].key)) return false;
    const auto place = phrase(run, a, b);
    if (geo.known_place(place) || geo.find(place)) return true;
    for (std::size_t i = a; i < b; ++i) {
        const auto& k = run[i].key;
        const bool ordinary = lower_words.count(k) || lex.title(k) || lex.role(k) || lex.honorific(k) || lex.org_word(k) ||
                              lex.party(k) || lex.not_a_name(k) || geo.find(k) || geo.known_place(k);
        if (!ordinary) return false;
    }
    return true;
}

// "Scientist", "Co-author", "Senators", "Secretary-General": a title or role
// (its plural, or the last part of a hyphenated one).
bool role_word(const std::string& key) {
    const auto& lex = Lexicon::instance();
    auto known = [&](const std::string& k) { return lex.title(k) || lex.role(k); };
    if (known(key)) return true;
    if (key.size() > 3 && key.back() == 's' && known(key.substr(0, key.size() - 1))) return true;
    const auto part = key.find_last_of(" -");
    return part != std::string::npos && known(key.substr(part + 1));
}

bool acronym(std::string_view text) {
    if (text.size() < 2) return false;
    for (const char c : text)
        if (!(c >= 'A' && c <= 'Z')) return false;
    return true;
}

// A word that may open the name left after a prefix: "Without" of "Reporters
// Without Borders" and "Presidential" of a primary may not.
bool opens_name(const RunWord& w, const std::unordered_set<std::string>& lower_words) {
    const auto& lex = Lexicon::instance();
    return lex.given_name(w.key) || !(lower_words.count(w.key) || lex.not_a_name(w.key) || role_word(w.key));
}

// "NASA Administrator Jim Bridenstine", "Technical Officer Chris Wright",
// "Co-author Jing-Shan Zhao": the words up to the last role word, when two or
// more words follow it and none before it is a given name.
std::size_t after_role(const std::vector<RunWord>& run, std::size_t start,
                       const std::unordered_set<std::string>& lower_words) {
    const auto& lex = Lexicon::instance();
    std::size_t found = start;
    for (std::size_t r = start; r + 2 < run.size(); ++r) {
        const auto& k = run[r].key;
        if (lex.given_name(k) || lex.surname_first(k)) break;
        if (role_word(k)) {
            if (opens_name(run[r + 1], lower_words)) found = r + 1;
            continue;
        }
        // "Tory MP", "French Green MEP": a party or a people before the office.
        if (!(acronym(run[r].text) || lower_words.count(k) || lex.org_word(k) || lex.not_a_name(k) || lex.party(k) ||
              CountryGazetteer::instance().find(k)))
            break;
    }
    return found;
}

// How many leading words of `run` name a place or a people ("Philadelphia",
// "Hong Kong", "Belarusian"); 0 if none.
std::size_t place_words(const std::vector<RunWord>& run) {
    const auto& geo = CountryGazetteer::instance();
    for (std::size_t n = std::min<std::size_t>(run.size(), 3); n >= 1; --n) {
        const auto place = phrase(run, 0, n);
        if (geo.known_place(place) || geo.find(place)) return n;
    }
    return 0;
}

}  // namespace

std::size_t descriptor_words(const std::vector<RunWord>& run, const std::unordered_set<std::string>& lower_words) {
    const auto& lex = Lexicon::instance();
    const auto& geo = CountryGazetteer::instance();
    std::size_t start = 0;
    while (start + 1 < run.size()) {
        const auto& w = run[start];
        // "on Twitter West accused ...": a word never part of a name, nor a place, is no part of this one.
        const bool adverb = !lex.given_name(w.key) &&
                            ((w.sentence_start && lex.adverb_form(w.key)) ||
                             (lex.not_a_name(w.key) && (w.sentence_start || !geo.known_place(w.key))));
        // "Former Vice-President Biden": a hyphenated title describes whoever follows.
        // "Ex-Yankee Randy Velarde", "Ex-Marine": a former member of whatever the word names.
        const bool title = (w.text.find('-') != std::string_view::npos && role_word(w.key) && !lex.given_name(w.key)) ||
                           (w.key.starts_with("ex ") && w.text.find('-') == 2);
        if (!modifier_compound(w.text) && !adverb && !title) break;
        ++start;
    }
    // "Native American Rights Fund's Jacqueline De León": the owner is not the name.
    for (std::size_t i = start; i + 1 < run.size(); ++i)
        if (run[i].text.ends_with("'s") || run[i].text.ends_with("\u2019s")) start = i + 1;
    start = after_role(run, start, lower_words);
    // "Hong Kong Carrie Lam", "Australian Lynton Crosby": a place or a people before two or more words.
    for (std::size_t g = start + 1; g + 2 <= run.size() && g <= start + 3; ++g) {
        const auto place = phrase(run, start, g);
        const auto* entry = geo.find(place);
        if (!lex.given_name(run[start].key) && opens_name(run[g], lower_words) &&
            (geo.known_place(place) ||
             (entry && (entry->cue == CountryCue::name || entry->cue == CountryCue::demonym))))
            return g;
    }
    // The first given name after `start` with two or more words from it on.
    for (std::size_t g = start + 1; g + 2 <= run.size(); ++g) {
        if (!lex.given_name(run[g].key)) continue;
        return describes(run, start, g, lower_words) ? g : start;
    }
    return start;
}

bool names_a_thing(const std::vector<RunWord>& run, const std::vector<std::string>& next) {
    if (run.empty()) return false;
    // "Sydney-based", "Kurdish-led" alone modify whatever follows and name nobody.
    if (run.size() == 1 && modifier_compound(run.front().text)) return true;
    const auto& lex = Lexicon::instance();
    // "Hurricane Katrina", "Operation Desert Storm": a thing's first word opens it.
    if (run.size() > 1 && lex.thing_opener(run.front().key)) return true;
    // A given name opens a person's name ("Jude Law"), unless it is also a place
    // opening the name of that place's thing ("Paris Métro", "Sydney Morning Herald").
    const bool given = lex.given_name(run.front().key);
    if (given && !(run.size() > 1 && place_words(run) == 1)) return false;
    // "Adult Swim television": a lower-case head right after the name; "news"
    // there is a person's ("Biden news conference").
    if (!next.empty() && next.front() != "news" && lex.thing_head(next.front())) return true;
    // An initial and one word are a person's name too ("S. Law" of a
    // scorecard), but before a thing's word ("S. Lexington Avenue").
    const auto& opener = run.front().text;
    if (run.size() == 2 && opener.size() == 2 && opener[1] == '.' && opener[0] >= 'A' && opener[0] <= 'Z')
        return false;
    if (lex.thing_head(run.back().key)) return true;
    if (given) return false;
    // "the House Benghazi committee", "the Bullocks Wilshire department": an
    // organisation's word in lower case after the run makes it that body's name;
    // "police" there is about a person ("the Laquan McDonald police shooting"),
    // and one word may be a surname ("the Trump administration").
    if (run.size() > 1 && !next.empty() && next.front() != "police" && lex.org_word(next.front())) return true;
    // "Agence France-Presse", "Coast Guard", "Revolutionary Guard Corps": a name
    // the gazetteer knows, or one an organisation word ends, is a body.
    if (lex.institution(phrase(run, 0, run.size())) || lex.org_word(run.back().key)) return true;
    // "Hong Kong", "Northern Ireland"; "Utah Jazz", "Baltimore Sun", "Belarusian
    // KGB", "Paris Métro": a place, or a place and one more word, is the place or
    // its club, paper or agency. A place that is also a given name opens a
    // person's name ("Regina Ip", "Kobe Bryant") and returned above.
    // One word alone may be a surname ("Cuban" of Mark Cuban, "Davis").
    const std::size_t place = run.size() > 1 ? place_words(run) : 0;
    return place > 0 && place + 1 >= run.size();
}

}  // namespace newsdesk::entities
