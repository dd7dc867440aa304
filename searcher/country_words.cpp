#include "searcher/country_words.h"

#include <algorithm>
#include <optional>

#include "common/lang/countries.h"
#include "common/schema.h"
#include "common/text.h"
#include "common/unicode_fold.h"
#include "searcher/proximity.h"

namespace newsdesk {

namespace {

// Longest country name in words tried at one place of the query.
constexpr std::size_t kMaxNameWords = 4;

// Whether some headline or body holds `word`, folded or as typed (lower case).
bool indexed(const Xapian::Database& db, const std::string& word) {
    const std::string lower = Xapian::Unicode::tolower(word), folded = fold_for_search(word);
    for (const auto field : {prefix::body, prefix::headline})
        for (const auto& form : {lower, folded})
            if (db.term_exists(std::string(field) + form)) return true;
    return false;
}

// The country a phrase names in English (iso-codes names, curated aliases and
// demonyms, with or without accents) or in one of `languages` (the archive's):
// not by its ISO code ("IN", "us" are words), a capital or a city. Each other
// language's table costs milliseconds to load, so not every language is tried.
std::optional<std::string> country_named(const std::string& phrase, const std::vector<std::string>& languages) {
    if (phrase.size() <= 3) return std::nullopt;
    const auto& gazetteer = CountryGazetteer::instance();
    if (const auto* entry = gazetteer.find(lookup_key(phrase));
        entry && !entry->code.empty() && (entry->cue == CountryCue::name || entry->cue == CountryCue::demonym))
        return entry->code;
    const auto key = intl_key(phrase);
    for (const auto& language : languages)
        if (const auto* code = gazetteer.language(language).find(key)) return *code;
    return std::nullopt;
}

}  // namespace

CountryWords unindexed_country_names(const std::string& text, const Xapian::Database& db,
                                     const std::vector<std::string>& languages) {
    CountryWords found;
    if (!is_plain_words(text)) return found;
    std::vector<std::string> words;
    for (const auto word : split_words(text)) words.emplace_back(word);
    // Loading the gazetteer costs ~50M instructions (ICU's region names,
    // iso-codes' JSON): more than ten plain searches. So only a word that
    // looks like a name is looked up: one typed with a capital or outside
    // ASCII ("Türkiye", "türkiye", "Nordkorea"); a lower-case ASCII word
    // the index lacks is a typo far more often ("zzqqxx", "goverment").
    // Without one, the index is not asked either (a look-up per field and
    // form of each word, blocks a plain search would read again).
    const auto name_like = [](const std::string& word) {
        const unsigned char first = static_cast<unsigned char>(word.front());
        return (first >= 'A' && first <= 'Z') ||
               std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    };
    if (std::none_of(words.begin(), words.end(), name_like)) return found;
    std::vector<bool> known(words.size());
    bool any_unknown = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        known[i] = indexed(db, words[i]);
        any_unknown = any_unknown || (!known[i] && name_like(words[i]));
    }
    if (!any_unknown) return found;
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < words.size();) {
        std::size_t taken = 0;
        for (std::size_t n = std::min(kMaxNameWords, words.size() - i); n >= 1 && !taken; --n) {
            if (std::all_of(known.begin() + static_cast<std::ptrdiff_t>(i), known.begin() + static_cast<std::ptrdiff_t>(i + n),
                            [](bool k) { return k; }))
                continue;
            std::string phrase = words[i];
            for (std::size_t j = i + 1; j < i + n; ++j) phrase += " " + words[j];
            auto code = country_named(phrase, languages);
            // Only a country the archive has articles about.
            if (code && db.term_exists(make_term(prefix::country, normalise_term_value(*code)))) {
                if (std::find(found.codes.begin(), found.codes.end(), *code) == found.codes.end())
                    found.codes.push_back(std::move(*code));
                taken = n;
            }
        }
        if (taken) {
            i += taken;
            continue;
        }
        rest.push_back(words[i++]);
    }
    for (const auto& w : rest) (found.rest += found.rest.empty() ? "" : " ") += w;
    return found;
}

}  // namespace newsdesk
