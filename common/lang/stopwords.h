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
// for readings that serve several languages at once.
class AnyLanguageStopper : public Xapian::Stopper {
  public:
    explicit AnyLanguageStopper(const std::vector<std::string>& languages);
    bool operator()(const std::string& word) const override;

  private:
    std::vector<const Xapian::Stopper*> m_stoppers;
};

}  // namespace newsdesk
