#include <algorithm>
#include <unordered_map>

#include "common/person_key.h"
#include "common/text.h"
#include "indexer/extract/extract.h"
#include "indexer/extract/institution_names.h"

namespace newsdesk {

namespace {

// Every expert is a person of the article and every expert's institution one
// of its institutions, whatever extract_entities found on its own.
void reconcile(Article& article) {
    for (const Expert& e : article.experts) {
        auto person = std::find_if(article.people.begin(), article.people.end(),
                                   [&](const Person& p) { return iequals_ascii(p.name, e.name); });
        if (person == article.people.end()) article.people.push_back(Person{e.name, std::max(1, e.quotes)});
        if (!e.institution) continue;
        const auto& inst = *e.institution;
        const bool known = std::any_of(article.institutions.begin(), article.institutions.end(),
                                       [&](const Institution& i) {
                                           return iequals_ascii(i.name, inst) ||
                                                  (i.acronym && iequals_ascii(*i.acronym, inst));
                                       });
        if (!known) article.institutions.push_back(Institution{inst, std::nullopt, 1});
    }
}

// One entry per person (common/person_key.h): "Erdogan" and "Erdoğan", or an
// expert's "John Bolton" beside "John R. Bolton", are one person, named by the
// first (most mentioned) form, so archive facet counts add up.
template <typename T, typename Count>
void fold_by_key(std::vector<T>& items, Count count) {
    std::vector<T> out;
    std::unordered_map<std::string, std::size_t> seen;
    for (auto& item : items) {
        auto [it, fresh] = seen.try_emplace(person_key(item.name), out.size());
        if (fresh) out.push_back(std::move(item));
        else count(out[it->second]) += count(item);
    }
    items = std::move(out);
}

}  // namespace

void extract_all(Article& article) {
    extract_entities(article);
    extract_quotes(article);
    reconcile(article);
    entities::canonical_institutions(article);
    fold_by_key(article.people, [](Person& p) -> int& { return p.mentions; });
    fold_by_key(article.experts, [](Expert& e) -> int& { return e.quotes; });
}

}  // namespace newsdesk
