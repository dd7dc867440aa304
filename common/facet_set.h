// The bytes of slot::facets (common/schema.h): an article's facet values as a
// set, each value with a 64-bit id (and, for people and experts, the id of the
// person it names), so that a search counts ids instead of reading strings:
// no hashing, splitting or person_key per value and match (issue 20).
//
// Entries sorted by tagged value, without duplicates, each:
//   tag      1 byte: the facet's letter (facet_tag)
//   id       8 bytes little-endian: fnv1a(tag + value) (common/hash.h)
//   group    8 bytes little-endian, for tags 'p' and 'e' only: fnv1a(person_key(value))
//   length   LEB128 varint
//   value    `length` bytes
// Equal sets are equal bytes, so the built-in ValueCountMatchSpy (which runs
// on remote shards) still counts each distinct set once with its articles.
//
// The bytes of slot::facet_ids: the same set as ids only, which a local
// search counts (issue 20: half the bytes, no lengths or texts to step over).
// Entries in the order of the set above, each a facet_id (8 bytes
// little-endian), followed for tags 'p' and 'e' by the group (8 bytes, as
// above). A value's text is read back from slot::facets of an article that
// holds it, and only for the values a page shows, unless the id holds it.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace newsdesk {

struct FacetEntry {
    char tag = 0;
    std::uint64_t id = 0;
    std::uint64_t group = 0;  // the person key's id for 'p' and 'e', else 0
    std::string_view value;
};

// Whether entries of `tag` carry a group id (people and experts).
[[nodiscard]] constexpr bool facet_tag_has_group(char tag) { return tag == 'p' || tag == 'e'; }

// A value's id in slot::facet_ids: the tag in the top byte, then
//   bit 55 set: the value itself, up to 6 bytes from bit 0 (codes, short names);
//   bit 54 set: an 8-digit date (tag 'd') as its number (20240621);
//   else: FNV-1a of the tagged value (the id of slot::facets) in bits 0-53.
// So a date, country or language needs no text looked up, and a search over
// one slot reads no other to count, sort and bucket them.
inline constexpr std::uint64_t kFacetIdInline = std::uint64_t{1} << 55;
inline constexpr std::uint64_t kFacetIdNumber = std::uint64_t{1} << 54;
inline constexpr std::uint64_t kFacetIdHash = kFacetIdNumber - 1;
// `hash`: fnv1a(tag + value), the id slot::facets stores (computed when 0).
[[nodiscard]] std::uint64_t facet_id(char tag, std::string_view value, std::uint64_t hash = 0);
// The tag of an id.
[[nodiscard]] constexpr char facet_id_tag(std::uint64_t id) { return static_cast<char>(id >> 56); }
// Appends the value an inline or date id holds to `out`; false (nothing
// appended) for a hashed id, whose text only slot::facets holds.
bool facet_id_text(std::uint64_t id, std::string& out);

// Encodes tagged values ("cKP", "pVictor Cha": the tag, then the value); empty
// values are dropped, duplicates kept once.
[[nodiscard]] std::string encode_set(std::vector<std::string> tagged_values);
// The same tagged values as slot::facet_ids holds them.
[[nodiscard]] std::string encode_id_set(std::vector<std::string> tagged_values);
// The tagged values of an encoded set, in order ("cKP", ...).
[[nodiscard]] std::vector<std::string> decode_set(std::string_view encoded);

// Calls f(const FacetEntry&) for each entry of `encoded`, in order; stops at
// the first malformed entry (a value of another schema) and returns false there.
template <typename F>
bool for_each_facet_entry(std::string_view encoded, F&& f) {
    const auto* p = reinterpret_cast<const unsigned char*>(encoded.data());
    const auto* const end = p + encoded.size();
    const auto word = [](const unsigned char* at) {
        std::uint64_t w;
        std::memcpy(&w, at, 8);
        return w;  // little-endian hosts only, as the indexer that wrote it (x86-64, arm64)
    };
    while (p != end) {
        FacetEntry e;
        e.tag = static_cast<char>(*p++);
        const std::size_t fixed = facet_tag_has_group(e.tag) ? 16 : 8;
        if (static_cast<std::size_t>(end - p) < fixed + 1) return false;
        e.id = word(p);
        if (fixed == 16) e.group = word(p + 8);
        p += fixed;
        // One byte for any value under 128 bytes (nearly all): read without the loop.
        std::size_t length = *p++;
        if (length & 0x80) {
            length &= 0x7f;
            for (unsigned shift = 7;; shift += 7) {
                if (p == end || shift > 28) return false;
                const unsigned char b = *p++;
                length |= static_cast<std::size_t>(b & 0x7f) << shift;
                if (!(b & 0x80)) break;
            }
        }
        if (static_cast<std::size_t>(end - p) < length) return false;
        e.value = std::string_view(reinterpret_cast<const char*>(p), length);
        p += length;
        f(e);
    }
    return true;
}

// Calls f(id, group) for each entry of an encode_id_set() set (group 0 for
// tags without one); false at a malformed end (a value of another schema).
template <typename F>
bool for_each_facet_id(std::string_view encoded, F&& f) {
    const char* p = encoded.data();
    const char* const end = p + encoded.size();
    while (end - p >= 8) {
        std::uint64_t id, group = 0;
        std::memcpy(&id, p, 8);  // little-endian hosts only, as for_each_facet_entry
        p += 8;
        if (facet_tag_has_group(facet_id_tag(id))) {
            if (end - p < 8) return false;
            std::memcpy(&group, p, 8);
            p += 8;
        }
        f(id, group);
    }
    return p == end;
}

}  // namespace newsdesk
