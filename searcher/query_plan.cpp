#include "searcher/query_plan.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "common/schema.h"
#include "searcher/language_terms.h"

namespace newsdesk {

namespace {

using Query = Xapian::Query;
using Terms = std::vector<std::string>;  // sorted

bool is_language_term(const std::string& term) { return term.starts_with(prefix::language); }

// The language terms `q` restricts to: one L term or an OR of L terms.
std::optional<Terms> language_set(const Query& q) {
    Terms terms;
    if (q.get_type() == Query::LEAF_TERM) {
        const auto t = q.get_terms_begin();
        if (t == q.get_terms_end() || !is_language_term(*t)) return std::nullopt;
        terms.push_back(*t);
        return terms;
    }
    if (q.get_type() != Query::OP_OR) return std::nullopt;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        const Query sub = q.get_subquery(i);
        if (sub.get_type() != Query::LEAF_TERM) return std::nullopt;
        const auto t = sub.get_terms_begin();
        if (t == sub.get_terms_end() || !is_language_term(*t)) return std::nullopt;
        terms.push_back(*t);
    }
    std::sort(terms.begin(), terms.end());
    return terms;
}

// Which of a FILTER's boolean subqueries (1 on) is its one language set; 0 when none.
std::size_t language_filter_at(const Query& q) {
    if (q.get_type() != Query::OP_FILTER) return 0;
    std::size_t at = 0;
    for (std::size_t i = 1; i < q.get_num_subqueries(); ++i) {
        if (!language_set(q.get_subquery(i))) continue;
        if (at != 0) return 0;  // two: left as they are
        at = i;
    }
    return at;
}

class Planner {
  public:
    // `merge`: the branches of an OR under OP_MAX where they are disjoint.
    Planner(const Xapian::Database& db, bool merge) : m_merge(merge) {
        Xapian::doccount sum = 0;
        for (auto& l : language_terms(db)) {
            sum += l.articles;
            m_languages.emplace_back(std::move(l.term), l.articles);
        }
        // Each article holds one language term (indexer/document): then their
        // frequencies add up to the article count, and not otherwise.
        m_one_each = !m_languages.empty() && sum == db.get_doccount();
    }

    [[nodiscard]] bool usable() const { return m_one_each; }
    [[nodiscard]] bool rewritten() const { return m_rewritten; }

    Query plan(const Query& q) {
        const Query::op type = q.get_type();
        if (type != Query::OP_OR && type != Query::OP_AND && type != Query::OP_FILTER &&
            type != Query::OP_AND_NOT && type != Query::OP_AND_MAYBE)
            return q;
        const std::size_t n = q.get_num_subqueries();
        Query::op op = type;
        if (m_merge && type == Query::OP_OR && n >= 2 && disjoint_branches(q)) {
            op = Query::OP_MAX;
            m_rewritten = true;
        }
        std::vector<Query> subs;
        subs.reserve(n);
        for (std::size_t i = 0; i < n; ++i) subs.push_back(plan(q.get_subquery(i)));
        if (const std::size_t at = language_filter_at(q); at != 0) return without_common_languages(subs, at);
        return Query(op, subs.begin(), subs.end());
    }

  private:
    // Whether every subquery of an OR is restricted to languages no other one is.
    static bool disjoint_branches(const Query& q) {
        Terms seen;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            const Query sub = q.get_subquery(i);
            const std::size_t at = language_filter_at(sub);
            if (at == 0) return false;
            const Terms terms = *language_set(sub.get_subquery(at));
            for (const auto& t : terms)
                if (std::binary_search(seen.begin(), seen.end(), t)) return false;
            seen.insert(seen.end(), terms.begin(), terms.end());
            std::sort(seen.begin(), seen.end());
        }
        return true;
    }

