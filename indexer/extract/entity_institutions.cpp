#include "indexer/extract/entity_institutions.h"

#include <algorithm>

#include "common/lang/countries.h"
#include "indexer/extract/entity_lexicon.h"

namespace newsdesk::entities {

InstitutionBook::Entry& InstitutionBook::entry_for(std::string_view name) {
    const auto& lexicon = Lexicon::instance();
    auto key = lookup_key(name);
    Institution fresh{std::string(name), std::nullopt, 0};
    if (const auto* known = lexicon.institution(key)) {
        // Every alias of a known institution lands on its canonical name.
        fresh.name = known->name;
        if (!known->acronym.empty()) fresh.acronym = known->acronym;
        key = lookup_key(known->name);
    }
    auto [it, inserted] = m_index.try_emplace(key, m_entries.size());
    if (inserted) {
        m_entries.push_back({std::move(fresh), m_entries.size()});
        if (const auto& acr = m_entries.back().institution.acronym) m_acronyms.try_emplace(*acr, it->second);
    }
    return m_entries[it->second];
}

void InstitutionBook::add(std::string_view name, std::string_view acronym) {
    auto& entry = entry_for(name);
    ++entry.institution.mentions;
    if (!acronym.empty() && !entry.institution.acronym) define(name, acronym);
}

void InstitutionBook::define(std::string_view name, std::string_view acronym) {
    auto& entry = entry_for(name);
    if (!entry.institution.acronym) entry.institution.acronym = std::string(acronym);
    m_acronyms.try_emplace(std::string(acronym), static_cast<std::size_t>(&entry - m_entries.data()));
}

bool InstitutionBook::add_defined_acronym(std::string_view acronym) {
    const auto it = m_acronyms.find(std::string(acronym));
    if (it == m_acronyms.end()) return false;
    ++m_entries[it->second].institution.mentions;
    return true;
}

std::vector<Institution> InstitutionBook::institutions() const {
    std::vector<Entry> sorted;
    for (const auto& e : m_entries)
        if (e.institution.mentions > 0) sorted.push_back(e);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
        return a.institution.mentions > b.institution.mentions;
    });
    std::vector<Institution> out;
    for (auto& e : sorted) out.push_back(std::move(e.institution));
    return out;
}

void CountryTally::add(const std::string& code, int mentions) {
    if (code.empty()) return;
    auto [it, fresh] = m_index.try_emplace(code, m_countries.size());
    if (fresh) m_countries.push_back({code, country_name(code), 0});
    m_countries[it->second].mentions += mentions;
}

std::vector<Country> CountryTally::countries() const {
    std::vector<Country> out = m_countries;
    std::stable_sort(out.begin(), out.end(),
                     [](const Country& a, const Country& b) { return a.mentions > b.mentions; });
    return out;
}

}  // namespace newsdesk::entities
