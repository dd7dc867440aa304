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
//   21/06/2024, 21.06.2024, 06/21/2024
//   2024年6月21日, 2024년 6월 21일
// Numeric d/m/y: the first number is the day when it is > 12, the month when the
// second is > 12; when both are <= 12 the day comes first, because outside the
// US (the majority of international news) day-first is the convention, and US
// outlets mostly spell the month out.
#include "common/dates.h"

#include <array>
#include <cstdio>

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
    void spaces() {
        while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r') ++pos;
    }
    // Spaces and any of the given separator characters.
    void separators(std::string_view chars) {
        while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r' ||
               (peek() != '\0' && chars.find(peek()) != std::string_view::npos))
            ++pos;
    }
};

// English month names and their abbreviations ("Sept" included); other
// languages come later from ICU.
int month_from_word(std::string_view w) {
    static const std::array<std::string_view, 12> names = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    const auto lower = ascii_lower(w);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (lower == names[i] || lower == names[i].substr(0, 3)) return static_cast<int>(i) + 1;
    }
    return lower == "sept" ? 9 : 0;
}

bool month_name(Cursor& c, int& month) {
    Cursor t = c;
    std::string_view w;
    if (!t.word(w)) return false;
    const int m = month_from_word(w);
    if (m == 0) return false;
    t.literal('.');
    c = t;
    month = m;
    return true;
}

// "st", "nd", "rd", "th" after a day number.
void ordinal_suffix(Cursor& c) {
    Cursor t = c;
    std::string_view w;
    if (t.word(w) && w.size() == 2) {
        const auto l = ascii_lower(w);
        if (l == "st" || l == "nd" || l == "rd" || l == "th") c = t;
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

// HH:MM[:SS[.frac]] [am|pm] [zone], after a separator ("T", spaces, ",", "at").
// Returns "HH:MM:SS" plus the zone if any.
std::optional<std::string> time_of_day(Cursor& c) {
    Cursor t = c;
    if (!t.literal('T')) {
        t.separators(",");
        Cursor u = t;
        std::string_view w;
        if (u.word(w) && iequals_ascii(w, "at")) {
            u.spaces();
            t = u;
        }
    }
    int hh = 0, mm = 0, ss = 0;
    if (!t.number(1, 2, hh) || !t.literal(':') || !t.number(2, 2, mm)) return std::nullopt;
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

// 2024-06-21, 2024/06/21, 2024.06.21 (same separator twice).
std::optional<ParsedDate> year_first(Cursor c) {
    int y = 0, m = 0, d = 0;
    if (!c.number(4, 4, y)) return std::nullopt;
    const char sep = c.peek();
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    ++c.pos;
    if (!c.number(1, 2, m) || !c.literal(sep) || !c.number(1, 2, d)) return std::nullopt;
    return make(c, y, m, d);
}

// 21/06/2024, 21.06.2024, 21-06-2024; see the file comment for the order.
std::optional<ParsedDate> numeric_dmy(Cursor c) {
    int a = 0, b = 0, y = 0;
    if (!c.number(1, 2, a)) return std::nullopt;
    const char sep = c.peek();
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    ++c.pos;
    if (!c.number(1, 2, b) || !c.literal(sep) || !c.number(4, 4, y)) return std::nullopt;
    const bool month_first = a <= 12 && b > 12;
    return month_first ? make(c, y, a, b) : make(c, y, b, a);
}

// June 21, 2024 / Jun. 21 2024 / June 21st, 2024.
std::optional<ParsedDate> month_day_year(Cursor c) {
    int m = 0, d = 0, y = 0;
    if (!month_name(c, m)) return std::nullopt;
    c.separators("-");
    if (!c.number(1, 2, d)) return std::nullopt;
    ordinal_suffix(c);
    c.separators(",");
    if (!c.number(4, 4, y)) return std::nullopt;
    return make(c, y, m, d);
}

// 21 June 2024 / 26-FEB-1987 / 21st of June, 2024 / 21 Jun 2024 09:30:00 GMT.
std::optional<ParsedDate> day_month_year(Cursor c) {
    int m = 0, d = 0, y = 0;
    if (!c.number(1, 2, d)) return std::nullopt;
    ordinal_suffix(c);
    c.separators("-");
    {
        Cursor t = c;
        std::string_view w;
        if (t.word(w) && iequals_ascii(w, "of")) {
            t.spaces();
            c = t;
        }
    }
    if (!month_name(c, m)) return std::nullopt;
    c.separators(",-");
    if (!c.number(4, 4, y)) return std::nullopt;
    return make(c, y, m, d);
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

std::optional<ParsedDate> scan(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_alnum(text[i]) || (i > 0 && is_alnum(text[i - 1]))) continue;
        const Cursor c{text, i};
        for (auto shape :
             {year_first, cjk_year_first, numeric_dmy, month_day_year, day_month_year}) {
            if (auto found = shape(c)) return found;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<ParsedDate> parse_date(std::string_view text) {
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
    return scan(text.substr(0, std::min(text.size(), max_bytes)));
}

}  // namespace newsdesk
