#include "searcher/cgi/cgi_config.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/db/database.h"
#include "common/error.h"
#include "common/text.h"
#include "searcher/cgi/cgi_request.h"

namespace newsdesk {

CgiConfig parse_cgi_config(const std::string& text) {
    CgiConfig config;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        const std::string_view content = trim(line);
        if (content.empty()) continue;
        const auto eq = content.find('=');
        const auto bad = [&](const std::string& why) {
            return Error("config line " + std::to_string(number) + ": " + why);
        };
        if (eq == std::string_view::npos) throw bad("expected KEY = VALUE");
        const std::string key(trim(content.substr(0, eq)));
        const std::string value(trim(content.substr(eq + 1)));
        if (value.empty()) throw bad("empty value for '" + key + "'");
        if (key == "db") {
            config.db = value;
        } else if (key == "time_limit") {
            unsigned n = 0;
            const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec != std::errc() || ptr != value.data() + value.size() || n == 0 || n > 300)
                throw bad("time_limit must be 1 to 300 seconds");
            config.time_limit = n;
        } else if (key == "static_url") {
            config.static_url = value;
        } else if (key.rfind("collection ", 0) == 0) {
            const std::string name(trim(std::string_view(key).substr(11)));
            const bool simple = !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") ==
                                                     std::string::npos;
            if (!simple) throw bad("a collection name is lower-case letters, digits, '-' or '_'");
            config.collections.emplace_back(name, value);
        } else {
            throw bad("unknown key '" + key + "'");
        }
    }
    return config;
}

CgiConfig load_cgi_config() {
    CgiConfig config;
    if (const char* path = std::getenv("NEWSDESK_CGI_CONFIG"); path && *path) {
        std::ifstream in(path);
        if (!in) throw Error(std::string("cannot read configuration ") + path);
        std::ostringstream text;
        text << in.rdbuf();
        config = parse_cgi_config(text.str());
    }
    if (const char* db = std::getenv("NEWSDESK_DB"); db && *db) config.db = db;
    if (config.db.empty()) config.db = config.collections.empty() ? resolve_db_path("") : config.collections.front().second;
    return config;
}

std::string database_for(const CgiConfig& config, const std::string& name) {
    if (name.empty()) return config.db;
    for (const auto& [collection, path] : config.collections)
        if (collection == name) return path;
    throw BadRequest("unknown collection");
}

}  // namespace newsdesk
