// Date parsing: every common way news writes a date, to ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdesk {

struct ParsedDate {
    std::string date;                     // "YYYY-MM-DD"
    std::optional<std::string> datetime;  // "YYYY-MM-DDTHH:MM:SS[+HH:MM|Z]" when a time was given
    bool operator==(const ParsedDate&) const = default;
};

// Parses a string that is (essentially) just a date: "June 21, 2024", "21 June 2024",
// "Friday, January 4, 2019", "2024-06-21T09:30:00+05:30", RFC 822 "Fri, 21 Jun 2024
// 09:30:00 GMT", "26-FEB-1987 15:01:01.79", "2024/06/21", "20240621", unix-free.
// Month names in many languages from ICU ("21 juin 2024", "21. Juni 2024", "21 de junio
// de 2024", "21. června 2024", "22 जून 1964", "28 آب/اغسطس 2013", Thai Buddhist-era
// years), CJK "2024年6月21日", and digits of other scripts (२०२४, ٢٠٢٤) are read too.
// Surrounding noise such as "Published:", "Updated", "•" is tolerated.
// Returns nullopt when no valid calendar date is found (never throws).
[[nodiscard]] std::optional<ParsedDate> parse_date(std::string_view text);

// Looks for a date inside running text (a dateline such as "WASHINGTON, June 21, 2024 -"
// or "Friday, January 4, 2019" at the start of a body); stricter than parse_date:
// needs a year and a month, and stops after `max_bytes` of text.
[[nodiscard]] std::optional<ParsedDate> find_date_in_text(std::string_view text,
                                                           std::size_t max_bytes = 400);

}  // namespace newsdesk

namespace newsdesk {

// Days since 1970-01-01 of "YYYY-MM-DD" or "YYYYMMDD" (proleptic Gregorian);
// nullopt when malformed. Implemented in common/lang/days.cpp.
[[nodiscard]] std::optional<double> days_since_epoch(std::string_view date);

}  // namespace newsdesk
