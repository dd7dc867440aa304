#include "searcher/proximity.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

#include "common/lang/stopwords.h"
#include "common/schema.h"

namespace newsdesk {

namespace {

using Query = Xapian::Query;

// The articles of `db` holding both terms, in docid order; nullopt when more
// than `most` do. Skipping each list to the other's article costs a few
// postings per article holding the rarer term, no positions.
std::optional<std::vector<Xapian::docid>> holding_both(const Xapian::Database& db, const std::string& a,
                                                       const std::string& b, Xapian::doccount most) {
    std::vector<Xapian::docid> both;
    auto pa = db.postlist_begin(a), pb = db.postlist_begin(b);
    const auto end_a = db.postlist_end(a), end_b = db.postlist_end(b);
    while (pa != end_a && pb != end_b) {
        if (*pa < *pb) {
            pa.skip_to(*pb);
        } else if (*pb < *pa) {
            pb.skip_to(*pa);
        } else {
            if (both.size() == most) return std::nullopt;
            both.push_back(*pa);
            ++pa;
            ++pb;
        }
    }
    return both;
}

// The id term (common/schema.h) of article `did`, when no other article holds
// it; empty otherwise.
std::string own_id_term(const Xapian::Database& db, Xapian::docid did) {
    auto t = db.termlist_begin(did);
    t.skip_to(std::string(prefix::id));
    if (t == db.termlist_end(did) || !(*t).starts_with(prefix::id) || db.get_termfreq(*t) != 1) return {};
    return *t;
}

// The articles of a sorted list of docids, weighing nothing: those where a
// NEAR failed, found before the match, to take them out of the pair's AND. For
// one local database, whose docids the match reads as they were found.
class DocidSet : public Xapian::PostingSource {
  public:
    explicit DocidSet(std::vector<Xapian::docid> docids) : m_docids(std::move(docids)) {}
    DocidSet* clone() const override { return new DocidSet(m_docids); }
    // A name and serialised form, so that queries holding one can be compared
    // (query_builder.cpp tells readings alike by Query::serialise()).
    std::string name() const override { return "newsdesk::DocidSet"; }
    std::string serialise() const override {
        return std::string(reinterpret_cast<const char*>(m_docids.data()), m_docids.size() * sizeof(Xapian::docid));
    }
    void init(const Xapian::Database&) override {
        m_at = 0;
        m_started = false;  // next() moves to the first
        set_maxweight(0);
    }
    Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(m_docids.size()); }
    Xapian::doccount get_termfreq_est() const override { return get_termfreq_min(); }
    Xapian::doccount get_termfreq_max() const override { return get_termfreq_min(); }
    void next(double) override { m_at = m_started ? m_at + 1 : 0, m_started = true; }
    void skip_to(Xapian::docid did, double) override {
        const auto from = m_docids.begin() + static_cast<std::ptrdiff_t>(m_started ? m_at : 0);
        m_at = static_cast<std::size_t>(std::lower_bound(from, m_docids.end(), did) - m_docids.begin());
        m_started = true;
    }
    bool at_end() const override { return m_started && m_at >= m_docids.size(); }
    Xapian::docid get_docid() const override { return m_docids[m_at]; }
    std::string get_description() const override {
        return "DocidSet(" + std::to_string(m_docids.size()) + " articles)";
    }

  private:
    std::vector<Xapian::docid> m_docids;
    std::size_t m_at = 0;
    bool m_started = false;
};

}  // namespace

bool is_plain_words(const std::string& text) {
    if (text.find_first_of(":\"()+*") != std::string::npos) return false;
    std::size_t pos = 0;
    while ((pos = text.find_first_not_of(" \t", pos)) != std::string::npos) {
        auto end = text.find_first_of(" \t", pos);
        if (end == std::string::npos) end = text.size();
        const auto token = text.substr(pos, end - pos);
        if (token == "AND" || token == "OR" || token == "NOT" || token == "XOR" || token == "NEAR" ||
            token == "ADJ" || token.front() == '-')
            return false;
        pos = end;
    }
    return true;
}

Xapian::Query pair_near(const std::string& a, const std::string& b, Xapian::termcount window,
                        const Xapian::Database& db, PairLookup lookup) {
    const Query terms[] = {Query(a), Query(b)};
    const Query near(Query::OP_NEAR, terms, terms + 2, window);
    const auto both =
        lookup == PairLookup::none
            ? std::nullopt
            : holding_both(db, a, b, lookup == PairLookup::many ? kPairArticlesLookedUpLocally : kPairArticlesLookedUp);
    if (!both) return near;
    // Xapian's own NEAR over those articles alone: the same test of positions.
    std::vector<Xapian::docid> held;
    if (!both->empty()) {
        Xapian::Enquire enquire(db);
        enquire.set_query(near);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(both->size()));
        for (auto it = mset.begin(); it != mset.end(); ++it) held.push_back(*it);
        std::sort(held.begin(), held.end());
    }
    // The NEAR stays (its two terms counted among the query's subqueries as
    // before: the right side of AND_NOT or FILTER counts as none), restricted
    // to the articles it matches; to none by taking out every article holding both.
    if (held.empty()) return Query(Query::OP_AND_NOT, near, Query(Query::OP_AND, terms, terms + 2));
    if (both->size() > kPairArticlesLookedUp) {
        // Many (one local database): the pair's AND less the articles where the
        // NEAR failed, by their docids: the same matches and weights, and no test
        // of positions in the match. A DocidSet would count as a matching
        // subquery beside a FILTER; on the right of AND_NOT it counts as none.
        std::vector<Xapian::docid> apart;
        std::set_difference(both->begin(), both->end(), held.begin(), held.end(), std::back_inserter(apart));
        return Query(Query::OP_AND_NOT, Query(Query::OP_AND, terms, terms + 2),
                     Query((new DocidSet(std::move(apart)))->release()));  // release(): the query owns it
    }
    // A few, by their id terms.
    std::vector<Query> ids;
    for (const auto did : held) {
        std::string id = own_id_term(db, did);
        if (id.empty()) return near;
        ids.emplace_back(std::move(id));
    }
    return Query(Query::OP_FILTER, near, Query(Query::OP_OR, ids.begin(), ids.end()));
}

Xapian::Query word_pairs_near(const std::string& text, const std::vector<std::string>& languages,
                              Xapian::termcount window, const Xapian::Database& db, PairLookup lookup) {
    // The TermGenerator splits and lower-cases words as the indexer does.
    AnyLanguageStopper stopper(languages);
    Xapian::TermGenerator words;
    words.set_stopper(&stopper);
    words.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
    Xapian::Document doc;
    words.set_document(doc);
    words.index_text(text);
    std::map<Xapian::termpos, std::string> by_position;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_position.emplace(*p, *t);
    std::vector<Query> pairs;
    std::string previous;
    for (const auto& [pos, word] : by_position) {
        if (!previous.empty() && previous != word) {
            for (const auto field : {prefix::body, prefix::headline})
                pairs.push_back(pair_near(std::string(field) + previous, std::string(field) + word, window, db,
                                          lookup));
        }
        previous = word;
    }
    return pairs.empty() ? Query() : Query(Query::OP_OR, pairs.begin(), pairs.end());
}

}  // namespace newsdesk
