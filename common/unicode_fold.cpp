#include "common/unicode_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace newsdesk {

namespace {

// `text` case-folded and normalised by `form` (NFC or NFD); left as folded if ICU fails.
icu::UnicodeString folded(std::string_view text, const icu::Normalizer2* (*form)(UErrorCode&)) {
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    u.foldCase();
    UErrorCode status = U_ZERO_ERROR;
    const auto* normalizer = form(status);
    if (U_SUCCESS(status)) {
        auto normalised = normalizer->normalize(u, status);
        if (U_SUCCESS(status)) u = std::move(normalised);
    }
    return u;
}

}  // namespace

std::string fold_and_compose(std::string_view text) {
    std::string out;
    folded(text, icu::Normalizer2::getNFCInstance).toUTF8String(out);
    return out;
}

std::string fold_without_marks(std::string_view text) {
    const auto u = folded(text, icu::Normalizer2::getNFDInstance);
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

}  // namespace newsdesk
