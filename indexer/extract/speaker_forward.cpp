// Speakers after a verb or after the quote: "said Victor Cha, senior vice
// president ...", "according to X", "“…,” he said", "« … », dit-il", "„…“, so X",
// and where the clause after a quote stops being its attribution.
#include <algorithm>
#include <array>

#include "indexer/extract/speaker_parts.h"

namespace newsdesk::speakers_internal {

namespace {

// How far after a closing mark the speech verb may be: room for a name and an
// appositive ("“…,” Terrie Rizzo, the Democratic chair of ... County, said").
constexpr int kAfterVerbWindow = 30;

}  // namespace

// "sagte Merkel am Montag", "a déclaré Macron lors de", "dijo Sánchez en".
bool ends_forward_name(const Token& t) {
    static constexpr std::array<std::string_view, 33> stops = {
        "in", "on", "at", "during", "after", "before", "to", "that", "who", "which",
        "when", "as", "while", "because", "of", "from", "with", "about",
        "am", "im", "bei", "auf", "vor", "nach", "gegenüber", "dans", "lors", "devant",
        "pendant", "en", "durante", "ante", "tras"};
    if (!lower_word(t)) return false;
    for (auto w : stops)
        if (t.key == w) return true;
    return false;
}

Attribution forward_speaker(const Paragraph& p, int verb, int hi, const QuoteLexicon& lex) {
    Attribution none;
    int i = verb + 1;
    while (i < hi && is_punct(p.tokens[i], ",")) ++i;
    if (i >= hi) return none;
    if (const auto it = lex.pronouns.find(p.tokens[i].key);
        lower_word(p.tokens[i]) && it != lex.pronouns.end())
        return pronoun_at(it->first, i);
    int j = i;
    for (;;) {
        while (j < hi && p.tokens[j].kind == TokenKind::word && p.tokens[j].quote < 0 &&
               !ends_forward_name(p.tokens[j]))
            ++j;
        // "said former secretary of state John Kerry", "said Chancellor of the
        // Exchequer Gordon Brown": "of" after a title word goes on to the name,
        // past one lower-case word at most ("the chairman of the Commons
        // education select committee, Labour MP Barry Sheerman" names a body).
        if (!title_of(p, j, hi, lex)) break;
        int k = j + 1, lower = 0;
        while (k < hi && p.tokens[k].kind == TokenKind::word && p.tokens[k].quote < 0 && !ends_forward_name(p.tokens[k])) {
            lower += lower_word(p.tokens[k]) && p.tokens[k].key != "the";
            ++k;
        }
        if (lower > 1) break;
        j = k;
    }
    int last = j - 1;
    while (last >= i && !name_word(p.tokens[last], lex)) --last;
    if (last < i) {
        if (j == i) return none;
        return described(i);
    }
    auto run = run_ending_at(p, i, last, lex);
    if (!run) {  // "said a Nevada Democrat": titles and places only, a description
        if (auto member = party_member(p, i, last, lex)) return described_member(std::move(*member), i);
        return described(i);
    }
    // "selon le ministère des Affaires étrangères": a lower-case organisation word
    // before the capitals heads the name.
    for (int k = i; k < run->first; ++k) {
        if (!lower_word(p.tokens[k]) || !lex.organisation_words.count(p.tokens[k].key)) continue;
        run->last = std::max(run->last, j - 1);  // "… Affaires étrangères"
        run->name = std::string(p.text.substr(p.tokens[k].begin, p.tokens[run->last].end - p.tokens[k].begin));
        run->first = k;
        run->words = run->last - k + 1;
        run->kind = NameKind::organisation;
        break;
    }
    Attribution a = named(*run);
    if (j < hi && (is_punct(p.tokens[j], ",") || p.tokens[j].key == "of" || p.tokens[j].key == "at")) {
        int k = j + 1;
        while (k < hi && !is_punct(p.tokens[k], ",") && !is_punct(p.tokens[k], ";")) ++k;
        set_appositive(p, a, is_punct(p.tokens[j], ",") ? j + 1 : j, k - 1);
    }
    return a;
}

// "according to X", "selon X", "laut X", "según X", Hindi "X के मुताबिक" anywhere in [lo, hi).
std::optional<Attribution> according_to(const Paragraph& p, int lo, int hi, const QuoteLexicon& lex) {
    for (int k = lo; k < hi; ++k) {
        const Token& t = p.tokens[k];
        if (t.quote >= 0 || t.kind != TokenKind::word) continue;
        int cue = -1;
        if (k + 1 < hi && t.key == "according" && p.tokens[k + 1].key == "to") cue = k + 1;
        else if (!t.capitalised || k == lo) cue = lex.according_to.count(t.key) ? k : -1;
        if (cue >= 0) {
            auto a = forward_speaker(p, cue, hi, lex);
            if (a.kind != SpeakerKind::none) return a;
        }
        if (lex.according_to_after.count(t.key) && k - 1 > lo &&
            lex.function_words.count(p.tokens[k - 1].key))
            if (auto run = caseless_run_before(p, lo, k - 1, lex)) return named(*run);
    }
    return std::nullopt;
}

namespace {

// French inversion after a quote: "dit-il", "estime-t-elle", "a-t-il déclaré".
std::optional<Attribution> inverted_speaker(const Paragraph& p, int k, int hi,
                                            const QuoteLexicon& lex) {
    const Token& t = p.tokens[k];
    if (!lower_word(t)) return std::nullopt;
    const auto dash = t.key.rfind('-');
    if (dash == std::string::npos || dash == 0) return std::nullopt;
    const std::string pronoun = t.key.substr(dash + 1);
    if (!lex.pronouns.count(pronoun)) return std::nullopt;
    std::string verb = t.key.substr(0, dash);
    if (verb.ends_with("-t")) verb.resize(verb.size() - 2);
    const bool speech = lex.is_speech_verb(verb) ||
                        (lex.is_skip_word(verb) && k + 1 < hi && is_verb_at(p, k + 1, lex));
    if (!speech) return std::nullopt;
    return pronoun_at(pronoun, k);
}

// "“…,” for instance, and Trump vowed": a conjunction opening a clause with a
// subject of its own. Not one inside an appositive ("Anne Richards, assistant
// secretary for population, refugees, and migration, said"; "a congressman and
// civil rights leader") nor between two names ("Dovere and Gabriel Debenedetti wrote").
// "“kind of riding the fence” until Haley said": a subordinating conjunction
// before a subject opens a clause of its own as well.
bool new_clause(const Paragraph& p, int k, int hi, const QuoteLexicon& lex) {
    const Token& t = p.tokens[k];
    if (!lower_word(t)) return false;
    const bool coordinating = t.key == "and" || t.key == "but" || t.key == "while" || t.key == "whereas";
    const bool subordinating = t.key == "until" || t.key == "because" || t.key == "when" ||
                               t.key == "after" || t.key == "before" || t.key == "since" ||
                               t.key == "unless" || t.key == "although" || t.key == "though";
    if (!coordinating && !subordinating) return false;
    if (k + 1 >= hi) return coordinating;
    const Token& next = p.tokens[k + 1];
    if (subordinating)  // "until Haley said", "because he said"; not "after a meeting"
        return name_word(next, lex) || (lower_word(next) && lex.pronouns.count(next.key));
    if (next.kind == TokenKind::word && !next.capitalised && !lex.pronouns.count(next.key) &&
        next.key != "the")
        return false;
    return !(name_word(p.tokens[k - 1], lex) && name_word(next, lex));
}

}  // namespace

// Attribution after the closing mark: "“…,” he said", "“…,” said X", "« … », dit-il",
// "„…“, so X" (`german`: the quote was in German marks).
Attribution after_quote(const Paragraph& p, int a, int hi, bool comma, bool german,
                        const QuoteLexicon& lex) {
    // "“…,” the judge said, according to the Post": the source cited wins.
    if (auto acc = according_to(p, a, hi, lex)) return *acc;
    if (german) {
        int k = a;
        while (k < hi && p.tokens[k].kind == TokenKind::punct) ++k;
        if (k < hi && lower_word(p.tokens[k]) && lex.after_quote_cues.count(p.tokens[k].key)) {
            auto r = forward_speaker(p, k, hi, lex);
            if (r.kind != SpeakerKind::none) return r;
        }
    }
    // "“…,” Toomey fumed", "“…,” an angry Hollande retaliated": a quote closed
    // on a comma is followed by its attribution, whatever the verb.
    int b = a;
    if (b + 1 < hi && lower_word(p.tokens[b]) && (p.tokens[b].key == "a" || p.tokens[b].key == "an")) {
        ++b;
        while (b + 1 < hi && b < a + 3 && lower_word(p.tokens[b])) ++b;  // "an angry", "a visibly upset"
    }
    if (comma && b + 1 < hi && name_word(p.tokens[b], lex)) {
        int e = b;
        while (e + 1 < hi && name_word(p.tokens[e + 1], lex)) ++e;
        // Not "“…,” a BBC spokesman said", "a BBC statement read": a description.
        const Token& next = p.tokens[e + 1];
        if (e + 1 < hi && lower_word(next) && !lex.is_speech_verb(next.key) && next.key.size() > 3 &&
            next.key.back() != 'y' && (b == a || (!lex.title_words.count(next.key) && !lex.speech_nouns.count(next.key))))
            if (auto run = clean_name(p, b, e, lex)) return named(*run);
    }
    // "“…,” mused co-host Stu Burguiere", "“…,” reacted Trump": a quote closed
    // on a comma, then a past tense and a name, is attributed by inversion
    // whatever the verb.
    if (comma && a + 1 < hi && lower_word(p.tokens[a]) && p.tokens[a].key.ends_with("ed") &&
        !lex.is_speech_verb(p.tokens[a].key)) {
        // The name ends the clause ("listed an NBC show as ..." names no speaker).
        int e = a + 1;
        while (e < std::min(hi, a + 8) && p.tokens[e].kind == TokenKind::word && p.tokens[e].quote < 0 &&
               !ends_forward_name(p.tokens[e]))
            ++e;
        const bool ends = e >= hi || is_punct(p.tokens[e], ",") || is_punct(p.tokens[e], "(");
        if (ends && name_word(p.tokens[e - 1], lex))
            if (auto r = forward_speaker(p, a, hi, lex); r.kind == SpeakerKind::name) return r;
    }
    for (int k = a; k < std::min(hi, a + kAfterVerbWindow); ++k) {
        // "“…,” for instance, and Trump vowed ...": a new clause, a new speaker;
        // "“…” and said" goes on, "“…” and Trump calling it ..." does not.
        const bool and_name = k + 1 < hi && name_word(p.tokens[k + 1], lex);
        if ((k > a || p.tokens[k].key != "and" || and_name) &&
            (is_punct(p.tokens[k], ";") || new_clause(p, k, hi, lex)))
            break;
        if (auto inv = inverted_speaker(p, k, hi, lex)) return *inv;
        if (!is_verb_at(p, k, lex)) continue;
        bool verb_first = true;
        for (int m = a; m < k; ++m) verb_first = verb_first && p.tokens[m].kind != TokenKind::word;
        // "“…,” promising the Friends of Abe a return": a participle's object
        // is not who spoke.
        if (verb_first && p.tokens[k].key.ends_with("ing")) return described(k);
        if (verb_first) return forward_speaker(p, k, hi, lex);
        auto r = subject_of(p, a, k, lex);
        // "“…” Nate Silver, the polling guru who founded the site tweeted": an
        // appositive that never closes its comma; the name opening the clause
        // after the quote is the verb's subject.
        if (r.kind != SpeakerKind::name && r.kind != SpeakerKind::pronoun && name_word(p.tokens[a], lex)) {
            int e = a;
            while (e + 1 < k && name_word(p.tokens[e + 1], lex)) ++e;
            if (e + 1 < k && is_punct(p.tokens[e + 1], ","))
                if (auto run = clean_name(p, a, e, lex); run && run->kind == NameKind::person) return named(*run);
        }
        return r.kind == SpeakerKind::none ? forward_speaker(p, k, hi, lex) : r;
    }
    return {};
}

}  // namespace newsdesk::speakers_internal
