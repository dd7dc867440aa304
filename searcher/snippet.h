// Highlighting: the passage shown under a hit and quote texts, with the words
// the query looks for marked. Words are matched by stem, whatever field prefix
// the query gave them, with the same stemmer as the query.
#pragma once

#include <set>
#include <string>

#include <xapian.h>

#include "common/article.h"

namespace newsdesk {

struct Markers {
    std::string start = "**";
    std::string end = "**";
    bool html = false;  // escape the text for HTML (the markers are written as they are)
};

// The stems a query looks for: "ZXBsanction", "ZSpact", "XQSrussel:restraint"
// give "sanction", "pact", "restraint"; unstemmed terms are stemmed.
[[nodiscard]] std::set<std::string> query_stems(const Xapian::Query& query, const Xapian::Stem& stem);

// `text` with every word whose stem is in `stems` wrapped in the markers;
// `matched` (if given) receives the number of distinct stems found.
[[nodiscard]] std::string highlight(std::string_view text, const std::set<std::string>& stems,
                                    const Xapian::Stem& stem, const Markers& markers,
                                    std::size_t* matched = nullptr);

// About `length` bytes of the body (or the headline when there is no body): the
// window holding the most distinct query stems, cut at word boundaries with
// "…" where text was left out, highlighted. Paragraph breaks become spaces.
[[nodiscard]] std::string make_snippet(const Article& article, const std::set<std::string>& stems,
                                       const Xapian::Stem& stem, const Markers& markers,
                                       std::size_t length = 300);

}  // namespace newsdesk
