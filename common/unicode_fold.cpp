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

namespace {

bool is_ascii(char c) { return static_cast<unsigned char>(c) < 0x80; }

// fold_for_search of one stretch of text, through ICU.
void fold_stretch(std::string_view text, std::string& out) {
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
    normalised(kept, nfc).toUTF8String(out);
}

}  // namespace

std::string fold_for_search(std::string_view text) {
    // ASCII folds to itself, so only the stretches of other characters go
    // through ICU (an article's text is mostly ASCII; the whole of it through
    // ICU cost more than its indexing). Each stretch takes the ASCII
    // character before it along: the base a combining mark after it belongs
    // to, and the letter that says whether that mark is Latin's. Nothing
    // reaches across an ASCII character otherwise: decomposition reorders
    // only marks, and no composition ends in an ASCII character.
    std::string out;
    out.reserve(text.size());
    std::size_t done = 0;
    while (done < text.size()) {
        const auto other = std::find_if_not(text.begin() + static_cast<std::ptrdiff_t>(done), text.end(), is_ascii);
        if (other == text.end()) break;
        std::size_t start = static_cast<std::size_t>(other - text.begin());
        if (start > done) --start;  // the ASCII character before the stretch
        const auto end = std::find_if(other, text.end(), is_ascii);
        out.append(text.substr(done, start - done));
        const auto stop = static_cast<std::size_t>(end - text.begin());
        fold_stretch(text.substr(start, stop - start), out);
        done = stop;
    }
    out.append(text.substr(done));
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
