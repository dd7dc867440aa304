#include "searcher/snippet.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian/unicode.h>

#include "common/lang/language.h"
#include "common/schema.h"
#include "common/unicode_fold.h"
#include "common/text.h"

namespace newsdesk {

namespace {

struct Word {
    std::size_t begin, end;
    std::string stem;  // the stem of a word; the character itself for a CJK character
    bool cjk = false;
};

// How scan_words reads each byte: an ASCII word character (Xapian::Unicode::
// is_wordchar, asked once), another ASCII character, or the first byte of a
// character to decode. Text is mostly ASCII, which needs no decoding.
enum ByteClass : unsigned char { kAsciiOther, kAsciiWord, kDecode };

const std::array<ByteClass, 256>& byte_classes() {
    static const std::array<ByteClass, 256> table = [] {
        std::array<ByteClass, 256> t{};
        for (unsigned c = 0; c < 256; ++c)
            t[c] = c >= 0x80 ? kDecode : Xapian::Unicode::is_wordchar(c) ? kAsciiWord : kAsciiOther;
        return t;
    }();
    return table;
}

// Calls on_word(begin, end) for each word of text[from, end) as Xapian's
// TermGenerator splits them (word characters, combining marks included), and
// on_cjk(begin, end) instead for each Chinese, Japanese or Korean character,
// a word of its own as the n-gram mode indexes it. Either returns false to
// stop the scan. `from` must not be inside a word. A run of ASCII word
// characters, or of other ASCII characters, is stepped over in a tight loop.
template <typename OnWord, typename OnCjk>
void scan_words(std::string_view text, std::size_t from, OnWord on_word, OnCjk on_cjk) {
    const auto& classes = byte_classes();
    const auto class_at = [&](std::size_t at) { return classes[static_cast<unsigned char>(text[at])]; };
    std::size_t open = std::string_view::npos;  // start of the non-CJK word being read
    auto close = [&](std::size_t at) __attribute__((always_inline)) {  // a call per word cost a tenth of the scan
        if (open == std::string_view::npos) return true;
        const std::size_t begin = std::exchange(open, std::string_view::npos);
        return on_word(begin, at);
    };
    for (std::size_t at = from; at < text.size();) {
        if (const ByteClass c = class_at(at); c == kAsciiWord) {  // never CJK
            if (open == std::string_view::npos) open = at;
            do ++at;
            while (at < text.size() && class_at(at) == kAsciiWord);
            continue;
        } else if (c == kAsciiOther) {
            if (!close(at)) return;
            do ++at;
            while (at < text.size() && class_at(at) == kAsciiOther);
            continue;
        }
        Xapian::Utf8Iterator it(text.data() + at, text.size() - at);
        const unsigned ch = *it;
        ++it;
        const std::size_t next =
            it == Xapian::Utf8Iterator() ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
        if (is_cjk(ch)) {
            if (!close(at) || !on_cjk(at, next)) return;
        } else if (Xapian::Unicode::is_wordchar(ch)) {
            if (open == std::string_view::npos) open = at;
        } else if (!close(at)) {
            return;
        }
        at = next;
    }
    close(text.size());
}

// Appends the words of text[from, end) (scan_words); only CJK characters get
// their `stem` here (the character), the others are stemmed by stem_words.
void split_words(std::string_view text, std::size_t from, std::vector<Word>& words) {
    scan_words(
        text, from,
        [&](std::size_t begin, std::size_t end) {
            words.push_back({begin, end, {}});
            return true;
        },
        [&](std::size_t begin, std::size_t end) {
            words.push_back({begin, end, std::string(text.substr(begin, end - begin)), true});
            return true;
        });
}

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    split_words(text, 0, words);
    return words;
}

// Which words may stem to one of the stems sought, told before stemming them:
// with a stemmer that keeps a word's ASCII first letter, a word starting with an
// ASCII letter no stem starts with (either case) stems to none of them; with
// one that keeps the second letter too (but a y), neither does a word whose
// second ASCII letter no stem of two letters or more with its first letter
// has ("campaign" for "capt"); and with one whose stems are never longer than
// the word, neither does an ASCII word shorter than every stem with its first
// letter ("the" for "tynesid"); and with one that keeps all of a stem but its
// last two letters at the word's start (keeps_stem_start), neither does an
// ASCII word that begins with no stem's start so ("committed", "council" for
// "committe", whose start is "commit"). Most words of a text are told so, and
// stemming is most of a snippet's cost.
class Initials {
  public:
    Initials(const std::set<std::string>& stems, const StemCache& stem)
        : m_any(!stem.keeps_first_letter()),
          m_by_second(stem.keeps_first_two_letters()),
          m_by_length(stem.never_lengthens()),
          m_by_start(stem.keeps_stem_start()) {
        m_shortest.fill(std::string::npos);
        m_second.fill(0);
        for (const auto& s : stems) {
            // An ASCII word's stem is ASCII: only ASCII stems have starts it may begin with.
            if (std::all_of(s.begin(), s.end(), [](char b) { return static_cast<unsigned char>(b) < 0x80; })) {
                if (s.size() <= 2) m_by_start = false;  // every word begins with a start of none
                else m_starts.push_back(std::string_view(s).substr(0, s.size() - 2));
            }
            if (s.empty() || static_cast<unsigned char>(s[0]) >= 0x80) continue;
            const auto c = static_cast<unsigned char>(s[0]);
            m_shortest[c] = std::min(m_shortest[c], s.size());
            m_second[c] |= s.size() >= 2 && s[1] >= 'a' && s[1] <= 'z' ? 1u << (s[1] - 'a') : kAnySecond;
        }
        for (unsigned char c = 0; c < 0x80; ++c) m_may_start[c] = m_any || m_shortest[lower(c)] != std::string::npos;
        std::fill(m_may_start.begin() + 0x80, m_may_start.end(), true);
    }
    // may_match's first test alone, by the word's first byte: most words fail it.
    [[nodiscard]] bool may_start(char first) const { return m_may_start[static_cast<unsigned char>(first)]; }
    [[nodiscard]] bool may_match(std::string_view word) const {
        const auto c = static_cast<unsigned char>(word[0]);
        if (m_any || c >= 0x80) return true;
        const auto first = lower(c);
        const std::size_t shortest = m_shortest[first];
        if (shortest == std::string::npos) return false;
        const bool ascii =
            std::all_of(word.begin(), word.end(), [](char b) { return static_cast<unsigned char>(b) < 0x80; });
        if (word.size() < shortest && m_by_length && ascii) return false;
        if (m_by_start && ascii && !begins_a_stem(word)) return false;
        if (!m_by_second || word.size() < 2 || (m_second[first] & kAnySecond) != 0) return true;
        const auto second = lower(static_cast<unsigned char>(word[1]));
        if (second < 'a' || second > 'z' || second == 'y') return true;
        return (m_second[first] & (1u << (second - 'a'))) != 0;
    }

