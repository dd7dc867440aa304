#include "searcher/stored_article.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <nlohmann/json.hpp>

#include "common/text.h"

namespace newsdesk {

namespace {

// A JSON reader over one record. Every method returns false when the text is
// not what nlohmann-json would accept (or takes differently); the caller then
// falls back to nlohmann-json, so nothing here needs to explain an error.
class Reader {
  public:
    explicit Reader(std::string_view text) : m_text(text) {}

    bool at_end() {
        space();
        return m_pos == m_text.size();
    }

    // The next non-space character (0 at the end), not consumed.
    char peek() {
        space();
        return m_pos < m_text.size() ? m_text[m_pos] : '\0';
    }

    bool consume(char c) {
        if (peek() != c) return false;
        ++m_pos;
        return true;
    }

    bool string(std::string& out) {
        out.clear();
        return string_into(&out);
    }

  private:
    // A string, appended to `*out`, or only checked when `out` is null (a
    // skipped value: most of a record's lists, which plain text output drops).
    bool string_into(std::string* out) {
        if (!consume('"')) return false;
        while (m_pos < m_text.size()) {
            // Plain ASCII runs are copied in one piece.
            std::size_t run = plain_run_end(m_pos);
            while (run < m_text.size()) {
                const auto c = static_cast<unsigned char>(m_text[run]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++run;
            }
            if (out) out->append(m_text.substr(m_pos, run - m_pos));
            m_pos = run;
            if (m_pos == m_text.size()) return false;
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20) return false;  // raw control characters are not JSON
            if (c == '\\') {
                std::string scratch;
                if (!escape(out ? *out : scratch)) return false;
                continue;
            }
            const std::size_t length = utf8_length(m_pos);
            if (length == 0) return false;
            if (out) out->append(m_text.substr(m_pos, length));
            m_pos += length;
        }
        return false;
    }

  public:

    // A string, or nothing for any other value (as opt_string reads it).
    bool optional_string(std::optional<std::string>& out) {
        if (peek() != '"') {
            out.reset();
            return skip();
        }
        std::string text;
        if (!string(text)) return false;
        out = std::move(text);
        return true;
    }

    // A string, or `fallback` for any other value (as string_or reads it).
    bool string_or(std::string& out, const char* fallback = "") {
        if (peek() != '"') {
            out = fallback;
            return skip();
        }
        return string(out);
    }

    // A small integer, or nothing for any other value (int_or gives 0 for it).
    bool optional_int(std::optional<int>& out) {
        out.reset();
        const char c = peek();
        if (c != '-' && (c < '0' || c > '9')) return skip();
        const std::size_t start = m_pos;
        if (!number()) return false;
        const std::string_view digits = m_text.substr(start, m_pos - start);
        if (digits.find_first_of(".eE") != std::string_view::npos) return true;  // a float: not an integer
        // nlohmann-json reads longer numbers as 64-bit (or floats); leave those to it.
        if (digits.size() > 9 + (digits[0] == '-')) return false;
        int value = 0;
        for (const char d : digits)
            if (d != '-') value = value * 10 + (d - '0');
        out = digits[0] == '-' ? -value : value;
        return true;
    }

    // true, or false for any other value (as article_from_json reads it).
    bool true_or_false(bool& out) {
        out = peek() == 't' && m_text.substr(m_pos, 4) == "true";
        return skip();
    }

    // Calls `element` for each element of an array (a non-array is skipped, as
    // article_from_json skips it).
    template <typename Element>
    bool array(Element element) {
        if (peek() != '[') return skip();
        ++m_pos;
        if (consume(']')) return true;
        do {
            if (!element()) return false;
        } while (consume(','));
        return consume(']');
    }

    // Calls `member(key)` for each member of an object, the reader at its value.
    // A non-object gives no members (and is skipped).
    template <typename Member>
    bool object(Member member) {
        if (peek() != '{') return skip();
        ++m_pos;
        if (consume('}')) return true;
        std::string key;
        do {
            if (!string(key) || !consume(':') || !member(key)) return false;
        } while (consume(','));
        return consume('}');
    }

