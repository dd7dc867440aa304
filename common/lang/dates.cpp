// Date recognition. A small hand-written scanner rather than regexes: news
// dates come in a handful of shapes, and a scanner lets each shape check word
// boundaries and calendar validity before it claims a match.
//
// Shapes, tried at every word boundary (so "Published:", "•", weekday names and
// other noise before a date are skipped):
//   2024-06-21, 2024/06/21, 2024.06.21 [T|space time [zone]]
//   20240621 [Thhmmss]      -- parse_date only, and only when it is the whole text
//   June 21, 2024 / Jun. 21 2024 / June 21st, 2024 [time]
//   21 June 2024 / 21-FEB-1987 / 21st of June, 2024 / Fri, 21 Jun 2024 09:30:00 GMT
//   the same in other languages: 21 juin 2024, 1er juin 2024, 21. Juni 2024, 21. června
//   2024, 21 de junio de 2024, 21.dez.2018, 22 जून 1964, 28 آب/اغسطس 2013,
//   21 มิถุนายน 2567 (Thai Buddhist era)
//   21/06/2024, 21.06.2024, 21. 6. 2024, 06/21/2024
//   2024年6月21日, 2024년 6월 21일, 2024. 6. 21.
// Month names come from ICU for many languages (common/lang/month_names.h); a name is
// only read inside one of these shapes, next to a day and a year, so "mar" or
// "set" in running text is never a month. A month name opens a date ("June 21,
// 2024") only when it is English or a full name. Digits of other scripts
// (Devanagari, Arabic-Indic, Thai, full-width) are read as ASCII digits.
// Numeric d/m/y: the first number is the day when it is > 12, the month when the
// second is > 12; when both are <= 12 the day comes first, because outside the
// US (the majority of international news) day-first is the convention, and US
// outlets mostly spell the month out.
#include "common/lang/dates.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "common/lang/month_names.h"
#include "common/text.h"

namespace newsdesk {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

bool valid_ymd(int y, int m, int d) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    if (d > days[m - 1]) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

// A read position over the text; every reader returns false and leaves the
// position alone when it does not match.
struct Cursor {
    std::string_view s;
    std::size_t pos = 0;

    [[nodiscard]] bool at_end() const { return pos >= s.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return pos + ahead < s.size() ? s[pos + ahead] : '\0';
    }

    // Exactly `min`..`max` digits, not followed by another digit.
    bool number(int min, int max, int& value) {
        std::size_t n = 0;
        int v = 0;
        while (pos + n < s.size() && is_digit(s[pos + n]) && static_cast<int>(n) < max) {
            v = v * 10 + (s[pos + n] - '0');
            ++n;
        }
        if (static_cast<int>(n) < min || is_digit(peek(n))) return false;
        pos += n;
        value = v;
        return true;
    }
    bool literal(char c) {
        if (peek() != c) return false;
        ++pos;
        return true;
    }
    bool word(std::string_view& out) {
        std::size_t n = 0;
        while (pos + n < s.size() && is_alpha(s[pos + n])) ++n;
        if (n == 0) return false;
        out = s.substr(pos, n);
        pos += n;
        return true;
    }
    bool literal(std::string_view text) {
        if (s.substr(pos, text.size()) != text) return false;
        pos += text.size();
        return true;
    }
    // A run of letters of any script with their combining marks (Devanagari and
    // Thai vowel signs); a period between two non-ASCII letters stays inside
    // (Thai abbreviations such as "ม.ค.").
    bool letters(std::string_view& out) {
        std::size_t end = pos;
        char32_t prev = 0;
        while (end < s.size()) {
            std::size_t next = end;
            const char32_t c = next_code_point(s, next);
            if (!is_letter_cp(c)) {
                std::size_t after = next;
                if (c != '.' || prev < 0x80 || after >= s.size()) break;
                const char32_t d = next_code_point(s, after);
                if (d < 0x80 || !is_letter_cp(d)) break;
            }
            prev = c;
            end = next;
        }
        if (end == pos) return false;
        out = s.substr(pos, end - pos);
        pos = end;
        return true;
    }
    void spaces() {
        while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r') ++pos;
    }
    // Spaces and any of the given separator characters; "," stands for the
    // Arabic comma too.
    void separators(std::string_view chars) {
        const bool comma = chars.find(',') != std::string_view::npos;
        for (;;) {
            if (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r' ||
                (peek() != '\0' && chars.find(peek()) != std::string_view::npos))
                ++pos;
            else if (!(comma && literal(kArabicComma)))
                return;
        }
    }

