#include <chrono>
#include <charconv>

#include "common/lang/dates.h"

namespace newsdesk {

std::optional<double> days_since_epoch(std::string_view date) {
    std::string digits;
    for (char c : date)
        if (c >= '0' && c <= '9') digits += c;
        else if (c != '-') return std::nullopt;
    if (digits.size() != 8) return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    std::from_chars(digits.data(), digits.data() + 4, y);
    std::from_chars(digits.data() + 4, digits.data() + 6, m);
    std::from_chars(digits.data() + 6, digits.data() + 8, d);
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return double(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

}  // namespace newsdesk