    // Any value, read and dropped.
    bool skip(int depth = 0) {
        if (depth > 64) return false;
        const char c = peek();
        if (c == '"') return string_into(nullptr);
        if (c == '{') {  // object() less the copy of each key
            ++m_pos;
            if (consume('}')) return true;
            do {
                if (peek() != '"' || !string_into(nullptr) || !consume(':') || !skip(depth + 1)) return false;
            } while (consume(','));
            return consume('}');
        }
        if (c == '[') return array([&] { return skip(depth + 1); });
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        for (const std::string_view word : {"true", "false", "null"})
            if (m_text.substr(m_pos, word.size()) == word) {
                m_pos += word.size();
                return true;
            }
        return false;
    }

  private:
    // Where the run of plain ASCII string bytes starting at `at` may end, read
    // sixteen or eight bytes at a time: at or before the first '"', '\\', control
    // character or non-ASCII byte (the caller reads on byte by byte). A record
    // is mostly body text, and a byte at a time this was a hit's largest cost
    // after decompressing it.
    std::size_t plain_run_end(std::size_t at) const {
#if defined(__SSE2__)
        // Sixteen bytes at a time where SSE2 is there (every x86-64), giving the
        // first such byte itself: a signed byte below 0x20 is a control character
        // or one past ASCII.
        const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
        for (; at + 16 <= m_text.size(); at += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(m_text.data() + at));
            const __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                              _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
            if (const int mask = _mm_movemask_epi8(stop); mask != 0) return at + static_cast<std::size_t>(__builtin_ctz(mask));
        }
#endif
        constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
        // Whether a byte of v is below n (n <= 128, the bytes of v below 128).
        const auto any_below = [](std::uint64_t v, std::uint64_t n) { return (v - ones * n) & ~v & highs; };
        const auto any_equal = [&](std::uint64_t v, unsigned char c) { return any_below(v ^ (ones * c), 1); };
        for (; at + 8 <= m_text.size(); at += 8) {
            std::uint64_t v;
            std::memcpy(&v, m_text.data() + at, 8);
            if ((v & highs) || any_below(v, 0x20) || any_equal(v, '"') || any_equal(v, '\\')) break;
        }
        return at;
    }

    void space() {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    bool digit() const { return m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9'; }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    bool number() {
        if (m_pos < m_text.size() && m_text[m_pos] == '-') ++m_pos;
        if (!digit()) return false;
        if (m_text[m_pos] == '0') ++m_pos;
        else
            while (digit()) ++m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            if (!digit()) return false;
            while (digit()) ++m_pos;
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
            if (!digit()) return false;
            while (digit()) ++m_pos;
        }
        return true;
    }

