#include "common/db/collection.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/hash.h"
#include "common/lang/dates.h"

namespace newsdesk {

namespace fs = std::filesystem;

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::pair<std::string, std::string>> read_stub_lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::pair<std::string, std::string>> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') continue;
        const auto space = line.find_first_of(" \t", start);
        const std::string type = line.substr(start, space == std::string::npos ? space : space - start);
        std::string arg;
        if (space != std::string::npos) {
            const auto from = line.find_first_not_of(" \t", space);
            if (from != std::string::npos) arg = line.substr(from);
            while (!arg.empty() && (arg.back() == ' ' || arg.back() == '\t')) arg.pop_back();
        }
        lines.emplace_back(type, arg);
    }
    return lines;
}

std::optional<ShardScheme> ShardScheme::parse(std::string_view text) {
    if (text == "year") return ShardScheme{Kind::year, 0};
    if (text == "month") return ShardScheme{Kind::month, 0};
    if (text.starts_with("hash:")) {
        unsigned n = 0;
        const auto digits = text.substr(5);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (ec == std::errc() && end == digits.data() + digits.size() && n >= 2 && n <= 256)
            return ShardScheme{Kind::hash, n};
    }
    return std::nullopt;
}

std::string ShardScheme::to_string() const {
    switch (kind) {
        case Kind::year: return "year";
        case Kind::month: return "month";
        case Kind::hash: return "hash:" + std::to_string(count);
    }
    return "year";
}

std::string ShardScheme::shard_of(const Article& article, const std::string& id_term) const {
    if (kind == Kind::hash) {
        char name[16];
        std::snprintf(name, sizeof name, "h%02u", static_cast<unsigned>(fnv1a(id_term) % count));
        return name;
    }
    const std::string& date = article.date.value_or("");
    if (date.size() < 7 || !all_digits(std::string_view(date).substr(0, 4)) ||
        !all_digits(std::string_view(date).substr(5, 2)))
        return "undated";
    return kind == Kind::year ? date.substr(0, 4) : date.substr(0, 7);
}

std::optional<long> shard_period_end(std::string_view name) {
    if (name.size() == 4 && all_digits(name)) {
        const auto days = days_since_epoch(std::to_string(std::stoi(std::string(name)) + 1) + "-01-01");
        if (days) return static_cast<long>(*days);
    }
    if (name.size() == 7 && name[4] == '-' && all_digits(name.substr(0, 4)) && all_digits(name.substr(5))) {
        int year = std::stoi(std::string(name.substr(0, 4))), month = std::stoi(std::string(name.substr(5)));
        if (month < 1 || month > 12) return std::nullopt;
        if (++month == 13) month = 1, ++year;
        char next[16];
        std::snprintf(next, sizeof next, "%04d-%02d-01", year, month);
        if (const auto days = days_since_epoch(next)) return static_cast<long>(*days);
    }
    return std::nullopt;
}

bool is_collection(const std::string& dir) {
    std::error_code ec;
    return fs::is_regular_file(fs::path(dir) / collection::stub, ec) &&
           fs::is_directory(fs::path(dir) / collection::control, ec);
}

std::string control_path(const std::string& dir) { return (fs::path(dir) / collection::control).string(); }

std::string shard_entry(std::string_view name) { return std::string(collection::shards) + "/" + std::string(name); }

std::string shard_path(const std::string& dir, std::string_view name) {
    return (fs::path(dir) / shard_entry(name)).string();
}

std::vector<ShardEntry> read_collection_stub(const std::string& dir) {
    std::vector<ShardEntry> shards;
    const std::string prefix = std::string(collection::shards) + "/";
    for (const auto& [type, arg] : read_stub_lines((fs::path(dir) / collection::stub).string())) {
        if (type != "auto" || !arg.starts_with(prefix)) continue;
        std::string name = arg.substr(prefix.size());
        name = name.substr(0, name.find('@'));  // "2024@2": the compacted copy of 2024
        shards.push_back({name, arg});
    }
    return shards;
}

void write_collection_stub(const std::string& dir, std::vector<ShardEntry> shards) {
    std::sort(shards.begin(), shards.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::string text = "# newsdesk collection: its control database, then one line per shard\n";
    text += "auto " + std::string(collection::control) + "\n";
    for (const auto& s : shards) text += "auto " + s.entry + "\n";
    const fs::path stub = fs::path(dir) / collection::stub;
    const fs::path tmp = stub.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            throw IndexError(dir + ": cannot write " + stub.string());
        }
    }
    // A stub cut short (full disk) must never replace a whole one.
    std::ifstream check(tmp, std::ios::binary);
    std::stringstream back;
    back << check.rdbuf();
    std::error_code ec;
    if (back.str() != text) {
        fs::remove(tmp, ec);
        throw IndexError(dir + ": cannot write " + stub.string() + " (disk full?)");
    }
    fs::rename(tmp, stub, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw IndexError(dir + ": cannot replace " + stub.string() + ": " + ec.message());
    }
}

std::string resolve_write_target(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return path;
    const auto lines = read_stub_lines(path);
    if (lines.size() != 1 || lines[0].first != "auto" || lines[0].second.empty()) return path;
    fs::path target = lines[0].second;
    if (target.is_relative()) target = fs::path(path).parent_path() / target;
    return target.lexically_normal().string();
}

}  // namespace newsdesk
