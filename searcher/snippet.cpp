#include "searcher/snippet.h"

#include <algorithm>
#include <map>
#include <vector>

#include <xapian/unicode.h>

#include "common/text.h"

namespace newsdesk {

namespace {

struct Word {
    std::size_t begin, end;
    std::string stem;
};

bool word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

std::vector<Word> words_of(std::string_view text, const Xapian::Stem& stem) {
    std::vector<Word> words;
    for (std::size_t pos = 0; pos < text.size();) {
        if (!word_byte(text[pos])) {
            ++pos;
            continue;
        }
        std::size_t end = pos;
        while (end < text.size() && word_byte(text[end])) ++end;
        words.push_back({pos, end, stem(Xapian::Unicode::tolower(std::string(text.substr(pos, end - pos))))});
        pos = end;
    }
    return words;
}

void append_text(std::string& out, std::string_view text, bool html) {
    if (!html) {
        out.append(text);
        return;
    }
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

std::string render(std::string_view text, const std::vector<Word>& words, std::size_t first, std::size_t last,
                   const std::set<std::string>& stems, const Markers& markers) {
    std::string out;
    std::size_t pos = first < words.size() ? words[first].begin : 0;
    for (std::size_t i = first; i < last; ++i) {
        append_text(out, text.substr(pos, words[i].begin - pos), markers.html);
        const auto word = text.substr(words[i].begin, words[i].end - words[i].begin);
        if (stems.count(words[i].stem)) {
            out += markers.start;
            append_text(out, word, markers.html);
            out += markers.end;
        } else {
            append_text(out, word, markers.html);
        }
        pos = words[i].end;
    }
    return out;
}

}  // namespace

std::set<std::string> query_stems(const Xapian::Query& query, const Xapian::Stem& stem) {
    std::set<std::string> stems;
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
        std::string term = *t;
        const bool stemmed = !term.empty() && term[0] == 'Z';
        if (stemmed) term.erase(0, 1);
        if (const auto colon = term.find(':'); term.rfind("XQS", 0) == 0 && colon != std::string::npos) {
            stems.insert(term.substr(colon + 1));
            continue;
        }
        if (!term.empty() && term[0] == 'X') {  // multi-letter prefix: X + upper case
            std::size_t i = 1;
            while (i < term.size() && term[i] >= 'A' && term[i] <= 'Z') ++i;
            term.erase(0, i);
        } else if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
            term.erase(0, 1);
        }
        if (!term.empty()) stems.insert(stemmed ? term : stem(term));
    }
    return stems;
}

std::string highlight(std::string_view text, const std::set<std::string>& stems, const Xapian::Stem& stem,
                      const Markers& markers, std::size_t* matched) {
    const auto words = words_of(text, stem);
    std::string out = render(text, words, 0, words.size(), stems, markers);
    if (!words.empty()) append_text(out, text.substr(words.back().end), markers.html);
    else append_text(out, text, markers.html);
    if (matched) {
        std::set<std::string> seen;
        for (const auto& w : words)
            if (stems.count(w.stem)) seen.insert(w.stem);
        *matched = seen.size();
    }
    return out;
}

std::string make_snippet(const Article& article, const std::set<std::string>& stems, const Xapian::Stem& stem,
                         const Markers& markers, std::size_t length) {
    const std::string text = collapse_whitespace(article.body.empty() ? article.headline : article.body);
    const auto words = words_of(text, stem);
    if (words.empty()) return {};

    // Slide a window of about `length` bytes; keep the one with the most distinct
    // query stems (the earliest on ties, so the lead paragraph wins).
    std::size_t best_first = 0, best_last = 0, best_score = 0;
    std::map<std::string, int> in_window;
    std::size_t last = 0;
    for (std::size_t first = 0; first < words.size(); ++first) {
        while (last < words.size() && words[last].end - words[first].begin <= length) {
            if (stems.count(words[last].stem)) ++in_window[words[last].stem];
            ++last;
        }
        if (in_window.size() > best_score || first == 0) {
            best_score = in_window.size();
            best_first = first;
            best_last = last;
        }
        if (stems.count(words[first].stem) && --in_window[words[first].stem] == 0) in_window.erase(words[first].stem);
        if (last == words.size()) break;
    }
    // Start a little before the first match so it is read in context.
    if (best_score > 0) {
        std::size_t first_match = best_first;
        while (first_match < best_last && !stems.count(words[first_match].stem)) ++first_match;
        const std::size_t lead = std::min<std::size_t>(first_match, 8);
        best_first = first_match - lead;
        while (best_last < words.size() && words[best_last].end - words[best_first].begin <= length) ++best_last;
        while (best_last > best_first + 1 && words[best_last - 1].end - words[best_first].begin > length) --best_last;
    }
    std::string out = best_first > 0 ? "…" : "";
    out += render(text, words, best_first, best_last, stems, markers);
    if (best_last < words.size()) out += "…";
    else append_text(out, std::string_view(text).substr(words.back().end), markers.html);
    return out;
}

}  // namespace newsdesk