    // The length of the well-formed UTF-8 sequence at `at` (RFC 3629, as
    // nlohmann-json checks it), 0 if there is none.
    std::size_t utf8_length(std::size_t at) const {
        const auto byte = [&](std::size_t i) -> unsigned {
            return at + i < m_text.size() ? static_cast<unsigned char>(m_text[at + i]) : 0u;
        };
        const auto in = [&](std::size_t i, unsigned low, unsigned high) { return byte(i) >= low && byte(i) <= high; };
        const unsigned b = byte(0);
        if (b >= 0xC2 && b <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
        if (b == 0xE0) return in(1, 0xA0, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
        if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
        if (b == 0xED) return in(1, 0x80, 0x9F) && in(2, 0x80, 0xBF) ? 3 : 0;
        if (b == 0xF0) return in(1, 0x90, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
        if (b >= 0xF1 && b <= 0xF3) return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
        if (b == 0xF4) return in(1, 0x80, 0x8F) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
        return 0;
    }

    bool hex4(unsigned& value) {
        if (m_pos + 4 > m_text.size()) return false;
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            value <<= 4;
            if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
            else return false;
        }
        return true;
    }

    bool escape(std::string& out) {
        ++m_pos;  // the backslash
        if (m_pos == m_text.size()) return false;
        const char c = m_text[m_pos++];
        switch (c) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': break;
            default: return false;
        }
        unsigned cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (m_text.substr(m_pos, 2) != "\\u") return false;
            m_pos += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// Each element of an array of objects becomes one T, whatever it holds (a
// non-object element gives a T with defaults, as article_from_json makes one).
template <typename T, typename Member>
bool objects(Reader& in, std::vector<T>& out, Member member) {
    out.clear();
    return in.array([&] {
        T& item = out.emplace_back();
        return in.object([&](const std::string& key) { return member(item, key); });
    });
}

}  // namespace

bool read_stored_article_fast(std::string_view record, Article& a, RecordParts parts) {
    namespace r = record;
    a = Article{};
    Reader in(record);
    if (in.peek() != '{') return false;  // not an object: the general path
    std::vector<std::optional<std::string>> people;
    std::vector<std::optional<int>> mentions;
    const bool ok = in.object([&](const std::string& key) {
        if (key == r::body) return in.string_or(a.body);
        if (key == r::path) return in.string_or(a.path);
        if (key == r::id) return in.string_or(a.id);
        if (key == r::url) return in.optional_string(a.url);
        if (key == r::source) return in.optional_string(a.source);
        if (key == r::language) return in.string_or(a.language, "en");
        if (key == r::headline) return in.string_or(a.headline);
        if (key == r::date) return in.optional_string(a.date);
        if (key == r::datetime) return in.optional_string(a.datetime);
        if (key == r::truncated) return in.true_or_false(a.truncated);
        // The lists are still read through, so a record that is not JSON goes
        // to the general path as before; they are only not kept.
        if (parts == RecordParts::plain) return in.skip();
        if (key == r::byline) {
            a.byline.clear();
            return in.array([&] {
                std::optional<std::string> name;
                if (!in.optional_string(name)) return false;
                if (name) a.byline.push_back(std::move(*name));
                return true;
            });
        }
        if (key == r::captions)
            return objects(in, a.captions, [&](Caption& c, const std::string& k) {
                if (k == r::text) return in.string_or(c.text);
                if (k == r::credit) return in.optional_string(c.credit);
                return in.skip();
            });
        if (key == r::quotes)
            return objects(in, a.quotes, [&](Quote& q, const std::string& k) {
                if (k == r::text) return in.string_or(q.text);
                if (k == r::speaker) return in.optional_string(q.speaker);
                if (k == r::speaker_title) return in.optional_string(q.speaker_title);
                if (k == r::institution) return in.optional_string(q.institution);
                return in.skip();
            });
        if (key == r::experts)
            return objects(in, a.experts, [&](Expert& e, const std::string& k) {
                if (k == r::name) return in.string_or(e.name);
                if (k == r::title) return in.optional_string(e.title);
                if (k == r::institution) return in.optional_string(e.institution);
                if (k == r::quotes) {
                    std::optional<int> n;
                    if (!in.optional_int(n)) return false;
                    e.quotes = n.value_or(0);
                    return true;
                }
                return in.skip();
            });
        if (key == r::institutions)
            return objects(in, a.institutions, [&](Institution& i, const std::string& k) {
                if (k == r::name) return in.string_or(i.name);
                if (k == r::acronym) return in.optional_string(i.acronym);
                if (k == r::mentions) {
                    std::optional<int> n;
                    if (!in.optional_int(n)) return false;
                    i.mentions = n.value_or(0);
                    return true;
                }
                return in.skip();
            });
        if (key == r::countries)
            return objects(in, a.countries, [&](Country& c, const std::string& k) {
                if (k == r::code) return in.string_or(c.code);
                if (k == r::name) return in.string_or(c.name);
                if (k == r::mentions) {
                    std::optional<int> n;
                    if (!in.optional_int(n)) return false;
                    c.mentions = n.value_or(0);
                    return true;
                }
                return in.skip();
            });
        if (key == r::people) {
            people.clear();
            return in.array([&] { return in.optional_string(people.emplace_back()); });
        }
        if (key == r::people_mentions) {
            mentions.clear();
            return in.array([&] { return in.optional_int(mentions.emplace_back()); });
        }
        return in.skip();
    });
    if (!ok || !in.at_end()) return false;
    for (std::size_t n = 0; n < people.size(); ++n)
        if (people[n]) a.people.push_back({std::move(*people[n]), n < mentions.size() ? mentions[n].value_or(0) : 0});
    return true;
}

Article read_stored_article(std::string_view record, RecordParts parts) {
    Article article;
    if (read_stored_article_fast(record, article, parts)) return article;
    article = article_from_json(nlohmann::json::parse(record, nullptr, false));
    if (parts == RecordParts::plain) {
        article.byline.clear();
        article.captions.clear();
        article.quotes.clear();
        article.experts.clear();
        article.people.clear();
        article.institutions.clear();
        article.countries.clear();
    }
    return article;
}

}  // namespace newsdesk
