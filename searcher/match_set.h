// The articles a query matches, as a bitmap over docids, read straight from
// the terms' posting lists: the facet count's set (issue 20). Counting facets
// needs every match but no weights, ranks or order, and Xapian's matcher spent
// about 950 instructions per match on them (an OR of eight terms under two
// language filters, BoolWeight, MatchSpy); a posting read costs about 90 and
// a bitmap operation next to nothing, so a broad query's count costs a
// fraction of the match.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <xapian.h>

namespace newsdesk {

struct MatchSet {
    std::vector<std::uint64_t> words;  // bit D of word D / 64: docid D matches

    [[nodiscard]] Xapian::doccount count() const;
    // Calls f(docid) for each match, in ascending order.
    template <typename F>
    void for_each(F&& f) const {
        for (std::size_t w = 0; w < words.size(); ++w)
            for (std::uint64_t bits = words[w]; bits != 0; bits &= bits - 1)
                f(static_cast<Xapian::docid>(w * 64 + static_cast<unsigned>(__builtin_ctzll(bits))));
    }
};

// The documents of `db` that `query` matches; nullopt when the query holds
// an operator whose matches this does not work out (phrases, NEAR, value
// ranges, wildcards, elite sets, posting sources other than under the right
// side of AND_MAYBE): the caller then runs Xapian's matcher. Throws what
// Xapian throws reading posting lists.
[[nodiscard]] std::optional<MatchSet> match_set(const Xapian::Query& query, const Xapian::Database& db);

}  // namespace newsdesk