    static constexpr std::string_view kArabicComma = "\xD8\x8C";  // U+060C
    static bool is_letter_cp(char32_t c) {
        if (c < 0x80) return is_alpha(static_cast<char>(c));
        return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
    }
};

bool has_upper(std::string_view w) {
    for (std::size_t pos = 0; pos < w.size();)
        if (u_isupper(static_cast<UChar32>(next_code_point(w, pos)))) return true;
    return false;
}

// A month name at the cursor, with its abbreviation period ("Jun.", "janv.",
// "जन॰"). `two_words` also tries names of two words ("كانون الثاني"). A second
// name of the same month after a slash is read too: Arabic pages pair the
// Levantine and the Egyptian name ("آب/اغسطس", "يونيو/حزيران").
bool month_name(Cursor& c, MonthWord& month, bool two_words) {
    Cursor t = c;
    std::string_view w;
    if (!t.letters(w)) return false;
    std::optional<MonthWord> m;
    if (two_words && t.peek() == ' ') {
        Cursor u = t;
        ++u.pos;
        std::string_view w2;
        if (u.letters(w2)) {
            m = month_word(std::string(w) + " " + std::string(w2));
            if (m) t = u;
        }
    }
    if (!m) m = month_word(w);
    if (!m) return false;
    const bool period = t.literal('.') || t.literal(std::string_view("\xE0\xA5\xB0"));  // '॰'
    // Another language's abbreviation written with a capital and no period is
    // more likely an English word: "Windows 11 Pro 2024" is no Czech December,
    // while "21 ago 2024" and "21 janv. 2024" are dates.
    if (!m->english && !m->wide && !period && has_upper(w)) return false;
    {
        Cursor u = t;
        std::string_view w2;
        if (u.literal('/') && u.letters(w2)) {
            const auto other = month_word(w2);
            if (other && other->month == m->month) {
                u.literal('.');
                t = u;
            }
        }
    }
    c = t;
    month = *m;
    return true;
}

// The year after a month name; Thai names count Buddhist-era years, four digits
// (2567 = 2024) or two (67 = 2567).
bool year_after(Cursor& c, const MonthWord& m, int& year) {
    if (c.number(4, 4, year)) {
        if (m.buddhist_era && year > 2400) year -= 543;
        return true;
    }
    if (!m.buddhist_era || !c.number(2, 2, year)) return false;
    year += 2500 - 543;
    return true;
}

// "st", "nd", "rd", "th" after a day number; "er" of the French "1er"; the
// Spanish and Portuguese "1º"; the period of German, Czech and Nordic "21.".
void ordinal_suffix(Cursor& c, int day) {
    Cursor t = c;
    std::string_view w;
    if (t.word(w) && w.size() == 2) {
        const auto l = ascii_lower(w);
        if (l == "st" || l == "nd" || l == "rd" || l == "th" || (l == "er" && day == 1)) c = t;
        return;
    }
    if (c.literal(std::string_view("\xC2\xBA")) || c.literal(std::string_view("\xC2\xAA")) ||
        c.literal(std::string_view("\xC2\xB0")))  // º ª °
        return;
    c.literal('.');
}

// "of" (English), "de" (Spanish, Portuguese, French "de"), "del" (Spanish year):
// the little word between day, month and year.
void date_preposition(Cursor& c) {
    Cursor t = c;
    std::string_view w;
    if (t.word(w) && (iequals_ascii(w, "of") || iequals_ascii(w, "de") || iequals_ascii(w, "del"))) {
        t.spaces();
        c = t;
    }
}

// Named zones seen in news feeds; anything else leaves the datetime zoneless.
std::optional<std::string> zone_from_word(std::string_view w) {
    static const std::array<std::pair<std::string_view, std::string_view>, 12> zones = {
        {{"gmt", "Z"},
         {"utc", "Z"},
         {"ut", "Z"},
         {"z", "Z"},
         {"est", "-05:00"},
         {"edt", "-04:00"},
         {"cst", "-06:00"},
         {"cdt", "-05:00"},
         {"mst", "-07:00"},
         {"mdt", "-06:00"},
         {"pst", "-08:00"},
         {"pdt", "-07:00"}}};
    const auto lower = ascii_lower(w);
    for (const auto& [name, offset] : zones)
        if (lower == name) return std::string(offset);
    return std::nullopt;
}

// "+05:30", "+0530", "-04"; returns "+05:30".
std::optional<std::string> numeric_offset(Cursor& c) {
    Cursor t = c;
    const char sign = t.peek();
    if (sign != '+' && sign != '-') return std::nullopt;
    ++t.pos;
    int hh = 0, mm = 0;
    if (!t.number(2, 2, hh)) {
        if (!t.number(4, 4, hh)) return std::nullopt;
        mm = hh % 100;
        hh /= 100;
    } else if (t.literal(':') && !t.number(2, 2, mm)) {
        return std::nullopt;
    }
    if (hh > 14 || mm > 59) return std::nullopt;
    c = t;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, hh, mm);
    return std::string(buf);
}

