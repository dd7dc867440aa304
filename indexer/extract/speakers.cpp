// Who said a quote: the attribution after its closing mark wins when it names
// someone ("“…,” Trump said"); else the one before its opening mark ("X said
// “…”", "X: “…”", "Trump's accusation that “…”"); else the sentence's subject.
// The patterns themselves live in speaker_subject.cpp (who stands before a
// verb), speaker_forward.cpp (who follows a verb or a quote),
// speaker_described.cpp (descriptions) and speaker_names.cpp (names).
#include "indexer/extract/speakers.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/text.h"

#include "indexer/extract/speaker_parts.h"

namespace newsdesk {

using namespace speakers_internal;

namespace {

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

// "was asked by", "were told by": the speech verb at `k` is passive and "by"
// follows it.
bool passive_by(const Paragraph& p, int lo, int k, int open) {
    static constexpr std::array<std::string_view, 6> auxiliaries = {"was", "were", "is", "are", "been", "being"};
    if (k - 1 < lo || k + 2 >= open || p.tokens[k + 1].key != "by" || !lower_word(p.tokens[k + 1])) return false;
    return std::find(auxiliaries.begin(), auxiliaries.end(), p.tokens[k - 1].key) != auxiliaries.end();
}

// "Rep. Israel said Clinton called on members to be “closely coordinated”": a
// speaker reported by another speech verb is the reported one's source's words;
// the source outside speaks, as PolNeAR and a reader's "who told us" have it.
Attribution outer_source(const Paragraph& p, int lo, const Attribution& inner, const QuoteLexicon& lex) {
    int k = (inner.kind == SpeakerKind::name ? inner.name.first : inner.position) - 1;
    if (k >= lo && lower_word(p.tokens[k]) && p.tokens[k].key == "that") --k;
    if (k < lo || !is_verb_at(p, k, lex) || p.tokens[k].key.ends_with("ing")) return inner;
    auto outer = subject_of(p, lo, k, lex);
    return outer.kind == SpeakerKind::name || outer.kind == SpeakerKind::pronoun ? outer : inner;
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
    // "..., to which O'Malley interjected: “…”", "Rubio fired back: “…”": a name,
    // one or two lower-case words and a colon introduce the quote, whatever the verb.
    if (open - 3 >= lo && is_punct(p.tokens[open - 1], ":"))
        for (int v = open - 2; v >= std::max(lo + 1, open - 3) && lower_word(p.tokens[v]) &&
                               !lex.not_names.count(p.tokens[v].key);
             --v)
            if (name_word(p.tokens[v - 1], lex)) {
                // The name opens its clause: not "an interview with The Spectator magazine:".
                auto r = run_ending_at(p, lo, v - 1, lex);
                const Token& prev = p.tokens[r && r->first > lo ? r->first - 1 : lo];
                if (r && r->kind == NameKind::person &&
                    (r->first == lo || prev.kind == TokenKind::punct || prev.key == "which" || prev.key == "and" ||
                     prev.key == "but" || prev.key == "then"))
                    return named(*r);
                break;
            }
    Attribution described, place;
    const int main_clause = std::max(main_clause_start(p, lo, open), joined_clause(p, lo, open, lex));
    for (const bool participles : {false, true}) {
        for (int k = open - 1; k >= main_clause; --k) {
            if (!is_verb_at(p, k, lex) || p.tokens[k].key.ends_with("ing") != participles) continue;
            // "Bush also attacked Trump, calling him a “loser”": after a comma a
            // participle's subject is the sentence's, not the nearest name.
            // An earlier quote that does not end the sentence ("visited NBC’s
            // “Today” to discuss ..., Hillary Clinton, saying “…”") does not
            // hide the sentence's subject.
            if (participles && k > lo && is_punct(p.tokens[k - 1], ",")) {
                auto subject = sentence_subject(p, std::min(lo, sentence_start(p, open)), open, lex);
                if (subject.kind != SpeakerKind::none) { subject.cue = true; return subject; }
            }
            // "Sanders was asked by host Bill Maher, “…”": a passive verb's agent speaks.
            if (passive_by(p, lo, k, open))
                if (auto agent = forward_speaker(p, k + 1, open, lex); agent.kind == SpeakerKind::name)
                    return agent;
            auto r = subject_of(p, lo, k, lex);
            if (r.kind == SpeakerKind::none) r = forward_speaker(p, k, open, lex);
            // "how the United States responds to ..., with Senator John McCain
            // telling reporters": a place speaks only when no one else does.
            if (r.kind == SpeakerKind::name && r.name.kind == NameKind::place) {
                if (place.kind == SpeakerKind::none) place = r;
                continue;
            }
            if (r.kind == SpeakerKind::name || r.kind == SpeakerKind::pronoun) return outer_source(p, lo, r, lex);
            if (described.kind == SpeakerKind::none) described = r;
        }
    }
    if (place.kind != SpeakerKind::none) return place;
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
    // "such as when Cruz knocked Rubio on trade and called him a “moderate”": a
    // verb after "and" shares the subject of the verb before it.
    if (subject.kind == SpeakerKind::none && described.coordinated)
        subject = conjunct_subject(p, lo, described.position, lex);
    if (described.kind == SpeakerKind::none) return subject;
    if (subject.kind == SpeakerKind::none) return described;
    subject.cue = true;  // a speech cue was there, its subject is the sentence's
    return subject;
}

// "Donald Trump's accusation that Clinton plays the “woman card”", "Sanders’
// fundraising email ... “…”": a speech noun (data/quotes/speech_nouns.txt) owned
// by a name, up to two words after it, makes the owner the speaker.
// With `content`, only a noun whose "that" clause holds the quote counts ("Trump’s
// claim that Obama “founded ISIS”", "Hain's description of him as an “attack
// mongrel”", not "denounced Trump’s remarks as “…”").
// `after`, when not -1, is the token after the closing mark: "Mitt Romney’s “47
// percent” comment" has its noun there.
Attribution possessive_speaker(const Paragraph& p, int lo, int open, const QuoteLexicon& lex,
                               bool content = false, int after = -1) {
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
            noun = lower_word(toks[k]) && lex.speech_nouns.count(toks[k].key) &&
                   (!content || (k + 1 < open && (toks[k + 1].key == "that" ||
                                                  (toks[k + 1].key == "of" &&
                                                   (toks[open - 1].key == "as" || toks[open - 2].key == "as")))));
        noun = noun || (i == open - 1 && after >= 0 && after < static_cast<int>(toks.size()) &&
                        lower_word(toks[after]) && lex.speech_nouns.count(toks[after].key));
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

// "After Scalia said that students might do better at “less advanced schools,”
// Trump said: …", "But even as Trump claimed that “…,” one of the prosecutors
// said": a quote closed on a comma inside a subordinate clause opening its
// sentence ends that clause; what follows is the main clause, not the quote's
// attribution.
bool ends_opening_clause(const Paragraph& p, const QuoteSpan& span) {
    static constexpr std::array<std::string_view, 12> subordinators = {
        "when", "after", "as", "if", "while", "although", "though", "because", "since", "once", "until", "before"};
    if (span.close < 0 || span.text_end <= span.text_begin || p.text[span.text_end - 1] != ',') return false;
    const int start = sentence_start(p, span.open);
    for (int k = start; k < std::min(start + 3, span.open); ++k) {
        if (p.tokens[k].kind != TokenKind::word || p.tokens[k].quote >= 0) return false;
        if (std::find(subordinators.begin(), subordinators.end(), p.tokens[k].key) == subordinators.end())
            continue;
        for (int j = k + 1; j < span.open; ++j)
            if (p.tokens[j].quote < 0 && (is_punct(p.tokens[j], ",") || is_dash(p.tokens[j]))) return false;
        return k + 1 < span.open;
    }
    return false;
}

}  // namespace

int quote_sentence(const Paragraph& p, int q) {
    int start = sentence_start(p, p.quotes[q].open);
    // "While Sullivan proclaims the piece “terrific,” Clinton fixates on the
    // “pivot” line": past an opening clause the main clause's subject speaks.
    for (int e = 0; e < q; ++e)
        if (p.quotes[e].open >= start && ends_opening_clause(p, p.quotes[e])) start = p.quotes[e].close + 1;
    return start;
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
        // "“Why now?” Mills then writes back, “You look cute.”": after a question
        // or an exclamation a clause running into the next quote introduces that one.
        const bool next_ones = (last == '?' || last == '!') && !own_sentence;
        if ((last != '.' || (hi - a <= 5 && own_sentence)) && !next_ones && !ends_opening_clause(p, span))
            after = after_quote(p, a, hi, continues, german, lex);
        if (after.kind == SpeakerKind::name || after.kind == SpeakerKind::pronoun) return after;
    }
    int lo = span.open - 1;
    while (lo >= 0 && p.tokens[lo].quote < 0 && !ends_sentence(p.tokens[lo])) --lo;
    auto before = before_quote(p, lo + 1, span.open, lex);
    // "Pence blamed the media for Trump’s claim that Obama “founded ISIS”": a
    // speech noun's owner outweighs a subject no speech verb ties to the quote.
    const int after_close = span.close >= 0 ? span.close + 1 : -1;
    if (before.kind == SpeakerKind::none) before = possessive_speaker(p, lo + 1, span.open, lex, false, after_close);
    else if (before.kind == SpeakerKind::name && !before.cue)
        if (auto owner = possessive_speaker(p, lo + 1, span.open, lex, true, after_close);
            owner.kind != SpeakerKind::none)
            before = owner;
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
    const int start = quote_sentence(p, q);
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
