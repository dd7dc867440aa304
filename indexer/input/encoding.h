// Decoding a document's bytes to UTF-8 before any parser sees them, by one set
// of rules for every reader (HTML, NITF/NewsML, RSS/Atom, text, JSON Lines), for
// whole files and for streamed ones alike. What comes out is always valid UTF-8
// without NUL characters: a NUL byte (or U+0000) in the input is removed, so the
// text after it is kept and no C-string API downstream can cut it short.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdesk {

struct Encoding {
    enum class Kind {
        utf8,     // UTF-8; a byte that is not part of a valid sequence is read as Windows-1252
        cp1252,   // Windows-1252 (what browsers read Latin-1 and ASCII declarations as)
        utf16le,  // UTF-16; unpaired surrogates become U+FFFD
        utf16be,
        other,  // a legacy charset through iconv (`name`); undecodable bytes become U+FFFD
    };
    Kind kind = Kind::utf8;
    std::string name;  // iconv's name of the charset, for Kind::other
    bool operator==(const Encoding&) const = default;
};

// UTF-16 by its byte order mark, or without one by the NUL bytes its ASCII
// characters (markup, spaces, digits, Latin text) carry: at least a third of the
// first 4 KiB's 16-bit units with a NUL high byte and almost none with a NUL low
// byte. BOM-less UTF-16 with little ASCII (plain CJK text) is not recognised.
[[nodiscard]] std::optional<Encoding> sniff_utf16(std::string_view head);

// The charset a markup document declares in its first 16 KiB (XML declaration,
// <meta charset>, http-equiv content-type), lower case; "" if none.
[[nodiscard]] std::string declared_encoding(std::string_view head);

// How to read a document that starts with `head` (all of it when `whole`):
//  1. a byte order mark (UTF-8, UTF-16LE/BE), or BOM-less UTF-16 (sniff_utf16);
//  2. bytes that are valid UTF-8 with at least one non-ASCII character are UTF-8,
//     whatever a declaration says (pages are re-encoded without their <meta>
//     updated; real legacy text is almost never valid UTF-8); a `head` may end
//     inside a character;
//  3. for `markup`, the declared charset: Latin-1, ASCII and Windows-1252 as
//     Windows-1252, another one iconv knows through iconv; a declaration the
//     bytes cannot be in (UTF-16 or UTF-32 without their NULs, UTF-8 over invalid
//     bytes) or one iconv does not know is ignored;
//  4. else UTF-8, with Windows-1252 for the bytes that are not (as to_utf8 does).
[[nodiscard]] Encoding choose_encoding(std::string_view head, bool whole, bool markup);

// Decodes a stream, chunk by chunk, to valid UTF-8 without NULs. A character cut
// by a chunk boundary is completed by the next chunk; one still incomplete at the
// last chunk is decoded as the encoding's rules say for a bad byte. A byte order
// mark at the start is dropped.
class TextDecoder {
  public:
    explicit TextDecoder(Encoding encoding);
    ~TextDecoder();
    TextDecoder(const TextDecoder&) = delete;
    TextDecoder& operator=(const TextDecoder&) = delete;

    // Appends the decoded `bytes` to `out`; `last` for the final chunk.
    void decode(std::string_view bytes, std::string& out, bool last);

    [[nodiscard]] const Encoding& encoding() const { return m_encoding; }

  private:
    // The bytes held back from the last chunk followed by `bytes` (in `joined`
    // when any were held back); the carry is emptied.
    std::string_view with_carry(std::string_view bytes, std::string& joined);
    void decode_utf8(std::string_view bytes, std::string& out, bool last);
    void decode_utf16(std::string_view bytes, std::string& out, bool last);
    void decode_iconv(std::string_view bytes, std::string& out, bool last);

    Encoding m_encoding;
    std::string m_carry;  // bytes of a character cut by the end of the last chunk
    bool m_started = false;
    void* m_iconv = nullptr;  // iconv_t for Kind::other
};

// A whole markup document (HTML, XML) as valid UTF-8 without NULs, by
// choose_encoding(bytes, true, true). Never throws.
[[nodiscard]] std::string decode_markup(std::string_view bytes);

// A whole plain-text or JSON Lines document: UTF-16 by BOM or sniffing, else
// UTF-8 with Windows-1252 for invalid bytes; NULs removed. Never throws.
[[nodiscard]] std::string decode_text(std::string_view bytes);

// `bytes` without NUL bytes (the same string when it has none).
[[nodiscard]] std::string strip_nul(std::string_view bytes);

}  // namespace newsdesk