std::optional<std::string> zone(Cursor& c) {
    Cursor t = c;
    if (auto off = numeric_offset(t)) {
        c = t;
        return off;
    }
    t.spaces();
    if (auto off = numeric_offset(t)) {
        c = t;
        return off;
    }
    std::string_view w;
    if (!t.word(w)) return std::nullopt;
    auto named = zone_from_word(w);
    if (!named) return std::nullopt;
    // "GMT+05:30"
    if (*named == "Z") {
        Cursor u = t;
        if (auto off = numeric_offset(u)) {
            c = u;
            return off;
        }
    }
    c = t;
    return named;
}

// "am", "PM", "a.m.", "p.m." after a time: true for pm; the cursor moves past it.
std::optional<bool> meridiem(Cursor& c) {
    Cursor t = c;
    t.spaces();
    std::string_view w;
    if (!t.word(w)) return std::nullopt;
    auto l = ascii_lower(w);
    if ((l == "a" || l == "p") && t.literal('.')) {
        std::string_view m;
        if (!t.word(m) || !iequals_ascii(m, "m")) return std::nullopt;
        t.literal('.');
        l += "m";
    }
    if (l != "am" && l != "pm") return std::nullopt;
    c = t;
    return l == "pm";
}

// "at", French "à", Portuguese "às", German "um", Italian "alle", Spanish "a las"
// between a date and its time.
void time_preposition(Cursor& c) {
    static constexpr std::array<std::string_view, 6> words = {
        "at", "\xC3\xA0", "\xC3\xA0s", "um", "alle", "a las"};
    Cursor u = c;
    std::string_view w;
    if (!u.letters(w)) return;
    if (iequals_ascii(w, "a")) {  // "a las"
        Cursor v = u;
        v.spaces();
        if (!v.letters(w) || !iequals_ascii(w, "las")) return;
        u = v;
    } else if (std::find(words.begin(), words.end(), ascii_lower(w)) == words.end()) {
        return;
    }
    u.spaces();
    c = u;
}

// HH:MM[:SS[.frac]] [am|pm] [zone] or the French-style 13h36, after a separator
// ("T", spaces, ",", "at", "à"). Returns "HH:MM:SS" plus the zone if any.
std::optional<std::string> time_of_day(Cursor& c) {
    Cursor t = c;
    if (!t.literal('T')) {
        t.separators(",");
        time_preposition(t);
    }
    int hh = 0, mm = 0, ss = 0;
    if (!t.number(1, 2, hh) || !(t.literal(':') || t.literal('h')) || !t.number(2, 2, mm))
        return std::nullopt;
    if (t.peek() == ':' && is_digit(t.peek(1))) {
        ++t.pos;
        if (!t.number(2, 2, ss)) return std::nullopt;
        if (t.peek() == '.' && is_digit(t.peek(1))) {
            ++t.pos;
            while (is_digit(t.peek())) ++t.pos;
        }
    }
    if (auto pm = meridiem(t); pm && hh >= 1 && hh <= 12) hh = hh % 12 + (*pm ? 12 : 0);
    if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", hh, mm, ss);
    std::string out = buf;
    if (auto z = zone(t)) out += *z;
    c = t;
    return out;
}

