#include "common/unicode_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace newsdesk {

std::string fold_and_compose(std::string_view text) {
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    u.foldCase();
    UErrorCode status = U_ZERO_ERROR;
    const auto* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) {
        auto composed = nfc->normalize(u, status);
        if (U_SUCCESS(status)) u = std::move(composed);
    }
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace newsdesk
