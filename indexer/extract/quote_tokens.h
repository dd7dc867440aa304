// One paragraph cut into word and punctuation tokens, with the direct
// quotations in it found from their marks: “…”, "…", ‘…’, «…», „…“, »…«, 「…」, 『…』,
// ‹…›, ‚…‘.
// Quote detection works on tokens so that apostrophes inside words ("don’t")
// are never taken for closing marks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/quote_lexicon.h"

namespace newsdesk {

enum class TokenKind { word, punct, mark };

struct Token {
    std::string_view text;   // view into the paragraph
    std::size_t begin = 0;   // byte offsets in the paragraph
    std::size_t end = 0;
    TokenKind kind = TokenKind::word;
    bool capitalised = false;
    std::string key;         // words: lower case, final period dropped
    int quote = -1;          // index of the quote holding this token (marks included)
};

// A top-level quotation: tokens [open, close]; close == -1 when the paragraph
// ends before the closing mark (the quote continues in the next paragraph).
struct QuoteSpan {
    int open = 0;
    int close = -1;
    std::size_t text_begin = 0;  // bytes of the quoted text, marks excluded, trimmed
    std::size_t text_end = 0;
};

struct Paragraph {
    std::string_view text;
    std::vector<Token> tokens;
    std::vector<QuoteSpan> quotes;
};

// Tokenises `text` (no copies: tokens view it, so it must outlive the result)
// and finds its quotes. Inner quotes (‘…’ inside “…”) stay part of the outer one.
[[nodiscard]] Paragraph analyse_paragraph(std::string_view text, const QuoteLexicon& lex);

// True for ". ! ?" tokens outside quotes: sentence ends.
[[nodiscard]] bool ends_sentence(const Token& t);
// An em or en dash, or "―" (U+2015, the horizontal bar), which some outlets'
// copy uses for one. Not a hyphen.
[[nodiscard]] bool is_dash(const Token& t);

}  // namespace newsdesk
