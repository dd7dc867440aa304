#include "indexer/document/signature.h"

#include <cstdint>
#include <cstdio>
#include <limits>
#include <vector>

#include "common/hash.h"

namespace newsdesk {

namespace {

constexpr std::size_t kShingle = 5;
constexpr std::size_t kMaxWords = 400;
constexpr std::size_t kMinWords = 40;

// Words as hashes: runs of ASCII letters/digits (lower-cased) or non-ASCII bytes.
std::vector<std::uint64_t> word_hashes(std::string_view text) {
    std::vector<std::uint64_t> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(fnv1a(word));
        word.clear();
    };
    for (unsigned char c : text) {
        if (words.size() >= kMaxWords) break;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) word += char(c);
        else if (c >= 'A' && c <= 'Z') word += char(c + 32);
        else flush();
    }
    if (words.size() < kMaxWords) flush();
    return words;
}

}  // namespace

std::string near_duplicate_signature(std::string_view body) {
    const auto words = word_hashes(body);
    if (words.size() < kMinWords) return {};
    std::uint64_t best = std::numeric_limits<std::uint64_t>::max();
    for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
        std::uint64_t h = 14695981039346656037ull;
        for (std::size_t k = 0; k < kShingle; ++k) h = (h ^ words[i + k]) * 1099511628211ull;
        h ^= h >> 29;  // mix so the minimum is not biased by the last word
        h *= 0xbf58476d1ce4e5b9ull;
        h ^= h >> 32;
        if (h < best) best = h;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(best));
    return hex;
}

}  // namespace newsdesk
