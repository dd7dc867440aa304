// A tally of counts per string, for facet counting: a page adds a count to a
// value some hundred thousand times (every value of every matching article) to
// show ten of each facet. Open addressing over views into strings the caller
// keeps alive, a word-at-a-time hash, no allocation per value: about a third of
// std::unordered_map's instructions per addition.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdesk {

class ValueTally {
  public:
    struct Entry {
        std::string_view value;
        Xapian::doccount count = 0;
        std::uint32_t hash = 0;  // high half of the 64-bit hash; 0 marks an empty slot
    };

    explicit ValueTally(std::size_t expected = 64) { m_slots.resize(capacity_for(expected)); }

    // Adds `count` to `value` (a view that must outlive the tally).
    void add(std::string_view value, Xapian::doccount count) {
        const std::uint64_t h = hash(value);
        const std::uint32_t tag = static_cast<std::uint32_t>(h >> 32) | 1u;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
            Entry& e = m_slots[i];
            if (e.hash == 0) {
                e = {value, count, tag};
                if (++m_size * 4 > m_slots.size() * 3) grow();
                return;
            }
            if (e.hash == tag && e.value == value) {
                e.count += count;
                return;
            }
        }
    }

    [[nodiscard]] std::size_t size() const { return m_size; }

    // Calls f(value, count) for every value, in no particular order.
    template <typename F>
    void for_each(F&& f) const {
        for (const Entry& e : m_slots)
            if (e.hash != 0) f(e.value, e.count);
    }

  private:
    static std::size_t capacity_for(std::size_t n) {
        std::size_t capacity = 16;
        while (capacity * 3 < n * 4) capacity *= 2;
        return capacity;
    }

    // 8 bytes at a time, multiply and fold (the mixing of wyhash's 64-bit
    // multiply, without its seeding); good enough for names and codes. Fixed-size
    // loads only, so no call to memcpy: the last word overlaps the one before it.
    static std::uint64_t hash(std::string_view s) {
        constexpr std::uint64_t k = 0x9E3779B97F4A7C15ull;
        const char* p = s.data();
        const std::size_t n = s.size();
        std::uint64_t h = n * k;
        if (n >= 8) {
            std::size_t i = 0;
            for (; i + 8 <= n; i += 8) h = mix(h ^ load8(p + i), k);
            if (i < n) h = mix(h ^ load8(p + n - 8), k);
        } else if (n >= 4) {
            h = mix(h ^ (load4(p) | static_cast<std::uint64_t>(load4(p + n - 4)) << 32), k);
        } else if (n > 0) {
            const auto b = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
            h = mix(h ^ (b(0) | b(n / 2) << 8 | b(n - 1) << 16), k);
        }
        return mix(h, 0xBF58476D1CE4E5B9ull);
    }

    static std::uint64_t load8(const char* p) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        return w;
    }
    static std::uint32_t load4(const char* p) {
        std::uint32_t w;
        std::memcpy(&w, p, 4);
        return w;
    }

    static std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
        const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
        return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
    }

    void grow() {
        std::vector<Entry> old(m_slots.size() * 2);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (const Entry& e : old) {
            if (e.hash == 0) continue;
            std::size_t i = static_cast<std::size_t>(hash(e.value)) & mask;
            while (m_slots[i].hash != 0) i = (i + 1) & mask;
            m_slots[i] = e;
        }
    }

    std::vector<Entry> m_slots;
    std::size_t m_size = 0;
};

}  // namespace newsdesk