  private:
    static constexpr std::uint32_t kAnySecond = 1u << 31;  // a stem of one letter, or a second not a-z
    static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

    // Whether the ASCII `word`, lower-cased, begins with a stem's start.
    [[nodiscard]] bool begins_a_stem(std::string_view word) const {
        return std::any_of(m_starts.begin(), m_starts.end(), [&](std::string_view start) {
            if (word.size() < start.size()) return false;
            for (std::size_t i = 0; i < start.size(); ++i)
                if (lower(static_cast<unsigned char>(word[i])) != static_cast<unsigned char>(start[i])) return false;
            return true;
        });
    }

    bool m_any;
    bool m_by_second;
    bool m_by_length;
    bool m_by_start;
    std::vector<std::string_view> m_starts;     // each ASCII stem but its last two letters
    std::array<std::size_t, 128> m_shortest{};  // the shortest stem with each first letter; npos for none
    std::array<std::uint32_t, 128> m_second{};  // the second letters (a bit each) of the stems with each first letter
    std::array<bool, 256> m_may_start{};        // by a word's first byte: whether may_match may hold
};

// Stems words [from, to) of `text` that are not CJK characters and may match
// (`initials`); the others keep an empty stem, which matches nothing.
void stem_words(std::string_view text, std::vector<Word>& words, std::size_t from, std::size_t to, StemCache& stem,
                const Initials& initials) {
    for (std::size_t i = from; i < to; ++i) {
        if (words[i].cjk) continue;
        const auto word = text.substr(words[i].begin, words[i].end - words[i].begin);
        if (initials.may_match(word)) words[i].stem = stem(word);
    }
}

// split_words with every word that may match stemmed.
std::vector<Word> words_of(std::string_view text, StemCache& stem, const Initials& initials) {
    auto words = split_words(text);
    stem_words(text, words, 0, words.size(), stem, initials);
    return words;
}

// A text (whitespace collapsed) split into words a piece at a time, as far
// as the window search asks: it stops at the first window holding the most
// query stems any window holds, usually near the top. Pieces end at a space,
// where splitting piece by piece gives what splitting the whole text gives.
class LazyWords {
  public:
    // `from`: where to start reading, not inside a word (the words before it are left out).
    explicit LazyWords(std::string_view text, std::size_t from = 0) : m_text(text), m_read(from) {
        m_words.reserve(kPiece / 4);  // a piece's words, about (moving a Word moves its stem)
    }

