#include "indexer/extract/language_detect.h"

#include <algorithm>
#include <cstdio>  // compact_lang_det.h uses FILE without including <cstdio>
#include <unordered_set>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>

#include "common/text.h"

namespace newsdesk {

namespace {

bool ascii_letters(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A language CLD2 knows by name, not "unknown" nor one of its pseudo-languages
// (X_PIG_LATIN, X_KLINGON, "xx-Latn" for bare scripts ...).
bool is_real(CLD2::Language lang) {
    return lang != CLD2::UNKNOWN_LANGUAGE && lang != CLD2::TG_UNKNOWN_LANGUAGE &&
           lang < CLD2::X_BORK_BORK_BORK;
}

// The primary subtag of a tag or locale in canonical form; empty when there is
// none. ICU knows the retired codes: iw -> he, in -> id, ji -> yi, jw -> jv,
// mo -> ro, sh -> sr, tl -> fil, cmn -> zh.
std::string canonical_code(std::string_view tag) {
    tag = trim(tag);
    if (tag.empty() || tag.size() > 64) return {};
    std::string name(tag);
    std::replace(name.begin(), name.end(), '_', '-');
    auto lang = ascii_lower(icu::Locale::createCanonical(name.c_str()).getLanguage());
    if (lang.size() < 2 || lang.size() > 3 || !ascii_letters(lang)) return {};
    // Norwegian: CLD2 says "no" for Bokmål and sites declare "nb" or "no";
    // one code lets `lang:no` find them all. Nynorsk stays "nn".
    if (lang == "nb") lang = "no";
    return lang;
}

// ISO 639 codes ICU knows, without the special ones that name no language.
bool is_language(const std::string& code) {
    static const std::unordered_set<std::string> known = [] {
        std::unordered_set<std::string> out;
        for (const char* const* it = uloc_getISOLanguages(); *it; ++it) out.insert(*it);
        for (const char* special : {"und", "mul", "zxx", "mis"}) out.erase(special);
        return out;
    }();
    return known.contains(code);
}

std::string code_of(CLD2::Language lang) {
    return is_real(lang) ? canonical_code(CLD2::LanguageCode(lang)) : std::string();
}

// What CLD2 calls interchange-valid: no control characters but tab and line
// ends, no noncharacters. Anything else becomes a space rather than making
// CLD2 refuse the whole buffer.
bool interchange_valid(char32_t cp) {
    if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
    if (cp >= 0x7F && cp <= 0x9F) return false;
    if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
    return (cp & 0xFFFE) != 0xFFFE;
}

void append_clean(std::string& out, std::string_view text) {
    const auto plain = [](unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r'; };
    for (std::size_t pos = 0; pos < text.size();) {
        // Printable ASCII and line ends, most of any text, copied a run at a time.
        if (plain(static_cast<unsigned char>(text[pos]))) {
            const auto start = pos;
            while (pos < text.size() && plain(static_cast<unsigned char>(text[pos]))) ++pos;
            out.append(text.substr(start, pos - start));
            continue;
        }
        const auto start = pos;
        const auto cp = next_code_point(text, pos);
        if (cp == 0xFFFD || !interchange_valid(cp))
            out += ' ';  // malformed bytes come back as U+FFFD
        else
            out.append(text.substr(start, pos - start));
    }
}

// The headline and the start of the body, as one plain-text buffer.
std::string sample_of(std::string_view body, std::string_view headline) {
    std::string text;
    append_clean(text, utf8_prefix(headline, 1024));
    text += "\n\n";
    append_clean(text, utf8_prefix(body, kLanguageSampleBytes));
    return text;
}

// Letters and spaces CLD2 must see before its answer counts against the
// declared language: about ten English words, 20 Devanagari or Han
// characters. CLD2 calls nearly every guess reliable, yet headline-length
// English comes out French, Norwegian or Kinyarwanda one time in 40. The
// trade-off, measured on BBC headlines, Wikinews headlines, GermEval and
// IL-NER sentences (development data): raising the floor from 0 to 60 makes
// correctly declared headlines 97.5% -> 100% right (German sentences 99.3 ->
// 99.6%, Hindi 98.9 -> 99.7%), and wrongly declared German sentences 99.3 ->
// 87% right; at 150 they would be 23% right for no gain.
constexpr int kMinTextBytes = 60;

struct Detection {
    CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                   CLD2::UNKNOWN_LANGUAGE};  // by share of the text
    int percent3[3] = {0, 0, 0};
    int text_bytes = 0;  // letters and spaces CLD2 scored
    bool reliable = false;
};

// CLD2 on `text` without hints. Its hints do more than boost: hinting one
// language of a close pair suppresses the other, so a Spanish article
// declared "pt-BR" comes out with no language at all (or, best effort,
// Portuguese). The declaration is weighed after, where the text cannot decide.
Detection run_cld2(std::string_view text) {
    const CLD2::CLDHints no_hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    double scores3[3];
    Detection out;
    int valid_bytes = 0;
    // Best effort: short text still gets a guess, for pages declaring nothing.
    const int flags = CLD2::kCLDFlagBestEffort;
    const auto length = static_cast<int>(text.size());
    CLD2::ExtDetectLanguageSummaryCheckUTF8(text.data(), length, true, &no_hints, flags,
                                            out.language3, out.percent3, scores3, nullptr,
                                            &out.text_bytes, &out.reliable, &valid_bytes);
    if (valid_bytes < length) {
        // sample_of leaves nothing CLD2 should refuse; should it still, judge
        // the part before the refused byte rather than nothing.
        const auto valid = utf8_prefix(text, static_cast<std::size_t>(valid_bytes));
        CLD2::ExtDetectLanguageSummary(valid.data(), static_cast<int>(valid.size()), true,
                                       &no_hints, flags, out.language3, out.percent3, scores3,
                                       nullptr, &out.text_bytes, &out.reliable);
    }
    return out;
}

// Whether CLD2 recognises `a` and `b` in a common script (English and
// Kinyarwanda: Latin; Hindi and English: none). Japanese, Korean and Chinese
// share CLD2's Han script.
bool share_script(CLD2::Language a, CLD2::Language b) {
    for (int i = 0; i < 4; ++i) {
        const auto script = CLD2::LanguageRecognizedScript(a, i);
        if (script == CLD2::ULScript_Common) continue;
        for (int j = 0; j < 4; ++j)
            if (CLD2::LanguageRecognizedScript(b, j) == script) return true;
    }
    return false;
}

}  // namespace

std::string declared_language_code(std::string_view tag) {
    auto code = canonical_code(tag);
    return is_language(code) ? code : std::string();
}

std::string detect_language(std::string_view body, std::string_view headline,
                            std::string_view declared) {
    const auto declared_code = declared_language_code(declared);
    const auto found = run_cld2(sample_of(body, headline));
    // The summary's first language is the one covering most of the text.
    const auto top = found.language3[0];
    const auto detected = code_of(top);
    if (detected.empty()) return declared_code.empty() ? "und" : declared_code;
    if (declared_code.empty()) return detected;
    if (found.reliable && found.text_bytes >= kMinTextBytes) return detected;
    // Too little text, or no language clearly ahead: the declaration, if the
    // text could be in it: CLD2 found some of it, or CLD2's language shares a
    // script with it. Not a Hindi headline on a page declaring "en". A
    // declared language CLD2 does not know cannot be checked, and is believed.
    std::string tag(trim(declared));
    std::replace(tag.begin(), tag.end(), '_', '-');
    auto declared_language = CLD2::GetLanguageFromName(tag.c_str());  // knows "zh-TW", "tl"
    if (!is_real(declared_language))
        declared_language = CLD2::GetLanguageFromName(declared_code.c_str());
    if (!is_real(declared_language)) return declared_code;
    for (int i = 0; i < 3; ++i)
        if (found.percent3[i] > 0 && code_of(found.language3[i]) == declared_code)
            return declared_code;
    return share_script(declared_language, top) ? declared_code : detected;
}

}  // namespace newsdesk
