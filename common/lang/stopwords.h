// Stopwords per language (data/stopwords/<code>.txt, the Snowball project's
// lists): the words a query typed as a sentence drops outside phrases
// ("what did experts say about the pact" searches experts, say, pact).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdesk {

// The stopper of `language` (a BCP 47 code; only the primary subtag counts),
// or nullptr when data/stopwords has no list for it. Loaded once per process
// and language, kept for the life of the process (safe from any thread).
// Throws newsdesk::Error when the data directory cannot be found.
[[nodiscard]] const Xapian::Stopper* stopper_for(std::string_view language);

// Stops a word that is a stopword in any of `languages` (those with a list):
// for readings that serve several languages at once, or one. The lists are
// loaded when the first word is asked about, not before: a query the
// QueryParser asks about no word (a single word) reads none.
class AnyLanguageStopper : public Xapian::Stopper {
  public:
    explicit AnyLanguageStopper(std::vector<std::string> languages) : m_languages(std::move(languages)) {}
    // Throws newsdesk::Error as stopper_for does, on the first word.
    bool operator()(const std::string& word) const override;

  private:
    std::vector<std::string> m_languages;
    mutable std::vector<const Xapian::Stopper*> m_stoppers;  // once m_loaded
    mutable bool m_loaded = false;
};

}  // namespace newsdesk
