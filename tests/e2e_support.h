// Running the real binaries from tests: each test gets a temporary directory of
// its own (removed afterwards) and runs commands with stdout and stderr captured.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace newsdesk::test {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

  private:
    std::filesystem::path m_path;
};

// Runs `argv` (no shell: arguments are passed as they are) with the extra
// environment `env` ("NAME=value"), capturing stdout and stderr.
[[nodiscard]] Run run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

[[nodiscard]] std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace newsdesk::test
