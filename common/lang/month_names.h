// Month and weekday names in many languages, for the date parser (common/lang/dates.cpp).
// The names come from ICU's DateFormatSymbols for the locales listed in
// data/dates/locales.txt (Gregorian calendar; format and stand-alone forms, wide
// and abbreviated), plus the spellings ICU lacks in data/dates/month_names.tsv.
// The lookup is built once, on first use, thread-safely; read-only afterwards.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdesk {

struct MonthWord {
    int month = 0;              // 1..12
    bool english = false;       // an English name or abbreviation: may open "June 21, 2024"
    bool wide = false;          // a full name in some language, not only an abbreviation
    bool buddhist_era = false;  // Thai: years are counted in the Buddhist era (CE + 543)
    bool operator==(const MonthWord&) const = default;
};

// The lookup key of a word: case-folded and NFC-normalised by ICU; the Devanagari
// nukta, Arabic vowel marks and tatweel dropped and the Arabic hamza-carrying alefs
// written as bare alef (so "फरवरी" = "फ़रवरी", "اغسطس" = "أغسطس"); final
// abbreviation periods ('.', '॰') dropped. ASCII words take a fast path.
[[nodiscard]] std::string calendar_key(std::string_view word);

// The month a word names ("juin", "Juni", "června", "जून", "يونيو", "حزيران",
// "Sept."), or nullopt. Two-word names ("كانون الثاني") are looked up with one
// space between the words. Never throws: without its data files the lookup falls
// back to English (and says so once on stderr).
[[nodiscard]] std::optional<MonthWord> month_word(std::string_view word);

// The ISO weekday a word names, 1 = Monday .. 7 = Sunday ("vendredi", "Freitag",
// "शुक्रवार", "الجمعة", "金曜日"), or 0.
[[nodiscard]] int weekday_word(std::string_view word);

}  // namespace newsdesk
