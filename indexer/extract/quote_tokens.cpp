#include "indexer/extract/quote_tokens.h"

#include "common/text.h"

namespace newsdesk {

namespace {

bool is_mark_cp(char32_t c) {
    switch (c) {
        case U'“': case U'”': case U'„': case U'‟': case U'«': case U'»': case U'‹':
        case U'›': case U'「': case U'」': case U'『': case U'』': case U'"': case U'‘':
        case U'’': case U'\'': case U'‚':
            return true;
        default:
            return false;
    }
}

bool is_space_cp(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000 || c == 0xFEFF;
}

// Letters and digits of any script: everything that is not ASCII punctuation,
// a space, a mark, or in the general / CJK punctuation blocks.
bool is_word_cp(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (is_space_cp(c) || is_mark_cp(c)) return false;
    if (c >= 0x2000 && c <= 0x206F) return false;  // dashes, ellipsis, bullets
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    if (c >= 0xFF00 && c <= 0xFF0F) return false;
    if (c >= 0xFF1A && c <= 0xFF1F) return false;  // full-width ：；＜＝＞？
    if (c == 0x0964 || c == 0x0965) return false;  // Devanagari danda ।, double danda ॥
    if (c == 0x060C || c == 0x061B || c == 0x061F || c == 0x06D4) return false;  // Arabic ، ؛ ؟ ۔
    return c != 0xA1 && c != 0xBF && c != 0xB7 && c != 0xA7;
}

bool is_upper_cp(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;
    return (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

char32_t peek(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return 0;
    return next_code_point(s, pos);
}

// The lower-case letters of the word starting at byte `pos` ("but" for "But the").
std::string next_word_key(std::string_view s, std::size_t pos) {
    std::size_t end = pos;
    while (end < s.size()) {
        std::size_t after = end;
        if (!is_word_cp(next_code_point(s, after))) break;
        end = after;
    }
    return ascii_lower(s.substr(pos, end - pos));
}

// Scans one word from `pos`; a period joins the word in "U.S.", initials and
// known abbreviations ("Mr."), where it does not end a sentence.
std::size_t scan_word(std::string_view s, std::size_t pos, const QuoteLexicon& lex) {
    bool has_dot = false;
    while (pos < s.size()) {
        std::size_t next = pos;
        const char32_t c = next_code_point(s, next);
        if (is_word_cp(c)) { pos = next; continue; }
        const char32_t after = peek(s, next);
        if ((c == '-' || c == U'’' || c == '\'' || c == '&') && is_word_cp(after)) {
            pos = next;
            continue;
        }
        if (c == '.') {
            // "U.S.", "1.6": a period inside a word or a number.
            if (is_word_cp(after) && after < 0x80) {
                has_dot = true;
                pos = next;
                continue;
            }
            // "Sen. Bernie Sanders (I-Vt.) called": a period closing a bracket abbreviates,
            // as does one of a party and state tag ("Mitch McConnell, R-Ky., said").
            const bool party_state = pos >= 3 && (s[0] == 'R' || s[0] == 'D' || s[0] == 'I') && s[1] == '-' &&
                                     s[2] >= 'A' && s[2] <= 'Z';
            // "Harry M. Reid", "Maya D. Song": a capital letter alone before a
            // capitalised word that can be a name is a middle initial; not "World
            // War I. But ...".
            const bool initial = pos == 1 && s[0] >= 'A' && s[0] <= 'Z' && after == ' ' &&
                                 is_upper_cp(peek(s, next + 1)) && !lex.not_names.count(next_word_key(s, next + 1));
            return has_dot || after == ')' || party_state || initial ||
                           lex.abbreviations.count(ascii_lower(s.substr(0, pos)))
                       ? next
                       : pos;
        }
        return pos;
    }
    return pos;
}

void tokenise(Paragraph& p, const QuoteLexicon& lex) {
    const std::string_view s = p.text;
    for (std::size_t pos = 0; pos < s.size();) {
        std::size_t next = pos;
        const char32_t c = next_code_point(s, next);
        if (is_space_cp(c)) { pos = next; continue; }
        Token t;
        t.begin = pos;
        if (is_word_cp(c)) {
            // scan_word decides on abbreviations from the word itself.
            const auto word_end = scan_word(s.substr(pos), 0, lex);
            t.end = pos + word_end;
            t.kind = TokenKind::word;
            t.capitalised = is_upper_cp(c);
            std::string_view w = s.substr(pos, word_end);
            if (w.ends_with('.')) w.remove_suffix(1);
            t.key = ascii_lower(w);
        } else {
            t.end = next;
            t.kind = is_mark_cp(c) ? TokenKind::mark : TokenKind::punct;
        }
        t.text = s.substr(t.begin, t.end - t.begin);
        pos = t.end;
        p.tokens.push_back(std::move(t));
    }
}

char32_t mark_of(const Token& t) {
    std::size_t pos = 0;
    return next_code_point(t.text, pos);
}

bool word_before(const Paragraph& p, int i) {
    return i > 0 && p.tokens[i - 1].kind == TokenKind::word && p.tokens[i - 1].end == p.tokens[i].begin;
}

bool word_after(const Paragraph& p, int i) {
    return i + 1 < static_cast<int>(p.tokens.size()) && p.tokens[i + 1].kind != TokenKind::mark &&
           p.tokens[i + 1].begin == p.tokens[i].end;
}

bool touches_before(const Paragraph& p, int i) {
    return i > 0 && p.tokens[i - 1].end == p.tokens[i].begin;
}

// Whether mark `c` at token i may open a top-level quote. German also quotes
// »so« and ›so‹ (the French marks reversed, touching the words inside), and
// ‚so‘ inside „…“.
bool opens(const Paragraph& p, int i, char32_t c) {
    switch (c) {
        case U'“': case U'„': case U'«': case U'‹': case U'「': case U'『': case U'"':
            return true;
        case U'»': case U'›': case U'‚':
            return !word_before(p, i) && word_after(p, i);
        case U'‘':
            return !word_before(p, i) && word_after(p, i);  // not a possessive apostrophe
        default:
            return false;
    }
}

bool closes(char32_t opener, char32_t c) {
    switch (opener) {
        case U'“': return c == U'”' || c == U'"';
        case U'„': return c == U'“' || c == U'”';
        case U'«': return c == U'»';
        case U'‹': return c == U'›';
        case U'»': return c == U'«' || c == U'»';  // German »…«, Swedish and Finnish »…»
        case U'›': return c == U'‹';
        case U'‚': return c == U'‘' || c == U'’';
        case U'「': return c == U'」';
        case U'『': return c == U'』';
        case U'"': return c == U'"' || c == U'”';  // texts that mix straight and curly marks
        case U'‘': return c == U'’';
        case U'\'': return c == U'\'';
        default: return false;
    }
}

void add_span(Paragraph& p, int open, int close) {
    QuoteSpan q{open, close, p.tokens[open].end,
                close >= 0 ? p.tokens[close].begin : p.text.size()};
    // French « … » keeps a (no-break, often narrow) space inside each mark.
    for (std::size_t next = q.text_begin; q.text_begin < q.text_end; q.text_begin = next) {
        next = q.text_begin;
        if (!is_space_cp(next_code_point(p.text, next))) break;
    }
    while (q.text_end > q.text_begin) {
        std::size_t start = q.text_end - 1;
        while (start > q.text_begin && (static_cast<unsigned char>(p.text[start]) & 0xC0) == 0x80)
            --start;
        std::size_t next = start;
        if (!is_space_cp(next_code_point(p.text, next))) break;
        q.text_end = start;
    }
    if (q.text_begin >= q.text_end) return;
    const int last = close >= 0 ? close : static_cast<int>(p.tokens.size()) - 1;
    for (int i = open; i <= last; ++i) p.tokens[i].quote = static_cast<int>(p.quotes.size());
    p.quotes.push_back(q);
}

void find_quotes(Paragraph& p) {
    int open = -1, depth = 0;
    char32_t opener = 0;
    for (int i = 0; i < static_cast<int>(p.tokens.size()); ++i) {
        if (p.tokens[i].kind != TokenKind::mark) continue;
        const char32_t c = mark_of(p.tokens[i]);
        if (open < 0) {
            if (opens(p, i, c)) { open = i; opener = c; depth = 0; }
        } else if (opener == U'"' && c == U'"' && !touches_before(p, i) && word_after(p, i)) {
            // `potential. "It is` opens a new quote: the open one was never closed.
            add_span(p, open, i);
            open = i;
        } else if (opener == U'“' && c == U'“' && depth == 0 && touches_before(p, i) && !word_after(p, i)) {
            // `review“ of Flint’s`, `here,“ said Clyburn`: an opening mark typed for the
            // closing one, touching the word before it and not the one after.
            add_span(p, open, i);
            open = -1;
        } else if (closes(opener, c) && (opener != U'‘' || !word_after(p, i))) {
            if (depth == 0) { add_span(p, open, i); open = -1; }
            else --depth;
        } else if (c == opener && opener != U'"' && opener != U'\'') {
            ++depth;  // the same mark nested inside: its closer is not ours
        }
    }
    if (open >= 0) add_span(p, open, -1);
}

}  // namespace

bool ends_sentence(const Token& t) {
    return t.kind == TokenKind::punct && t.quote < 0 &&
           (t.text == "." || t.text == "!" || t.text == "?" || t.text == "\u0964" ||
            t.text == "\u3002" || t.text == "\uFF01" || t.text == "\uFF1F" || t.text == "\u061F");
}

bool is_dash(const Token& t) {
    return t.kind == TokenKind::punct && (t.text == "—" || t.text == "–" || t.text == "―");
}

Paragraph analyse_paragraph(std::string_view text, const QuoteLexicon& lex) {
    Paragraph p;
    p.text = text;
    p.tokens.reserve(text.size() / 5 + 4);
    tokenise(p, lex);
    find_quotes(p);
    return p;
}

}  // namespace newsdesk
