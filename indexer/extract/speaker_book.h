// What extract_quotes knows of an article's people as it reads the quotes:
// the full name a surname or "Mr. Cha" stands for, each name's gender, and the
// candidates a later "he" or "she" may mean (indexer/extract/quotes.cpp).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/article.h"
#include "common/text.h"
#include "indexer/extract/entity_lexicon.h"
#include "indexer/extract/quote_lexicon.h"
#include "indexer/extract/speakers.h"

namespace newsdesk::quote_book {

// How far back a pronoun looks for its antecedent (candidates, not tokens).
constexpr std::size_t kPronounLookBack = 12;

using Order = long;
inline Order order_of(std::size_t paragraph, int token) {
    return static_cast<Order>(paragraph) * 1'000'000 + token;
}

// "John Bolton" and "John R. Bolton": the same words, case aside, once middle
// initials ("R.", "J") are left out.
inline bool same_but_initials(std::string_view a, std::string_view b) {
    auto words = [](std::string_view s) {
        std::vector<std::string> out;
        for (std::size_t at = 0; at < s.size();) {
            const auto end = std::min(s.find(' ', at), s.size());
            const auto w = s.substr(at, end - at);
            if (!(w.size() == 1 || (w.size() == 2 && w[1] == '.')) || out.empty()) out.push_back(ascii_lower(w));
            at = end + 1;
        }
        return out;
    };
    return words(a) == words(b);
}

// What the article has told us about people so far.
class SpeakerBook {
  public:
    SpeakerBook(const std::vector<Person>& people, const QuoteLexicon& lex) : m_people(people), m_lex(lex) {}

    // Canonical name for a cleaned run; single words resolve to an earlier full name.
    std::string canonical(const NameRun& run) const {
        if (run.kind == NameKind::person && run.words >= 2) {
            // "John Bolton" when the article introduced "John R. Bolton": the fuller form.
            for (const auto& p : m_people)
                if (p.name.size() > run.name.size() && same_but_initials(run.name, p.name)) return p.name;
            return run.name;
        }
        if (run.kind != NameKind::person || run.words != 1) return run.name;
        // The full name the word last stood in, unless the article names another
        // of that surname more often: after "Ivanka Trump", "Trump" is still
        // Donald Trump, named throughout (the people come most named first).
        const auto it = m_by_word.find(run.name);
        const std::string suffix = " " + run.name;
        for (const auto& p : m_people)
            if (p.name.ends_with(suffix))
                return it != m_by_word.end() && article_mentions(it->second) >= p.mentions ? it->second : p.name;
        return it != m_by_word.end() ? it->second : run.name;
    }

    // A person mentioned at `order`: remember full names and gender.
    std::string mention(const NameRun& run) {
        const std::string name = canonical(run);
        if (run.kind == NameKind::person && run.words >= 2) {
            const auto space = name.find(' ');
            m_by_word[name.substr(0, space)] = name;
            m_by_word[name.substr(name.rfind(' ') + 1)] = name;
        }
        if (run.gender == 'm' || run.gender == 'f') m_gender[name] = run.gender;
        // "Hillary Clinton" is no "he": a given name that tells the gender
        // (the second column of data/people/given_names.txt), unless something said otherwise.
        else if (const auto space = name.find(' '); space != std::string::npos && !m_gender.count(name))
            if (const auto g = m_lex.given_genders.find(ascii_lower(name.substr(0, space))); g != m_lex.given_genders.end())
                m_gender[name] = g->second;
        return name;
    }

    // Kept in text order: a quote's speaker is registered after the paragraph's
    // later statements ("Duda said “…” while Brudziński wrote ... He tweeted").
    void candidate(Order order, const std::string& name) {
        const auto at = std::upper_bound(m_candidates.begin(), m_candidates.end(), order,
                                         [](Order o, const auto& c) { return o < c.first; });
        m_candidates.insert(at, {order, name});
    }

    // Most recent candidate before `order` whose gender does not contradict.
    std::optional<std::string> antecedent(Order order, Gender g) {
        std::size_t seen = 0;
        for (auto it = m_candidates.rbegin(); it != m_candidates.rend() && seen < kPronounLookBack; ++it) {
            if (it->first >= order) continue;
            ++seen;
            if (g == 'a') return it->second;  // Hindi उन्होंने: he or she
            const auto known = m_gender.find(it->second);
            if (known != m_gender.end() && known->second != g) continue;
            // A lone capitalised word nothing gave a gender ("Reporters", "Highland",
            // "IBM") is seldom who "he" or "she" is; a surname with "Mr" has one.
            if (known == m_gender.end() && it->second.find(' ') == std::string::npos) continue;
            // Nor is a place the scan read as a name ("Lansdowne Road", "Ewood
            // Park"): a word no name ends with, after no given name.
            if (known == m_gender.end() && place_like(it->second)) continue;
            m_gender[it->second] = g;  // "she said" after Sun Yun: Sun Yun is she
            return it->second;
        }
        return std::nullopt;
    }

    // Whether `name` may be called by a pronoun of gender `g`; when so, it is.
    bool agrees(const std::string& name, Gender g) {
        if (g == 'a') return true;
        const auto known = m_gender.find(name);
        if (known != m_gender.end() && known->second != g) return false;
        m_gender[name] = g;
        return true;
    }

    void appositive(const std::string& name, std::string text) { m_appositives[name].push_back(std::move(text)); }
    const std::vector<std::string>* appositives(const std::string& name) const {
        const auto it = m_appositives.find(name);
        return it == m_appositives.end() ? nullptr : &it->second;
    }

  private:
    static bool place_like(const std::string& name) {
        const auto space = name.rfind(' ');
        if (space == std::string::npos) return false;
        const auto& lexicon = entities::Lexicon::instance();
        const auto before = name.substr(0, space);
        return lexicon.not_a_name(lookup_key(name.substr(space + 1))) &&
               !lexicon.given_name(lookup_key(before.substr(before.rfind(' ') + 1)));
    }

    int article_mentions(const std::string& name) const {
        for (const auto& p : m_people)
            if (p.name == name) return p.mentions;
        return 0;
    }

    const std::vector<Person>& m_people;
    const QuoteLexicon& m_lex;
    std::unordered_map<std::string, std::string> m_by_word;  // "Cha" -> "Victor Cha"
    std::unordered_map<std::string, Gender> m_gender;
    std::vector<std::pair<Order, std::string>> m_candidates;
    std::unordered_map<std::string, std::vector<std::string>> m_appositives;
};

}  // namespace newsdesk::quote_book
