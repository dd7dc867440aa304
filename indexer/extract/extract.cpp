#include <algorithm>

#include "common/text.h"
#include "indexer/extract/extract.h"

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

}  // namespace

void extract_all(Article& article) {
    extract_entities(article);
    extract_quotes(article);
    reconcile(article);
}

}  // namespace newsdesk
