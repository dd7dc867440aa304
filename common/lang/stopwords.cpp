#include "common/lang/stopwords.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/data_dir.h"
#include "common/lang/language.h"

namespace newsdesk {

namespace {

// A list's words one a line between line breaks, each looked up with one
// search of the text: a query asks about a handful of words, and filling a
// SimpleStopper's set with the whole list cost more than the query's parses.
class ListStopper : public Xapian::Stopper {
  public:
    explicit ListStopper(const std::vector<std::string>& words) : m_lines(1, '\n') {
        for (const auto& w : words) m_lines.append(w).push_back('\n');
    }
    bool operator()(const std::string& word) const override {
        if (word.empty() || word.find('\n') != std::string::npos) return false;
        const std::string line = '\n' + word + '\n';
        return m_lines.find(line) != std::string::npos;
    }
    std::string get_description() const override { return "ListStopper()"; }

  private:
    std::string m_lines;
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
