#include "indexer/extract/person_names.h"

#include "common/lang/countries.h"
#include "indexer/extract/entity_lexicon.h"

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
                              lex.not_a_name(k) || geo.find(k) || geo.known_place(k);
        if (!ordinary) return false;
    }
    return true;
}

}  // namespace

std::size_t descriptor_words(const std::vector<RunWord>& run, const std::unordered_set<std::string>& lower_words) {
    const auto& lex = Lexicon::instance();
    std::size_t start = 0;
    while (start + 1 < run.size()) {
        const auto& w = run[start];
        const bool adverb = w.sentence_start && !lex.given_name(w.key) &&
                            (lex.not_a_name(w.key) || lex.adverb_form(w.key));
        if (!modifier_compound(w.text) && !adverb) break;
        ++start;
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
    const auto& lex = Lexicon::instance();
    // "Adult Swim television": a lower-case head right after the name; "news"
    // there is a person's ("Biden news conference").
    if (lex.given_name(run.front().key)) return false;
    if (!next.empty() && next.front() != "news" && lex.thing_head(next.front())) return true;
    return lex.thing_head(run.back().key);
}

}  // namespace newsdesk::entities
