// The pieces the speaker files share (speakers.cpp, speaker_names.cpp,
// speaker_subject.cpp, speaker_forward.cpp, speaker_described.cpp): token
// predicates and the attribution patterns each file decides. Internal to those
// files; the rest of the indexer uses speakers.h.
#pragma once

#include <optional>
#include <string>

#include "indexer/extract/speakers.h"

namespace newsdesk::speakers_internal {

// --- token predicates and small constructors ---------------------------------

inline bool is_punct(const Token& t, std::string_view s) {
    return t.kind == TokenKind::punct && t.text == s;
}

// A lower-case word outside quotes ("said", "the", "former").
inline bool lower_word(const Token& t) {
    return t.kind == TokenKind::word && !t.capitalised && t.quote < 0;
}

inline bool is_verb_at(const Paragraph& p, int k, const QuoteLexicon& lex) {
    return lower_word(p.tokens[k]) && lex.is_speech_verb(p.tokens[k].key);
}

inline Attribution pronoun_at(const std::string& pronoun, int position) {
    Attribution a;
    a.kind = SpeakerKind::pronoun;
    a.pronoun = pronoun;
    a.position = position;
    return a;
}

inline Attribution named(const NameRun& run) {
    Attribution a;
    a.kind = SpeakerKind::name;
    a.name = run;
    a.position = run.first;
    return a;
}

inline void set_appositive(const Paragraph& p, Attribution& a, int first, int last) {
    if (first > last) return;
    a.appos_begin = p.tokens[first].begin;
    a.appos_end = p.tokens[last].end;
}

// --- speaker_names.cpp: which tokens make a name -----------------------------

// "secretary of state", "Director of National Intelligence", "Ambassador to the
// United Nations": token `k` is an "of" or a "to" after a title word, with a
// word before `hi` after it.
inline bool title_of(const Paragraph& p, int k, int hi, const QuoteLexicon& lex) {
    return k > 0 && k + 1 < hi && lower_word(p.tokens[k]) && (p.tokens[k].key == "of" || p.tokens[k].key == "to") &&
           p.tokens[k - 1].kind == TokenKind::word && lex.title_words.count(p.tokens[k - 1].key) &&
           p.tokens[k + 1].kind == TokenKind::word && p.tokens[k + 1].quote < 0;
}

// Lower-case particles inside personal names ("Charles de Gaulle").
bool name_particle(const Token& t);
// Name run ending at token `last`, no further left than `lo`.
std::optional<NameRun> run_ending_at(const Paragraph& p, int lo, int last, const QuoteLexicon& lex);
// "प्रधानमंत्री नरेंद्र मोदी ने": up to four caseless words before token `marker`.
std::optional<NameRun> caseless_run_before(const Paragraph& p, int lo, int marker, const QuoteLexicon& lex);

// --- speaker_described.cpp: speakers described, not named --------------------

// A description at token `position` ("the official said"): no name.
Attribution described(int position);
// "a New Hampshire Democrat": a party's member the article does not name.
Attribution described_member(std::string member, int position);
// The description ending at token `last` when its head is a party's member.
std::optional<std::string> party_member(const Paragraph& p, int lo, int last, const QuoteLexicon& lex);

// --- speaker_subject.cpp: the subject of a clause ----------------------------

// First token of the sentence holding token `open`.
int sentence_start(const Paragraph& p, int open);
// The person a sentence [lo, open) opens with, past an introductory phrase.
Attribution sentence_subject(const Paragraph& p, int lo, int open, const QuoteLexicon& lex);
// The conjunction opening the last clause of [lo, open) joined by a comma, a
// conjunction and a name (", while Huckabee proposed"), else `lo`.
int joined_clause(const Paragraph& p, int lo, int open, const QuoteLexicon& lex);
// The subject of the clause before the conjunction at token `conjunction`: the
// nearest name in [lo, conjunction) a verb follows that is no preposition's object.
Attribution conjunct_subject(const Paragraph& p, int lo, int conjunction, const QuoteLexicon& lex);
// The first token of a sentence's main clause after an opening subordinate one, else `lo`.
int main_clause_start(const Paragraph& p, int lo, int open);

// --- speaker_forward.cpp: speakers after a verb or after the quote -----------

// Words after which a name following "said" has ended ("said Cha in a statement").
bool ends_forward_name(const Token& t);
// Speaker after the verb at token `verb` ("said Victor Cha, senior vice president ...").
Attribution forward_speaker(const Paragraph& p, int verb, int hi, const QuoteLexicon& lex);
// "according to X", "selon X", Hindi "X के मुताबिक" anywhere in [lo, hi).
std::optional<Attribution> according_to(const Paragraph& p, int lo, int hi, const QuoteLexicon& lex);
// Attribution after a closing mark at tokens [a, hi): "“…,” he said", "“…,” said X".
Attribution after_quote(const Paragraph& p, int a, int hi, bool comma, bool german, const QuoteLexicon& lex);

}  // namespace newsdesk::speakers_internal
