// Which tokens make a name: a word that can be part of one, a capitalised run
// cleaned of titles and honorifics ("House Speaker Paul Ryan" -> "Paul Ryan"),
// and whether what is left names a person, an organisation or a place.
#include <array>

#include "common/lang/countries.h"
#include "common/text.h"
#include "indexer/extract/entity_lexicon.h"
#include "indexer/extract/speaker_parts.h"

namespace newsdesk {

namespace speakers_internal {

bool name_particle(const Token& t) {
    static constexpr std::array<std::string_view, 14> particles = {
        "de", "van", "von", "der", "bin", "al", "da", "di", "du", "del", "dos", "ibn", "le", "la"};
    if (t.kind != TokenKind::word || t.capitalised) return false;
    for (auto w : particles)
        if (t.key == w) return true;
    return false;
}

std::optional<NameRun> run_ending_at(const Paragraph& p, int lo, int last, const QuoteLexicon& lex) {
    int first = last;
    while (first - 1 >= lo && (name_word(p.tokens[first - 1], lex) || name_particle(p.tokens[first - 1])))
        --first;
    return clean_name(p, first, last, lex);
}

namespace {

// Scripts without capitals (Hebrew, Arabic, Indic, Thai, CJK) cannot mark names by
// case; there a speaker is found from the postposition after it (Hindi "ने").
bool caseless_word(const Token& t) {
    if (t.kind != TokenKind::word || t.quote >= 0) return false;
    std::size_t pos = 0;
    return next_code_point(t.text, pos) >= 0x0590;
}

// "Amy Pope", "Billie Jean King": a title word ending a run after a given name
// is the family name.
bool title_as_surname(const Paragraph& p, int name_first, int i, int last) {
    if (i != last || i == name_first) return false;
    const auto& given = entities::Lexicon::instance();
    for (int k = name_first; k < i; ++k)
        if (given.given_name(lookup_key(p.tokens[k].text))) return true;
    return false;
}

}  // namespace

// Stops at a function word; titles are dropped by clean_name.
std::optional<NameRun> caseless_run_before(const Paragraph& p, int lo, int marker,
                                           const QuoteLexicon& lex) {
    int first = marker;
    while (first - 1 >= lo && marker - first < 4 && caseless_word(p.tokens[first - 1]) &&
           !lex.function_words.count(p.tokens[first - 1].key))
        --first;
    if (first == marker) return std::nullopt;
    return clean_name(p, first, marker - 1, lex);
}

}  // namespace speakers_internal

using namespace speakers_internal;

bool name_word(const Token& t, const QuoteLexicon& lex) {
    if (t.kind != TokenKind::word || !t.capitalised || t.quote >= 0) return false;
    return lex.honorifics.count(t.key) || !lex.not_names.count(t.key);
}

std::optional<NameRun> clean_name(const Paragraph& p, int first, int last, const QuoteLexicon& lex) {
    const auto& toks = p.tokens;
    while (first <= last && name_particle(toks[first])) ++first;
    while (last >= first && name_particle(toks[last])) --last;
    if (first > last) return std::nullopt;
    const std::string_view tail = toks[last].text;
    if (tail.ends_with("’s") || tail.ends_with("'s") || tail.ends_with("’")) return std::nullopt;
    NameRun run;
    // A name is what follows the last title word and honorific ("Senate
    // Majority Leader Mitch McConnell"); an organisation keeps its whole run
    // ("Republican National Committee").
    int name_first = first;
    for (int i = first; i <= last; ++i) {
        if (const auto h = lex.honorifics.find(toks[i].key); h != lex.honorifics.end()) {
            run.gender = h->second;
            name_first = i + 1;
        } else if (lex.title_words.count(toks[i].key) && !title_as_surname(p, name_first, i, last)) {
            name_first = i + 1;
        }
    }
    bool org = false;
    for (int i = name_first; i <= last; ++i) org = org || lex.organisation_words.count(toks[i].key);
    if (!org) first = name_first;
    // "Director of National Intelligence James Clapper": after a title's "of" the
    // office runs on to the given name (and is all there is without one: "director
    // of Amnesty International, Mariela Belski").
    const int of = first - 1 > 0 && toks[first - 1].key == "the" && lower_word(toks[first - 1]) ? first - 2 : first - 1;
    if (!org && first == name_first && first < last && title_of(p, of, last + 1, lex)) {
        int given = first;
        while (given < last && !entities::Lexicon::instance().given_name(lookup_key(toks[given].text))) ++given;
        if (given < last) first = given;
    }
    if (first > last) return std::nullopt;
    // "The Motorola Razr V3 phone", "ISP Freedom2surf": a word with a digit names a
    // product or a model; no person's name has one.
    for (int i = first; i <= last; ++i)
        for (const char c : toks[i].text)
            if (c >= '0' && c <= '9') return std::nullopt;
    run.first = first;
    run.last = last;
    bool place = true;
    for (int i = first; i <= last; ++i) {
        if (!run.name.empty()) run.name += ' ';
        run.name += toks[i].text;
        place = place && (lex.place_words.count(toks[i].key) || name_particle(toks[i]));
        ++run.words;
    }
    run.kind = org ? NameKind::organisation : place ? NameKind::place : NameKind::person;
    return run;
}

std::vector<NameRun> name_runs(const Paragraph& p, const QuoteLexicon& lex) {
    std::vector<NameRun> out;
    const int n = static_cast<int>(p.tokens.size());
    for (int i = 0; i < n;) {
        if (!name_word(p.tokens[i], lex)) { ++i; continue; }
        int j = i;
        while (j + 1 < n && (name_word(p.tokens[j + 1], lex) ||
                             (name_particle(p.tokens[j + 1]) && j + 2 < n &&
                              name_word(p.tokens[j + 2], lex))))
            ++j;
        if (auto run = clean_name(p, i, j, lex)) out.push_back(std::move(*run));
        i = j + 1;
    }
    return out;
}

}  // namespace newsdesk
