#include "common/lang/stopwords.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/data_dir.h"
#include "common/lang/language.h"

namespace newsdesk {

const Xapian::Stopper* stopper_for(std::string_view language) {
    static std::mutex lock;
    static std::map<std::string, std::unique_ptr<Xapian::SimpleStopper>> loaded;  // nullptr: no list
    const std::string code = primary_language(language);
    if (code.empty()) return nullptr;
    const std::lock_guard guard(lock);
    auto [it, inserted] = loaded.try_emplace(code);
    if (inserted) {
        const std::string relative = "stopwords/" + code + ".txt";
        if (std::filesystem::exists(data_dir() / relative)) {
            it->second = std::make_unique<Xapian::SimpleStopper>();
            for (const auto& word : read_data_list(relative)) it->second->add(word);
        }
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