std::optional<ParsedDate> make(Cursor& c, int y, int m, int d) {
    if (!valid_ymd(y, m, d)) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    ParsedDate out{buf, std::nullopt};
    if (auto t = time_of_day(c)) out.datetime = out.date + "T" + *t;
    return out;
}

// A date separator: '-', '/' or '.'; after a period, spaces may follow
// (Czech "21. 6. 2024", Korean "2024. 6. 21.").
bool date_separator(Cursor& c, char sep) {
    if (!c.literal(sep)) return false;
    if (sep == '.') c.spaces();
    return true;
}

// 2024-06-21, 2024/06/21, 2024.06.21, 2024. 6. 21 (same separator twice).
std::optional<ParsedDate> year_first(Cursor c) {
    int y = 0, m = 0, d = 0;
    if (!c.number(4, 4, y)) return std::nullopt;
    const char sep = c.peek();
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    date_separator(c, sep);
    if (!c.number(1, 2, m) || !date_separator(c, sep) || !c.number(1, 2, d)) return std::nullopt;
    return make(c, y, m, d);
}

// 21/06/2024, 21.06.2024, 21-06-2024, 21. 6. 2024; see the file comment for the order.
std::optional<ParsedDate> numeric_dmy(Cursor c) {
    int a = 0, b = 0, y = 0;
    if (!c.number(1, 2, a)) return std::nullopt;
    const char sep = c.peek();
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    date_separator(c, sep);
    if (!c.number(1, 2, b) || !date_separator(c, sep) || !c.number(4, 4, y)) return std::nullopt;
    const bool month_first = a <= 12 && b > 12;
    return month_first ? make(c, y, a, b) : make(c, y, b, a);
}

// June 21, 2024 / Jun. 21 2024 / June 21st, 2024 / junio 21, 2024. Only English
// names and full names open a date: "pro 5, 2024" is no Czech December.
std::optional<ParsedDate> month_day_year(Cursor c) {
    int d = 0, y = 0;
    {
        // Cheap test first: a word is looked up only when a number follows it.
        Cursor t = c;
        std::string_view w;
        if (!t.letters(w)) return std::nullopt;
        t.literal('.');
        t.separators("-");
        if (!is_digit(t.peek())) return std::nullopt;
    }
    MonthWord m;
    if (!month_name(c, m, false) || !(m.english || m.wide)) return std::nullopt;
    c.separators("-");
    if (!c.number(1, 2, d)) return std::nullopt;
    ordinal_suffix(c, d);
    c.separators(",");
    if (!year_after(c, m, y)) return std::nullopt;
    return make(c, y, m.month, d);
}

// 21 June 2024 / 26-FEB-1987 / 21st of June, 2024 / 21 Jun 2024 09:30:00 GMT /
// 21 juin 2024 / 21. Juni 2024 / 21 de junio de 2024 / 21.dez.2018 / 22 जून 1964.
std::optional<ParsedDate> day_month_year(Cursor c) {
    int d = 0, y = 0;
    if (!c.number(1, 2, d)) return std::nullopt;
    ordinal_suffix(c, d);
    c.separators("-");
    date_preposition(c);
    MonthWord m;
    if (!month_name(c, m, true)) return std::nullopt;
    c.separators(",-.");
    date_preposition(c);
    if (!year_after(c, m, y)) return std::nullopt;
    return make(c, y, m.month, d);
}

