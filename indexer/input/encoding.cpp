#include "indexer/input/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "common/text.h"

namespace newsdesk {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// The value of `key=` at `pos` in lower-cased `s`, unquoted, or "".
std::string value_after(const std::string& s, std::size_t pos) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"' || s[pos] == '\'')) ++pos;
    std::size_t end = pos;
    while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' ||
                              s[end] == '_' || s[end] == '.' || s[end] == ':'))
        ++end;
    return s.substr(pos, end - pos);
}

// charset= inside a <meta ...> tag, or encoding= in an XML declaration.
std::string charset_in_head(std::string_view bytes) {
    const std::string head =
        ascii_lower(bytes.substr(0, std::min<std::size_t>(bytes.size(), 16384)));
    if (head.starts_with("<?xml")) {
        const auto close = head.find("?>");
        const auto enc = head.find("encoding=");
        if (enc != std::string::npos && enc < close) return value_after(head, enc + 9);
    }
    for (std::size_t pos = head.find("<meta"); pos != std::string::npos;
         pos = head.find("<meta", pos + 5)) {
        const auto close = head.find('>', pos);
        const auto cs = head.find("charset", pos);
        if (cs == std::string::npos || cs > close) continue;
        auto eq = cs + 7;
        while (eq < head.size() && head[eq] == ' ') ++eq;
        if (eq < head.size() && head[eq] == '=') {
            auto value = value_after(head, eq + 1);
            if (!value.empty()) return value;
        }
    }
    return "";
}

bool is_latin1_family(const std::string& enc) {
    static const std::array<std::string_view, 11> names = {
        "iso-8859-1", "iso8859-1",    "latin1", "latin-1",  "l1",        "us-ascii",
        "ascii",      "windows-1252", "cp1252", "x-cp1252", "iso_8859-1"};
    return std::find(names.begin(), names.end(), enc) != names.end();
}

// Charsets whose text is never valid ASCII-compatible bytes without a BOM or NULs:
// declaring one over such bytes is a mistake, not a reason to garble them.
bool is_impossible_declaration(std::string_view enc) {
    for (std::string_view p :
         {"utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2", "ucs-4", "ucs4", "utf-7", "utf7"})
        if (enc.starts_with(p)) return true;
    return false;
}

// How many bytes at the end of `s` start a UTF-8 character that the next chunk
// may complete (a lead byte followed only by continuation bytes, too few of them).
std::size_t incomplete_tail(std::string_view s) {
    for (std::size_t k = 1; k <= std::min<std::size_t>(3, s.size()); ++k) {
        const auto b = static_cast<unsigned char>(s[s.size() - k]);
        if ((b & 0xC0) == 0x80) continue;  // a continuation byte: look further back
        std::size_t len = 0;
        if (b >= 0xC2 && b <= 0xDF)
            len = 2;
        else if (b >= 0xE0 && b <= 0xEF)
            len = 3;
        else if (b >= 0xF0 && b <= 0xF4)
            len = 4;
        return len > k ? k : 0;
    }
    return 0;
}

void append_without_nul(std::string& out, std::string_view bytes) {
    for (auto nul = bytes.find('\0'); nul != std::string_view::npos; nul = bytes.find('\0')) {
        out.append(bytes.substr(0, nul));
        bytes.remove_prefix(nul + 1);
    }
    out.append(bytes);
}

bool has_non_ascii(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool iconv_knows(const std::string& name) {
    iconv_t cd = iconv_open("UTF-8", name.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    iconv_close(cd);
    return true;
}

}  // namespace

std::optional<Encoding> sniff_utf16(std::string_view head) {
    if (head.starts_with("\xFF\xFE")) return Encoding{Encoding::Kind::utf16le, {}};
    if (head.starts_with("\xFE\xFF")) return Encoding{Encoding::Kind::utf16be, {}};
    const std::size_t pairs = std::min<std::size_t>(head.size(), 4096) / 2;
    std::size_t low_nul = 0, high_nul = 0;  // units whose first / second byte alone is NUL
    for (std::size_t i = 0; i < pairs; ++i) {
        const bool first = head[2 * i] == '\0', second = head[2 * i + 1] == '\0';
        if (first && !second) ++low_nul;
        if (second && !first) ++high_nul;
    }
    // At least four ASCII characters, a third of all units, and the other byte
    // almost never NUL: text, not a binary format padded with zeros.
    if (high_nul >= 4 && high_nul * 3 >= pairs && low_nul * 20 <= pairs)
        return Encoding{Encoding::Kind::utf16le, {}};
    if (low_nul >= 4 && low_nul * 3 >= pairs && high_nul * 20 <= pairs)
        return Encoding{Encoding::Kind::utf16be, {}};
    return std::nullopt;
}

std::string declared_encoding(std::string_view head) {
    if (head.starts_with(kUtf8Bom)) return "utf-8";
    if (head.starts_with("\xFF\xFE")) return "utf-16le";
    if (head.starts_with("\xFE\xFF")) return "utf-16be";
    return charset_in_head(head);
}

Encoding choose_encoding(std::string_view head, bool whole, bool markup) {
    if (head.starts_with(kUtf8Bom)) return {};
    if (auto utf16 = sniff_utf16(head)) return *utf16;
    if (has_non_ascii(head) &&
        is_valid_utf8(whole ? head : head.substr(0, head.size() - incomplete_tail(head))))
        return {};
    if (!markup) return {};
    const auto declared = charset_in_head(head);
    if (declared.empty() || declared == "utf-8" || declared == "utf8" ||
        is_impossible_declaration(declared))
        return {};
    if (is_latin1_family(declared)) return {Encoding::Kind::cp1252, {}};
    if (iconv_knows(declared)) return {Encoding::Kind::other, declared};
    return {};
}

TextDecoder::TextDecoder(Encoding encoding) : m_encoding(std::move(encoding)) {
    if (m_encoding.kind != Encoding::Kind::other) return;
    iconv_t cd = iconv_open("UTF-8", m_encoding.name.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1))
        m_encoding = {};  // unknown after all: read as UTF-8 with the Windows-1252 fallback
    else
        m_iconv = cd;
}

