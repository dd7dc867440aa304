// Format detection and the input parsers: bytes in, Articles out.
// Every parser takes the whole (already decompressed) file and its path, never
// touches the network or the file system, and throws newsdesk::ParseError with a
// short reason when the bytes are not an article of its format.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/lang/dates.h"

namespace newsdesk {

enum class Format { html, text, xml_news, feed, jsonl, unknown };

[[nodiscard]] std::string_view format_name(Format format);

// Decides the format from the content first (XML root element, feed roots,
// "<html", a JSON object per line) and the file name second.
[[nodiscard]] Format detect_format(std::string_view path, std::string_view bytes);

// One article from an HTML page. Encoding: BOM, then <meta charset>, then UTF-8
// with a Windows-1252 fallback.
[[nodiscard]] Article parse_html(std::string_view bytes, const std::string& path);

// HTML fragment (feed description, content:encoded) to body paragraphs.
[[nodiscard]] std::string html_fragment_to_body(std::string_view html);

// One article from a plain-text file (seed layout, BBC layout, PolNeAR layout).
[[nodiscard]] Article parse_text(std::string_view bytes, const std::string& path);

// A line that is only a date, with a little noise ("Friday, January 4, 2019",
// "• June 21, 2024", "Updated: ...", "Last updated on"), as the text and JSON Lines
// parsers read the first line of a body; nullopt for a sentence that mentions a
// date ("Rosselló began serving as governor on January 2, 2017.").
[[nodiscard]] std::optional<ParsedDate> date_line(std::string_view line);

// NITF and IPTC NewsML-G2: usually one article, a package may hold several.
[[nodiscard]] std::vector<Article> parse_news_xml(std::string_view bytes, const std::string& path);

// RSS 2.0 / Atom: one article per item, path "FILE#N" (N from 1). A malformed
// item (or broken markup between items) is reported through `errors`
// ("FILE#N: malformed feed XML: reason (line L)", "FILE: ...") and skipped; the
// items after it are read.
[[nodiscard]] std::vector<Article> parse_feed(std::string_view bytes, const std::string& path,
                                              std::vector<std::string>* errors = nullptr);

// JSON Lines: one article per non-empty line, path "FILE#N" (N = line number).
// A malformed line is reported through `errors` ("FILE#N: reason") and skipped.
// `first_line` is the number of the first line of `bytes` (a later chunk of a
// streamed file).
[[nodiscard]] std::vector<Article> parse_jsonl(std::string_view bytes, const std::string& path,
                                               std::vector<std::string>* errors = nullptr,
                                               std::size_t first_line = 1);

// A text field of an article (body, headline, url, source; the byline's names
// together, the captions together) longer than this is cut at the last
// paragraph break (else space) within it, and the article marked `truncated`:
// entity and quote extraction, the indexed text and the stored record each
// cost several times the text, so a 55 MB body or title would cost gigabytes.
// A long news feature is 50 to 200 KB of text.
inline constexpr std::size_t kMaxFieldBytes = 1u << 20;

// Detects and dispatches; fills id (url, else path) for every article, and cuts
// its fields to kMaxFieldBytes.
[[nodiscard]] std::vector<Article> parse_any(std::string_view bytes, const std::string& path,
                                             std::vector<std::string>* errors = nullptr);

// A chunk of whole lines of a JSON Lines file, starting at line `first_line`:
// the articles parse_any would give for those lines of the whole file (same
// paths, ids and clean-up). Unlike parse_any, a chunk without articles is no error.
[[nodiscard]] std::vector<Article> parse_jsonl_chunk(std::string_view bytes, const std::string& path,
                                                     std::size_t first_line,
                                                     std::vector<std::string>* errors = nullptr);

// A batch of items of a streamed feed (FeedReader): the articles and errors
// parse_any would give for them (paths FILE#N, same clean-up), except that a
// channel title after the batch does not name its items.
struct FeedBatch;
[[nodiscard]] std::vector<Article> parse_feed_chunk(FeedBatch&& batch, const std::string& path,
                                                    std::vector<std::string>* errors = nullptr);

}  // namespace newsdesk
