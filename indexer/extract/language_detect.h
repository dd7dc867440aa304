// An article's language: CLD2 (Debian's libcld2) on its text, and the page's
// declared language where the text is too short to judge.
#pragma once

#include <string>
#include <string_view>

namespace newsdesk {

// Bytes of body text given to CLD2: the first 32 KiB (cut at a code point)
// are plenty for a reliable answer and keep detection cheap on huge pages.
inline constexpr std::size_t kLanguageSampleBytes = 32 * 1024;

// The BCP 47 primary subtag of an article. CLD2 reads the headline and the
// first kLanguageSampleBytes of the body, without hints (a CLD2 hint for one
// language of a close pair suppresses the other: a Spanish page declaring
// "pt-BR" would come out Portuguese); then:
//  1. CLD2 found no language (no letters): the declared language, else "und".
//  2. Nothing declared: CLD2's answer, however short the text.
//  3. CLD2 calls its answer reliable on at least 60 bytes of letters (about
//     ten English words): its answer, whatever was declared. The answer is
//     the language of most of the text, so an English article followed by a
//     list of Hindi related-post titles is "en".
//  4. Otherwise (short text, or no language clearly ahead): the declared
//     language if the text could be in it (CLD2 found some of it, or found a
//     language in a script it shares), else CLD2's answer: a Hindi headline
//     on a page declaring "en" is "hi", an English one stays "en".
// Codes are BCP 47 rather than CLD2's: "he" (not "iw"), "jv" (not "jw"), "fil"
// (not "tl"), "zh" for Chinese in either script, and "no" for Norwegian
// Bokmål whether detected or declared "no" or "nb" ("nn" stays Nynorsk).
// `declared` may be any tag or locale ("pt-BR", "en_US", "zh-Hant-TW"). Text
// that is not valid UTF-8 is judged without the bad bytes. Never throws.
[[nodiscard]] std::string detect_language(std::string_view body, std::string_view headline,
                                          std::string_view declared);

// The language code of a declared tag or locale, normalised as above
// ("en-US" -> "en", "iw" -> "he", "nb_NO" -> "no", "zh-Hant-TW" -> "zh"); empty
// when it names no language ICU knows ("x-default", "English", "und", "").
[[nodiscard]] std::string declared_language_code(std::string_view tag);

}  // namespace newsdesk
