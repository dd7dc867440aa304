#include "searcher/feedback.h"

#include <set>
#include <string>
#include <vector>

#include "common/schema.h"

namespace newsdesk {

namespace {

// Words of the body and headline fields (ZXBword, XBword, ZSword, Sword) that
// the query does not already hold.
class FieldWords : public Xapian::ExpandDecider {
  public:
    FieldWords(const Xapian::Query& query, const Xapian::Stopper* stopper)
        : m_query_terms(query.get_terms_begin(), query.get_terms_end()), m_stopper(stopper) {}
    bool operator()(const std::string& term) const override {
        if (m_query_terms.count(term)) return false;
        std::string_view rest(term);
        if (rest.starts_with('Z')) rest.remove_prefix(1);
        for (const auto field : {prefix::body, prefix::headline}) {
            if (!rest.starts_with(field)) continue;
            const auto word = rest.substr(field.size());
            // Lower-case letters only: a capital means a longer prefix, digits are dates and numbers.
            if (word.size() < 3) return false;
            for (const char c : word)
                if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
            return !m_stopper || !(*m_stopper)(std::string(word));
        }
        return false;
    }

  private:
    std::set<std::string> m_query_terms;
    const Xapian::Stopper* m_stopper;
};

}  // namespace

Xapian::Query with_feedback(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Weight& weighting,
                            const FeedbackSettings& settings, const Xapian::Stopper* stopper) {
    if (settings.documents == 0 || settings.terms == 0 || settings.weight <= 0) return query;
    Xapian::Enquire first(db);
    first.set_query(query);
    first.set_weighting_scheme(weighting);
    const Xapian::MSet top = first.get_mset(0, settings.documents);
    if (top.empty()) return query;
    Xapian::RSet rset;
    for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
    const FieldWords decider(query, stopper);
    // Exact term frequencies: the words (and so the ranking) must not depend on
    // how the collection is split into shards.
    const Xapian::ESet eset = first.get_eset(settings.terms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    if (eset.empty()) return query;
    const double best = eset.begin().get_weight();
    std::vector<Xapian::Query> words;
    for (auto it = eset.begin(); it != eset.end(); ++it)
        words.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), settings.weight * it.get_weight() / best);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
}

}  // namespace newsdesk
