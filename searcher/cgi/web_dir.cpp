#include "searcher/cgi/web_dir.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "common/error.h"

namespace newsdesk {

std::filesystem::path web_dir() {
    static const std::filesystem::path dir = [] {
        std::vector<std::filesystem::path> candidates;
        if (const char* env = std::getenv("NEWSDESK_WEB"); env && *env) candidates.emplace_back(env);
        std::error_code ec;
        const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
        if (!ec) candidates.push_back(exe.parent_path() / "../share/newsdesk/web");
        candidates.emplace_back(NEWSDESK_WEB_INSTALL_DIR);
        candidates.emplace_back(NEWSDESK_SOURCE_WEB_DIR);
        for (const auto& candidate : candidates)
            if (std::filesystem::exists(candidate / "templates/page.mustache")) return candidate;
        throw Error("web templates not found (set NEWSDESK_WEB)");
    }();
    return dir;
}

std::string read_web_file(std::string_view relative) {
    const auto path = web_dir() / relative;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw Error("web file missing: " + std::string(relative));
    const auto size = in.tellg();
    if (size < 0) throw Error("web file unreadable: " + std::string(relative));
    std::string text(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    return text;
}

}  // namespace newsdesk
