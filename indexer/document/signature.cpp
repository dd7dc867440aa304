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

// Words as hashes: runs of ASCII letters/digits (lower-cased) or non-ASCII bytes,
// each word's FNV-1a taken as its bytes go by (the same as fnv1a of the word).
std::vector<std::uint64_t> word_hashes(std::string_view text) {
    std::vector<std::uint64_t> words;
    std::uint64_t hash = kFnvOffset;
    bool in_word = false;
    auto flush = [&] {
        if (in_word) words.push_back(hash);
        hash = kFnvOffset;
        in_word = false;
    };
    for (unsigned char c : text) {
        if (words.size() >= kMaxWords) break;
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
            hash = (hash ^ c) * 1099511628211ull;
            in_word = true;
        } else {
            flush();
        }
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
