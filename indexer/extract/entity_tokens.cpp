#include "indexer/extract/entity_tokens.h"

#include "common/text.h"

namespace newsdesk::entities {

namespace {

bool is_upper_cp(char32_t cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
           (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) || (cp >= 0x391 && cp <= 0x3A9) ||
           (cp >= 0x410 && cp <= 0x42F);
}

bool is_lower_cp(char32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
           (cp >= 0x100 && cp <= 0x17F && cp % 2 == 1) || (cp >= 0x3B1 && cp <= 0x3C9) ||
           (cp >= 0x430 && cp <= 0x44F);
}

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == 0xA0 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000;
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

char32_t peek(std::string_view text, std::size_t pos) {
    return pos < text.size() ? next_code_point(text, pos) : 0;
}

// Classifies the word [begin, end) and fills the letter-case flags.
void describe(Token& token) {
    int letters = 0, uppers = 0;
    bool first = true;
    // "GMTV's" is still an acronym: the possessive does not count.
    auto text = token.text;
    if (text.ends_with("'s")) text.remove_suffix(2);
    else if (text.ends_with("\xE2\x80\x99s")) text.remove_suffix(4);
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        if (cp >= '0' && cp <= '9') token.digit = true;
        if (!is_upper_cp(cp) && !is_lower_cp(cp)) continue;
        ++letters;
        if (is_upper_cp(cp)) ++uppers;
        if (first) token.capitalised = is_upper_cp(cp), first = false;
    }
    token.upper = letters >= 2 && uppers == letters;
}

// A sentence ends at . ! ? and at a colon or bullet; quotes and brackets in
// between do not matter.
bool ends_sentence(const std::vector<Token>& tokens,
                   const std::unordered_set<std::string>& abbreviations) {
    for (std::size_t i = tokens.size(); i-- > 0;) {
        const auto& t = tokens[i];
        if (t.word) return false;
        const auto s = t.text;
        if (s == "." ) {
            if (i == 0 || !tokens[i - 1].word) return true;
            return !abbreviations.count(ascii_lower(tokens[i - 1].text));
        }
        if (s == "!" || s == "?" || s == ":" || s == "|" || s == "\xE2\x80\xA2") return true;
        if (s != "\"" && s != "'" && s != "(" && s != "\xE2\x80\x9C" && s != "\xE2\x80\x9D" &&
            s != "\xE2\x80\x98" && s != "\xE2\x80\x99")
            return false;
    }
    return true;  // start of the text
}

}  // namespace

bool is_word_cp(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
    if (cp < 0xC0) return false;  // Latin-1 punctuation, NBSP
    if (cp == 0xD7 || cp == 0xF7) return false;
    // Danda and double danda (Devanagari full stops); Arabic comma, semicolon,
    // question mark and full stop; fullwidth colon to question mark.
    if (cp == 0x964 || cp == 0x965 || cp == 0x60C || cp == 0x61B || cp == 0x61F || cp == 0x6D4) return false;
    if (cp >= 0xFF1A && cp <= 0xFF1F) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    if (cp == 0xFEFF || (cp >= 0xFF00 && cp <= 0xFF0F)) return false;
    return true;
}

std::vector<Token> tokenize(std::string_view text,
                            const std::unordered_set<std::string>& abbreviations) {
    std::vector<Token> tokens;
    bool pending_hyphen = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t begin = pos;
        const char32_t cp = next_code_point(text, pos);
        if (is_space(cp)) { pending_hyphen = false; continue; }
        Token token;
        token.begin = begin;
        if (is_word_cp(cp)) {
            // A single letter keeps its period, so initials ("J.") and dotted
            // abbreviations ("U.S.", "U.N.") stay one word.
            std::size_t segment = begin;
            for (;;) {
                for (;;) {
                    std::size_t next = pos;
                    const char32_t c = peek(text, pos);
                    if (is_word_cp(c)) { (void)next_code_point(text, next); pos = next; continue; }
                    if (!is_apostrophe(c)) break;
                    (void)next_code_point(text, next);
                    if (!is_word_cp(peek(text, next))) break;
                    pos = next;
                }
                if (peek(text, pos) != '.' || utf8_length(text.substr(segment, pos - segment)) != 1) break;
                ++pos;
                if (!is_word_cp(peek(text, pos))) break;
                segment = pos;
            }
            token.word = true;
        }
        token.end = pos;
        token.text = text.substr(begin, pos - begin);
        if (token.word) {
            describe(token);
            token.hyphen_before = pending_hyphen;
            token.sentence_start = ends_sentence(tokens, abbreviations);
            pending_hyphen = false;
        } else {
            pending_hyphen = (cp == '-' || cp == 0x2010) && !tokens.empty() && tokens.back().word;
        }
        tokens.push_back(token);
    }
    return tokens;
}

bool is_shouting(std::string_view text) {
    int letters = 0, uppers = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        if (is_upper_cp(cp)) ++letters, ++uppers;
        else if (is_lower_cp(cp)) ++letters;
    }
    return letters >= 4 && uppers * 10 >= letters * 6;
}

}  // namespace newsdesk::entities
