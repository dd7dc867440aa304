// The page of a plain search from what a match spy saw (issue 20, the command
// line): when a spy saw every matching article with its weight and
// near-duplicate signature, the page Xapian's collapsing match sorted by
// relevance then slot::tiebreak would give is worked out here, so that match
// reads neither the signature twice nor the tie-break value of every
// candidate (two value streams decoded from their start: about 3,700
// instructions a candidate each at 20,000 articles), only where weights tie.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdesk {

// A matching article as the spy saw it.
struct SeenArticle {
    Xapian::docid docid = 0;
    double weight = 0;
    std::string signature;  // slot::collapse; empty: folded with no other
};

// The page of a match: the articles shown, best first, as indexes into the
// articles seen, with the copies folded into each.
struct CollapsedPage {
    std::vector<std::size_t> hits;
    std::vector<Xapian::doccount> articles;  // per hit: the articles seen with its signature (1 without)
    Xapian::doccount folded = 0;             // the articles seen, the copies of each signature counted once
};

// The page of `seen` (every matching article, each once): one article per
// signature (the best of its copies), articles without a signature each on
// their own, ordered by weight, then tie-break value descending, then docid
// ascending (Xapian's order with set_sort_by_relevance_then_value(slot::tiebreak,
// true) and a collapse key), from `offset`, at most `limit`. `tiebreak` gives
// an article's tie-break value; it is asked only for articles whose weight
// equals another's they are compared with, and at most once each.
[[nodiscard]] CollapsedPage collapsed_page(const std::vector<SeenArticle>& seen, Xapian::doccount offset,
                                           Xapian::doccount limit,
                                           const std::function<std::string(Xapian::docid)>& tiebreak);

}  // namespace newsdesk
