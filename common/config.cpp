#include "common/config.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "common/error.h"
#include "common/text.h"

namespace newsdesk {

namespace {

// `database` is the programs'; the rest are scripts/newsdesk-nightly's
// (config/nightly.conf.example documents each).
constexpr std::array<std::string_view, 14> kKnownKeys = {
    "database", "source", "allow_empty_source", "log", "umask", "keep", "wait",
    "bin_dir", "options", "check_query", "min_ratio", "shard_by", "close_after", "retain"};

bool is_key(std::string_view key) {
    return !key.empty() && key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos;
}

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

}  // namespace

std::optional<std::string> ConfigFile::get(const std::string& key) const {
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        if (it->key == key) return it->value;
    return std::nullopt;
}

ConfigFile parse_config(const std::string& text, const std::string& path) {
    ConfigFile config{path, {}};
    std::istringstream in(text);
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        const std::string_view content = trim(line);
        if (content.empty()) continue;
        const auto where = path + ":" + std::to_string(number) + ": ";
        const auto eq = content.find('=');
        const std::string_view key = eq == std::string_view::npos ? content : trim(content.substr(0, eq));
        const std::string_view value = eq == std::string_view::npos ? "" : trim(content.substr(eq + 1));
        if (eq == std::string_view::npos || !is_key(key) || value.empty())
            throw Error(where + "expected 'key = value'");
        if (std::find(kKnownKeys.begin(), kKnownKeys.end(), key) == kKnownKeys.end())
            throw Error(where + "unknown key '" + std::string(key) + "'");
        config.entries.push_back({std::string(key), std::string(value), number});
    }
    return config;
}

ConfigFile read_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read configuration file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), path);
}

std::vector<std::string> config_candidates() {
    if (const auto chosen = env("NEWSDESK_CONFIG"); !chosen.empty()) return {chosen};
    std::vector<std::string> out;
    if (const auto xdg = env("XDG_CONFIG_HOME"); !xdg.empty() && xdg.front() == '/')
        out.push_back(xdg + "/newsdesk/newsdesk.conf");
    else if (const auto home = env("HOME"); !home.empty())
        out.push_back(home + "/.config/newsdesk/newsdesk.conf");
    out.push_back("/etc/newsdesk/newsdesk.conf");
    return out;
}

std::optional<ConfigFile> load_config() {
    if (const auto chosen = env("NEWSDESK_CONFIG"); !chosen.empty()) return read_config(chosen);
    for (const auto& path : config_candidates()) {
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) return read_config(path);
    }
    return std::nullopt;
}

DatabaseChoice choose_database(const std::string& flag) {
    if (!flag.empty()) return {flag, DbOrigin::flag, ""};
    if (const auto db = env("NEWSDESK_DB"); !db.empty()) return {db, DbOrigin::environment, ""};
    if (const auto config = load_config()) {
        if (const auto db = config->get("database")) {
            const std::filesystem::path path(*db);
            const auto base = std::filesystem::path(config->path).parent_path();
            return {path.is_absolute() ? *db : (base / path).string(), DbOrigin::config, config->path};
        }
        return {NEWSDESK_DEFAULT_DB, DbOrigin::builtin, config->path};
    }
    return {NEWSDESK_DEFAULT_DB, DbOrigin::builtin, ""};
}

std::string describe_configuration() {
    std::string looked;
    for (const auto& path : config_candidates()) looked += (looked.empty() ? "" : ", ") + path;
    std::string read;
    try {
        const auto config = load_config();
        read = config ? "read " + config->path : "none read (looked for " + looked + ")";
    } catch (const Error& e) {
        read = std::string("not usable: ") + e.what();
    }
    return "Configuration: " + read + ".\nDatabase: --db, else $NEWSDESK_DB, else 'database = PATH' in the "
           "configuration, else " NEWSDESK_DEFAULT_DB ".";
}

}  // namespace newsdesk
