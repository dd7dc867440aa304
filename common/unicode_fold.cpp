#include "common/unicode_fold.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

namespace newsdesk {

namespace {

icu::UnicodeString normalised(const icu::UnicodeString& u, const icu::Normalizer2* form) {
    UErrorCode status = U_ZERO_ERROR;
    if (!form) return u;
    auto out = form->normalize(u, status);
    return U_SUCCESS(status) ? out : u;
}

const icu::Normalizer2* instance(const icu::Normalizer2* (*get)(UErrorCode&)) {
    UErrorCode status = U_ZERO_ERROR;
    const auto* form = get(status);
    return U_SUCCESS(status) ? form : nullptr;
}

// The typographic quotes and apostrophes a pasted query holds, as ASCII.
UChar32 ascii_quote(UChar32 c) {
    switch (c) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return '\'';
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return '"';
        default: return c;
    }
}

}  // namespace

std::string fold_and_compose(std::string_view text) {
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    u.foldCase();
    u = normalised(u, instance(icu::Normalizer2::getNFCInstance));
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string fold_without_marks(std::string_view text) {
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    u.foldCase();
    u = normalised(u, instance(icu::Normalizer2::getNFDInstance));
    icu::UnicodeString kept;
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
        i += U16_LENGTH(c);
    }
    std::string out;
    kept.toUTF8String(out);
    return out;
}

std::string fold_for_search(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(text);
    static const auto* nfkd = instance(icu::Normalizer2::getNFKDInstance);
    static const auto* nfc = instance(icu::Normalizer2::getNFCInstance);
    const auto u = normalised(
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), nfkd);
    icu::UnicodeString kept;
    bool after_latin = false;  // the last base character was a Latin letter
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            if (!after_latin) kept.append(c);
            continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        after_latin = uscript_getScript(c, &status) == USCRIPT_LATIN;
        kept.append(ascii_quote(c));
    }
    std::string out;
    normalised(kept, nfc).toUTF8String(out);
    return out;
}

std::string ascii_quotes(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(text);
    const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString out;
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        out.append(ascii_quote(c));
    }
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

}  // namespace newsdesk
