// People named in one article: full names collected while scanning, then
// single-word mentions ("Putin", "Mr. Cha") folded into the full name they
// refer back to.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/article.h"

namespace newsdesk::entities {

class PersonBook {
  public:
    // A name of two or more words as written ("Vladimir Putin", "Rees-Mogg");
    // `keys` are the lookup keys of its words; `cued` as for add_single.
    void add_full(std::string_view name, std::vector<std::string> keys, bool cued);
    // One capitalised word that may be a surname. `cued` when a title or an
    // honorific stood before it ("President Reagan", "Mr. Cha"): such a word is
    // a person even when no full name explains it.
    void add_single(std::string_view word, std::string key, bool cued);
    // A single word the rules found uncued is a person after all (the model is
    // sure of it): it counts as cued.
    void confirm_single(const std::string& key);

    // Full names with the mentions of their short forms added, then cued single
    // names nobody explains; most mentioned first.
    [[nodiscard]] std::vector<Person> people() const;

  private:
    struct Full {
        std::string name;
        std::vector<std::string> keys;
        int mentions = 0;
        int cued = 0;
        std::size_t order = 0;
    };
    struct Single {
        std::string word;
        int mentions = 0;
        int cued = 0;
        std::size_t order = 0;
    };
    // Index of the full name a shorter form refers to, or -1.
    [[nodiscard]] int resolve(const std::vector<std::string>& keys, std::size_t self) const;

    std::vector<Full> m_full;
    std::unordered_map<std::string, std::size_t> m_full_index;  // joined keys -> m_full
    std::unordered_map<std::string, Single> m_single;           // key -> mention
    std::size_t m_order = 0;
};

// "Johnson Controls" beside "Johnson Controls Inc", "Kurdistan Workers" beside
// "Kurdistan Workers Party": a name of two or more words that opens the name of
// one of the article's institutions is that body's name cut short, nobody's,
// unless a given name opens it; such names leave `people`.
void drop_institution_fronts(std::vector<Person>& people, const std::vector<Institution>& institutions);

// Whether the capitals inside one word are those a surname has: none, or after
// a prefix such as "Mc", "Mac", "De", "La", "Van" or an apostrophe ("McCain",
// "DeSantis", "O'Neill"). "ThePrint", "CreepyPasta" and "TechCelerator" are
// names of things.
[[nodiscard]] bool capitals_of_a_name(std::string_view word);

// The lookup keys of every word of the people's names ("sandrine", "testud").
[[nodiscard]] std::unordered_set<std::string> name_word_keys(const std::vector<Person>& people);

}  // namespace newsdesk::entities