TextDecoder::~TextDecoder() {
    if (m_iconv) iconv_close(static_cast<iconv_t>(m_iconv));
}

void TextDecoder::decode(std::string_view bytes, std::string& out, bool last) {
    switch (m_encoding.kind) {
        case Encoding::Kind::utf8:
            decode_utf8(bytes, out, last);
            break;
        case Encoding::Kind::cp1252:
            out += cp1252_to_utf8(strip_nul(bytes));
            break;
        case Encoding::Kind::utf16le:
        case Encoding::Kind::utf16be:
            decode_utf16(bytes, out, last);
            break;
        case Encoding::Kind::other:
            decode_iconv(bytes, out, last);
            break;
    }
}

std::string_view TextDecoder::with_carry(std::string_view bytes, std::string& joined) {
    if (m_carry.empty()) return bytes;
    joined = std::move(m_carry);
    joined += bytes;
    m_carry.clear();
    return joined;
}

void TextDecoder::decode_utf8(std::string_view bytes, std::string& out, bool last) {
    std::string joined;
    bytes = with_carry(bytes, joined);
    if (!m_started) {
        if (!last && bytes.size() < kUtf8Bom.size() && kUtf8Bom.starts_with(bytes)) {
            m_carry = bytes;  // perhaps the start of a BOM
            return;
        }
        if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
        m_started = true;
    }
    if (!last) {
        const auto cut = incomplete_tail(bytes);
        m_carry = bytes.substr(bytes.size() - cut);
        bytes.remove_suffix(cut);
    }
    if (is_valid_utf8(bytes))
        append_without_nul(out, bytes);
    else
        append_without_nul(out, to_utf8(bytes));
}

void TextDecoder::decode_utf16(std::string_view bytes, std::string& out, bool last) {
    std::string joined;
    bytes = with_carry(bytes, joined);
    const bool le = m_encoding.kind == Encoding::Kind::utf16le;
    const auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(bytes[i]),
                   b = static_cast<unsigned char>(bytes[i + 1]);
        return le ? (char32_t(b) << 8 | a) : (char32_t(a) << 8 | b);
    };
    std::size_t i = 0;
    if (!m_started && bytes.size() >= 2) {
        if (unit(0) == 0xFEFF) i = 2;
        m_started = true;
    }
    for (; i + 1 < bytes.size(); i += 2) {
        const char32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= bytes.size()) {
                if (!last) break;  // its low surrogate is in the next chunk
                out += kReplacement;
                continue;
            }
            const char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
            } else {
                out += kReplacement;
            }
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            out += kReplacement;
        } else if (u != 0) {
            append_utf8(out, u);
        }
    }
    if (i < bytes.size()) {
        if (last)
            out += kReplacement;  // an odd byte at the end
        else
            m_carry = bytes.substr(i);
    }
}

void TextDecoder::decode_iconv(std::string_view bytes, std::string& out, bool last) {
    std::string in = m_carry;
    in += bytes;
    m_carry.clear();
    auto cd = static_cast<iconv_t>(m_iconv);
    char* inp = in.data();
    std::size_t inleft = in.size();
    std::array<char, 8192> buf{};
    std::string decoded;
    while (inleft > 0) {
        char* outp = buf.data();
        std::size_t outleft = buf.size();
        const auto rc = iconv(cd, &inp, &inleft, &outp, &outleft);
        decoded.append(buf.data(), buf.size() - outleft);
        if (rc != static_cast<std::size_t>(-1) || errno == E2BIG) continue;
        if (errno == EINVAL && !last) {  // a character cut by the chunk's end
            m_carry.assign(inp, inleft);
            break;
        }
        decoded += kReplacement;  // EILSEQ, or EINVAL at the very end: skip a byte, mark it
        ++inp;
        --inleft;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial shift state
    }
    if (!m_started) {
        if (std::string_view(decoded).starts_with(kUtf8Bom)) decoded.erase(0, kUtf8Bom.size());
        m_started = !decoded.empty();
    }
    append_without_nul(out, to_utf8(decoded));
}

namespace {

std::string decode_whole(std::string_view bytes, bool markup) {
    TextDecoder decoder(choose_encoding(bytes, true, markup));
    std::string out;
    out.reserve(bytes.size());
    decoder.decode(bytes, out, true);
    return out;
}

}  // namespace

std::string decode_markup(std::string_view bytes) { return decode_whole(bytes, true); }

std::string decode_text(std::string_view bytes) { return decode_whole(bytes, false); }

std::string strip_nul(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    append_without_nul(out, bytes);
    return out;
}

}  // namespace newsdesk
