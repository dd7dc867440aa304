#include "searcher/name_filter.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "common/schema.h"
#include "common/text.h"

namespace newsdesk {

namespace {

// Whether every word of `wanted` is a word of `name`.
bool holds_words(std::string_view name, const std::vector<std::string_view>& wanted) {
    const auto words = split_words(name);
    return std::all_of(wanted.begin(), wanted.end(), [&](std::string_view w) {
        return std::find(words.begin(), words.end(), w) != words.end();
    });
}

}  // namespace

std::vector<std::vector<std::string>>& expansions() {
    thread_local std::vector<std::vector<std::string>> typed_names;
    return typed_names;
}

Xapian::Query name_filter(const Xapian::Database& db, std::string_view prefix, std::string_view key,
                          bool one_word_is_a_part) {
    const std::string exact = make_term(prefix, key);
    const auto wanted = split_words(key);
    // A full name the index holds (a facet value typed back) is that name:
    // `person:"donald trump"` finds what the facet counted.
    if (wanted.empty() || ((wanted.size() > 1 || !one_word_is_a_part) && db.term_exists(exact)))
        return Xapian::Query(exact);
    // Every name of the prefix is read: a surname is the last word, so no
    // narrower prefix of the term finds it.
    std::vector<std::pair<Xapian::doccount, std::string>> names;
    const std::string p(prefix);
    for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) {
        const std::string& term = *t;
        std::string_view name(term);
        name.remove_prefix(p.size());
        if (name.starts_with(':')) name.remove_prefix(1);
        if (holds_words(name, wanted)) names.emplace_back(t.get_termfreq(), term);
    }
    if (names.empty()) return Xapian::Query(exact);
    if (names.size() > kMaxNameExpansion) {
        std::partial_sort(names.begin(), names.begin() + kMaxNameExpansion, names.end(),
                          [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        names.resize(kMaxNameExpansion);
    }
    std::vector<Xapian::Query> terms;
    terms.reserve(names.size());
    for (auto& [freq, term] : names) terms.emplace_back(std::move(term));
    if (terms.size() > 1) {
        std::vector<std::string> expansion;
        for (auto t = terms.begin(); t != terms.end(); ++t) expansion.push_back(*t->get_terms_begin());
        expansions().push_back(std::move(expansion));
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

namespace {

// The words of a name term ("XPERSONdonald trump": 2).
std::size_t name_words(const std::string& term) {
    for (const auto p : {prefix::expert, prefix::person, prefix::institution})
        if (term.starts_with(p)) return 1 + static_cast<std::size_t>(std::count(term.begin() + static_cast<std::ptrdiff_t>(p.size()), term.end(), ' '));
    return 1;
}

}  // namespace

Xapian::Query fullest_names_first(const Xapian::Query& query) {
    std::vector<Xapian::Query> boosts;
    for (const auto& terms : expansions()) {
        for (const auto& term : terms) {
            // release(): the query owns the source (a bare `new` leaks).
            Xapian::Query weight((new Xapian::FixedWeightPostingSource(1.0 / static_cast<double>(name_words(term))))->release());
            boosts.emplace_back(Xapian::Query::OP_FILTER, weight, Xapian::Query(term));
        }
    }
    if (boosts.empty()) return query;
    // The fullest name an article holds decides, not how many it holds.
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(Xapian::Query::OP_MAX, boosts.begin(), boosts.end()));
}

}  // namespace newsdesk
