#include "common/data_dir.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>

#include "common/error.h"
#include "common/text.h"

namespace newsdesk {

namespace {

std::filesystem::path executable_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

}  // namespace

std::filesystem::path data_dir() {
    static const std::filesystem::path dir = [] {
        std::string tried;
        if (const char* env = std::getenv("NEWSDESK_DATA"); env && *env) {
            if (std::filesystem::is_directory(env)) return std::filesystem::path(env);
            tried += std::string(env) + " ";
        }
        const auto exe = executable_dir();
        for (const auto& candidate :
             {exe / "../share/newsdesk", std::filesystem::path(NEWSDESK_DATA_INSTALL_DIR),
              std::filesystem::path(NEWSDESK_SOURCE_DATA_DIR)}) {
            if (std::filesystem::exists(candidate / "README.md")) return candidate;
            tried += candidate.string() + " ";
        }
        throw Error("data directory not found (set NEWSDESK_DATA); tried: " + tried);
    }();
    return dir;
}

std::filesystem::path data_file(std::string_view relative) {
    auto path = data_dir() / relative;
    if (!std::filesystem::exists(path)) throw Error("data file missing: " + path.string());
    return path;
}

std::vector<std::string> read_data_list(std::string_view relative) {
    // Read in one piece: a stream read line by line cost more than the rest of a
    // query's parse (the stopword lists are read by newsdesk-search).
    std::string text;
    if (std::FILE* f = std::fopen(data_file(relative).c_str(), "rb")) {
        char buffer[8192];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
        std::fclose(f);
    }
    std::vector<std::string> out;
    for (std::size_t pos = 0; pos < text.size();) {
        auto end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        auto t = collapse_whitespace(std::string_view(text).substr(pos, end - pos));
        if (!t.empty() && t.front() != '#') out.push_back(std::move(t));
        pos = end + 1;
    }
    return out;
}

}  // namespace newsdesk