    // Whether word `i` exists, reading on as far as needed.
    bool has(std::size_t i) {
        while (i >= m_words.size() && m_read < m_text.size()) read_piece();
        return i < m_words.size();
    }
    std::vector<Word>& words() { return m_words; }  // those read so far
    std::string_view text() const { return m_text; }

  private:
    static constexpr std::size_t kPiece = 256;

    void read_piece() {
        std::size_t end = std::min(m_text.size(), m_read + kPiece);
        while (end < m_text.size() && m_text[end] != ' ') ++end;
        split_words(m_text.substr(0, end), m_read, m_words);
        m_read = end;
    }

    std::string_view m_text;
    std::size_t m_read;
    std::vector<Word> m_words;
};

// The most distinct query stems a window of at most `length` bytes holds (a
// window from word w to the words ending within `length` bytes of w's start, as
// snippet_with slides it), and where the first query word of the earliest
// window holding that many starts: that window is the snippet's
// (snippet_around), found without splitting the text before it into words.
// Only the words that may match are stemmed (through the cache the snippet
// then reads), and the scan stops at a window holding every stem. A text with
// a CJK character (matched in pairs) gets every stem and no start: the window
// search reads on as far as it must.
struct BestWindow {
    std::size_t most = 0;  // the most distinct query stems a window holds
    bool cjk = false;      // the text has a CJK character: `most` is every stem, `first` unknown
    // Where the first query word of the earliest window holding `most` begins; npos for none.
    std::size_t first = std::string_view::npos;
};

BestWindow most_stems_in_a_window(std::string_view text, const std::set<std::string>& stems, StemCache& stem,
                                  const Initials& initials, std::size_t length) {
    struct Found {
        std::size_t begin, end;
        const std::string* key;
    };
    std::vector<Found> found;
    std::vector<const std::string*> distinct;
    // The distinct stems of found[from, to) that end within `length` of found[from]'s start.
    const auto in_window = [&](std::size_t from) {
        distinct.clear();
        for (std::size_t k = from; k < found.size() && found[k].end - found[from].begin <= length; ++k)
            if (std::find(distinct.begin(), distinct.end(), found[k].key) == distinct.end())
                distinct.push_back(found[k].key);
        return distinct.size();
    };
    bool cjk = false, all = false;
    scan_words(
        text, 0,
        [&](std::size_t begin, std::size_t end) __attribute__((always_inline)) {
            if (!initials.may_start(text[begin])) return true;
            const auto word = text.substr(begin, end - begin);
            if (!initials.may_match(word)) return true;
            const std::string& s = stem(word);
            if (s.empty()) return true;
            const auto hit = stems.find(s);
            if (hit == stems.end()) return true;
            found.push_back({begin, end, &*hit});
            // The earliest window holding this word and those before it within reach.
            std::size_t from = found.size() - 1;
            while (from > 0 && end - found[from - 1].begin <= length) --from;
            all = in_window(from) == stems.size();
            return !all;
        },
        [&](std::size_t, std::size_t) {
            cjk = true;
            return false;
        });
    BestWindow best;
    if (cjk) return {stems.size(), true, std::string_view::npos};
    if (all) best.most = stems.size();
    else
        for (std::size_t from = 0; from < found.size(); ++from) best.most = std::max(best.most, in_window(from));
    // Stopped at a window holding every stem, the scan read every word any
    // earlier window holds: the earliest is among those found.
    for (std::size_t from = 0; best.most > 0 && from < found.size(); ++from)
        if (in_window(from) == best.most) {
            best.first = found[from].begin;
            break;
        }
    return best;
}

// Whether CJK character `ch` (UTF-8) occurs in a longer query n-gram.
bool in_longer_ngram(const std::string& ch, const std::set<std::string>& stems) {
    return std::any_of(stems.begin(), stems.end(), [&](const std::string& s) {
        return s.size() > ch.size() && s.find(ch) != std::string::npos;
    });
}

// What each word matches of the query (null for nothing; else the element of
// `stems`, so keys are compared and kept without copying a string): its stem
// when that is a query stem. A CJK character matches when it is half of a query bigram found
// here (the pair is the key), or is a query character that belongs to no query
// bigram (a one-character query word).
// Step i of match_keys: keys[i] is final after it (it may also set keys[i + 1],
// which step i + 1 may change); it reads the stems of words i and i + 1.
using Key = const std::string*;

void match_key(const std::vector<Word>& words, const std::set<std::string>& stems, std::vector<Key>& keys,
               std::size_t i) {
    if (!words[i].cjk) {
        if (words[i].stem.empty()) return;
        if (const auto found = stems.find(words[i].stem); found != stems.end()) keys[i] = &*found;
        return;
    }
    if (i + 1 < words.size() && words[i + 1].cjk && words[i + 1].begin == words[i].end) {
        if (const auto pair = stems.find(words[i].stem + words[i + 1].stem); pair != stems.end()) {
            keys[i] = &*pair;
            keys[i + 1] = &*pair;
            return;
        }
    }
    if (keys[i]) return;
    if (const auto found = stems.find(words[i].stem); found != stems.end() && !in_longer_ngram(words[i].stem, stems))
        keys[i] = &*found;
}

std::vector<Key> match_keys(const std::vector<Word>& words, const std::set<std::string>& stems) {
    std::vector<Key> keys(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) match_key(words, stems, keys, i);
    return keys;
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

// Words first..last-1 with the text between them; runs of matched words that
// touch (the characters of a CJK match) share one pair of markers.
std::string render(std::string_view text, const std::vector<Word>& words, std::size_t first, std::size_t last,
                   const std::vector<Key>& keys, const Markers& markers) {
    std::string out;
    std::size_t pos = first < words.size() ? words[first].begin : 0;
    for (std::size_t i = first; i < last; ++i) {
        append_text(out, text.substr(pos, words[i].begin - pos), markers.html);
        const auto word = text.substr(words[i].begin, words[i].end - words[i].begin);
        const bool marked = keys[i] != nullptr;
        const bool joins_previous = marked && i > first && keys[i - 1] && words[i - 1].end == words[i].begin;
        const bool joins_next = marked && i + 1 < last && keys[i + 1] && words[i].end == words[i + 1].begin;
        if (marked && !joins_previous) out += markers.start;
        append_text(out, word, markers.html);
        if (marked && !joins_next) out += markers.end;
        pos = words[i].end;
    }
    return out;
}

}  // namespace

std::set<std::string> query_stems(const Xapian::Query& query, const Xapian::Stem& stem) {
    std::set<std::string> stems;
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
        const std::string& term = *t;
        const std::string word = free_text_word(term);
        if (word.empty()) continue;
        // Z terms are stems; so are the quote words tied to a speaker (XQS).
        const bool stemmed = term[0] == 'Z' || term.starts_with(prefix::speaker_quote);
        stems.insert(stemmed ? word : stem(word));
    }
    return stems;
}

