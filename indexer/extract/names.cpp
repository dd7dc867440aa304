#include "indexer/extract/names.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "common/lang/countries.h"
#include "common/text.h"
#include "indexer/extract/entity_lexicon.h"

namespace newsdesk::entities {

namespace {

std::string join(const std::vector<std::string>& keys) {
    std::string out;
    for (const auto& k : keys) out += (out.empty() ? "" : " ") + k;
    return out;
}

// `shorter` names the same person as `longer` when it is its tail ("Putin" of
// "Vladimir Putin") or, for family-name-first names, its head ("Kim" of "Kim Jong Un").
bool initial(const std::string& key) {
    return key.size() == 1 || (key.size() == 2 && key[1] == '.');
}

// "John Bolton" of "John R. Bolton": equal once the longer loses its middle initials.
bool without_initials(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
    if (shorter.size() < 2) return false;
    std::vector<std::string> kept{longer.front()};
    for (std::size_t i = 1; i + 1 < longer.size(); ++i)
        if (!initial(longer[i])) kept.push_back(longer[i]);
    kept.push_back(longer.back());
    return kept == shorter;
}

// "ii", "xvi": the regnal number closing a king's or a pope's name.
bool regnal(const std::string& key) {
    return !key.empty() && key.size() <= 5 && key.find_first_not_of("ivx") == std::string::npos;
}

bool refers_to(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
    if (shorter.size() >= longer.size()) return false;
    // "Benedict" of "Benedict XVI", "John Paul" of "John Paul II".
    if (shorter.size() + 1 == longer.size() && regnal(longer.back()) &&
        std::equal(shorter.begin(), shorter.end(), longer.begin()))
        return true;
    if (without_initials(shorter, longer)) return true;
    if (std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin())) return true;
    return std::equal(shorter.begin(), shorter.end(), longer.begin()) &&
           Lexicon::instance().surname_first(longer.front());
}

}  // namespace

void PersonBook::add_full(std::string_view name, std::vector<std::string> keys, bool cued) {
    const auto joined = join(keys);
    auto [it, fresh] = m_full_index.try_emplace(joined, m_full.size());
    if (fresh) m_full.push_back({std::string(name), std::move(keys), 0, 0, m_order++});
    ++m_full[it->second].mentions;
    m_full[it->second].cued += cued ? 1 : 0;
}

void PersonBook::add_single(std::string_view word, std::string key, bool cued) {
    auto [it, fresh] = m_single.try_emplace(std::move(key), Single{std::string(word), 0, 0, m_order});
    if (fresh) ++m_order;
    ++it->second.mentions;
    it->second.cued += cued ? 1 : 0;
}

void PersonBook::confirm_single(const std::string& key) {
    if (const auto it = m_single.find(key); it != m_single.end() && it->second.cued == 0) it->second.cued = 1;
}

int PersonBook::resolve(const std::vector<std::string>& keys, std::size_t self) const {
    int best = -1;
    for (std::size_t i = 0; i < m_full.size(); ++i) {
        if (i == self || !refers_to(keys, m_full[i].keys)) continue;
        // Two people sharing a surname: the more often named one is the likelier referent.
        if (best < 0 || m_full[i].mentions > m_full[static_cast<std::size_t>(best)].mentions)
            best = static_cast<int>(i);
    }
    return best;
}

