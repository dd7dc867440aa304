#include "indexer/extract/entity_countries_intl.h"

#include <algorithm>
#include <unordered_map>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "common/text.h"

namespace newsdesk::entities {

namespace {

// The letters read to find an article's scripts: enough for a verdict, cheap on long texts.
constexpr std::size_t kScriptSample = 4000;

bool no_space_script(char32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) ||   // hiragana, katakana
           (cp >= 0x3400 && cp <= 0x9FFF) ||   // CJK ideographs
           (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
           (cp >= 0x0E00 && cp <= 0x0EFF) ||   // Thai, Lao
           (cp >= 0x1000 && cp <= 0x109F) ||   // Myanmar
           (cp >= 0x1780 && cp <= 0x17FF);     // Khmer
}

char32_t first_code_point(std::string_view text) {
    std::size_t pos = 0;
    return text.empty() ? 0 : next_code_point(text, pos);
}

struct Word {
    const Token* token = nullptr;
    std::string key;        // intl_key
    bool adjacent = false;  // only spaces or a hyphen since the previous word
};

std::vector<Word> words_of(const std::vector<Token>& tokens) {
    std::vector<Word> words;
    std::size_t marks = 0;
    for (const auto& t : tokens) {
        if (!t.word) {
            ++marks;
            continue;
        }
        words.push_back(Word{&t, intl_key(t.text), !words.empty() && (marks == 0 || (marks == 1 && t.hyphen_before))});
        marks = 0;
    }
    return words;
}

// Names inside a word of a script without spaces: at each character the longest
// name of two or more characters starting there.
void scan_run(const std::string& key, const LanguageCountries& names, CountryTally& countries) {
    std::vector<std::size_t> starts;
    for (std::size_t pos = 0; pos < key.size();) {
        starts.push_back(pos);
        (void)next_code_point(key, pos);
    }
    starts.push_back(key.size());
    const std::size_t chars = starts.size() - 1;
    for (std::size_t i = 0; i + 1 < chars;) {
        std::size_t matched = 0;
        for (std::size_t len = std::min(names.max_chars, chars - i); len >= 2 && !matched; --len)
            if (const auto* code = names.entry(key.substr(starts[i], starts[i + len] - starts[i]))) {
                if (*code != "-") countries.add(*code);
                matched = len;
            }
        i += std::max<std::size_t>(matched, 1);
    }
}

}  // namespace

std::vector<std::string> country_languages(const Article& article) {
    const auto& geo = CountryGazetteer::instance();
    std::vector<std::string> out;
    auto add = [&](std::string language) {
        if (language.empty() || language == "en") return;
        if (std::find(out.begin(), out.end(), language) == out.end()) out.push_back(std::move(language));
    };
    auto primary = [](std::string_view tag) { return ascii_lower(tag.substr(0, tag.find_first_of("-_"))); };
    add(primary(article.language));
    add(primary(article.declared_language));

    std::unordered_map<int, std::size_t> letters_by_script;
    std::size_t letters = 0;
    for (const std::string_view text : {std::string_view(article.headline), std::string_view(article.body)}) {
        for (std::size_t pos = 0; pos < text.size() && letters < kScriptSample;) {
            const char32_t cp = next_code_point(text, pos);
            if (cp < 0x80) {
                letters += (cp | 32) >= 'a' && (cp | 32) <= 'z';
                continue;
            }
            if (!u_isalpha(static_cast<UChar32>(cp))) continue;
            UErrorCode status = U_ZERO_ERROR;
            const auto script = uscript_getScript(static_cast<UChar32>(cp), &status);
            if (U_FAILURE(status)) continue;
            ++letters, ++letters_by_script[script];
        }
    }
    for (const auto& [script, count] : letters_by_script) {
        if (count * 10 < letters * 3) continue;
        if (const char* name = uscript_getShortName(static_cast<UScriptCode>(script)))
            add(geo.script_language(name));
    }
    return out;
}

void scan_countries(std::string_view text, const std::vector<Token>& tokens,
                    const LanguageCountries& names,
                    const std::unordered_set<const char*>& main_scan, CountryTally& countries) {
    if (names.names.empty()) return;
    const auto& geo = CountryGazetteer::instance();
    const auto words = words_of(tokens);
    for (std::size_t k = 0; k < words.size();) {
        const auto& t = *words[k].token;
        const char32_t first = first_code_point(t.text);
        if (t.digit || (u_hasBinaryProperty(static_cast<UChar32>(first), UCHAR_CASED) && !u_isupper(static_cast<UChar32>(first)))) {
            ++k;
            continue;
        }
        if (no_space_script(first)) {
            scan_run(words[k].key, names, countries);
            ++k;
            continue;
        }
        // The longest phrase that may start here: with the word as written or
        // with a prefix rule undone ("والولايات" -> "الولايات").
        std::size_t longest = 1;
        auto consider = [&](const std::string& first_key) {
            if (const auto it = names.first_words.find(first_key); it != names.first_words.end())
                longest = std::max(longest, it->second);
        };
        consider(words[k].key);
        for (const auto& affix : names.affixes)
            if (affix.prefix && words[k].key.starts_with(affix.text))
                consider(affix.name + words[k].key.substr(affix.text.size()));
        longest = std::min(longest, words.size() - k);
        std::size_t matched = 0;
        for (std::size_t n = longest; n >= 1 && !matched; --n) {
            bool contiguous = true;
            std::string phrase = words[k].key;
            for (std::size_t m = k + 1; m < k + n; ++m) {
                contiguous = contiguous && words[m].adjacent;
                phrase += ' ' + words[m].key;
            }
            if (!contiguous) continue;
            const auto* code = names.find_inflected(phrase);
            if (!code) continue;
            matched = n;
            if (*code == "-") continue;
            // What the English gazetteer knows is the main scan's where it read it.
            const auto& last = *words[k + n - 1].token;
            if (main_scan.count(text.data() + t.begin) &&
                geo.find(lookup_key(text.substr(t.begin, last.end - t.begin))))
                continue;
            countries.add(*code);
        }
        k += std::max<std::size_t>(matched, 1);
    }
}

}  // namespace newsdesk::entities
