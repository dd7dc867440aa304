// Built from ICU rather than hand-written tables: CLDR already has the month
// names of every language we index, in the forms dates use (Czech "června" is the
// genitive FORMAT form, "červen" the STANDALONE one; both are read). The curated
// file adds only spellings CLDR lacks (Hindi "सितम्बर" beside "सितंबर").
#include "common/lang/month_names.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "common/data_dir.h"
#include "common/text.h"
#include "common/unicode_fold.h"

namespace newsdesk {

namespace {

struct Tables {
    std::unordered_map<std::string, MonthWord> months;
    std::unordered_map<std::string, int> weekdays;  // ISO 1..7
};

bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// Drops final abbreviation marks: '.' and the Devanagari abbreviation sign '॰'.
std::string_view strip_abbreviation_marks(std::string_view s) {
    static constexpr std::string_view deva_abbrev = "\xE0\xA5\xB0";  // U+0970
    for (;;) {
        if (s.ends_with('.')) s.remove_suffix(1);
        else if (s.ends_with(deva_abbrev)) s.remove_suffix(deva_abbrev.size());
        else return s;
    }
}

// Code points that vary in writing without changing the word.
bool ignorable(char32_t c) {
    return c == 0x093C                     // Devanagari nukta: फ़रवरी / फरवरी
           || c == 0x200C || c == 0x200D   // zero-width (non-)joiners
           || c == 0x0640                  // Arabic tatweel
           || (c >= 0x064B && c <= 0x065F) || c == 0x0670;  // Arabic vowel marks
}

char32_t canonical(char32_t c) {
    switch (c) {
        case 0x0622: case 0x0623: case 0x0625: case 0x0671:  // آ أ إ ٱ
            return 0x0627;                                   // ا
        default:
            return c;
    }
}

std::string unicode_key(std::string_view word) {
    const std::string folded = fold_and_compose(word);
    std::string out;
    out.reserve(folded.size());
    bool space = false;
    for (std::size_t pos = 0; pos < folded.size();) {
        const char32_t c = next_code_point(folded, pos);
        if (ignorable(c)) continue;
        if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        append_utf8(out, canonical(c));
    }
    return out;
}

std::string key_of(std::string_view word) {
    word = strip_abbreviation_marks(trim(word));
    if (is_ascii(word)) return ascii_lower(word);
    return std::string(strip_abbreviation_marks(unicode_key(word)));
}

bool has_digit(std::string_view key) {
    return key.find_first_of("0123456789") != std::string_view::npos;
}

// Same key, same month: the flags add up. Same key, another month: the first
// locale listed wins (data/dates/locales.txt is in priority order).
void add_month(Tables& t, const std::string& key, MonthWord word) {
    if (key.empty() || has_digit(key)) return;  // "6月": the CJK shape reads those
    auto [it, added] = t.months.try_emplace(key, word);
    if (added || it->second.month != word.month) return;
    it->second.english = it->second.english || word.english;
    it->second.wide = it->second.wide || word.wide;
    it->second.buddhist_era = it->second.buddhist_era || word.buddhist_era;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

void add_locale(Tables& t, const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    // The Gregorian names even where the locale's default calendar is another
    // (Thai: Buddhist, Saudi Arabic: Islamic, Persian: Solar Hijri).
    const icu::Locale locale((name + "@calendar=gregorian").c_str());
    const icu::DateFormatSymbols symbols(locale, status);
    if (U_FAILURE(status)) return;
    const std::string language = locale.getLanguage();
    using S = icu::DateFormatSymbols;
    for (const auto context : {S::FORMAT, S::STANDALONE}) {
        for (const auto width : {S::WIDE, S::ABBREVIATED}) {
            int32_t n = 0;
            const icu::UnicodeString* months = symbols.getMonths(n, context, width);
            for (int32_t i = 0; i < n && i < 12; ++i)
                add_month(t, key_of(utf8(months[i])),
                          MonthWord{i + 1, language == "en", width == S::WIDE, language == "th"});
            const icu::UnicodeString* days = symbols.getWeekdays(n, context, width);
            // Index 1 is Sunday (UCAL_SUNDAY) .. 7 Saturday; ISO counts Monday as 1.
            for (int32_t i = 1; i < n && i <= 7; ++i) {
                const auto key = key_of(utf8(days[i]));
                if (!key.empty()) t.weekdays.try_emplace(key, (i + 5) % 7 + 1);
            }
        }
    }
}

std::vector<std::string> data_lines(std::string_view relative) {
    std::ifstream in(data_file(relative));
    if (!in) throw std::runtime_error("cannot read data/" + std::string(relative));
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        if (!trim(line).empty()) out.push_back(line);
    }
    return out;
}

// month_names.tsv: word TAB month TAB language [TAB abbr].
void add_curated(Tables& t) {
    for (const auto& line : data_lines("dates/month_names.tsv")) {
        std::vector<std::string> f;
        std::istringstream fields(line);
        for (std::string part; std::getline(fields, part, '\t');) f.emplace_back(trim(part));
        if (f.size() < 3) continue;
        int month = 0;
        try {
            month = std::stoi(f[1]);
        } catch (const std::exception&) {
            continue;
        }
        if (month < 1 || month > 12) continue;
        const bool abbr = f.size() > 3 && f[3] == "abbr";
        add_month(t, key_of(f[0]), MonthWord{month, f[2] == "en", !abbr, f[2] == "th"});
    }
}

Tables build() {
    Tables t;
    std::vector<std::string> locales;
    try {
        for (const auto& line : data_lines("dates/locales.txt")) locales.emplace_back(trim(line));
        for (const auto& name : locales) add_locale(t, name);
        add_curated(t);
    } catch (const std::exception& e) {
        std::cerr << "newsdesk: " << e.what() << "; dates in English only\n";
        if (locales.empty()) add_locale(t, "en");
    }
    if (t.months.empty()) add_locale(t, "en");
    return t;
}

const Tables& tables() {
    static const Tables t = build();  // C++11 magic static: thread-safe
    return t;
}

}  // namespace

std::string calendar_key(std::string_view word) { return key_of(word); }

std::optional<MonthWord> month_word(std::string_view word) {
    const auto& months = tables().months;
    const auto it = months.find(key_of(word));
    if (it == months.end()) return std::nullopt;
    return it->second;
}

int weekday_word(std::string_view word) {
    const auto& days = tables().weekdays;
    const auto it = days.find(key_of(word));
    return it == days.end() ? 0 : it->second;
}

}  // namespace newsdesk
