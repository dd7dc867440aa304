// The index schema: every term prefix, value slot and the document data format,
// shared by indexer and searcher. The only place either side learns a prefix.
// Described for users in docs/schema.md; change both together.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/facet_set.h"

namespace newsdesk {

// Bump when the meaning of a prefix, slot or the data changes; stored in the
// database metadata under "newsdesk:schema" so a reader can refuse an old index.
inline constexpr std::string_view kSchemaVersion = "4";

namespace prefix {
// Unique id: "Q" + article id (URL, else path#N). Omega's convention.
inline constexpr std::string_view id = "Q";
// Source file (written by every database build, full or --update): "XFILE" + the input file's
// canonical path (long paths hashed as id terms are), so the articles of a file
// that is gone are deleted with one delete_document(term).
inline constexpr std::string_view source_file = "XFILE";
// Free-text fields, indexed with positions (and also unprefixed as free text).
inline constexpr std::string_view headline = "S";  // Omega's prefix for titles
inline constexpr std::string_view byline = "A";    // Omega's prefix for authors
inline constexpr std::string_view caption = "XCAP";
inline constexpr std::string_view quote = "XQ";
inline constexpr std::string_view body = "XB";
// Boolean filter terms; values lower case.
inline constexpr std::string_view language = "L";      // "Len"
inline constexpr std::string_view source = "XSOURCE";  // normalised outlet name, see normalise_term_value
inline constexpr std::string_view year = "Y";          // "Y2024"
inline constexpr std::string_view month = "M";         // "M202406"
inline constexpr std::string_view day = "D";           // "D20240621"
// Near-duplicate signature (the slot::collapse value) as a boolean term, so the
// copies folded into a hit are counted exactly, on remote shards too:
// "XDUP" + 16 hex digits.
inline constexpr std::string_view duplicate = "XDUP";
// Entities (boolean, values from normalise_term_value).
inline constexpr std::string_view expert = "XEXPERT";
inline constexpr std::string_view person = "XPERSON";
inline constexpr std::string_view institution = "XORG";
inline constexpr std::string_view country = "XCOUNTRY";  // ISO 3166-1 alpha-2, lower case
// Quoted speakers: one term per word of the speaker's name ("XSPEAKERcha"), and
// quote words tied to the speaker's surname (last word of the name),
// "XQS" + surname + ":" + stemmed word, so that
// quote:restraint speaker:russel means "Russel said something about restraint".
inline constexpr std::string_view speaker = "XSPEAKER";
inline constexpr std::string_view speaker_quote = "XQS";
}  // namespace prefix

namespace slot {
inline constexpr Xapian::valueno date = 0;      // "YYYYMMDD"; sorting, date ranges, date facet
// slot 1 is unused (was days since 1970; recency and dates cover it).
inline constexpr Xapian::valueno collapse = 2;  // near-duplicate signature (16 hex digits); collapse key
inline constexpr Xapian::valueno recency = 3;   // sortable_serialise(2^((days - kRecencyEpochDays) / kRecencyHalfLifeDays))
// slots 4-9 are unused (schema 1 kept one facet per slot: six spies per match).
// Every facet value of the article in one slot, so that one pass over the
// match counts all facets: each value tagged with its facet's letter
// (facet_tag), with a 64-bit id (and a person's id for people and experts),
// as a sorted set (common/facet_set.h). Remote shards count it with the
// built-in ValueCountMatchSpy (which stock xapian-tcpsrv runs), whose per-set
// counts the searcher adds to every value in each set; local searches read
// only the texts of the values they show from it. Schema 2 held the tagged
// values joined by U+001F, which the searcher had to split and hash per match.
inline constexpr Xapian::valueno facets = 10;
// The order of equal scores: "YYYYMMDD" ("00000000" undated) + 16 hex digits of
// FNV-1a(id term). Sorted descending after relevance, so ties come newest first
// and in the same order however the collection is split into shards (docids,
// Xapian's own tie-break, differ between one database and its shards).
inline constexpr Xapian::valueno tiebreak = 11;
// The same set as ids only (facet_id, common/facet_set.h), which local
// databases count with the searcher's own match spy: half the bytes per
// match, no texts to skip (schema 4).
inline constexpr Xapian::valueno facet_ids = 12;
}  // namespace slot

// The letter before each value in slot::facets: which facet the value belongs to.
namespace facet_tag {
inline constexpr char country = 'c';      // ISO code, upper case ("KP")
inline constexpr char copy = 'k';         // near-duplicate signature (slot::collapse): copies fold
inline constexpr char date = 'd';         // YYYYMMDD
inline constexpr char expert = 'e';       // display name
inline constexpr char institution = 'i';  // canonical name
inline constexpr char language = 'l';     // code ("en")
inline constexpr char person = 'p';       // display name
inline constexpr char source = 's';       // outlet display name
}  // namespace facet_tag

// The facets: what a search counts (slot::facets) and filters by (a boolean
// term). One row per facet, in the order the search page's sidebar and
// `--facets default` show them. Every list of facet names reads this one: the
// searcher's (searcher/facets.h), the web request's filter parameters and the
// page's titles (searcher/cgi/) and the --facets help.
struct FacetField {
    std::string_view name;           // for --facets, --filter NAME=VALUE and the page's URL parameter
    std::string_view alias;          // a second name --filter and the query syntax take ("org"), or empty
    char tag;                        // its values' letter in slot::facets (facet_tag)
    std::string_view filter_prefix;  // the boolean term a filter on a value looks up (dates: Y, M or D)
    std::string_view title;          // the search page's sidebar heading
    std::string_view singular;       // the search page's label of one filter ("Country: North Korea")
    bool by_default;                 // counted by --facets default
};
inline constexpr FacetField kFacets[] = {
    {"country", "", facet_tag::country, prefix::country, "Countries", "Country", true},
    {"expert", "", facet_tag::expert, prefix::expert, "Experts", "Expert", true},
    {"institution", "org", facet_tag::institution, prefix::institution, "Institutions", "Institution", true},
    {"person", "", facet_tag::person, prefix::person, "People", "Person", true},
    {"language", "lang", facet_tag::language, prefix::language, "Languages", "Language", true},
    {"source", "", facet_tag::source, prefix::source, "Sources", "Source", false},
    {"date", "", facet_tag::date, prefix::day, "Months", "Month", true},  // the page counts dates by month
};

// Recency: a value that doubles every half-life, so the searcher can turn it
// into relevance + alpha * 0.5^(age / half-life) with built-in Xapian pieces only
// (ValueWeightPostingSource scaled by OP_SCALE_WEIGHT), which also run remotely.
inline constexpr double kRecencyHalfLifeDays = 30.0;
inline constexpr double kRecencyEpochDays = 10957.0;  // 2000-01-01

// Document data: the article's `--extract` JSON record (common/article.h to_json),
// serialised compactly.

// Weight multipliers applied through wdf at index time: a headline word counts
// as much as this many body occurrences.
inline constexpr Xapian::termcount kHeadlineWeight = 4;
inline constexpr Xapian::termcount kCaptionWeight = 1;

// Folds accents and compatibility forms (fold_for_search, common/unicode_fold.h),
// lower-cases ASCII, folds runs of non-alphanumerics to one space and trims, so
// "The  Hindu", "the hindu" meet, and "Müller", "Muller". Used for source and entity term values.
[[nodiscard]] std::string normalise_term_value(std::string_view value);

// The unique id term of an article: "Q" + id; ids too long for a Xapian term
// keep a prefix and gain a stable 64-bit FNV-1a hash of the whole id.
[[nodiscard]] std::string id_term(std::string_view id);

// The source-file term of an input path: "XFILE" + path, shortened as id_term does.
[[nodiscard]] std::string file_term(std::string_view path);

// The slot::tiebreak value of an article dated `ymd` ("YYYYMMDD" or empty)
// with id term `id_term`.
[[nodiscard]] std::string tiebreak_value(std::string_view ymd, std::string_view id_term);

// The words of normalise_term_value(value).
[[nodiscard]] std::vector<std::string> term_words(std::string_view value);

// prefix + value, with ":" between them when the value starts with an upper-case
// letter (Xapian's convention for unambiguous prefixed terms).
[[nodiscard]] std::string make_term(std::string_view prefix, std::string_view value);

}  // namespace newsdesk
