// The subject of a clause: who stands before a speech verb ("Trump also said",
// "Jane Doe of the Brookings Institution said", "X, <appositive>, said", Hindi
// "मोदी ने कहा"), and the person a sentence opens with, past an introductory
// phrase or a subordinate clause, for quotes no verb attributes.
#include <algorithm>
#include <array>

#include "indexer/extract/entity_lexicon.h"
#include "indexer/extract/speaker_parts.h"

namespace newsdesk {

namespace speakers_internal {

namespace {

// "Jane Doe of the Brookings Institution said": the organisation run found first
// belongs to the person before "of"/"at".
std::optional<Attribution> person_before_affiliation(const Paragraph& p, int lo, const NameRun& org,
                                                     int verb, const QuoteLexicon& lex) {
    int k = org.first - 1;
    if (k >= lo && p.tokens[k].key == "the") --k;
    if (k - 1 < lo || !(p.tokens[k].key == "of" || p.tokens[k].key == "at") || !name_word(p.tokens[k - 1], lex))
        return std::nullopt;
    auto person = run_ending_at(p, lo, k - 1, lex);
    if (!person) return std::nullopt;
    // "Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem told":
    // the chain of affiliations starts with the person.
    if (auto earlier = person_before_affiliation(p, lo, *person, verb, lex)) return earlier;
    if (person->kind != NameKind::person) return std::nullopt;
    Attribution a = named(*person);
    set_appositive(p, a, k, verb - 1);
    return a;
}

// Where the longer name that token `first` ends begins: back over "Center for
// Food" before "Safety" (an organisation's word, then "for", "of" or "on"),
// as far as such links go; `first` itself when none does.
int longer_name_start(const Paragraph& p, int lo, int first, const QuoteLexicon& lex) {
    const auto& toks = p.tokens;
    auto capital = [&](int t) { return t >= lo && toks[t].kind == TokenKind::word && toks[t].capitalised; };
    for (int g = first;; first = g) {
        while (capital(g - 1)) --g;
        const bool link = g - 2 >= lo && lower_word(toks[g - 1]) &&
                          (toks[g - 1].key == "for" || toks[g - 1].key == "on" || toks[g - 1].key == "of");
        if (!link || !capital(g - 2) || !lex.organisation_words.count(toks[g - 2].key)) return first;
        for (g -= 2; capital(g - 1);) --g;
    }
}

// The name run opening tokens [lo, open), followed by a verb-like word or an appositive.
Attribution subject_at(const Paragraph& p, int lo, int open, const QuoteLexicon& lex) {
    // A name right after a lower-case preposition is its object, no subject ("...
    // on Twitter before claiming"), unless a participle follows it ("with
    // Lewandowski taking to Twitter"); "in which Clinton expressed" has one.
    // Not "by": "Asked by Thrush if ..." names a passive verb's agent.
    static constexpr std::array<std::string_view, 17> prepositions = {
        "in", "on", "at", "for", "with", "without", "from", "to", "of", "about",
        "during", "under", "over", "against", "among", "amid", "despite"};
    auto preposition = [&](const Token& t) {
        return lower_word(t) && std::find(prepositions.begin(), prepositions.end(), t.key) != prepositions.end();
    };
    int s = lo;
    while (s < open && p.tokens[s].kind == TokenKind::word && lex.not_names.count(p.tokens[s].key) &&
           !lex.honorifics.count(p.tokens[s].key) && !lex.pronouns.count(p.tokens[s].key))
        ++s;  // "But", "And", "Meanwhile,"
    // "IBM, according to Mr Donofrio, has 30%": the source cited is no object.
    const bool object = s > lo && preposition(p.tokens[s - 1]) && !(s - 2 >= lo && p.tokens[s - 2].key == "according");
    while (s < open && is_punct(p.tokens[s], ",")) ++s;
    if (s >= open || !name_word(p.tokens[s], lex)) return {};
    // "Democratic presidential candidate Bernie Sanders is ...": titles and
    // descriptors may come before the name; the name is the last run.
    int e = s, first = s;
    while (e + 1 < open) {
        // "Former Secretary of State John Kerry clashed with ...".
        if (title_of(p, e + 1, open, lex) && e + 2 < open && name_word(p.tokens[e + 2], lex)) ++e;
        const Token& t = p.tokens[e + 1];
        if (name_word(t, lex) || name_particle(t)) {
            if (!name_word(p.tokens[e], lex) && !name_particle(p.tokens[e])) first = e + 1;
        } else if (!(lower_word(t) && lex.title_words.count(t.key))) {
            break;
        }
        ++e;
    }
    if (!name_word(p.tokens[e], lex)) return {};
    if (e + 1 >= open || !(is_punct(p.tokens[e + 1], ",") || is_punct(p.tokens[e + 1], "(") ||
                           lower_word(p.tokens[e + 1])))
        return {};
    if (object && !(lower_word(p.tokens[e + 1]) && p.tokens[e + 1].key.ends_with("ing"))) return {};
    auto run = clean_name(p, first, e, lex);
    if (!run || run->kind != NameKind::person) return {};
    // "Adding, “…”": a speech verb capitalised to open a sentence is no name.
    if (run->words == 1 && lex.is_speech_verb(p.tokens[run->first].key)) return {};
    Attribution a = named(*run);
    a.cue = false;
    return a;
}

// "But a few days later, Trump reversed himself": the subject follows an
// introductory phrase closed by a comma ("Horrified at the prospect of Trump
// becoming president, Ramos ..."). The phrase may hold commas of its own
// ("Speaking in Salem, New Hampshire, Trump went after Bush"): the subject is the
// first name after a comma (or a dateline's dash) that a verb follows; within the first dozen words a
// name with an appositive or a party tag counts too ("Hours later, Trump, the
// nominee, ...") but not a place's next part ("Salem, New Hampshire, Trump").
Attribution subject_after_intro(const Paragraph& p, int lo, int open, const QuoteLexicon& lex) {
    // ", after Clinton suffered a concussion, Axelrod emailed": a subordinate
    // clause closed before the quote does not hold the sentence's subject.
    static constexpr std::array<std::string_view, 11> subordinators = {
        "after", "when", "because", "since", "if", "although", "though", "before", "until", "once", "as"};
    for (int k = lo; k < open; ++k) {
        if (!(is_punct(p.tokens[k], ",") || is_dash(p.tokens[k])) || p.tokens[k].quote >= 0) continue;
        if (k + 1 < open && p.tokens[k + 1].kind == TokenKind::word &&
            std::find(subordinators.begin(), subordinators.end(), p.tokens[k + 1].key) != subordinators.end()) {
            bool closed = false;
            for (int j = k + 2; j < open && !closed; ++j) closed = is_punct(p.tokens[j], ",") && p.tokens[j].quote < 0;
            if (closed) continue;
        }
        auto a = subject_at(p, k + 1, open, lex);
        if (a.kind != SpeakerKind::name) continue;
        const Token& next = p.tokens[a.name.last + 1];  // subject_at saw a token there
        if (lower_word(next) && !ends_forward_name(next) && next.key != "and" && next.key != "or") return a;
        const int after = a.name.last + 2;
        // "WASHINGTON — Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed ...": a
        // dateline's dash, and a day between the subject and its verb.
        const int verb = is_punct(next, "(") ? a.name.last + 4 : a.name.last + 1;
        if (verb + 2 < open && p.tokens[verb].key == "on" && p.tokens[verb + 1].capitalised &&
            lex.not_names.count(p.tokens[verb + 1].key) && lower_word(p.tokens[verb + 2]))
            return a;
        if (k < lo + 12 && (is_punct(next, "(") ||
                            (is_punct(next, ",") && after < open && lower_word(p.tokens[after]))))
            return a;
    }
    return {};
}

// Whether the name at token `first` opens its clause, so may be its subject: at
// `lo`, after punctuation, a conjunction, "the" or a title word; not after "with",
// "of" (an object) nor "prominent" ("the prominent Jewish civil rights group").
bool opens_clause(const Paragraph& p, int lo, int first, const QuoteLexicon& lex) {
    static constexpr std::array<std::string_view, 11> openers = {
        "when", "while", "and", "but", "as", "that", "after", "before", "because", "since", "the"};
    if (first <= lo) return true;
    const Token& prev = p.tokens[first - 1];
    return prev.kind == TokenKind::punct ||
           (lower_word(prev) && (lex.title_words.count(prev.key) ||
                                 std::find(openers.begin(), openers.end(), prev.key) != openers.end()));
}

// "Trump in his announcement speech called", "Sanders during a Sunday rally
// thanked": a short prepositional phrase between the subject and its verb,
// ending at token `last`.
Attribution subject_before_phrase(const Paragraph& p, int lo, int last, const QuoteLexicon& lex) {
    static constexpr std::array<std::string_view, 8> prepositions = {
        "in", "on", "at", "during", "after", "before", "from", "over"};
    // At most three words of the phrase's object, none a verb's ("in April led
    // viewers to complain").
    for (int k = last; k > lo && k > last - 4; --k) {
        const Token& t = p.tokens[k];
        if (t.kind != TokenKind::word || t.quote >= 0 || (lower_word(t) && (t.key == "to" || t.key.ends_with("ed"))))
            return {};
        if (!lower_word(t) || std::find(prepositions.begin(), prepositions.end(), t.key) == prepositions.end())
            continue;
        // "Wood and David Jason in attacking ...": a phrase has an object.
        if (!name_word(p.tokens[k - 1], lex)) return {};
        auto run = run_ending_at(p, lo, k - 1, lex);
        if (!run || run->kind != NameKind::person) return {};
        // "knocked Rubio on trade and called": an object, no subject.
        return opens_clause(p, lo, run->first, lex) ? named(*run) : Attribution{};
    }
    return {};
}

}  // namespace

// First token of the sentence holding token `open`: a quote before it ends the
// sentence only when its own text does ("X said “A.” Y ...").
int sentence_start(const Paragraph& p, int open) {
    int k = open - 1;
    for (; k >= 0; --k) {
        const Token& t = p.tokens[k];
        if (ends_sentence(t)) break;
        if (t.quote < 0 || p.quotes[t.quote].close != k) continue;
        const QuoteSpan& span = p.quotes[t.quote];
        const char last = span.text_end > span.text_begin ? p.text[span.text_end - 1] : '.';
        if (last == '.' || last == '?' || last == '!') break;
    }
    return k + 1;
}

// The person a sentence opens with ("Cruz belittled the issue, calling it a
// “paperwork error”"): the subject of the clause that holds the quote.
Attribution sentence_subject(const Paragraph& p, int lo, int open, const QuoteLexicon& lex) {
    if (const int clause = joined_clause(p, lo, open, lex); clause > lo)
        if (auto c = subject_at(p, clause, open, lex); c.kind == SpeakerKind::name) return c;
    auto a = subject_at(p, lo, open, lex);
    if (a.kind == SpeakerKind::none) return subject_after_intro(p, lo, open, lex);
    // "Hours later, Trump returned ...": a lone word before the introductory
    // phrase's comma opens the phrase; the name after it is the subject.
    if (a.name.words == 1) {
        auto b = subject_after_intro(p, lo, open, lex);
        if (b.kind == SpeakerKind::name && b.name.first > a.name.last + 1) return b;
    }
    return a;
}

// "Jindal signed an order, while Mike Huckabee, the former governor, proposed
// we “…”", "..., and Sen. Ron Johnson kept asking her why ...": a clause joined by
// a comma, a conjunction and a name has its own subject and verb.
int joined_clause(const Paragraph& p, int lo, int open, const QuoteLexicon& lex) {
    for (int k = open - 2; k > lo; --k) {
        const Token& t = p.tokens[k];
        if (t.quote >= 0 || !lower_word(t) || !is_punct(p.tokens[k - 1], ",")) continue;
        if (t.key != "while" && t.key != "whereas" && t.key != "but" && t.key != "and") continue;
        if (!name_word(p.tokens[k + 1], lex)) continue;
        // Not the last item of a list ("expects Obama, Abe, and Park to ...").
        int j = k - 2;
        while (j > lo && name_word(p.tokens[j], lex)) --j;
        if (t.key == "and" && j < k - 2 && is_punct(p.tokens[j], ",")) continue;
        return k;
    }
    return lo;
}

Attribution conjunct_subject(const Paragraph& p, int lo, int conjunction, const QuoteLexicon& lex) {
    for (int k = conjunction - 1; k >= lo; --k) {
        const Token& t = p.tokens[k];
        if (t.quote >= 0 || ends_sentence(t)) break;
        if (!name_word(t, lex) || (k > lo && name_word(p.tokens[k - 1], lex))) continue;
        if (k > lo && (p.tokens[k - 1].text.ends_with("'") || p.tokens[k - 1].text.ends_with("\u2019") ||
                       p.tokens[k - 1].text.ends_with("'s") || p.tokens[k - 1].text.ends_with("\u2019s")))
            continue;  // "the plaintiffs' Muslim identity": an owner's attribute
        int e = k;
        while (e + 1 < conjunction && name_word(p.tokens[e + 1], lex)) ++e;
        const Token& next = p.tokens[e + 1];
        if (e + 1 >= conjunction || !lower_word(next) || ends_forward_name(next) || lex.not_names.count(next.key) ||
            lex.title_words.count(next.key))
            continue;  // "Rubio on trade": an object; "the Australian-born actress": a description
        if (!opens_clause(p, lo, k, lex)) continue;
        auto run = clean_name(p, k, e, lex);
        if (!run || run->kind == NameKind::place) continue;
        Attribution a = named(*run);
        a.cue = false;
        return a;
    }
    return {};
}

// "When Trump suggested that Cuba would sue, Rubio fired back: “…”", "When told
// Perez was in the Cabinet, Bush said that “…”": a sentence opening with a
// subordinate clause has its speaker in the main clause after the comma; the
// first token after that comma, or `lo` when there is no such clause.
int main_clause_start(const Paragraph& p, int lo, int open) {
    // Not "as": "As David Byler pointed out, “…”" cites its speaker in the clause.
    static constexpr std::array<std::string_view, 10> subordinators = {
        "when", "after", "if", "although", "though", "while", "because", "since", "once", "until"};
    if (lo >= open || p.tokens[lo].kind != TokenKind::word) return lo;
    if (std::find(subordinators.begin(), subordinators.end(), p.tokens[lo].key) == subordinators.end())
        return lo;
    for (int k = lo + 1; k < open; ++k)
        if (is_punct(p.tokens[k], ",") && p.tokens[k].quote < 0) return k + 1;
    return lo;
}

}  // namespace speakers_internal

using namespace speakers_internal;

Attribution subject_of(const Paragraph& p, int lo, int verb, const QuoteLexicon& lex) {
    const auto& toks = p.tokens;
    int i = verb - 1;
    // "Braynard is quoted as saying": the subject stands before the passive.
    if (i - 1 >= lo && toks[i].key == "as" && toks[i - 1].key == "quoted" && lower_word(toks[i - 1])) {
        static constexpr std::array<std::string_view, 6> auxiliaries = {"is", "was", "were", "are", "been", "being"};
        i -= 2;
        while (i >= lo && std::find(auxiliaries.begin(), auxiliaries.end(), toks[i].key) != auxiliaries.end()) --i;
    }
    while (i >= lo && toks[i].kind == TokenKind::word && lex.is_skip_word(toks[i].key) &&
           (!toks[i].capitalised || lex.not_names.count(toks[i].key)))
        --i;  // "Trump also said", "Cruz on Tuesday said"
    if (i < lo || toks[i].quote >= 0) return {};
    if (toks[i].kind == TokenKind::word && lex.subject_markers.count(toks[i].key)) {
        // Hindi "मोदी ने कहा": the speaker stands before the postposition.
        if (auto run = caseless_run_before(p, lo, i, lex)) return named(*run);
        return {};
    }
    if (const auto it = lex.pronouns.find(toks[i].key);
        toks[i].kind == TokenKind::word && it != lex.pronouns.end())
        return pronoun_at(it->first, i);
    if (is_punct(toks[i], ")")) {  // "Sen. Ted Cruz (R-Texas) said"
        while (i >= lo && !is_punct(toks[i], "(")) --i;
        --i;
        if (i < lo || !name_word(toks[i], lex)) return {};
    }
    if (is_punct(toks[i], ",") || is_dash(toks[i])) {  // "X, <appositive>, said"
        // The appositive may hold commas of its own ("Anne Richards, assistant
        // secretary for population, refugees, and migration, said").
        // The last token of the name before the comma at `j`, past a party and
        // state tag ("Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton,
        // said"); -1 when no name stands there.
        auto name_before = [&](int j) {
            int k = j - 1;
            if (k >= lo && is_punct(toks[k], ")")) {
                while (k >= lo && !is_punct(toks[k], "(")) --k;
                --k;
            }
            return k >= lo && name_word(toks[k], lex) ? k : -1;
        };
        auto opening_comma = [&](int from) {
            int j = from;
            while (j >= lo && (toks[j].text != toks[i].text ||
                               (j - 1 >= lo && name_before(j) < 0 && toks[j - 1].quote < 0)))
                --j;
            return j;
        };
        // A name after "of", "in", "at" ... is no subject: "The mayor of London,
        // Sadiq Khan, thanked" (the name between the commas speaks), "Clinton,
        // during a town hall meeting in Columbus, Ohio, said" (an earlier comma).
        auto object_of_preposition = [&](const NameRun& r) {
            int k = r.first - 1;
            if (k - 1 >= lo && toks[k].key == "the") --k;  // "the chair of the IETF, Brian Carpenter, says"
            if (k < lo || !lower_word(toks[k])) return false;
            const std::string& key = toks[k].key;
            return key == "of" || key == "for" || key == "on" ||
                   entities::Lexicon::instance().place_preposition(key);
        };
        int j = opening_comma(i - 1);
        if (j - 1 < lo || name_before(j) < 0) return {};
        // "CNN, Cruz said, called the announcement “…”": an attribution set off by
        // commas names the speaker, not the name before it.
        if (i - 2 > j && is_verb_at(p, i - 1, lex))
            if (auto inner = subject_of(p, j + 1, i - 1, lex);
                inner.kind == SpeakerKind::name || inner.kind == SpeakerKind::pronoun)
                return inner;
        auto run = run_ending_at(p, lo, name_before(j), lex);
        if (!run) return {};
        if (object_of_preposition(*run)) {
            bool all_names = j + 1 <= i - 1;
            for (int k = j + 1; k < i; ++k) all_names = all_names && name_word(toks[k], lex);
            const auto between = all_names ? clean_name(p, j + 1, i - 1, lex) : std::nullopt;
            if (between && between->kind == NameKind::person && between->words >= 2) return named(*between);
            const int earlier = opening_comma(j - 1);
            if (earlier - 1 >= lo && name_before(earlier) >= 0)
                if (auto subject = run_ending_at(p, lo, name_before(earlier), lex);
                    subject && !object_of_preposition(*subject)) {
                    run = subject;
                    j = earlier;
                }
        }
        Attribution a = named(*run);
        set_appositive(p, a, j + 1, i - 1);
        return a;
    }
    if (name_word(toks[i], lex)) {
        auto run = run_ending_at(p, lo, i, lex);
        // "another New Hampshire Republican added": a member of a party, unnamed.
        if (!run) {
            if (auto member = party_member(p, lo, i, lex)) return described_member(std::move(*member), i);
            // "One MP told the BBC", "The Senator said": a title alone is a
            // description, and what follows the verb is no speaker.
            if (lex.title_words.count(toks[i].key)) return described(i);
            return {};
        }
        // "Jane Doe of the Brookings Institution said", "with Steve Scalise of
        // Louisiana calling", "Dr. Steven Wolf at Saint Francis said": a body, a
        // place or any name after a person's "of" or "at" is the person's; so is
        // the end of a longer name read as a person's ("George Kimbrell of the
        // Center for Food Safety said": "Food Safety" after "Center for").
        NameRun whole = *run;
        whole.first = longer_name_start(p, lo, run->first, lex);
        if (auto person = person_before_affiliation(p, lo, whole, verb, lex)) return *person;
        return named(*run);
    }
    if (lower_word(toks[i])) {
        if (toks[i].key != "and" && toks[i].key != "but" && !(toks[verb].quote < 0 && lower_word(toks[verb]) && toks[verb].key.ends_with("ing")))
            if (auto a = subject_before_phrase(p, lo, i, lex); a.kind == SpeakerKind::name) return a;
        Attribution a = described(i);
        a.coordinated = toks[i].key == "and" || toks[i].key == "but";
        return a;
    }
    return {};
}

Attribution pronoun_subject(const Paragraph& p, int pronoun, const QuoteLexicon& lex) {
    const int start = sentence_start(p, pronoun);
    if (start >= pronoun) return {};
    // "Speaking to Martin Smith of PBS, he said": a name inside an opening phrase
    // with no subject of its own (a participle's, a preposition's) is the object
    // of what the pronoun did, not who it means.
    const std::string& opener = p.tokens[start].key;
    if (is_punct(p.tokens[pronoun - 1], ",") &&
        (opener.ends_with("ing") || lex.opener_words.count(opener) ||
         entities::Lexicon::instance().place_preposition(opener)))
        return {};
    auto a = sentence_subject(p, start, pronoun, lex);
    if (a.kind != SpeakerKind::name || a.name.last >= pronoun) return {};
    // "Clinton “caused tremendous havoc,” he said": a name the quote goes on from
    // is the subject of what was said, not who "he" is.
    if (a.name.last + 1 < pronoun && p.tokens[a.name.last + 1].quote >= 0) return {};
    return a;
}

Attribution closing_subject(const Paragraph& p, const QuoteLexicon& lex) {
    const int n = static_cast<int>(p.tokens.size());
    int end = n;
    while (end > 0 && p.tokens[end - 1].kind != TokenKind::word) --end;  // the final "." or ")"
    if (end == 0) return {};
    return sentence_subject(p, sentence_start(p, end), end, lex);
}

}  // namespace newsdesk
