// Text utilities shared by parsers, extractors and the searcher. All strings
// are UTF-8; functions that take arbitrary bytes say so.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdesk {

// True when `bytes` is well-formed UTF-8 (no overlong forms, no surrogates).
[[nodiscard]] bool is_valid_utf8(std::string_view bytes);

// Bytes of unknown encoding to valid UTF-8: valid UTF-8 is kept as it is; any
// other byte is read as Windows-1252 (a superset of Latin-1 for printable text).
[[nodiscard]] std::string to_utf8(std::string_view bytes);

// Latin-1 / Windows-1252 bytes to UTF-8.
[[nodiscard]] std::string cp1252_to_utf8(std::string_view bytes);

// Collapses every run of whitespace (ASCII, NBSP, other Unicode spaces,
// zero-width characters) into one space and trims both ends.
[[nodiscard]] std::string collapse_whitespace(std::string_view text);

// Whether collapse_whitespace reads the code point `cp` as a space (and so
// drops it, or folds it into one space).
[[nodiscard]] bool is_collapsible_space(char32_t cp);

// Normalises a body: each paragraph whitespace-collapsed, empty paragraphs
// dropped, paragraphs joined with "\n\n".
[[nodiscard]] std::string join_paragraphs(const std::vector<std::string>& paragraphs);

// The runs of `text` between spaces and tabs ("a  b\tc" -> a, b, c), as
// views into it.
[[nodiscard]] std::vector<std::string_view> split_words(std::string_view text);

// Splits on blank lines (the inverse of join_paragraphs).
[[nodiscard]] std::vector<std::string> split_paragraphs(std::string_view body);

// Each '\n'-separated line of `text`, whitespace-collapsed (so "" for a blank
// line), handed to `on_line` in order until it returns false.
template <typename OnLine>
void for_each_collapsed_line(std::string_view text, OnLine&& on_line) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        if (!on_line(collapse_whitespace(text.substr(pos, end - pos)))) return;
        pos = end + 1;
    }
}

[[nodiscard]] std::string_view trim(std::string_view text);
[[nodiscard]] std::string ascii_lower(std::string_view text);
// ASCII letters (lower-cased) and digits and every non-ASCII byte, nothing else,
// for comparing names loosely: "BBC News" -> "bbcnews", "bbc.com" -> "bbccom".
[[nodiscard]] std::string squash(std::string_view text);
[[nodiscard]] bool iequals_ascii(std::string_view a, std::string_view b);
[[nodiscard]] bool istarts_with_ascii(std::string_view text, std::string_view prefix);

// Decodes one UTF-8 code point at `pos` and advances `pos`; returns U+FFFD and
// advances one byte on malformed input.
[[nodiscard]] char32_t next_code_point(std::string_view text, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);

// Number of code points (not bytes).
[[nodiscard]] std::size_t utf8_length(std::string_view text);

// Any bytes (a file name, a reason) as one line of valid UTF-8 for a "PATH:
// reason" message that names the file unambiguously: a backslash becomes "\\",
// newline, carriage return and tab "\n", "\r", "\t", other control bytes and
// bytes that are not UTF-8 "\xNN", C1 controls and the line and paragraph
// separators "\u0085" (and so on). Everything else is kept as it is.
[[nodiscard]] std::string printable(std::string_view bytes);

// Truncates to at most `max_bytes` bytes without splitting a code point.
[[nodiscard]] std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

}  // namespace newsdesk
