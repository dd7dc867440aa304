#include "common/person_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <unordered_set>
#include <vector>

#include "common/data_dir.h"
#include "common/schema.h"
#include "common/text.h"

namespace newsdesk {

namespace {

// Case-folded, decomposed and stripped of combining marks ("Erdoğan" -> "erdogan").
std::string folded_without_marks(std::string_view text) {
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    u.foldCase();
    UErrorCode status = U_ZERO_ERROR;
    const auto* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_SUCCESS(status)) {
        auto decomposed = nfd->normalize(u, status);
        if (U_SUCCESS(status)) u = std::move(decomposed);
    }
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

const std::unordered_set<std::string>& honorifics() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> out;
        for (const auto& line : read_data_list("people/honorifics.txt")) out.insert(normalise_term_value(line));
        return out;
    }();
    return words;
}

}  // namespace

std::string person_key(std::string_view name) {
    bool ascii = true;
    for (const unsigned char c : name) ascii = ascii && c < 0x80;
    // Most names are ASCII: term_words lower-cases them without ICU.
    const auto words = term_words(ascii ? std::string(name) : folded_without_marks(name));
    std::string key;
    for (const auto& w : words) {
        // Single-letter initials ("r" of "John R. Bolton"), in any script.
        std::size_t letters = 0;
        for (const unsigned char c : w) letters += (c & 0xC0) != 0x80;
        const bool initial = letters == 1;
        if (initial || honorifics().count(w)) continue;
        key += (key.empty() ? "" : " ") + w;
    }
    return key.empty() ? normalise_term_value(name) : key;
}

}  // namespace newsdesk