    // FILTER(subs...) whose subs[at] is a language set: when the articles of
    // the other languages are fewer, the same without them (AND_NOT).
    Query without_common_languages(std::vector<Query>& subs, std::size_t at) {
        const Terms wanted = *language_set(subs[at]);
        Xapian::doccount in = 0, out = 0;
        std::vector<Query> others;
        for (const auto& [term, freq] : m_languages) {
            if (std::binary_search(wanted.begin(), wanted.end(), term)) {
                in += freq;
            } else {
                out += freq;
                others.emplace_back(term);
            }
        }
        if (out >= in) return Query(Query::OP_FILTER, subs.begin(), subs.end());
        m_rewritten = true;
        subs.erase(subs.begin() + static_cast<std::ptrdiff_t>(at));
        Query kept = subs.size() == 1 ? subs.front() : Query(Query::OP_FILTER, subs.begin(), subs.end());
        if (others.empty()) return kept;  // every article is in one of them
        return Query(Query::OP_AND_NOT, kept, Query(Query::OP_OR, others.begin(), others.end()));
    }

    std::vector<std::pair<std::string, Xapian::doccount>> m_languages;  // every L term and its frequency
    bool m_merge;
    bool m_one_each = false;
    bool m_rewritten = false;
};

// Whether `q` holds a phrase or NEAR: Xapian weighs their terms by where they
// stand among the query's other conditions (it checks positions at the top of
// each AND it can), so a filter around the query, as the searcher adds to
// find the percentages, can change a hit's weight.
bool positional(const Query& q) {
    if (q.get_type() == Query::OP_PHRASE || q.get_type() == Query::OP_NEAR) return true;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        if (positional(q.get_subquery(i))) return true;
    return false;
}

Query plan(const Query& query, const Xapian::Database& db, bool merge, bool& rewritten) {
    rewritten = false;
    if (positional(query)) return query;
    Planner planner(db, merge);
    if (!planner.usable()) return query;
    Query planned = planner.plan(query);
    rewritten = planner.rewritten();
    return rewritten ? planned : query;
}

}  // namespace

Query planned_query(const Query& query, const Xapian::Database& db, bool& rewritten) {
    return plan(query, db, true, rewritten);
}

Query restricted_query(const Query& query, const Xapian::Database& db, bool& rewritten) {
    return plan(query, db, false, rewritten);
}

Xapian::doccount match_upper_bound(const Query& query, const Xapian::Database& db, Xapian::doccount cap) {
    cap = std::min(cap, db.get_doccount());
    const std::size_t n = query.get_num_subqueries();
    switch (query.get_type()) {
        case Query::LEAF_MATCH_NOTHING:
            return 0;
        case Query::LEAF_TERM: {
            const auto t = query.get_terms_begin();
            return t == query.get_terms_end() ? cap : std::min(db.get_termfreq(*t), cap);
        }
        case Query::OP_AND:
        case Query::OP_FILTER:
        case Query::OP_PHRASE:
        case Query::OP_NEAR: {
            // The single terms first (one lookup each: a language filter's
            // term is often the least), then the rest, each counted only up to
            // the least so far.
            Xapian::doccount least = cap;
            for (const bool terms : {true, false})
                for (std::size_t i = 0; i < n && least > 0; ++i) {
                    const Query sub = query.get_subquery(i);
                    if ((sub.get_type() == Query::LEAF_TERM) == terms) least = match_upper_bound(sub, db, least);
                }
            return least;
        }
        case Query::OP_AND_NOT:
        case Query::OP_AND_MAYBE:
        case Query::OP_SCALE_WEIGHT:
            return n == 0 ? cap : match_upper_bound(query.get_subquery(0), db, cap);
        case Query::OP_OR:
        case Query::OP_XOR:
        case Query::OP_MAX:
        case Query::OP_SYNONYM:
        case Query::OP_ELITE_SET: {
            Xapian::doccount sum = 0;
            for (std::size_t i = 0; i < n && sum < cap; ++i) sum += match_upper_bound(query.get_subquery(i), db, cap - sum);
            return std::min(sum, cap);
        }
        default:
            return cap;
    }
}

}  // namespace newsdesk