std::vector<Person> PersonBook::people() const {
    std::vector<int> mentions(m_full.size());
    std::vector<bool> merged(m_full.size(), false);
    for (std::size_t i = 0; i < m_full.size(); ++i) mentions[i] = m_full[i].mentions;
    // Shorter full names fold into longer ones ("Jong Un" would, "Kim Jong" would).
    for (std::size_t i = 0; i < m_full.size(); ++i) {
        if (const int target = resolve(m_full[i].keys, i); target >= 0) {
            mentions[static_cast<std::size_t>(target)] += mentions[i];
            merged[i] = true;
        }
    }
    std::vector<std::pair<std::size_t, Person>> out;
    for (const auto& [key, single] : m_single) {
        int target = resolve({key}, m_full.size());
        // "John" after "John R. Bolton": a given name alone is the one full name it opens.
        if (target < 0 && Lexicon::instance().given_name(key)) {
            int opened = 0;
            for (std::size_t i = 0; i < m_full.size(); ++i)
                if (!merged[i] && m_full[i].keys.front() == key) target = static_cast<int>(i), ++opened;
            if (opened != 1) target = -1;
        }
        if (target >= 0)
            mentions[static_cast<std::size_t>(target)] += single.mentions;
        else if (single.cued > 0 && capitals_of_a_name(single.word))
            out.push_back({single.order, Person{single.word, single.mentions}});
    }
    // "Trump-Pence", "Biden-Harris": one hyphenated word joining the surnames of
    // people the article names (in full or by a surname alone) is their
    // ticket or their contest, and "Tory-Labour" one of parties: nobody's name
    // ("Adil Abdul-Mahdi" is a name: "Abdul" is no one's surname).
    std::unordered_set<std::string> surnames;
    for (const auto& full : m_full)
        if (full.name.find(' ') != std::string::npos) surnames.insert(full.keys.back());
    for (const auto& [key, single] : m_single) surnames.insert(key);
    const auto& lex = Lexicon::instance();
    auto joined = [&](const Full& full) {
        return full.name.find(' ') == std::string::npos && full.keys.size() >= 2 &&
               std::all_of(full.keys.begin(), full.keys.end(),
                           [&](const auto& k) { return surnames.count(k) > 0 || lex.party(k); });
    };
    // "Kitchener-Waterloo", "Spider-Man": one hyphenated word nobody's longer
    // name explains is a single word, a person only when cued ("Mr. Rees-Mogg")
    // or joined by a particle in lower case as names are ("Inzamam-ul-Haq").
    auto lone = [&](const Full& full) {
        if (full.name.find(' ') != std::string::npos || full.cued > 0) return false;
        const std::string_view name = full.name;
        for (std::size_t at = 0, dash; at < name.size(); at = dash + 1) {
            dash = std::min(name.find('-', at), name.size());
            const auto part = name.substr(at, dash - at);
            if (!part.empty() && part.front() >= 'a' && part.front() <= 'z' && lex.particle(std::string(part)))
                return false;
        }
        return true;
    };
    for (std::size_t i = 0; i < m_full.size(); ++i)
        if (!merged[i] && !joined(m_full[i]) && !lone(m_full[i])) out.push_back({m_full[i].order, Person{m_full[i].name, mentions[i]}});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second.mentions != b.second.mentions ? a.second.mentions > b.second.mentions
                                                      : a.first < b.first;
    });
    std::vector<Person> people;
    for (auto& [order, person] : out) people.push_back(std::move(person));
    return people;
}

void drop_institution_fronts(std::vector<Person>& people, const std::vector<Institution>& institutions) {
    std::vector<std::string> names;
    for (const auto& inst : institutions) names.push_back(lookup_key(inst.name) + " ");
    std::erase_if(people, [&](const Person& person) {
        if (person.name.find(' ') == std::string::npos) return false;
        const auto key = lookup_key(person.name);
        // "Walt Disney" beside "Walt Disney Company": a given name keeps the founder.
        if (Lexicon::instance().given_name(key.substr(0, key.find(' ')))) return false;
        return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
            return name.size() > key.size() + 1 && name.starts_with(key + " ");
        });
    });
}

bool capitals_of_a_name(std::string_view word) {
    for (std::size_t i = 1; i < word.size(); ++i) {
        if (!(word[i] >= 'A' && word[i] <= 'Z')) continue;
        const auto head = word.substr(0, i);
        if (!(head == "Mc" || head == "Mac" || head == "De" || head == "Di" || head == "Da" || head == "La" ||
              head == "Le" || head == "Van" || head == "Von" || head.ends_with('\'')))
            return false;
    }
    return true;
}

std::unordered_set<std::string> name_word_keys(const std::vector<Person>& people) {
    std::unordered_set<std::string> keys;
    for (const auto& person : people)
        for (const auto word : split_words(person.name)) keys.insert(lookup_key(word));
    return keys;
}

}  // namespace newsdesk::entities
