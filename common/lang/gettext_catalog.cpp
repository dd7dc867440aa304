#include "common/lang/gettext_catalog.h"

#include <cstdint>
#include <fstream>
#include <iterator>

#include "common/error.h"

namespace newsdesk {

namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;

class MoFile {
  public:
    MoFile(std::string bytes, std::string path) : m_bytes(std::move(bytes)), m_path(std::move(path)) {}

    std::uint32_t word(std::uint64_t offset) const {
        if (offset + 4 > m_bytes.size()) fail("truncated");
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const auto b = static_cast<std::uint8_t>(m_bytes[offset + (m_swap ? i : 3 - i)]);
            v = (v << 8) | b;
        }
        return v;
    }
    // The string of table entry `index` in the table at `table`: up to its first NUL
    // (the other plural forms follow it).
    std::string string_at(std::uint32_t table, std::uint32_t index) const {
        const std::uint64_t entry = table + std::uint64_t{index} * 8;
        const std::uint64_t length = word(entry), offset = word(entry + 4);
        if (offset + length > m_bytes.size()) fail("string outside the file");
        std::string s = m_bytes.substr(offset, length);
        if (const auto nul = s.find('\0'); nul != std::string::npos) s.resize(nul);
        return s;
    }
    void read_magic() {
        if (m_bytes.size() < 28) fail("too short for a gettext catalogue");
        m_swap = false;
        // word() reads little-endian when m_swap is false.
        const auto magic = word(0);
        if (magic == kMagicSwapped) m_swap = true;
        else if (magic != kMagic) fail("not a gettext .mo catalogue (bad magic number)");
        if ((word(4) >> 16) > 1) fail("unknown .mo major revision");
    }
    [[noreturn]] void fail(const std::string& why) const { throw Error(m_path + ": " + why); }

  private:
    std::string m_bytes;
    std::string m_path;
    bool m_swap = false;  // false: little-endian file
};

}  // namespace

std::vector<std::pair<std::string, std::string>> read_gettext_catalog(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read");
    MoFile mo(std::string(std::istreambuf_iterator<char>(in), {}), path.string());
    mo.read_magic();
    const std::uint32_t count = mo.word(8), originals = mo.word(12), translations = mo.word(16);
    std::vector<std::pair<std::string, std::string>> out;
    for (std::uint32_t i = 0; i < count; ++i) {
        auto id = mo.string_at(originals, i);
        auto str = mo.string_at(translations, i);
        if (id.empty() || str.empty()) continue;
        out.emplace_back(std::move(id), std::move(str));
    }
    return out;
}

}  // namespace newsdesk
