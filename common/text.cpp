#include "common/text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace newsdesk {

namespace {

// Windows-1252 0x80..0x9F; 0 where the code page leaves a byte undefined
// (those are read as the Latin-1 C1 control of the same value).
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t cp1252(unsigned char byte) {
    if (byte >= 0x80 && byte < 0xA0 && kCp1252High[byte - 0x80] != 0) return kCp1252High[byte - 0x80];
    return byte;
}

// Length of the valid UTF-8 sequence starting at `pos`, or 0 if malformed.
std::size_t valid_sequence_length(std::string_view s, std::size_t pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) return 1;
    std::size_t len;
    char32_t min;
    if ((b0 & 0xE0) == 0xC0) { len = 2; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
    else return 0;
    if (pos + len > s.size()) return 0;
    char32_t cp = b0 & (0x7F >> len);
    for (std::size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Bytes from `pos` up to the first one outside ASCII (or the end), eight at a
// time: most text is ASCII, and a byte-at-a-time loop was a tenth of decoding it.
std::size_t ascii_run_end(std::string_view s, std::size_t pos) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
    for (std::uint64_t word; pos + 8 <= s.size(); pos += 8) {
        std::memcpy(&word, s.data() + pos, 8);
        if (word & kHighBits) break;
    }
    while (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) ++pos;
    return pos;
}

}  // namespace

bool is_collapsible_space(char32_t cp) {
    switch (cp) {
        case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
        case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
        case 0x205F: case 0x3000: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool is_valid_utf8(std::string_view bytes) {
    for (std::size_t pos = 0; pos < bytes.size();) {
        pos = ascii_run_end(bytes, pos);
        if (pos == bytes.size()) break;
        const auto len = valid_sequence_length(bytes, pos);
        if (len == 0) return false;
        pos += len;
    }
    return true;
}

std::string cp1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char b : bytes) append_utf8(out, cp1252(b));
    return out;
}

std::string to_utf8(std::string_view bytes) {
    if (is_valid_utf8(bytes)) return std::string(bytes);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (std::size_t pos = 0; pos < bytes.size();) {
        const auto len = valid_sequence_length(bytes, pos);
        if (len == 0) {
            append_utf8(out, cp1252(static_cast<unsigned char>(bytes[pos])));
            ++pos;
        } else {
            out.append(bytes.substr(pos, len));
            pos += len;
        }
    }
    return out;
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
    if (const auto b = static_cast<unsigned char>(text[pos]); b < 0x80) {
        ++pos;
        return b;
    }
    const auto len = valid_sequence_length(text, pos);
    if (len == 0) {
        ++pos;
        return 0xFFFD;
    }
    const auto b0 = static_cast<unsigned char>(text[pos]);
    char32_t cp = len == 1 ? b0 : (b0 & (0x7F >> len));
    for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    pos += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

// The length of the longest prefix of text[from, ...), a multiple of eight
// bytes, whose every byte is visible ASCII or a single space before one (what
// collapse_whitespace copies as it is), told eight bytes at a time. A byte below
// 0x0E (control characters, \t to \r among them) or above 0x7F ends it, as does
// a space not followed by a byte the prefix may hold: the byte loop reads those.
std::size_t plain_ascii_prefix(std::string_view text, std::size_t from) {
    static_assert(std::endian::native == std::endian::little, "the masks below read bytes little-endian");
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    std::size_t at = from;
    while (at + 9 <= text.size()) {  // the eight bytes and the one after them
        std::uint64_t v;
        std::memcpy(&v, text.data() + at, 8);
        if ((v & kHigh) != 0) break;
        if (((v - kOnes * 0x0E) & ~v & kHigh) != 0) break;  // a byte below 0x0E
        const std::uint64_t x = v ^ (kOnes * ' ');
        const std::uint64_t spaces = ~(((x & kLow7) + kLow7) | x | kLow7);  // 0x80 in each space byte
        if ((spaces & (spaces << 8)) != 0) break;  // two spaces in a row
        if ((spaces >> 63) != 0) {                 // the last is a space: the byte after must be plain
            const auto next = static_cast<unsigned char>(text[at + 8]);
            if (next >= 0x80 || next < 0x0E || next == ' ') break;
        }
        at += 8;
    }
    return at - from;
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t pos = 0; pos < text.size();) {
        // ASCII (most text) needs no decoding.
        if (const auto b = static_cast<unsigned char>(text[pos]); b < 0x80) {
            if (b == ' ' || (b >= '\t' && b <= '\r')) {
                ++pos;
                pending_space = !out.empty();
                continue;
            }
            if (pending_space) out += ' ';
            pending_space = false;
            // A run of visible ASCII, single spaces between its words kept as
            // they are, is copied in one piece (a paragraph of plain English
            // is one run, not one append a word).
            const auto visible = [](unsigned char c) { return c < 0x80 && c != ' ' && (c < '\t' || c > '\r'); };
            std::size_t end = pos + 1 + plain_ascii_prefix(text, pos + 1);
            while (end < text.size()) {
                const auto c = static_cast<unsigned char>(text[end]);
                if (visible(c)) ++end;
                else if (c == ' ' && end + 1 < text.size() && visible(static_cast<unsigned char>(text[end + 1]))) end += 2;
                else break;
            }
            out.append(text.substr(pos, end - pos));
            pos = end;
            continue;
        }
        const auto start = pos;
        const char32_t cp = next_code_point(text, pos);
        if (is_collapsible_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        if (cp == 0xFFFD && pos - start == 1) append_utf8(out, cp);
        else out.append(text.substr(start, pos - start));
    }
    return out;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) {
        auto clean = collapse_whitespace(p);
        if (clean.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += clean;
    }
    return out;
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while ((pos = text.find_first_not_of(" \t", pos)) != std::string_view::npos) {
        auto end = text.find_first_of(" \t", pos);
        if (end == std::string_view::npos) end = text.size();
        words.push_back(text.substr(pos, end - pos));
        pos = end;
    }
    return words;
}

std::vector<std::string> split_paragraphs(std::string_view body) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= body.size()) {
        auto end = body.find("\n\n", pos);
        if (end == std::string_view::npos) end = body.size();
        auto para = trim(body.substr(pos, end - pos));
        if (!para.empty()) out.emplace_back(para);
        pos = end + 2;
    }
    return out;
}

std::string_view trim(std::string_view text) {
    const auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!text.empty() && is_ws(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ws(text.back())) text.remove_suffix(1);
    return text;
}

std::string squash(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    }
    return out;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : char(c); });
    return out;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    return a.size() == b.size() && ascii_lower(a) == ascii_lower(b);
}

bool istarts_with_ascii(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && iequals_ascii(text.substr(0, prefix.size()), prefix);
}

std::string printable(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t pos = 0; pos < bytes.size();) {
        const auto b = static_cast<unsigned char>(bytes[pos]);
        if (b >= 0x20 && b < 0x7F && b != '\\') {
            out += static_cast<char>(b);
            ++pos;
            continue;
        }
        const auto start = pos;
        const char32_t cp = next_code_point(bytes, pos);
        if (b == '\\') {
            out += "\\\\";
        } else if (b == '\n') {
            out += "\\n";
        } else if (b == '\r') {
            out += "\\r";
        } else if (b == '\t') {
            out += "\\t";
        } else if (b < 0x80 || (cp == 0xFFFD && pos - start == 1)) {
            out += "\\x";
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
        } else if ((cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
        } else {
            out.append(bytes.substr(start, pos - start));
        }
    }
    return out;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

}  // namespace newsdesk
