#include "searcher/proximity.h"

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
                        const Xapian::Database& db) {
    const Query terms[] = {Query(a), Query(b)};
    const Query near(Query::OP_NEAR, terms, terms + 2, window);
    const auto both = holding_both(db, a, b, kPairArticlesLookedUp);
    if (!both) return near;
    std::vector<Query> ids;
    if (!both->empty()) {
        // Xapian's own NEAR over those articles alone: the same test of positions.
        Xapian::Enquire held(db);
        held.set_query(near);
        held.set_weighting_scheme(Xapian::BoolWeight());
        const Xapian::MSet mset = held.get_mset(0, static_cast<Xapian::doccount>(both->size()));
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            std::string id = own_id_term(db, *it);
            if (id.empty()) return near;
            ids.emplace_back(std::move(id));
        }
    }
    // The NEAR stays (its two terms counted among the query's subqueries as
    // before: the right side of AND_NOT or FILTER counts as none), restricted
    // to the articles it matches; to none by taking out every article holding both.
    if (ids.empty()) return Query(Query::OP_AND_NOT, near, Query(Query::OP_AND, terms, terms + 2));
    return Query(Query::OP_FILTER, near, Query(Query::OP_OR, ids.begin(), ids.end()));
}

Xapian::Query word_pairs_near(const std::string& text, const std::vector<std::string>& languages,
                              Xapian::termcount window, const Xapian::Database& db) {
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
                pairs.push_back(pair_near(std::string(field) + previous, std::string(field) + word, window, db));
        }
        previous = word;
    }
    return pairs.empty() ? Query() : Query(Query::OP_OR, pairs.begin(), pairs.end());
}

}  // namespace newsdesk
