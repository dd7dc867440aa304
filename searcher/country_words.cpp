#include "searcher/country_words.h"

#include <algorithm>
#include <optional>

#include "common/lang/countries.h"
#include "common/schema.h"
#include "common/unicode_fold.h"
#include "searcher/proximity.h"

namespace newsdesk {

namespace {

// Longest country name in words tried at one place of the query.
constexpr std::size_t kMaxNameWords = 4;

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::size_t pos = 0;
    while ((pos = text.find_first_not_of(" \t", pos)) != std::string::npos) {
        auto end = text.find_first_of(" \t", pos);
        if (end == std::string::npos) end = text.size();
        words.push_back(text.substr(pos, end - pos));
        pos = end;
    }
    return words;
}

// Whether some headline or body holds `word`, folded or as typed (lower case).
bool indexed(const Xapian::Database& db, const std::string& word) {
    const std::string lower = Xapian::Unicode::tolower(word), folded = fold_for_search(word);
    for (const auto field : {prefix::body, prefix::headline})
        for (const auto& form : {lower, folded})
            if (db.term_exists(std::string(field) + form)) return true;
    return false;
}

// The country a phrase names, not by its ISO code ("IN", "us" are words).
std::optional<std::string> country_named(const std::string& phrase) {
    if (phrase.size() <= 3) return std::nullopt;
    return CountryGazetteer::instance().code_for(phrase);
}

}  // namespace

CountryWords unindexed_country_names(const std::string& text, const Xapian::Database& db) {
    CountryWords found;
    if (!is_plain_words(text)) return found;
    const auto words = split_words(text);
    std::vector<bool> known(words.size());
    bool any_unknown = false;
    for (std::size_t i = 0; i < words.size(); ++i) any_unknown = any_unknown || !(known[i] = indexed(db, words[i]));
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
            if (auto code = country_named(phrase)) {
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
