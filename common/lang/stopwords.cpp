#include "common/lang/stopwords.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/data_dir.h"
#include "common/lang/language.h"

namespace newsdesk {

namespace {

// A list's words, sorted, each looked up by binary search: a query asks about a
// handful of words, and filling a SimpleStopper's set (a node per word) cost
// more than the query's parses; a sorted copy of the list costs one
// allocation, and a lookup stays logarithmic for the many candidate words a
// feedback query's ESet asks about (searcher/feedback.cpp).
class ListStopper : public Xapian::Stopper {
  public:
    explicit ListStopper(std::vector<std::string> words) : m_words(std::move(words)) {
        // The lists of data/stopwords are kept sorted (byte order): sorting one
        // anyway cost a two-word query about 0.1M instructions of string compares.
        if (!std::is_sorted(m_words.begin(), m_words.end())) std::sort(m_words.begin(), m_words.end());
    }
    bool operator()(const std::string& word) const override {
        return std::binary_search(m_words.begin(), m_words.end(), word);
    }
    std::string get_description() const override { return "ListStopper()"; }

  private:
    std::vector<std::string> m_words;
};

}  // namespace

const Xapian::Stopper* stopper_for(std::string_view language) {
    static std::mutex lock;
    static std::map<std::string, std::unique_ptr<ListStopper>> loaded;  // nullptr: no list
    const std::string code = primary_language(language);
    if (code.empty()) return nullptr;
    const std::lock_guard guard(lock);
    auto [it, inserted] = loaded.try_emplace(code);
    if (inserted) {
        const std::string relative = "stopwords/" + code + ".txt";
        if (std::filesystem::exists(data_dir() / relative)) it->second = std::make_unique<ListStopper>(read_data_list(relative));
    }
    return it->second.get();
}

bool AnyLanguageStopper::operator()(const std::string& word) const {
    if (!m_loaded) {
        for (const auto& code : m_languages)
            if (const auto* stopper = stopper_for(code)) m_stoppers.push_back(stopper);
        m_loaded = true;
    }
    for (const auto* stopper : m_stoppers)
        if ((*stopper)(word)) return true;
    return false;
}

}  // namespace newsdesk
