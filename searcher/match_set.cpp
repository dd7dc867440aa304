#include "searcher/match_set.h"

namespace newsdesk {

Xapian::doccount MatchSet::count() const {
    Xapian::doccount n = 0;
    for (const std::uint64_t w : words) n += static_cast<Xapian::doccount>(__builtin_popcountll(w));
    return n;
}

namespace {

using Words = std::vector<std::uint64_t>;

class Evaluator {
  public:
    explicit Evaluator(const Xapian::Database& db) : m_db(db), m_words(db.get_lastdocid() / 64 + 1) {}

    // The matches of `q`, false when it cannot say.
    bool eval(const Xapian::Query& q, Words& out) {
        out.assign(m_words, 0);
        const std::size_t n = q.get_num_subqueries();
        switch (q.get_type()) {
            case Xapian::Query::LEAF_MATCH_NOTHING: return true;
            case Xapian::Query::LEAF_MATCH_ALL: return postings("", out);
            case Xapian::Query::LEAF_TERM: {
                auto t = q.get_terms_begin();
                return t != q.get_terms_end() && postings(*t, out);
            }
            case Xapian::Query::OP_SCALE_WEIGHT: return n == 1 && eval(q.get_subquery(0), out);
            // The right side of AND_MAYBE only adds weight.
            case Xapian::Query::OP_AND_MAYBE: return n >= 1 && eval(q.get_subquery(0), out);
            case Xapian::Query::OP_OR:
            case Xapian::Query::OP_SYNONYM:
            case Xapian::Query::OP_MAX:
                return combine(q, out, [](std::uint64_t& a, std::uint64_t b) { a |= b; });
            case Xapian::Query::OP_XOR: return combine(q, out, [](std::uint64_t& a, std::uint64_t b) { a ^= b; });
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_FILTER:
                return combine(q, out, [](std::uint64_t& a, std::uint64_t b) { a &= b; });
            case Xapian::Query::OP_AND_NOT:
                return combine(q, out, [](std::uint64_t& a, std::uint64_t b) { a &= ~b; });
            default: return false;
        }
    }

  private:
    template <typename Op>
    bool combine(const Xapian::Query& q, Words& out, Op op) {
        const std::size_t n = q.get_num_subqueries();
        if (n == 0 || !eval(q.get_subquery(0), out)) return false;
        Words other;
        for (std::size_t i = 1; i < n; ++i) {
            if (!eval(q.get_subquery(i), other)) return false;
            for (std::size_t w = 0; w < out.size(); ++w) op(out[w], other[w]);
        }
        return true;
    }

    bool postings(const std::string& term, Words& out) {
        for (auto p = m_db.postlist_begin(term), end = m_db.postlist_end(term); p != end; ++p) {
            const Xapian::docid did = *p;
            if (did / 64 < out.size()) out[did / 64] |= std::uint64_t{1} << (did % 64);
        }
        return true;
    }

    const Xapian::Database& m_db;
    std::size_t m_words;
};

}  // namespace

std::optional<MatchSet> match_set(const Xapian::Query& query, const Xapian::Database& db) {
    MatchSet set;
    Evaluator evaluator(db);
    if (!evaluator.eval(query, set.words)) return std::nullopt;
    return set;
}

}  // namespace newsdesk
