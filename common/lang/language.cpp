#include "common/lang/language.h"

#include <array>

#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <xapian/unicode.h>

#include "common/lang/snowball_stem.h"
#include "common/text.h"

namespace newsdesk {

std::string primary_language(std::string_view language) {
    const auto end = language.find_first_of("-_");
    const auto primary = language.substr(0, end);
    if (primary.size() < 2 || primary.size() > 3) return {};
    std::string code;
    for (char c : primary) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c < 'a' || c > 'z') return {};
        code += c;
    }
    return code;
}

Xapian::Stem stemmer_for(std::string_view language) {
    const std::string code = primary_language(language);
    if (code.empty()) return Xapian::Stem("none");
    try {
        return Xapian::Stem(code);
    } catch (const Xapian::InvalidArgumentError&) {
    }
    try {
        return Xapian::Stem(new LibstemmerStem(code));
    } catch (const Xapian::InvalidArgumentError&) {
        return Xapian::Stem("none");
    }
}

namespace {

bool english_or_none(const Xapian::Stem& stem) {
    static const std::string english = Xapian::Stem("english").get_description();
    static const std::string none = Xapian::Stem("none").get_description();
    const auto description = stem.get_description();
    return description == english || description == none;
}

}  // namespace

bool folds_accents(const Xapian::Stem& stem) { return english_or_none(stem); }

bool keeps_first_letter(const Xapian::Stem& stem) { return english_or_none(stem); }

bool keeps_first_two_letters(const Xapian::Stem& stem) { return english_or_none(stem); }

bool keeps_stem_start(const Xapian::Stem& stem) { return english_or_none(stem); }

bool never_lengthens(const Xapian::Stem& stem) { return english_or_none(stem); }

bool has_stemmer(std::string_view language) {
    return stemmer_for(language).get_description() != Xapian::Stem("none").get_description();
}

std::string script_of(std::string_view word) {
    for (Xapian::Utf8Iterator it(word.data(), word.size()), end; it != end; ++it) {
        UErrorCode error = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(static_cast<UChar32>(*it), &error);
        if (U_FAILURE(error) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script == USCRIPT_UNKNOWN)
            continue;
        return uscript_getShortName(script);
    }
    return {};
}

bool script_fits(std::string_view script, std::string_view language) {
    const std::string code = primary_language(language);
    if (code.empty()) return true;
    if (code == "sr" && script == "Latn") return true;
    // ICU maps a locale with its likely script ("ja" -> "ja_Jpan_JP") to the
    // scripts in use (Kana, Hira, Hani). The bare code would be read as a script
    // name first ("yi" is the Yi script, not Yiddish).
    UErrorCode error = U_ZERO_ERROR;
    std::array<char, ULOC_FULLNAME_CAPACITY> locale{};
    uloc_addLikelySubtags(code.c_str(), locale.data(), static_cast<int32_t>(locale.size()), &error);
    if (U_FAILURE(error)) return true;
    std::array<UScriptCode, 8> scripts{};
    const int32_t n = uscript_getCode(locale.data(), scripts.data(), static_cast<int32_t>(scripts.size()), &error);
    if (U_FAILURE(error) || n <= 0) return true;
    for (int32_t i = 0; i < n; ++i)
        if (script == uscript_getShortName(scripts[static_cast<std::size_t>(i)])) return true;
    return false;
}

bool is_cjk(char32_t c) {
    // Hangul Jamo (U+1100) is the first of these scripts: what comes before is
    // answered without ICU (the snippet code asks for every character of a body).
    if (c < 0x1100) return false;
    UErrorCode error = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &error);
    return U_SUCCESS(error) &&
           (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL);
}

bool has_cjk(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size())
        if (is_cjk(next_code_point(text, pos))) return true;
    return false;
}

}  // namespace newsdesk
