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

    Affiliation out;
    if (const auto split = find_institution(p, s, e, lex)) {
        out.institution = text_of(p, split->inst_begin, split->inst_end);
        if (split->title_end < 0) {  // "the White House national security spokesman"
            const std::string title = text_of(p, split->inst_end, e);
            if (!title.empty()) out.title = title;
            return out;
        }
        e = split->title_end;
    }
    const std::string title = text_of(p, s, e);
    if (!title.empty()) out.title = title;
    return out;
}

}  // namespace newsdesk