Highlighter::Highlighter(ParsedQuery parsed, Xapian::Query query)
    : m_parsed(std::move(parsed)), m_query(std::move(query)) {}

const Reading& Highlighter::reading(const std::string& language) {
    if (auto it = m_readings.find(language); it != m_readings.end()) return it->second;
    Reading r;
    if (m_parsed.branches.empty()) {
        r.stem = stemmer_for(language);
        r.stems = query_stems(m_query, r.stem);
    } else {
        const QueryBranch& branch = m_parsed.branch_for(language);
        r.stem = branch.stem;
        r.stems = query_stems(branch.query, branch.stem);
    }
    r.cache = std::make_shared<StemCache>(r.stem);
    return m_readings.emplace(language, std::move(r)).first->second;
}

namespace {

std::string highlight_with(std::string_view text, const std::set<std::string>& stems, StemCache& stem,
                           const Markers& markers, std::size_t* matched) {
    const auto words = words_of(text, stem, Initials(stems, stem));
    const auto keys = match_keys(words, stems);
    std::string out = render(text, words, 0, words.size(), keys, markers);
    if (!words.empty()) append_text(out, text.substr(words.back().end), markers.html);
    else append_text(out, text, markers.html);
    if (matched) {
        std::set<Key> seen;
        for (const auto k : keys)
            if (k) seen.insert(k);
        *matched = seen.size();
    }
    return out;
}

// The snippet of a text without CJK characters whose earliest window holding
// the most query stems starts its query words at byte `match` (npos: it holds
// none): as the window search below makes it, without splitting the text
// before the window into words. The window shows the first query word with up
// to kLead words before it and the words ending within `length` bytes of its
// start; those words are split from a space a little before them, where
// splitting gives the words splitting from the start gives.
std::string snippet_around(std::string_view text, std::size_t match, const std::set<std::string>& stems,
                           StemCache& cache, const Initials& initials, const Markers& markers, std::size_t length) {
    constexpr std::size_t kLead = 8;
    std::size_t from = 0, at = 0;  // where splitting starts; the first query word's index among the words split
    std::optional<LazyWords> lazy;
    for (std::size_t back = 256;; back *= 4) {
        from = match != std::string_view::npos && match > back ? match - back : 0;
        while (from > 0 && text[from - 1] != ' ') --from;
        lazy.emplace(text, from);
        at = 0;
        if (match == std::string_view::npos) break;
        while (lazy->has(at) && lazy->words()[at].begin < match) ++at;
        if (at >= kLead || from == 0) break;
    }
    if (!lazy->has(0)) return {};
    std::vector<Word>& words = lazy->words();
    const std::size_t first = at - std::min(at, kLead);
    // Without a query word the window is the words within `length` of the
    // first, none when that one is longer; with one, at least that word.
    std::size_t last = match == std::string_view::npos ? first : first + 1;
    while (lazy->has(last) && words[last].end - words[first].begin <= length) ++last;
    stem_words(text, words, first, last, cache, initials);
    std::vector<Key> keys(words.size());
    for (std::size_t i = first; i < last; ++i) match_key(words, stems, keys, i);
    bool words_before = first > 0;
    if (!words_before && from > 0)  // a word before the split, unless only punctuation is
        scan_words(text.substr(0, from), 0, [&](std::size_t, std::size_t) { return !(words_before = true); },
                   [&](std::size_t, std::size_t) { return !(words_before = true); });
    std::string out = words_before ? "…" : "";
    out += render(text, words, first, last, keys, markers);
    if (lazy->has(last)) out += "…";
    else append_text(out, text.substr(words.back().end), markers.html);
    return out;
}

std::string snippet_with(const Article& article, const std::set<std::string>& stems, StemCache& cache,
                         const Markers& markers, std::size_t length) {
    // Paragraph breaks become spaces.
    const std::string text = collapse_whitespace(article.body.empty() ? article.headline : article.body);
    const Initials initials(stems, cache);
    const BestWindow best = most_stems_in_a_window(text, stems, cache, initials, length);
    if (!best.cjk) return snippet_around(text, best.first, stems, cache, initials, markers, length);
    // A text with CJK characters (matched in pairs) is searched window by window.
    LazyWords lazy(text);
    if (!lazy.has(0)) return {};
    std::vector<Word>& words = lazy.words();  // grows as lazy.has reads on
    // Words are stemmed and matched only as far as the window search reads them.
    std::vector<Key> keys;
    const std::size_t most = best.most;
    std::size_t stemmed = 0, keyed = 0;
    const auto ensure_keys = [&](std::size_t n) {  // keys[0, n) final
        lazy.has(n);                               // the key of word n - 1 reads word n (CJK pairs)
        n = std::min(n, words.size());
        if (keyed >= n) return;
        const std::size_t need = std::min(n + 1, words.size());
        if (stemmed < need) stem_words(lazy.text(), words, stemmed, need, cache, initials), stemmed = need;
        if (keys.size() < words.size()) keys.resize(words.size());
        for (; keyed < n; ++keyed) match_key(words, stems, keys, keyed);
    };

    // Slide a window of about `length` bytes; keep the one with the most distinct
    // query stems (the earliest on ties, so the lead paragraph wins).
    std::size_t best_first = 0, best_last = 0, best_score = 0;
    std::map<Key, int> in_window;
    std::size_t last = 0;
    for (std::size_t first = 0; lazy.has(first); ++first) {
        while (lazy.has(last) && words[last].end - words[first].begin <= length) {
            ensure_keys(last + 1);
            if (keys[last]) ++in_window[keys[last]];
            ++last;
        }
        if (in_window.size() > best_score || first == 0) {
            best_score = in_window.size();
            best_first = first;
            best_last = last;
        }
        // As many as any window holds: no later window holds more (ties keep the earliest).
        if (best_score == most) break;
        ensure_keys(first + 1);
        if (keys[first] && --in_window[keys[first]] == 0) in_window.erase(keys[first]);
        if (!lazy.has(last)) break;
    }
    // Start a little before the first match so it is read in context.
    if (best_score > 0) {
        std::size_t first_match = best_first;
        while (first_match < best_last && !keys[first_match]) ++first_match;
        const std::size_t lead = std::min<std::size_t>(first_match, 8);
        best_first = first_match - lead;
        while (lazy.has(best_last) && words[best_last].end - words[best_first].begin <= length) ++best_last;
        while (best_last > best_first + 1 && words[best_last - 1].end - words[best_first].begin > length) --best_last;
    }
    ensure_keys(best_last);
    std::string out = best_first > 0 ? "…" : "";
    out += render(lazy.text(), words, best_first, best_last, keys, markers);
    if (lazy.has(best_last)) out += "…";
    else append_text(out, lazy.text().substr(words.back().end), markers.html);
    return out;
}

}  // namespace

