// Minimal first version: ISO 8601 only. Extended by the date-parsing work.
#include "common/dates.h"

#include <cctype>
#include <cstdio>

namespace newsdesk {

namespace {

bool valid_ymd(int y, int m, int d) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    if (d > days[m - 1]) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

}  // namespace

std::optional<ParsedDate> parse_date(std::string_view text) {
    for (std::size_t i = 0; i + 10 <= text.size(); ++i) {
        int y, m, d;
        char sep1, sep2;
        if (std::sscanf(std::string(text.substr(i, 10)).c_str(), "%4d%c%2d%c%2d", &y, &sep1, &m, &sep2, &d) == 5 &&
            sep1 == '-' && sep2 == '-' && valid_ymd(y, m, d)) {
            char buf[11];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
            return ParsedDate{buf, std::nullopt};
        }
    }
    return std::nullopt;
}

std::optional<ParsedDate> find_date_in_text(std::string_view text, std::size_t max_bytes) {
    return parse_date(text.substr(0, std::min(text.size(), max_bytes)));
}

}  // namespace newsdesk
