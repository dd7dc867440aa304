// Country names the archive's text does not use: "Türkiye" where the articles
// say Turkey, "Russland" in an archive of English and German news that writes
// Russia. Such a name in a query of plain words also finds the articles about
// that country (its XCOUNTRY term, set by the extractor from whatever name the
// article used).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace newsdesk {

struct CountryWords {
    std::vector<std::string> codes;  // ISO codes, upper case ("TR")
    std::string rest;                // the query's other words, in order
};

// The country names (in English or one of `languages`, the archive's; not ISO
// codes, capitals or cities) of `text`, longest first, that hold a word no headline or
// body of `db` holds, of the countries `db` has articles about, and the text without them. Empty codes when there are
// none, when no unknown word is typed with a capital or outside ASCII (only
// such a word loads the gazetteer), or `text` is not plain words (searcher/proximity.h): the gazetteer's
// other languages are loaded only for a word the index does not hold.
[[nodiscard]] CountryWords unindexed_country_names(const std::string& text, const Xapian::Database& db,
                                                   const std::vector<std::string>& languages);

}  // namespace newsdesk
