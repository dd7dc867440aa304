// Query text -> Xapian::Query, with every field prefix of the schema.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "searcher/proximity.h"

namespace newsdesk {

// The query as one stemmer reads it, and the index languages it serves.
struct QueryBranch {
    std::vector<std::string> languages;  // index languages (codes of their L terms) this branch matches in
    Xapian::Stem stem;                   // "none" for the exact-form branch
    Xapian::Query query;                 // parsed with `stem`, without the language restriction
};

struct ParsedQuery {
    Xapian::Query query;
    // The text a "did you mean" may correct (spelling_correction), asked by
    // the caller only when few articles match; empty: none to offer.
    std::string correctable;
    // The words were read as any of them (kKeywordQueryWords): a sentence, or
    // words too few articles hold together.
    bool any_word = false;
    // The distinct free-text words of the query (after stopwords), in the
    // reading that holds most.
    std::size_t words = 0;
    // One per stemmer the query is read with; never empty. Highlighting an
    // article uses the branch of its language (branch_for).
    std::vector<QueryBranch> branches;
    // The words were read as all of them without counting the articles that
    // hold them all (WordsReading::all_uncounted): whoever runs the query
    // counts its matches, and parses again with WordsReading::any when fewer
    // than kEnoughMatches match.
    bool all_words_uncounted = false;

    // The branch that matched an article in `language`: the one listing it, else
    // the exact-form one, else the first.
    [[nodiscard]] const QueryBranch& branch_for(std::string_view language) const;
};

// A query may hold at most kMaxWildcards wildcards ("diplom*"); they share
// kMaxWildcardExpansion terms, kept most frequent first, in each field they
// search (one wildcard: 1000 terms, two: 500 each). Without a cap, each "a*"
// would open a posting list for every term of the lexicon starting with "a".
inline constexpr std::size_t kMaxWildcards = 10;
inline constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

// Words typed without operators between them (after stopwords are dropped):
// a query of at most kKeywordQueryWords words that at least kEnoughMatches
// articles hold in full means all its words; otherwise (a sentence, or words
// that few articles hold together) it means any of them, and an article
// holding all of them has that part of its weight multiplied by
// 1 + kAllWordsBoost, so those come first and then those holding most.
inline constexpr std::size_t kKeywordQueryWords = 3;
inline constexpr Xapian::doccount kEnoughMatches = 5;  // half a page: "north korea" on the bundled corpus (6)
inline constexpr double kAllWordsBoost = 10.0;
// Who decides between the two readings of such a query. `count`: a match of
// its own, stopping at the kEnoughMatches-th article holding all the words.
// `all_uncounted`: the query is read as all the words and the caller, who
// runs it anyway and counts its matches, decides (one match fewer where they
// are enough; ParsedQuery::all_words_uncounted). `any`: read as any of them
// (the caller counted too few).
enum class WordsReading { count, all_uncounted, any };
// A query of plain words read as any of them also weighs each pair of
// consecutive words found within kProximityWindow words of each other
// (searcher/proximity.h), at kProximityWeight of their BM25 weight: measured on
// the TIME questions (README, "Ranking"), 0.05 raised MAP, more lowered it.
inline constexpr Xapian::termcount kProximityWindow = 8;
inline constexpr double kProximityWeight = 0.05;

// Parses `text` against `db` (used for wildcard expansion and spelling). Syntax:
// words, "phrases", AND/OR/NOT, +/-, trailing wildcards; free-text fields
// headline: (title:) caption: quote: body: byline:; filters source: lang:
// country: (name or ISO code) expert: person: institution: (org:) speaker:
// (a name typed in a query matches every indexed name holding all its words:
// `person:putin`, searcher/name_filter.h; a --filter value matches the one
// name it counted);
// date:YYYY[-MM[-DD]] and date:A..B ranges. Filters of one kind OR together,
// different kinds AND, and filters do not change the ranking. quote:WORDS with
// speaker:NAME matches words that NAME said. An empty query matches everything.
// Throws newsdesk::UsageError with a one-line message on a syntax error or more
// than kMaxWildcards wildcards.
//
// A country name (English, or a language of the archive) no article's text
// uses ("Türkiye" where articles say Turkey) means the
// articles about that country holding the other words (searcher/country_words.h).
//
// Stemming (docs/schema.md, "Languages at query time"): with lang: filters in
// the text or `languages` given (the request's language filters), the words are
// stemmed with those languages' stemmers. Otherwise each language of the index
// (its L terms; an index without any counts as English) whose writing script
// fits a word of the query reads the query with its own stemmer, restricted to
// its articles; the other languages, and those without a stemmer, match the
// exact forms. The branches are ORed; each article matches in one branch only,
// so its BM25 weight is that of its language's reading. When every branch reads
// the query alike, it is not split. Chinese, Japanese and Korean words are
// matched as character n-grams, as indexed.
//
// `filter` (if not empty) restricts every reading with OP_FILTER, so it never
// changes the ranking, and the text cannot undo it whatever brackets, quotes
// or operators it holds: the query is what the text with the filter typed
// after it in brackets would give when that parses as intended ("(korea)
// date:2020-01-01..2020-12-31" for date_range("2020-01-01", "2020-12-31")),
// and an empty text is the filter alone.
//
// `lookup`: how far the proximity boost may look its pairs up in `db`
// shard, and the query will be run on it as it is, so the proximity boost may
// name articles by their docids (searcher/proximity.h).
[[nodiscard]] ParsedQuery parse_user_query(const std::string& text, const Xapian::Database& db,
                                           const std::vector<std::string>& languages = {},
                                           const Xapian::Query& filter = {}, PairLookup lookup = PairLookup::few,
                                           WordsReading reading = WordsReading::count);

// "Did you mean": `text` (a ParsedQuery's correctable text) with each plain
// word no headline or body holds replaced by the index's spelling suggestion
// for it; empty when no word was replaced.
[[nodiscard]] std::string spelling_correction(const std::string& text, const Xapian::Database& db);

// Whether at least `n` articles match `query` (a match that stops at the n-th).
[[nodiscard]] bool matches_at_least(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount n);

// The articles dated from `from` to `to`, both YYYY-MM-DD and inclusive, either
// empty for an open end, as the query syntax date:FROM..TO reads them (a range
// over slot::date; undated articles are outside every range). Both empty: an
// empty query (no restriction).
[[nodiscard]] Xapian::Query date_range(const std::string& from, const std::string& to);

// The word of a free-text term ("ZXBsanction" -> "sanction",
// "XQSrussel:restraint" -> "restraint"); empty for a filter term ("Len").
[[nodiscard]] std::string free_text_word(std::string_view term);

// parse_user_query(text, db).query
[[nodiscard]] Xapian::Query build_query(const std::string& text, const Xapian::Database& db);

}  // namespace newsdesk
