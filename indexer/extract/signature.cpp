#include "indexer/extract/signature.h"

namespace newsdesk {

namespace {

// A signature names a person and perhaps where they work, nothing more.
constexpr int kMaxWords = 8;

// "- Clinton.": a hyphen opens a signature line too.
bool dash(const Token& t) {
    return is_dash(t) || (t.kind == TokenKind::punct && t.text == "-");
}

// Lower-case words inside an organisation's name ("Democracy for America").
bool org_joiner(const Token& t) {
    return t.kind == TokenKind::word && !t.capitalised &&
           (t.key == "of" || t.key == "for" || t.key == "the" || t.key == "and");
}

}  // namespace

std::optional<NameRun> signature(const Paragraph& p, const QuoteLexicon& lex) {
    const auto& toks = p.tokens;
    int n = static_cast<int>(toks.size());
    // A closing mark left over from the quote above ("Institute.”") and the full stop.
    while (n > 0 && toks[n - 1].kind == TokenKind::mark && toks[n - 1].quote < 0) --n;
    if (n > 0 && toks[n - 1].text == ".") --n;
    for (int k = 0; k < n; ++k)
        if (toks[k].quote >= 0) return std::nullopt;
    int k = 0;
    const bool dashed = k < n && dash(toks[k]);
    if (dashed) ++k;
    const int first = k;
    while (k < n && name_word(toks[k], lex)) ++k;
    const int last = k - 1;
    if (last < first) return std::nullopt;
    if (k < n) {  // ", Economic Policy Institute"
        if (toks[k].text != "," || k + 1 >= n || !name_word(toks[k + 1], lex)) return std::nullopt;
        for (++k; k < n; ++k)
            if (!name_word(toks[k], lex) && !org_joiner(toks[k])) return std::nullopt;
    }
    if (n - (dashed ? 1 : 0) > kMaxWords + 1) return std::nullopt;
    // Without a dash the line must be "Name, Organisation": a bare name is a heading.
    if (!dashed && last == n - 1) return std::nullopt;
    auto run = clean_name(p, first, last, lex);
    if (!run || run->kind != NameKind::person) return std::nullopt;
    return run;
}

}  // namespace newsdesk
