// Generators of hostile inputs shared by the parser tests and the end-to-end
// hostile-file tests: entity bombs, deep nesting, UTF-16.
#pragma once

#include <string>
#include <string_view>

namespace newsdesk::test {

inline std::string repeat(std::string_view s, int n) {
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// A doctype for `root` whose entities expand exponentially: nine entities of ten
// references each, 10^9 "lol"s (3 GB) from under 1 KB ("billion laughs").
inline std::string billion_laughs(const std::string& root) {
    std::string dtd = "<!DOCTYPE " + root + " [\n<!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) dtd += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
        dtd += "\">\n";
    }
    return dtd + "]>\n";
}

// A doctype for `root` with one entity &big; of 100 KB: referenced 50,000 times
// (repeat("&big;", 50000)) it expands to 5 GB from 350 KB (quadratic blowup).
inline std::string quadratic_dtd(const std::string& root) {
    return "<!DOCTYPE " + root + " [<!ENTITY big \"" + std::string(100000, 'a') + "\">]>\n";
}

// Latin-1 (or ASCII) text as UTF-16, one unit per byte.
inline std::string utf16(std::string_view latin1, bool little_endian, bool bom) {
    std::string out;
    const auto put = [&](unsigned u) {
        out += static_cast<char>(little_endian ? u & 0xFF : u >> 8);
        out += static_cast<char>(little_endian ? u >> 8 : u & 0xFF);
    };
    if (bom) put(0xFEFF);
    for (unsigned char c : latin1) put(c);
    return out;
}

}  // namespace newsdesk::test
