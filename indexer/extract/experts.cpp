#include "indexer/extract/experts.h"

#include <array>

#include "indexer/extract/quote_tokens.h"

namespace newsdesk {

namespace {

// Appositives longer than this are clauses, not titles.
constexpr int kMaxAppositiveTokens = 30;

bool word_is(const Token& t, std::string_view w) {
    return t.kind == TokenKind::word && !t.capitalised && t.key == w;
}

bool any_of(const Token& t, std::initializer_list<std::string_view> words) {
    for (auto w : words)
        if (word_is(t, w)) return true;
    return false;
}

// End (exclusive) of an institution name starting at capitalised token s:
// capitalised words joined by "for", "of", "and", "&", "on", "the".
int org_run_end(const Paragraph& p, int s) {
    const int n = static_cast<int>(p.tokens.size());
    int e = s;
    while (e < n) {
        const Token& t = p.tokens[e];
        if (t.kind == TokenKind::word && t.capitalised) { ++e; continue; }
        const bool connector = any_of(t, {"for", "of", "and", "on", "the", "de"}) || t.text == "&";
        if (connector && e + 1 < n && p.tokens[e + 1].kind == TokenKind::word &&
            (p.tokens[e + 1].capitalised || word_is(p.tokens[e + 1], "the")))
            ++e;
        else
            break;
    }
    while (e > s && !p.tokens[e - 1].capitalised) --e;  // no trailing connector
    return e;
}

bool has_org_word(const Paragraph& p, int s, int e, const QuoteLexicon& lex) {
    for (int i = s; i < e; ++i)
        if (lex.organisation_words.count(p.tokens[i].key)) return true;
    return false;
}

std::string text_of(const Paragraph& p, int s, int e) {
    if (s >= e) return {};
    return std::string(p.text.substr(p.tokens[s].begin, p.tokens[e - 1].end - p.tokens[s].begin));
}

// First token after "a", "the", "now", "who was" and the like.
int skip_lead(const Paragraph& p, int s, int e) {
    while (s < e && any_of(p.tokens[s], {"a", "an", "the", "now", "currently", "who", "is", "was",
                                         "has", "had", "been", "serves", "served", "as", "heads",
                                         "leads"}))
        ++s;
    return s;
}

struct Split {
    int title_end;    // title is [s, title_end)
    int inst_begin;   // institution is [inst_begin, inst_end)
    int inst_end;
};

// The institution: after the last "at", else after "of"/"for"/"with" when it
// names an organisation, else an organisation opening the appositive.
std::optional<Split> find_institution(const Paragraph& p, int s, int e, const QuoteLexicon& lex) {
    for (int i = e - 1; i > s; --i) {
        if (!word_is(p.tokens[i], "at")) continue;
        int k = i + 1 < e && word_is(p.tokens[i + 1], "the") ? i + 2 : i + 1;
        if (k < e && p.tokens[k].capitalised) return Split{i, k, std::min(e, org_run_end(p, k))};
    }
    for (int i = e - 1; i > s; --i) {
        if (!any_of(p.tokens[i], {"of", "for", "with", "in"})) continue;
        int k = i + 1 < e && word_is(p.tokens[i + 1], "the") ? i + 2 : i + 1;
        if (k >= e || !p.tokens[k].capitalised) continue;
        const int end = std::min(e, org_run_end(p, k));
        if (has_org_word(p, k, end, lex)) return Split{i, k, end};
    }
    if (s < e && p.tokens[s].capitalised) {
        const int end = std::min(e, org_run_end(p, s));
        if (end < e && has_org_word(p, s, end, lex)) return Split{-1, s, end};
    }
    return std::nullopt;
}

// "spokesman", "Senior Staff Attorney", "marine ecologist", "Director-General".
bool role_word(const Token& t, const QuoteLexicon& lex) {
    if (t.kind != TokenKind::word) return false;
    const std::string& k = t.key;
    const std::string last = k.substr(k.rfind('-') == std::string::npos ? 0 : k.rfind('-') + 1);
    for (const auto& w : {k, last})
        if (lex.role_words.count(w) || lex.title_words.count(w) || (w.size() > 5 && w.ends_with("ist")))
            return true;
    return false;
}

// Where the appositive stops being about who the person is: a relative or
// subordinate clause, a pronoun, a verb of saying, an opening bracket, or a
// participle after the first word ("Toronto lawyer representing Spanton").
int clause_cut(const Paragraph& p, int s, int e, const QuoteLexicon& lex) {
    for (int i = s; i < e; ++i) {
        const Token& t = p.tokens[i];
        if (t.kind != TokenKind::word) {
            if (t.text == "(" || t.text == "[") return i;
            continue;
        }
        if (t.capitalised) continue;
        if (any_of(t, {"who", "which", "that", "whose", "when", "where", "while", "because", "if", "after", "before",
                     "since", "until"}) ||
            lex.pronouns.count(t.key) || lex.is_speech_verb(t.key))
            return i;
        if (i > s && t.key.size() > 5 && t.key.ends_with("ing") && !role_word(t, lex)) return i;
        // "member of the Commons intelligence committee and was part of the Butler
        // inquiry": "and" before a finite verb opens a second clause about the
        // person. (Elsewhere the verb's subject stands before it, and where that
        // begins is not known: "analyst at Informa Media believes the time is ...".)
        if (i > s && word_is(t, "and") && i + 1 < e &&
            any_of(p.tokens[i + 1], {"is", "was", "are", "were", "has", "had", "have", "will", "would"}))
            return i;
    }
    return e;
}

// A title is a role: the words before its first preposition end in a role
// word ("senior vice president", "fire service spokesman", "commissioner
// responsible"). "saying that jobs are ...", "in remarks to ABC", "viewing the
// president as ...", "and Sadiq Khan" and "his wife and the current chairwoman"
// (a relation to someone) are not.
bool is_title(const Paragraph& p, int s, int e, const QuoteLexicon& lex) {
    if (s >= e) return false;
    const Token& first = p.tokens[s];
    if (any_of(first, {"and", "but", "or", "in", "on", "at", "during", "for", "to", "with", "from", "as", "by",
                       "after", "before", "since", "so", "it", "this", "these", "those", "there", "also",
                       "only", "then", "later", "not", "of", "his", "her", "their", "its"}))
        return false;
    // "acting Prime Minister", "managing director": a participle opens a title only before a role.
    if (first.kind == TokenKind::word && !first.capitalised && first.key.ends_with("ing") && !role_word(first, lex) &&
        !(s + 1 < e && (p.tokens[s + 1].capitalised || role_word(p.tokens[s + 1], lex))))
        return false;
    int head_end = e;
    for (int i = s + 1; i < e; ++i)
        if (any_of(p.tokens[i], {"of", "for", "at", "in", "to", "from", "on", "with", "as", "by"})) {
            head_end = i;
            break;
        }
    int last = head_end - 1;
    while (last > s && (p.tokens[last].kind != TokenKind::word ||
                        any_of(p.tokens[last], {"responsible", "emeritus", "elect", "designate"})))
        --last;
    return role_word(p.tokens[last], lex);
}

}  // namespace

Affiliation parse_appositive(std::string_view appositive, const QuoteLexicon& lex) {
    const Paragraph p = analyse_paragraph(appositive, lex);
    int e = static_cast<int>(p.tokens.size());
    while (e > 0 && p.tokens[e - 1].kind != TokenKind::word) --e;
    // "who stepped down from ..." is a clause about the person, not a title.
    if (e > 1 && (word_is(p.tokens[0], "who") || word_is(p.tokens[0], "which")) &&
        !any_of(p.tokens[1], {"is", "was", "has", "had", "serves", "served", "now", "heads", "leads"}))
        return {};
    int s = skip_lead(p, 0, e);
    if (s >= e || e > kMaxAppositiveTokens || !p.quotes.empty()) return {};
    bool lower = false;
    for (int i = s; i < e; ++i) lower = lower || (p.tokens[i].kind == TokenKind::word && !p.tokens[i].capitalised);
    if (!lower) return {};  // "Russia, North Korea and Iran": a list, not a title
    e = clause_cut(p, s, e, lex);
    while (e > s && p.tokens[e - 1].kind != TokenKind::word) --e;

    Affiliation out;
    // "of the World Health Organization (WHO)", "at Loyola Law School": the institution alone.
    if (s + 1 < e && any_of(p.tokens[s], {"of", "at", "from", "with"})) {
        const int k = word_is(p.tokens[s + 1], "the") ? s + 2 : s + 1;
        if (k < e && p.tokens[k].capitalised) {
            const int end = std::min(e, org_run_end(p, k));
            if (end == e || has_org_word(p, k, end, lex)) out.institution = text_of(p, k, end);
        }
        return out;
    }
    if (const auto split = find_institution(p, s, e, lex)) {
        const int title_begin = split->title_end < 0 ? split->inst_end : s;
        const int title_end = split->title_end < 0 ? e : split->title_end;
        // "the White House national security spokesman": the title after the institution.
        if (title_begin < title_end && !is_title(p, title_begin, title_end, lex)) return {};
        out.institution = text_of(p, split->inst_begin, split->inst_end);
        if (title_begin < title_end) out.title = text_of(p, title_begin, title_end);
        return out;
    }
    if (is_title(p, s, e, lex)) out.title = text_of(p, s, e);
    return out;
}

}  // namespace newsdesk
