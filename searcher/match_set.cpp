#include "searcher/match_set.h"

#include <algorithm>

namespace newsdesk {

namespace {

using Words = std::vector<std::uint64_t>;
using Query = Xapian::Query;

// A term read by skipping to each candidate costs about as much per candidate
// as reading the whole list does per posting, so it is read that way when it
// has this many times more postings than there are candidates.
constexpr Xapian::doccount kSkipAbove = 2;

// The bits set in `w`, in a few instructions: built for any x86-64, without
// -mpopcnt, __builtin_popcountll is a call into libgcc (0.9M instructions of
// a 40M page at 200,000 articles, counting the candidates of each term).
inline unsigned bits_in(std::uint64_t w) {
    w -= (w >> 1) & 0x5555555555555555ull;
    w = (w & 0x3333333333333333ull) + ((w >> 2) & 0x3333333333333333ull);
    w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return static_cast<unsigned>((w * 0x0101010101010101ull) >> 56);
}

Xapian::doccount count_of(const Words& words) {
    Xapian::doccount n = 0;
    for (const std::uint64_t w : words) n += bits_in(w);
    return n;
}

// Works out each subquery's matches within the matches found so far
// ("within"), so that a filter of a few documents reads a few postings of
// the terms it filters, not all of them.
class Evaluator {
  public:
    explicit Evaluator(const Xapian::Database& db) : m_db(db), m_words(db.get_lastdocid() / 64 + 1) {}

    // The matches of `q` among `within` (every document when null); false when it cannot say.
    bool eval(const Query& q, const Words* within, Words& out) {
        out.assign(m_words, 0);
        const std::size_t n = q.get_num_subqueries();
        switch (q.get_type()) {
            case Query::LEAF_MATCH_NOTHING: return true;
            case Query::LEAF_MATCH_ALL: return term("", within, out);
            case Query::LEAF_TERM: {
                auto t = q.get_terms_begin();
                return t != q.get_terms_end() && term(*t, within, out);
            }
            case Query::OP_SCALE_WEIGHT: return n == 1 && eval(q.get_subquery(0), within, out);
            // The right side of AND_MAYBE only adds weight.
            case Query::OP_AND_MAYBE: return n >= 1 && eval(q.get_subquery(0), within, out);
            case Query::OP_OR:
            case Query::OP_SYNONYM:
            case Query::OP_MAX: return each(q, within, out, [](std::uint64_t& a, std::uint64_t b) { a |= b; });
            case Query::OP_XOR: return each(q, within, out, [](std::uint64_t& a, std::uint64_t b) { a ^= b; });
            case Query::OP_AND:
            case Query::OP_FILTER: return all_of(q, within, out);
            case Query::OP_AND_NOT: {
                if (n == 0 || !eval(q.get_subquery(0), within, out)) return false;
                Words other;
                for (std::size_t i = 1; i < n; ++i) {
                    if (!eval(q.get_subquery(i), &out, other)) return false;
                    for (std::size_t w = 0; w < out.size(); ++w) out[w] &= ~other[w];
                }
                return true;
            }
            default: return false;
        }
    }

  private:
    // About how many documents `q` matches: to read the rarest of an AND first.
    Xapian::doccount estimate(const Query& q) {
        switch (q.get_type()) {
            case Query::LEAF_TERM: {
                auto t = q.get_terms_begin();
                return t == q.get_terms_end() ? 0 : m_db.get_termfreq(*t);
            }
            case Query::LEAF_MATCH_NOTHING: return 0;
            case Query::OP_AND:
            case Query::OP_FILTER: {
                Xapian::doccount least = m_db.get_doccount();
                for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) least = std::min(least, estimate(q.get_subquery(i)));
                return least;
            }
            case Query::OP_OR:
            case Query::OP_SYNONYM:
            case Query::OP_MAX:
            case Query::OP_XOR: {
                Xapian::doccount sum = 0;
                for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) sum += estimate(q.get_subquery(i));
                return std::min(sum, m_db.get_doccount());
            }
            case Query::OP_AND_NOT:
            case Query::OP_AND_MAYBE:
            case Query::OP_SCALE_WEIGHT: return q.get_num_subqueries() ? estimate(q.get_subquery(0)) : 0;
            default: return m_db.get_doccount();
        }
    }

    template <typename Op>
    bool each(const Query& q, const Words* within, Words& out, Op op) {
        Words other;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            if (!eval(q.get_subquery(i), within, other)) return false;
            for (std::size_t w = 0; w < out.size(); ++w) op(out[w], other[w]);
        }
        return true;
    }

    // The rarest subquery first, each next one read within the matches so far.
    bool all_of(const Query& q, const Words* within, Words& out) {
        std::vector<std::pair<Xapian::doccount, std::size_t>> order;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) order.emplace_back(estimate(q.get_subquery(i)), i);
        if (order.empty()) return false;
        std::sort(order.begin(), order.end());
        if (!eval(q.get_subquery(order[0].second), within, out)) return false;
        Words next;
        for (std::size_t k = 1; k < order.size(); ++k) {
            if (!eval(q.get_subquery(order[k].second), &out, next)) return false;
            out.swap(next);  // within the matches so far: no AND left to do
        }
        return true;
    }

    bool term(const std::string& name, const Words* within, Words& out) {
        const Xapian::doccount candidates = within ? count_of(*within) : 0;
        auto p = m_db.postlist_begin(name);
        const auto end = m_db.postlist_end(name);
        if (within && candidates * kSkipAbove < m_db.get_termfreq(name)) {
            for (std::size_t w = 0; w < within->size() && p != end; ++w) {
                for (std::uint64_t bits = (*within)[w]; bits != 0 && p != end; bits &= bits - 1) {
                    const auto did = static_cast<Xapian::docid>(w * 64 + static_cast<unsigned>(__builtin_ctzll(bits)));
                    p.skip_to(did);
                    if (p != end && *p == did) out[w] |= std::uint64_t{1} << (did % 64);
                }
            }
            return true;
        }
        for (; p != end; ++p) {
            const Xapian::docid did = *p;
            if (did / 64 < out.size()) out[did / 64] |= std::uint64_t{1} << (did % 64);
        }
        if (within)
            for (std::size_t w = 0; w < out.size(); ++w) out[w] &= (*within)[w];
        return true;
    }

    const Xapian::Database& m_db;
    std::size_t m_words;
};

}  // namespace

Xapian::doccount MatchSet::count() const { return count_of(words); }

std::optional<MatchSet> match_set(const Query& query, const Xapian::Database& db) {
    MatchSet set;
    Evaluator evaluator(db);
    if (!evaluator.eval(query, nullptr, set.words)) return std::nullopt;
    return set;
}

}  // namespace newsdesk
