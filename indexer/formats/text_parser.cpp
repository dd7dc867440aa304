// Plain-text articles. Three layouts are common in the wild and in our corpora:
//   seed (copied from a web page): "• June 21, 2024", headline (often twice),
//     "Share", caption + "| Photo Credit: AP", body, then "Source", "Share",
//     "Related post" and the related stories;
//   BBC / PolNeAR / CoNLL: headline on line 1, blank line, body;
//   Wikinews: headline, then a dateline "Friday, January 4, 2019", body.
// One reader handles all three: a short header (date lines, the headline and
// its duplicate, widget labels) then blank-line separated paragraphs, with
// caption credits pulled out and trailing boilerplate cut off. The word lists
// live in data/text/ (see data/README.md).
#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>

#include "common/data_dir.h"
#include "common/error.h"
#include "common/lang/dates.h"
#include "common/lang/month_names.h"
#include "common/text.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/encoding.h"

namespace newsdesk {

namespace {

struct WordLists {
    std::set<std::string> end_markers;  // keys, see line_key
    std::set<std::string> drop_lines;
    std::vector<std::string> credit_labels;  // lower-cased, longest first
};

// Comparison key for a whole line: whitespace collapsed, trailing ":" dropped,
// ASCII lower-cased (other scripts are listed as they are written).
std::string line_key(std::string_view line) {
    auto t = collapse_whitespace(line);
    while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.pop_back();
    return ascii_lower(t);
}

const WordLists& word_lists() {
    static const WordLists lists = [] {
        WordLists l;
        for (const auto& w : read_data_list("text/end_markers.txt")) l.end_markers.insert(line_key(w));
        for (const auto& w : read_data_list("text/drop_lines.txt")) l.drop_lines.insert(line_key(w));
        for (const auto& w : read_data_list("text/caption_credit_labels.txt"))
            l.credit_labels.push_back(ascii_lower(w));
        std::sort(l.credit_labels.begin(), l.credit_labels.end(),
                  [](const auto& a, const auto& b) { return a.size() > b.size(); });
        return l;
    }();
    return lists;
}

bool is_end_marker(std::string_view line) {
    return word_lists().end_markers.count(line_key(line)) > 0;
}
bool is_drop_line(std::string_view line) {
    return word_lists().drop_lines.count(line_key(line)) > 0;
}

// "| Photo Credit: AP" or "Photo: Reuters" -> "AP" / "Reuters".
std::optional<std::string> credit_of(std::string_view line) {
    auto t = trim(line);
    const bool piped = !t.empty() && t.front() == '|';
    if (piped) t = trim(t.substr(1));
    for (const auto& label : word_lists().credit_labels) {
        if (!istarts_with_ascii(t, label)) continue;
        auto rest = trim(t.substr(label.size()));
        if (rest.empty() || rest.front() != ':') continue;
        auto credit = collapse_whitespace(rest.substr(1));
        // Without the "|" a credit line must be short, or it is a sentence.
        if (credit.empty() || (!piped && utf8_length(credit) > 60)) return std::nullopt;
        return credit;
    }
    return std::nullopt;
}

// Words a date line may hold besides the date's own: month and weekday names in
// any language (ICU), and the clock, zone and connective words of data/text/date_line_words.txt.
bool date_word(std::string_view word) {
    static const std::set<std::string> words = [] {
        std::set<std::string> w;
        for (const auto& line : read_data_list("text/date_line_words.txt")) w.insert(calendar_key(line));
        return w;
    }();
    if (month_word(word) || weekday_word(word) > 0) return true;
    return words.count(calendar_key(word)) > 0;
}

bool word_byte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

}  // namespace

// At most two words besides the date's own, so a headline such as "Markets rally on
// June 21, 2024" is not mistaken for a date line. Words are runs of letters in any
// script, joined by inner hyphens ("sexta-feira").
std::optional<ParsedDate> date_line(std::string_view line) {
    if (utf8_length(line) > 80) return std::nullopt;
    int other_words = 0;
    for (std::size_t pos = 0; pos < line.size();) {
        const auto start = pos;
        while (pos < line.size() &&
               (word_byte(static_cast<unsigned char>(line[pos])) ||
                (line[pos] == '-' && pos > start && pos + 1 < line.size() &&
                 word_byte(static_cast<unsigned char>(line[pos + 1])))))
            ++pos;
        if (pos == start) {
            ++pos;
            continue;
        }
        if (!date_word(line.substr(start, pos - start)) && ++other_words > 2) return std::nullopt;
    }
    return parse_date(line);
}

namespace {

// "WASHINGTON, June 21, 2024 - The Senate ..." -> the date before the dash.
std::optional<ParsedDate> dateline_date(std::string_view paragraph) {
    const auto head = utf8_prefix(paragraph, 120);
    for (std::string_view dash : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- "}) {
        const auto pos = head.find(dash);
        if (pos != std::string_view::npos) return find_date_in_text(head.substr(0, pos));
    }
    return std::nullopt;
}

// Han, kana and hangul carry about three Latin letters of meaning each, so a
// 60-character Chinese line is a sentence, not a headline.
std::size_t headline_weight(std::string_view line) {
    std::size_t weight = 0;
    for (std::size_t pos = 0; pos < line.size();) {
        const char32_t cp = next_code_point(line, pos);
        const bool wide = (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
                          (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
        weight += wide ? 3 : 1;
    }
    return weight;
}

// Could this line be a headline? Short enough (the longest headlines in our
// corpora run to about 170 characters), and not a body sentence that opens
// with a wire dateline ("WASHINGTON (CNN) -- ...", "SEOUL, Aug. 20 (Yonhap) --").
// A short first sentence of a body-only file still passes: such files are rare
// next to the headline-first layouts.
bool headline_like(std::string_view line) {
    if (headline_weight(line) > 180 || credit_of(line)) return false;
    // "PLACE (AGENCY) -- text": the agency in brackets before a dash marks a dateline.
    const auto head = utf8_prefix(line, 60);
    for (std::string_view dash : {" -- ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - "}) {
        const auto pos = head.find(dash);
        if (pos != std::string_view::npos && head.substr(0, pos).ends_with(")")) return false;
    }
    return true;
}

// Non-blank lines, each whitespace-collapsed, with paragraph breaks marked by "".
std::vector<std::string> lines_of(std::string_view bytes) {
    // UTF-16 and stray NUL bytes are dealt with here too (decode_text drops the BOM).
    const auto text = decode_text(bytes);
    std::vector<std::string> lines;
    for_each_collapsed_line(text, [&](std::string&& line) {
        if (!line.empty() || (!lines.empty() && !lines.back().empty())) lines.push_back(std::move(line));
        return true;
    });
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

// Consumes the header lines from `i`: date lines, the headline, its repeat and
// widget labels. Stops at the first line that is none of these.
void read_header(const std::vector<std::string>& lines, std::size_t& i, Article& article) {
    for (; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (line.empty() || is_drop_line(line)) continue;
        // "Published: ..." then "Updated: ...": the first date is the publication date,
        // and neither line is a headline.
        if (auto d = date_line(line)) {
            if (!article.date) {
                article.date = d->date;
                article.datetime = d->datetime;
            }
            continue;
        }
        if (article.headline.empty() && headline_like(line)) {
            article.headline = line;
            continue;
        }
        if (!article.headline.empty() && line == article.headline) continue;
        break;
    }
}

// Lines of one block become one paragraph when hard-wrapped (all but the last
// short); otherwise each line is its own paragraph. Returns the bytes added.
std::size_t add_block(const std::vector<std::string>& block, std::vector<std::string>& paragraphs) {
    if (block.empty()) return 0;
    std::size_t bytes = 0;
    for (const auto& l : block) bytes += l.size() + 1;
    const bool wrapped = std::all_of(block.begin(), block.end() - 1,
                                     [](const auto& l) { return utf8_length(l) <= 90; });
    if (!wrapped) {
        paragraphs.insert(paragraphs.end(), block.begin(), block.end());
        return bytes;
    }
    std::string joined;
    for (const auto& l : block) joined += (joined.empty() ? "" : " ") + l;
    paragraphs.push_back(std::move(joined));
    return bytes;
}

// Body paragraphs from line `i` on, with captions taken out and trailing
// boilerplate (an end marker and everything after it) left out. Past
// kMaxFieldBytes of paragraphs the rest is not read (parse_any cuts the body).
void read_body(const std::vector<std::string>& lines, std::size_t i, Article& article) {
    std::vector<std::string> paragraphs;
    std::vector<std::string> block;
    std::size_t body_bytes = 0;  // in paragraphs, about
    for (; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (line.empty()) {
            body_bytes += add_block(block, paragraphs);
            block.clear();
            if (body_bytes > kMaxFieldBytes) {
                article.truncated = true;
                break;
            }
            continue;
        }
        if (is_end_marker(line)) break;
        if (is_drop_line(line)) continue;
        if (auto credit = credit_of(line)) {
            // The caption is the rest of this block, or the previous paragraph.
            std::string caption;
            for (const auto& l : block) caption += (caption.empty() ? "" : " ") + l;
            block.clear();
            if (caption.empty() && !paragraphs.empty()) {
                caption = paragraphs.back();
                paragraphs.pop_back();
                body_bytes -= std::min(body_bytes, caption.size() + 1);
            }
            if (!caption.empty()) article.captions.push_back(Caption{caption, credit});
            continue;
        }
        if (const auto bar = line.rfind(" | "); bar != std::string::npos) {
            if (auto credit = credit_of(std::string_view(line).substr(bar + 1))) {
                article.captions.push_back(Caption{line.substr(0, bar), credit});
                continue;
            }
        }
        block.push_back(line);
    }
    add_block(block, paragraphs);
    // A Wikinews-style dateline opening the body is metadata, not text.
    if (!paragraphs.empty() && !article.date) {
        if (auto d = date_line(paragraphs.front())) {
            article.date = d->date;
            article.datetime = d->datetime;
            paragraphs.erase(paragraphs.begin());
        } else if (auto dl = dateline_date(paragraphs.front())) {
            article.date = dl->date;
        }
    }
    article.body = join_paragraphs(paragraphs);
}

}  // namespace

Article parse_text(std::string_view bytes, const std::string& path) {
    const auto lines = lines_of(bytes);
    if (lines.empty()) throw ParseError("empty text");
    Article article;
    article.path = path;
    std::size_t i = 0;
    read_header(lines, i, article);
    read_body(lines, i, article);
    if (article.body.empty()) {
        // A single paragraph with no header: it is the body, not a headline.
        if (article.headline.empty()) throw ParseError("no article text");
        if (article.captions.empty() && !article.date) {
            article.body = std::move(article.headline);
            article.headline.clear();
        } else {
            throw ParseError("no article body after the headline");
        }
    }
    return article;
}

}  // namespace newsdesk