// 2024年6月21日 (Chinese, Japanese) and 2024년 6월 21일 (Korean).
std::optional<ParsedDate> cjk_year_first(Cursor c) {
    static const std::array<std::array<std::string_view, 3>, 2> markers = {
        {{"\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5"},    // 年 月 日
         {"\xEB\x85\x84", "\xEC\x9B\x94", "\xEC\x9D\xBC"}}};  // 년 월 일
    const auto unit = [&c](std::string_view marker) {
        c.spaces();
        if (c.s.substr(c.pos, marker.size()) != marker) return false;
        c.pos += marker.size();
        c.spaces();
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!c.number(4, 4, y)) return std::nullopt;
    for (const auto& mk : markers) {
        Cursor start = c;
        if (unit(mk[0]) && c.number(1, 2, m) && unit(mk[1]) && c.number(1, 2, d) && unit(mk[2]))
            return make(c, y, m, d);
        c = start;
    }
    return std::nullopt;
}

// 20240621 or 20240621T093000[zone]; the caller decides whether the context is ISO enough.
std::optional<ParsedDate> compact(Cursor c) {
    int ymd = 0;
    if (!c.number(8, 8, ymd)) return std::nullopt;
    const int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    if (!valid_ymd(y, m, d)) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    ParsedDate out{buf, std::nullopt};
    int hms = 0;
    if (c.literal('T') && c.number(6, 6, hms) && hms / 10000 < 24 && hms / 100 % 100 < 60 &&
        hms % 100 < 61) {
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", hms / 10000, hms / 100 % 100, hms % 100);
        out.datetime = out.date + "T" + buf;
        if (auto z = zone(c)) *out.datetime += *z;
    }
    return out;
}

// Letters of any script count for word boundaries; digits are ASCII by now.
enum class CharKind { other, digit, letter };
CharKind kind_of(char32_t c) {
    if (c >= '0' && c <= '9') return CharKind::digit;
    return Cursor::is_letter_cp(c) ? CharKind::letter : CharKind::other;
}

std::optional<ParsedDate> scan(std::string_view text) {
    char32_t prev = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t next = i;
        const char32_t c = next_code_point(text, next);
        const CharKind k = kind_of(c);
        // A date starts after a non-letter, or a number right after a letter of a
        // script that writes no spaces ("于2024年6月21日"); never inside an ASCII word.
        const bool prev_ascii_alnum = prev < 0x80 && is_alnum(static_cast<char>(prev));
        const bool start = (k == CharKind::digit && !prev_ascii_alnum) ||
                           (k == CharKind::letter && kind_of(prev) == CharKind::other);
        if (start) {
            const Cursor at{text, i};
            if (k == CharKind::letter) {
                if (auto found = month_day_year(at)) return found;
            } else {
                for (auto shape : {year_first, cjk_year_first, numeric_dmy, day_month_year})
                    if (auto found = shape(at)) return found;
            }
        }
        prev = c;
        i = next;
    }
    return std::nullopt;
}

bool has_non_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}

// Decimal digits of every script (Devanagari ०-९, Arabic-Indic ٠-٩, Thai ๐-๙,
// full-width ０-９) as ASCII digits; everything else unchanged.
std::string ascii_digits(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t c = next_code_point(text, pos);
        if (c >= 0x80 && u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER) {
            out += static_cast<char>('0' + u_charDigitValue(static_cast<UChar32>(c)));
        } else {
            out.append(text.substr(start, pos - start));
        }
    }
    return out;
}

}  // namespace

std::optional<ParsedDate> parse_date(std::string_view text) {
    std::string digits;
    if (has_non_ascii(text)) text = digits = ascii_digits(text);
    // A bare 8-digit run is a date only when it is all there is ("20240621",
    // "20240621T093000Z"); inside text it is more often an id or a number.
    const auto t = trim(text);
    if (t.size() >= 8 && is_digit(t[0])) {
        Cursor c{t, 0};
        if (auto found = compact(c)) {
            std::size_t end = 8;
            while (end < t.size() &&
                   (is_alnum(t[end]) || t[end] == '+' || t[end] == '-' || t[end] == ':'))
                ++end;
            if (end == t.size()) return found;
        }
    }
    return scan(text);
}

std::optional<ParsedDate> find_date_in_text(std::string_view text, std::size_t max_bytes) {
    text = utf8_prefix(text, max_bytes);
    if (!has_non_ascii(text)) return scan(text);
    return scan(ascii_digits(text));
}

}  // namespace newsdesk
