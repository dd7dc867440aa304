#include "searcher/collapsed_page.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace newsdesk {

namespace {

// The best copies of one signature (all of the same weight), or one article
// without a signature.
struct Group {
    double weight = 0;
    std::size_t first = 0;  // the first article seen at that weight (an index into seen)
    bool tied = false;      // others of the same signature weigh as much (in Ties)
    Xapian::doccount articles = 1;    // of the signature, whatever their weight
    std::optional<std::size_t> lead;  // the one shown, once the best are told apart
};

// The articles of equal best weight after a group's first, as (group,
// article); an entry goes stale when a heavier copy comes later.
using Ties = std::vector<std::pair<std::size_t, std::size_t>>;

class Order {
  public:
    Order(const std::vector<SeenArticle>& seen, const Ties& ties,
          const std::function<std::string(Xapian::docid)>& tiebreak)
        : m_seen(seen), m_ties(ties), m_tiebreak(tiebreak) {}

    // Xapian's order of two articles of equal weight: tie-break value descending, then docid.
    bool before_when_tied(std::size_t a, std::size_t b) {
        const std::string& ta = value(a);
        const std::string& tb = value(b);
        if (ta != tb) return ta > tb;
        return m_seen[a].docid < m_seen[b].docid;
    }

    std::size_t lead(std::size_t group, Group& g) {
        if (!g.lead) {
            std::size_t best = g.first;
            for (const auto& [at, i] : m_ties)
                if (at == group && m_seen[i].weight == g.weight && before_when_tied(i, best)) best = i;
            g.lead = best;
        }
        return *g.lead;
    }

  private:
    const std::string& value(std::size_t i) {
        auto found = m_values.find(i);
        if (found == m_values.end()) found = m_values.emplace(i, m_tiebreak(m_seen[i].docid)).first;
        return found->second;
    }

    const std::vector<SeenArticle>& m_seen;
    const Ties& m_ties;
    const std::function<std::string(Xapian::docid)>& m_tiebreak;
    std::unordered_map<std::size_t, std::string> m_values;
};

// Signature -> group, open addressing (a few hundred articles: no node per entry).
class SignatureTable {
  public:
    explicit SignatureTable(std::size_t n) {
        std::size_t size = 16;
        while (size < 2 * n) size *= 2;
        m_slots.assign(size, kEmpty);
    }
    // The group of `signature`, else `next` (then recorded as its group).
    std::size_t find_or_add(std::string_view signature, std::size_t next, const std::vector<Group>& groups,
                            const std::vector<SeenArticle>& seen) {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t at = std::hash<std::string_view>{}(signature) & mask;; at = (at + 1) & mask) {
            if (m_slots[at] == kEmpty) return m_slots[at] = next;
            if (seen[groups[m_slots[at]].first].signature == signature) return m_slots[at];
        }
    }

  private:
    static constexpr std::size_t kEmpty = static_cast<std::size_t>(-1);
    std::vector<std::size_t> m_slots;
};

}  // namespace

CollapsedPage collapsed_page(const std::vector<SeenArticle>& seen, Xapian::doccount offset, Xapian::doccount limit,
                             const std::function<std::string(Xapian::docid)>& tiebreak) {
    std::vector<Group> groups;
    groups.reserve(seen.size());
    Ties ties;
    SignatureTable table(seen.size());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        const SeenArticle& a = seen[i];
        if (a.signature.empty()) {
            groups.push_back({a.weight, i, false, 1, i});
            continue;
        }
        const std::size_t at = table.find_or_add(a.signature, groups.size(), groups, seen);
        if (at == groups.size()) {
            groups.push_back({a.weight, i, false, 1, std::nullopt});
            continue;
        }
        Group& g = groups[at];
        ++g.articles;
        if (a.weight > g.weight) {
            g = {a.weight, i, false, g.articles, std::nullopt};
        } else if (a.weight == g.weight) {
            g.tied = true;
            ties.emplace_back(at, i);
        }
    }
    for (Group& g : groups)
        if (!g.tied) g.lead = g.first;

    CollapsedPage page;
    page.folded = static_cast<Xapian::doccount>(groups.size());
    if (offset >= groups.size()) return page;
    const std::size_t end = std::min<std::size_t>(groups.size(), std::size_t{offset} + limit);
    Order order(seen, ties, tiebreak);
    std::vector<std::size_t> ranked(groups.size());
    for (std::size_t i = 0; i < ranked.size(); ++i) ranked[i] = i;
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(end), ranked.end(),
                      [&](std::size_t a, std::size_t b) {
                          if (groups[a].weight != groups[b].weight) return groups[a].weight > groups[b].weight;
                          return order.before_when_tied(order.lead(a, groups[a]), order.lead(b, groups[b]));
                      });
    for (std::size_t i = offset; i < end; ++i) {
        page.hits.push_back(order.lead(ranked[i], groups[ranked[i]]));
        page.articles.push_back(groups[ranked[i]].articles);
    }
    return page;
}

}  // namespace newsdesk
