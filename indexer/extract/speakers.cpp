#include "indexer/extract/speakers.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/lang/countries.h"
#include "common/text.h"
#include "indexer/extract/entity_lexicon.h"

namespace newsdesk {

namespace {

// How far after a closing mark the speech verb may be: room for a name and an
// appositive ("“…,” Terrie Rizzo, the Democratic chair of ... County, said").
constexpr int kAfterVerbWindow = 30;

// Lower-case particles inside personal names ("Charles de Gaulle").
bool name_particle(const Token& t) {
    static constexpr std::array<std::string_view, 14> particles = {
        "de", "van", "von", "der", "bin", "al", "da", "di", "du", "del", "dos", "ibn", "le", "la"};
    if (t.kind != TokenKind::word || t.capitalised) return false;
    for (auto w : particles)
        if (t.key == w) return true;
    return false;
}

bool is_punct(const Token& t, std::string_view s) {
    return t.kind == TokenKind::punct && t.text == s;
}

bool lower_word(const Token& t) {
    return t.kind == TokenKind::word && !t.capitalised && t.quote < 0;
}

// Words after which a name following "said" has ended ("said Cha in a statement",
// "sagte Merkel am Montag", "a déclaré Macron lors de", "dijo Sánchez en").
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

// Scripts without capitals (Hebrew, Arabic, Indic, Thai, CJK) cannot mark names by
// case; there a speaker is found from the postposition after it (Hindi "ने").
bool caseless_word(const Token& t) {
    if (t.kind != TokenKind::word || t.quote >= 0) return false;
    std::size_t pos = 0;
    return next_code_point(t.text, pos) >= 0x0590;
}

// "प्रधानमंत्री नरेंद्र मोदी ने": up to four caseless words before token `marker`,
// stopping at a function word; titles are dropped by clean_name.
std::optional<NameRun> caseless_run_before(const Paragraph& p, int lo, int marker,
                                           const QuoteLexicon& lex) {
    int first = marker;
    while (first - 1 >= lo && marker - first < 4 && caseless_word(p.tokens[first - 1]) &&
           !lex.function_words.count(p.tokens[first - 1].key))
        --first;
    if (first == marker) return std::nullopt;
    return clean_name(p, first, marker - 1, lex);
}

Attribution pronoun_at(const std::string& pronoun, int position) {
    Attribution a;
    a.kind = SpeakerKind::pronoun;
    a.pronoun = pronoun;
    a.position = position;
    return a;
}

Attribution named(const NameRun& run) {
    Attribution a;
    a.kind = SpeakerKind::name;
    a.name = run;
    a.position = run.first;
    return a;
}

void set_appositive(const Paragraph& p, Attribution& a, int first, int last) {
    if (first > last) return;
    a.appos_begin = p.tokens[first].begin;
    a.appos_end = p.tokens[last].end;
}

// Name run ending at token `last`, no further left than `lo`.
std::optional<NameRun> run_ending_at(const Paragraph& p, int lo, int last, const QuoteLexicon& lex) {
    int first = last;
    while (first - 1 >= lo && (name_word(p.tokens[first - 1], lex) || name_particle(p.tokens[first - 1])))
        --first;
    return clean_name(p, first, last, lex);
}

// "Jane Doe of the Brookings Institution said": the organisation run found first
// belongs to the person before "of"/"at".
std::optional<Attribution> person_before_affiliation(const Paragraph& p, int lo, const NameRun& org,
                                                     int verb, const QuoteLexicon& lex) {
    int k = org.first - 1;
    if (k >= lo && p.tokens[k].key == "the") --k;
    if (k - 1 < lo || !(p.tokens[k].key == "of" || p.tokens[k].key == "at")) return std::nullopt;
    auto person = run_ending_at(p, lo, k - 1, lex);
    if (!person || person->kind != NameKind::person) return std::nullopt;
    Attribution a = named(*person);
    set_appositive(p, a, k, verb - 1);
    return a;
}

// "a New Hampshire Democrat", "one senior Republican", "another Iowa Democrat":
// a description whose head (token `last`) is a party's member, from its first
// capitalised or title word; nullopt for other descriptions ("the official").
std::optional<std::string> party_member(const Paragraph& p, int lo, int last, const QuoteLexicon& lex) {
    const Token& head = p.tokens[last];
    if (head.kind != TokenKind::word || !head.capitalised || head.quote >= 0) return std::nullopt;
    const auto& people = entities::Lexicon::instance();
    const std::string singular = head.key.ends_with('s') ? head.key.substr(0, head.key.size() - 1) : head.key;
    if (!lex.title_words.count(head.key) || !(people.party(head.key) || people.party(singular)))
        return std::nullopt;
    int first = last;
    while (first - 1 >= lo && (name_word(p.tokens[first - 1], lex) ||
                               (lower_word(p.tokens[first - 1]) && lex.title_words.count(p.tokens[first - 1].key))))
        --first;
    return std::string(p.text.substr(p.tokens[first].begin, head.end - p.tokens[first].begin));
}

Attribution described_member(std::string member, int position) {
    Attribution a;
    a.kind = SpeakerKind::description;
    a.position = position;
    a.member = std::move(member);
    return a;
}

// Speaker after a verb ("said Victor Cha, senior vice president ...").
Attribution forward_speaker(const Paragraph& p, int verb, int hi, const QuoteLexicon& lex) {
    Attribution none;
    int i = verb + 1;
    while (i < hi && is_punct(p.tokens[i], ",")) ++i;
    if (i >= hi) return none;
    if (const auto it = lex.pronouns.find(p.tokens[i].key);
        lower_word(p.tokens[i]) && it != lex.pronouns.end()) {
        Attribution a;
        a.kind = SpeakerKind::pronoun;
        a.pronoun = it->first;
        a.position = i;
        return a;
    }
    int j = i;
    while (j < hi && p.tokens[j].kind == TokenKind::word && p.tokens[j].quote < 0 &&
           !ends_forward_name(p.tokens[j]))
        ++j;
    int last = j - 1;
    while (last >= i && !name_word(p.tokens[last], lex)) --last;
    if (last < i) {
        if (j == i) return none;
        Attribution a;
        a.kind = SpeakerKind::description;
        a.position = i;
        return a;
    }
    auto run = run_ending_at(p, i, last, lex);
    if (!run) {  // "said a Nevada Democrat": titles and places only, a description
        if (auto member = party_member(p, i, last, lex)) return described_member(std::move(*member), i);
        Attribution a;
        a.kind = SpeakerKind::description;
        a.position = i;
        return a;
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

bool is_verb_at(const Paragraph& p, int k, const QuoteLexicon& lex) {
    return lower_word(p.tokens[k]) && lex.is_speech_verb(p.tokens[k].key);
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
    // "“…,” Toomey fumed": a quote closed on a comma is followed by its
    // attribution, whatever the verb.
    if (comma && a + 1 < hi && name_word(p.tokens[a], lex)) {
        int e = a;
        while (e + 1 < hi && name_word(p.tokens[e + 1], lex)) ++e;
        if (e + 1 < hi && lower_word(p.tokens[e + 1]) && !lex.is_speech_verb(p.tokens[e + 1].key) &&
            p.tokens[e + 1].key.size() > 3 && p.tokens[e + 1].key.back() != 'y')
            if (auto run = clean_name(p, a, e, lex)) return named(*run);
    }
    for (int k = a; k < std::min(hi, a + kAfterVerbWindow); ++k) {
        // "“…,” for instance, and Trump vowed ...": a new clause, a new speaker.
        if ((k > a || p.tokens[k].key != "and") && (is_punct(p.tokens[k], ";") || new_clause(p, k, hi, lex)))
            break;
        if (auto inv = inverted_speaker(p, k, hi, lex)) return *inv;
        if (!is_verb_at(p, k, lex)) continue;
        bool verb_first = true;
        for (int m = a; m < k; ++m) verb_first = verb_first && p.tokens[m].kind != TokenKind::word;
        if (verb_first) return forward_speaker(p, k, hi, lex);
        auto r = subject_of(p, a, k, lex);
        return r.kind == SpeakerKind::none ? forward_speaker(p, k, hi, lex) : r;
    }
    return {};
}

Attribution subject_at(const Paragraph& p, int lo, int open, const QuoteLexicon& lex);

// "But a few days later, Trump reversed himself": the subject follows an
// introductory phrase closed by a comma ("Horrified at the prospect of Trump
// becoming president, Ramos ..."). The phrase may hold commas of its own
// ("Speaking in Salem, New Hampshire, Trump went after Bush"): the subject is the
// first name after a comma (or a dateline's dash) that a verb follows; within the first dozen words a
// name with an appositive or a party tag counts too ("Hours later, Trump, the
// nominee, ...") but not a place's next part ("Salem, New Hampshire, Trump").
Attribution subject_after_intro(const Paragraph& p, int lo, int open, const QuoteLexicon& lex) {
    for (int k = lo; k < open; ++k) {
        if (!(is_punct(p.tokens[k], ",") || is_dash(p.tokens[k])) || p.tokens[k].quote >= 0) continue;
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

// The name run opening tokens [lo, open), followed by a verb-like word or an appositive.
Attribution subject_at(const Paragraph& p, int lo, int open, const QuoteLexicon& lex) {
    int s = lo;
    while (s < open && p.tokens[s].kind == TokenKind::word && lex.not_names.count(p.tokens[s].key) &&
           !lex.honorifics.count(p.tokens[s].key) && !lex.pronouns.count(p.tokens[s].key))
        ++s;  // "But", "And", "Meanwhile,"
    while (s < open && is_punct(p.tokens[s], ",")) ++s;
    if (s >= open || !name_word(p.tokens[s], lex)) return {};
    // "Democratic presidential candidate Bernie Sanders is ...": titles and
    // descriptors may come before the name; the name is the last run.
    int e = s, first = s;
    while (e + 1 < open) {
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
    auto run = clean_name(p, first, e, lex);
    if (!run || run->kind != NameKind::person) return {};
    Attribution a = named(*run);
    a.cue = false;
    return a;
}

// "Pollsters agree - Carl Bialik: “…”", "… election - More from Jones: “…”": a
// roundup's item names its source between a dash and the colon, after a heading.
bool after_heading_dash(const Paragraph& p, int lo, int first, const QuoteLexicon& lex) {
    int k = first - 1;
    while (k >= lo && p.tokens[k].kind == TokenKind::word &&
           (name_word(p.tokens[k], lex) || p.tokens[k].key == "and" || p.tokens[k].key == "from" ||
            p.tokens[k].key == "more"))
        --k;  // "Frank Newport and Jim Harter", "More from"
    return k > lo && (is_dash(p.tokens[k]) || is_punct(p.tokens[k], "-"));
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

// Attribution before the opening mark: "X said “…”", "according to X, “…”", "X: “…”".
// A verb whose subject is a description ("the official said", "and said",
// "..., calling it") falls back to the sentence's subject when that is a name.
// Participles come last: in "Clinton claimed that statements by Trump calling
// for a ban make him “...”" the finite verb's subject is the speaker.
Attribution before_quote(const Paragraph& p, int lo, int open, const QuoteLexicon& lex) {
    if (open - 2 >= lo && is_punct(p.tokens[open - 1], ":") && name_word(p.tokens[open - 2], lex)) {
        auto r = run_ending_at(p, lo, open - 2, lex);
        if (r && after_heading_dash(p, lo, r->first, lex)) return named(*r);
    }
    Attribution described;
    const int main_clause = main_clause_start(p, lo, open);
    for (const bool participles : {false, true}) {
        for (int k = open - 1; k >= main_clause; --k) {
            if (!is_verb_at(p, k, lex) || p.tokens[k].key.ends_with("ing") != participles) continue;
            // "Bush also attacked Trump, calling him a “loser”": after a comma a
            // participle's subject is the sentence's, not the nearest name.
            if (participles && k > lo && is_punct(p.tokens[k - 1], ",")) {
                auto subject = sentence_subject(p, lo, open, lex);
                if (subject.kind != SpeakerKind::none) { subject.cue = true; return subject; }
            }
            auto r = subject_of(p, lo, k, lex);
            if (r.kind == SpeakerKind::none) r = forward_speaker(p, k, open, lex);
            if (r.kind == SpeakerKind::name || r.kind == SpeakerKind::pronoun) return r;
            if (described.kind == SpeakerKind::none) described = r;
        }
    }
    if (auto acc = according_to(p, lo, open, lex)) return *acc;
    if (open - 2 >= lo && is_punct(p.tokens[open - 1], ":")) {
        // "Cruz: “…”" when the name is all there is before the colon; else
        // ("McConnell delivered a message to Trump: “…”") the sentence's subject.
        auto r = subject_of(p, lo, open - 1, lex);
        const bool whole = r.kind == SpeakerKind::name && r.name.first <= lo + 2;
        if (whole || r.kind == SpeakerKind::pronoun) return r;
        r.kind = SpeakerKind::description;
        if (described.kind == SpeakerKind::none) described = r;
    }
    auto subject = sentence_subject(p, lo, open, lex);
    if (described.kind == SpeakerKind::none) return subject;
    if (subject.kind == SpeakerKind::none) return described;
    subject.cue = true;  // a speech cue was there, its subject is the sentence's
    return subject;
}

// "Donald Trump's accusation that Clinton plays the “woman card”", "Sanders’
// fundraising email ... “…”": a speech noun (data/quotes/speech_nouns.txt) owned
// by a name, up to two words after it, makes the owner the speaker.
Attribution possessive_speaker(const Paragraph& p, int lo, int open, const QuoteLexicon& lex) {
    const auto& toks = p.tokens;
    for (int i = lo; i < open; ++i) {
        const std::string_view t = toks[i].text;
        const std::size_t mark = t.ends_with("\u2019s") ? 4 : t.ends_with("'s") ? 2 : t.ends_with("\u2019") ? 3 : 0;
        if (!mark || t.size() <= mark || !toks[i].capitalised || toks[i].quote >= 0) continue;
        // "It's", "That's", "He's": a contraction, not an owner.
        std::string stem(t.substr(0, t.size() - mark));
        for (auto& c : stem) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lex.pronouns.count(stem) || lex.not_names.count(stem) || lex.function_words.count(stem)) continue;
        bool noun = false;
        for (int k = i + 1; k <= std::min(i + 3, open - 1) && !noun; ++k)
            noun = lower_word(toks[k]) && lex.speech_nouns.count(toks[k].key);
        if (!noun) continue;
        int first = i;
        while (first - 1 >= lo && name_word(toks[first - 1], lex)) --first;
        NameRun run;
        if (first < i) {
            const auto before = clean_name(p, first, i - 1, lex);
            if (before) run = *before;
            else first = i;
        }
        if (first == i) run.first = i;
        run.last = i;
        run.name += (run.name.empty() ? "" : " ") + std::string(t.substr(0, t.size() - mark));
        ++run.words;
        if (lex.organisation_words.count(std::string(t.substr(0, t.size() - mark)))) run.kind = NameKind::organisation;
        return named(run);
    }
    return {};
}

}  // namespace

bool name_word(const Token& t, const QuoteLexicon& lex) {
    if (t.kind != TokenKind::word || !t.capitalised || t.quote >= 0) return false;
    return lex.honorifics.count(t.key) || !lex.not_names.count(t.key);
}

namespace {

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
    if (first > last) return std::nullopt;
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

Attribution subject_of(const Paragraph& p, int lo, int verb, const QuoteLexicon& lex) {
    const auto& toks = p.tokens;
    int i = verb - 1;
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
        toks[i].kind == TokenKind::word && it != lex.pronouns.end()) {
        Attribution a;
        a.kind = SpeakerKind::pronoun;
        a.pronoun = it->first;
        a.position = i;
        return a;
    }
    if (is_punct(toks[i], ")")) {  // "Sen. Ted Cruz (R-Texas) said"
        while (i >= lo && !is_punct(toks[i], "(")) --i;
        --i;
        if (i < lo || !name_word(toks[i], lex)) return {};
    }
    if (is_punct(toks[i], ",") || is_dash(toks[i])) {  // "X, <appositive>, said"
        // The appositive may hold commas of its own ("Anne Richards, assistant
        // secretary for population, refugees, and migration, said").
        auto opening_comma = [&](int from) {
            int j = from;
            while (j >= lo && (toks[j].text != toks[i].text || (j - 1 >= lo && !name_word(toks[j - 1], lex) &&
                                                               toks[j - 1].quote < 0)))
                --j;
            return j;
        };
        // A name after "of", "in", "at" ... is no subject: "The mayor of London,
        // Sadiq Khan, thanked" (the name between the commas speaks), "Clinton,
        // during a town hall meeting in Columbus, Ohio, said" (an earlier comma).
        auto object_of_preposition = [&](const NameRun& r) {
            if (r.first - 1 < lo || !lower_word(toks[r.first - 1])) return false;
            const std::string& key = toks[r.first - 1].key;
            return key == "of" || key == "for" || key == "on" ||
                   entities::Lexicon::instance().place_preposition(key);
        };
        int j = opening_comma(i - 1);
        if (j - 1 < lo || !name_word(toks[j - 1], lex)) return {};
        auto run = run_ending_at(p, lo, j - 1, lex);
        if (!run) return {};
        if (object_of_preposition(*run)) {
            bool all_names = j + 1 <= i - 1;
            for (int k = j + 1; k < i; ++k) all_names = all_names && name_word(toks[k], lex);
            const auto between = all_names ? clean_name(p, j + 1, i - 1, lex) : std::nullopt;
            if (between && between->kind == NameKind::person && between->words >= 2) return named(*between);
            const int earlier = opening_comma(j - 1);
            if (earlier - 1 >= lo && name_word(toks[earlier - 1], lex))
                if (auto subject = run_ending_at(p, lo, earlier - 1, lex);
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
        if (!run)
            if (auto member = party_member(p, lo, i, lex)) return described_member(std::move(*member), i);
        if (!run) return {};
        if (run->kind == NameKind::organisation)
            if (auto person = person_before_affiliation(p, lo, *run, verb, lex)) return *person;
        return named(*run);
    }
    if (lower_word(toks[i])) {
        Attribution a;
        a.kind = SpeakerKind::description;
        a.position = i;
        a.coordinated = toks[i].key == "and" || toks[i].key == "but";
        return a;
    }
    return {};
}

Attribution closing_subject(const Paragraph& p, const QuoteLexicon& lex) {
    const int n = static_cast<int>(p.tokens.size());
    int end = n;
    while (end > 0 && p.tokens[end - 1].kind != TokenKind::word) --end;  // the final "." or ")"
    if (end == 0) return {};
    return sentence_subject(p, sentence_start(p, end), end, lex);
}

Attribution introduction(const Paragraph& p, const QuoteLexicon& lex) {
    const int n = static_cast<int>(p.tokens.size());
    if (n < 2 || !is_punct(p.tokens[n - 1], ":") || p.tokens[n - 1].quote >= 0) return {};
    int lo = n - 2;
    while (lo >= 0 && p.tokens[lo].quote < 0 && !ends_sentence(p.tokens[lo])) --lo;
    return before_quote(p, lo + 1, n, lex);
}

Attribution attribute_quote(const Paragraph& p, int q, const QuoteLexicon& lex) {
    const QuoteSpan& span = p.quotes[q];
    const int n = static_cast<int>(p.tokens.size());
    Attribution after;
    if (span.close >= 0) {
        const int a = span.close + 1;
        int hi = a;
        while (hi < n && p.tokens[hi].quote < 0 && !ends_sentence(p.tokens[hi])) ++hi;
        // After a full stop inside the quote only a short "Trump said." belongs to it.
        const char last = p.text[span.text_end - 1];
        const bool continues = last == ',' || last == '?' || last == '!';
        std::size_t mark = 0;
        const char32_t opener = next_code_point(p.tokens[span.open].text, mark);
        const bool german = opener == U'„' || opener == U'»' || opener == U'‚';
        // "Trump said Clinton “caused death.” Sanders called Trump a “liar.”": a
        // short clause running into the next quote is that quote's attribution.
        const bool own_sentence = hi >= n || p.tokens[hi].quote < 0;
        if (last != '.' || (hi - a <= 5 && own_sentence)) after = after_quote(p, a, hi, continues, german, lex);
        if (after.kind == SpeakerKind::name || after.kind == SpeakerKind::pronoun) return after;
    }
    int lo = span.open - 1;
    while (lo >= 0 && p.tokens[lo].quote < 0 && !ends_sentence(p.tokens[lo])) --lo;
    auto before = before_quote(p, lo + 1, span.open, lex);
    if (before.kind == SpeakerKind::none) before = possessive_speaker(p, lo + 1, span.open, lex);
    // "“…” and accusing him": a described subject after the quote does not
    // outweigh a name before it.
    Attribution found = before;
    if (after.kind == SpeakerKind::description &&
        !(before.kind == SpeakerKind::name || before.kind == SpeakerKind::pronoun))
        found = after;
    if (found.kind == SpeakerKind::name || found.kind == SpeakerKind::pronoun) return found;
    // "Trump has hailed the vote as “fantastic,” telling reporters that it is “a
    // great thing.”": an earlier quote does not end the sentence, so its subject
    // is this quote's speaker too.
    const int start = sentence_start(p, span.open);
    Attribution subject;
    if (start <= lo) subject = sentence_subject(p, start, span.open, lex);
    // "Bystrom agreed. “Mainstream Republicans are running out of time.”": a quote
    // standing as a sentence of its own continues the previous sentence's subject.
    else if (found.kind == SpeakerKind::none && start == span.open && start > 0)
        subject = sentence_subject(p, sentence_start(p, start - 1), start - 1, lex);
    if (subject.kind != SpeakerKind::name) return found;
    subject.cue = false;
    return subject;
}

}  // namespace newsdesk
