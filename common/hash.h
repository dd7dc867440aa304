// 64-bit FNV-1a: the one stable hash of ids, paths, words and items, the same
// on every run and machine (it names shards, lanes and manifest entries, and
// long ids' terms).
#pragma once

#include <cstdint>
#include <string_view>

namespace newsdesk {

inline constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;

// FNV-1a of `bytes`, continuing from `hash` (pass a previous result to chain).
[[nodiscard]] inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnvOffset) {
    for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
    return hash;
}

}  // namespace newsdesk
