// Highlighting: the passage shown under a hit and quote texts, with the words
// the query looks for marked. Words are matched by stem, whatever field prefix
// the query gave them, with the same stemmer as the query.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "searcher/query_builder.h"

namespace newsdesk {

struct Markers {
    std::string start = "**";
    std::string end = "**";
    bool html = false;  // escape the text for HTML (the markers are written as they are)
};

// The stems a query looks for: "ZXBsanction", "ZSpact", "XQSrussel:restraint"
// give "sanction", "pact", "restraint"; unstemmed free-text terms are stemmed
// with `stem`; filter terms ("Len", "XCOUNTRYkp") give nothing.
[[nodiscard]] std::set<std::string> query_stems(const Xapian::Query& query, const Xapian::Stem& stem);

// Each distinct word's stem, computed once for every text it is asked for
// (a page's snippets and quotes in one language repeat most of their words).
class StemCache {
  public:
    explicit StemCache(Xapian::Stem stem);
    // The stem of `word`, lower-cased (and folded, when the stemmer's text is:
    // folds_accents) first, as the indexer does.
    const std::string& operator()(std::string_view word);
    // Whether the stemmer keeps a word's ASCII first letter (keeps_first_letter),
    // so that a word no stem sought starts like needs no stemming.
    [[nodiscard]] bool keeps_first_letter() const { return m_keeps_first_letter; }
    // Whether it keeps the second too, but a y (keeps_first_two_letters).
    [[nodiscard]] bool keeps_first_two_letters() const { return m_keeps_first_two_letters; }
    // Whether the ASCII word begins with its stem but the last two letters (keeps_stem_start).
    [[nodiscard]] bool keeps_stem_start() const { return m_keeps_stem_start; }
    // Whether the stemmer's stem of an ASCII word is never longer than the word
    // (never_lengthens), so that a word shorter than every stem sought needs none.
    [[nodiscard]] bool never_lengthens() const { return m_never_lengthens; }

  private:
    Xapian::Stem m_stem;
    bool m_fold;
    bool m_keeps_first_letter;
    bool m_keeps_first_two_letters;
    bool m_keeps_stem_start;
    bool m_never_lengthens;
    std::unordered_map<std::string, std::string> m_stems;
};

// How an article is highlighted: with the stemmer that read the query for its
// language, and the stems that reading looks for.
struct Reading {
    Xapian::Stem stem;
    std::set<std::string> stems;
    std::shared_ptr<StemCache> cache;  // `stem`'s, shared by the texts this reading highlights
};

// The reading for each article language, from the query's branches
// (query_builder.h), so highlighting uses the stemmer the article was matched
// with. Without branches (more like this), `query` is read with each article
// language's own stemmer.
class Highlighter {
  public:
    Highlighter(ParsedQuery parsed, Xapian::Query query);
    [[nodiscard]] const Reading& reading(const std::string& language);

  private:
    ParsedQuery m_parsed;
    Xapian::Query m_query;
    std::map<std::string, Reading> m_readings;
};

// `text` with every word whose stem is in `stems` wrapped in the markers;
// `matched` (if given) receives the number of distinct stems found.
[[nodiscard]] std::string highlight(std::string_view text, const std::set<std::string>& stems,
                                    const Xapian::Stem& stem, const Markers& markers,
                                    std::size_t* matched = nullptr);

// The same with `reading`'s stems, stemmer and cache.
[[nodiscard]] std::string highlight(std::string_view text, const Reading& reading, const Markers& markers,
                                    std::size_t* matched = nullptr);

// About `length` bytes of the body (or the headline when there is no body): the
// window holding the most distinct query stems, cut at word boundaries with
// "…" where text was left out, highlighted. Paragraph breaks become spaces.
[[nodiscard]] std::string make_snippet(const Article& article, const std::set<std::string>& stems,
                                       const Xapian::Stem& stem, const Markers& markers,
                                       std::size_t length = 300);
[[nodiscard]] std::string make_snippet(const Article& article, const Reading& reading, const Markers& markers,
                                       std::size_t length = 300);

}  // namespace newsdesk