StemCache::StemCache(Xapian::Stem stem)
    : m_stem(std::move(stem)),
      m_fold(folds_accents(m_stem)),
      m_keeps_first_letter(newsdesk::keeps_first_letter(m_stem)),
      m_keeps_first_two_letters(newsdesk::keeps_first_two_letters(m_stem)),
      m_keeps_stem_start(newsdesk::keeps_stem_start(m_stem)),
      m_never_lengthens(newsdesk::never_lengthens(m_stem)) {}

const std::string& StemCache::operator()(std::string_view word) {
    std::string key(word);
    if (std::all_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        for (char& c : key)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else {
        key = Xapian::Unicode::tolower(m_fold ? fold_for_search(key) : key);  // as indexed: Vázquez is vazquez
    }
    auto [known, fresh] = m_stems.try_emplace(std::move(key));
    if (fresh) known->second = m_stem(known->first);
    return known->second;
}

std::string highlight(std::string_view text, const std::set<std::string>& stems, const Xapian::Stem& stem,
                      const Markers& markers, std::size_t* matched) {
    StemCache cache(stem);
    return highlight_with(text, stems, cache, markers, matched);
}

std::string highlight(std::string_view text, const Reading& reading, const Markers& markers, std::size_t* matched) {
    if (!reading.cache) return highlight(text, reading.stems, reading.stem, markers, matched);
    return highlight_with(text, reading.stems, *reading.cache, markers, matched);
}

std::string make_snippet(const Article& article, const std::set<std::string>& stems, const Xapian::Stem& stem,
                         const Markers& markers, std::size_t length) {
    StemCache cache(stem);
    return snippet_with(article, stems, cache, markers, length);
}

std::string make_snippet(const Article& article, const Reading& reading, const Markers& markers, std::size_t length) {
    if (!reading.cache) return make_snippet(article, reading.stems, reading.stem, markers, length);
    return snippet_with(article, reading.stems, *reading.cache, markers, length);
}

}  // namespace newsdesk
