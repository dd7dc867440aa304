// Countries named in languages other than English: the per-language tables of
// CountryGazetteer::language (iso-codes catalogues, CLDR names, curated aliases)
// matched in any script. English names are left to the main scan (entity_scan).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/article.h"
#include "common/lang/countries.h"
#include "indexer/extract/entity_institutions.h"
#include "indexer/extract/entity_tokens.h"

namespace newsdesk::entities {

// The languages whose country names the article may use, English excepted: its
// detected and declared languages, and the language of each script that writes
// at least 30% of the letters of headline and body (data/countries/script_languages.tsv),
// so a Hindi text is read as Hindi even before its language is detected.
[[nodiscard]] std::vector<std::string> country_languages(const Article& article);

// Counts into `countries` every name of `names` in `text` (tokenised as `tokens`):
// - words of a cased script (Latin, Cyrillic, Greek) count only capitalised;
// - a phrase is its words in order with nothing but spaces or hyphens between,
//   longest first; the word (or phrase) may carry one inflection of
//   data/countries/inflections.tsv ("Russlands", "России", "والصين");
// - in scripts written without spaces (Han, kana, Thai) a name of two or more
//   characters counts anywhere inside a word, longest first ("在中国的" -> CN);
// - a phrase the English gazetteer knows ("China" in German text) is left to the
//   main scan where it read it (`main_scan`: Findings::country_phrases), and
//   counted where that scan took the words for something else ("Staatspräsidenten
//   der Ukraine" read as a name).
void scan_countries(std::string_view text, const std::vector<Token>& tokens,
                    const LanguageCountries& names,
                    const std::unordered_set<const char*>& main_scan, CountryTally& countries);

}  // namespace newsdesk::entities
