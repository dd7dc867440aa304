#include "indexer/formats/html/html_data.h"

#include <fstream>
#include <map>
#include <mutex>

#include "common/data_dir.h"
#include "common/text.h"

namespace newsdesk::html {

namespace {

std::vector<std::string> load(std::string_view name) {
    std::ifstream in(data_file("html/" + std::string(name)));
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
        auto t = trim(line);
        if (t.empty() || t.front() == '#') continue;
        out.push_back(ascii_lower(t));
    }
    return out;
}

}  // namespace

const std::vector<std::string>& word_list(std::string_view name) {
    // Parsers may run on several threads; the cache is filled under a lock.
    static std::mutex mutex;
    static std::map<std::string, std::vector<std::string>, std::less<>> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(std::string(name), load(name)).first;
    return it->second;
}

bool contains_any(std::string_view text, const std::vector<std::string>& list) {
    for (const auto& entry : list)
        if (text.find(entry) != std::string_view::npos) return true;
    return false;
}

}  // namespace newsdesk::html
