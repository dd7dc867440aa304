// Who said a quote: the attribution patterns around a quotation in its
// sentence ("X said", "said X, <title>", "X told reporters", "according to X",
// "X: “…”", "“…,” he said"), and the names they point to. Works on one
// analysed paragraph; resolving pronouns and surnames across the article is
// the caller's job (quotes.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/extract/quote_lexicon.h"
#include "indexer/extract/quote_tokens.h"

namespace newsdesk {

enum class NameKind { person, organisation, place };

// A capitalised run of tokens cleaned to a name: honorifics and leading
// titles dropped ("House Speaker Paul Ryan" -> "Paul Ryan").
struct NameRun {
    int first = 0;  // token range of the cleaned name
    int last = 0;
    std::string name;
    int words = 0;
    Gender gender = 'x';  // from an honorific
    NameKind kind = NameKind::person;
};

enum class SpeakerKind { none, name, pronoun, description };

struct Attribution {
    SpeakerKind kind = SpeakerKind::none;
    NameRun name;              // kind == name
    std::string pronoun;       // kind == pronoun: "he"
    int position = -1;         // token index of the speaker (ordering, pronoun look-back)
    bool cue = true;           // false: only the sentence's subject, no speech verb or colon
    bool coordinated = false;  // "... and tells the crowd": the subject is an earlier clause's
    // kind == description: a party's member the article does not name ("said a
    // New Hampshire Democrat" -> "New Hampshire Democrat"), else empty.
    std::string member;
    // Byte range of an appositive next to the name ("Victor Cha, <senior ...>,").
    std::size_t appos_begin = 0, appos_end = 0;
};

// Attribution found in the sentence around quote `q` of `p`, or kind none.
[[nodiscard]] Attribution attribute_quote(const Paragraph& p, int q, const QuoteLexicon& lex);

// Who a paragraph ending in a colon introduces ("Breitbart News responded:",
// "Stated Stone:") for the quote of the next paragraph, or kind none.
[[nodiscard]] Attribution introduction(const Paragraph& p, const QuoteLexicon& lex);

// The person the paragraph's last sentence opens with ("Clinton touted her
// credentials as a co-sponsor."), or kind none: who a quote opening the next
// paragraph with no attribution of its own continues.
[[nodiscard]] Attribution closing_subject(const Paragraph& p, const QuoteLexicon& lex);

// The subject of the speech verb at token `verb` (outside quotes), searching
// no further left than token `lo`.
[[nodiscard]] Attribution subject_of(const Paragraph& p, int lo, int verb, const QuoteLexicon& lex);

// The person who opens the sentence holding the pronoun at token `pronoun`, when
// the pronoun comes after them ("Clinton said that she called Sanders ... what
// she called “…”"), or kind none: the antecedent the sentence itself gives.
[[nodiscard]] Attribution pronoun_subject(const Paragraph& p, int pronoun, const QuoteLexicon& lex);

// First token of the sentence holding the opening mark of quote `q` of `p` (a
// quote before it ends the sentence only when its own text does), or of its main
// clause when an earlier quote closed the clause opening the sentence ("While X
// said “…,” Y ...").
[[nodiscard]] int quote_sentence(const Paragraph& p, int q);

// Cleans tokens [first, last] (a capitalised run) into a name; nullopt when
// nothing name-like is left or the run is a possessive ("Trump’s").
[[nodiscard]] std::optional<NameRun> clean_name(const Paragraph& p, int first, int last,
                                               const QuoteLexicon& lex);

// Maximal capitalised runs outside quotes, cleaned; in token order.
[[nodiscard]] std::vector<NameRun> name_runs(const Paragraph& p, const QuoteLexicon& lex);

// True when token i is a word that can be part of a name.
[[nodiscard]] bool name_word(const Token& t, const QuoteLexicon& lex);

}  // namespace newsdesk
