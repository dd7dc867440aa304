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

bool InstitutionBook::named(std::string_view name) const {
    auto key = lookup_key(name);
    if (const auto* known = Lexicon::instance().institution(key)) key = lookup_key(known->name);
    const auto it = m_index.find(key);
    return it != m_index.end() && m_entries[it->second].institution.mentions > 0;
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

CountryTally::Entry& CountryTally::entry_for(const std::string& code) {
    auto [it, fresh] = m_index.try_emplace(code, m_entries.size());
    if (fresh) m_entries.push_back({{code, country_name(code), 0}, 0, false, false, 0, {}});
    return m_entries[it->second];
}

void CountryTally::add(const std::string& code, int mentions, bool passing) {
    if (code.empty()) return;
    auto& entry = entry_for(code);
    entry.country.mentions += mentions;
    // "TAIWAN BUYS U.S. MAIZE": a country named in passing is not a subject even in the lead.
    entry.lead = entry.lead || (m_lead && !passing);
    entry.actor = entry.actor || !passing;
}

void CountryTally::add_inside_name(const std::string& code) {
    if (!code.empty()) ++entry_for(code).inside_names;
}

void CountryTally::add_shared(const std::string& code, const std::string& other) {
    auto& entry = entry_for(code);
    ++entry.shared;
    entry.other = other;
    entry.lead = entry.lead || m_lead;
}

std::vector<Country> CountryTally::countries() const {
    std::vector<Country> counted;
    for (const auto& e : m_entries) counted.push_back(e.country);
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const auto& e = m_entries[i];
        if (e.shared == 0) continue;
        const auto other = m_index.find(e.other);
        const bool elsewhere = e.country.mentions == 0 && other != m_index.end() &&
                               m_entries[other->second].country.mentions > 0;
        counted[elsewhere ? other->second : i].mentions += e.shared;
    }
    std::vector<Country> named;
    for (std::size_t i = 0; i < counted.size(); ++i) {
        if (counted[i].mentions == 0) continue;  // only inside names, or a shared name gone elsewhere
        named.push_back(counted[i]);
        named.back().mentions += m_entries[i].inside_names;
    }
    std::stable_sort(named.begin(), named.end(),
                     [](const Country& a, const Country& b) { return a.mentions > b.mentions; });
    std::vector<Country> out;
    for (std::size_t i = 0; i < named.size(); ++i) {
        const auto& entry = m_entries[m_index.at(named[i].code)];
        if (i == 0 || entry.lead || entry.actor || named[i].mentions >= 2) out.push_back(named[i]);
    }
    return out;
}

}  // namespace newsdesk::entities
