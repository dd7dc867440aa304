#include "common/facet_set.h"

#include <algorithm>
#include <string>

#include "common/hash.h"
#include "common/person_key.h"

namespace newsdesk {

namespace {

void put_word(std::string& out, std::uint64_t w) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((w >> (8 * i)) & 0xff);
}

// Sorted, without duplicates or empty values.
void make_set(std::vector<std::string>& tagged_values) {
    std::erase_if(tagged_values, [](const std::string& v) { return v.size() < 2; });
    std::sort(tagged_values.begin(), tagged_values.end());
    tagged_values.erase(std::unique(tagged_values.begin(), tagged_values.end()), tagged_values.end());
}

bool is_date(std::string_view value) {
    return value.size() == 8 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::uint64_t facet_id(char tag, std::string_view value, std::uint64_t hash) {
    std::uint64_t id = static_cast<std::uint64_t>(static_cast<unsigned char>(tag)) << 56;
    if (value.size() <= 6) {
        for (std::size_t i = 0; i < value.size(); ++i)
            id |= static_cast<std::uint64_t>(static_cast<unsigned char>(value[i])) << (8 * i);
        return id | kFacetIdInline;
    }
    if (tag == 'd' && is_date(value)) {
        std::uint64_t number = 0;
        for (char c : value) number = number * 10 + static_cast<std::uint64_t>(c - '0');
        return id | kFacetIdNumber | number;
    }
    if (hash == 0) hash = fnv1a(std::string(1, tag) + std::string(value));
    return id | (hash & kFacetIdHash);
}

bool facet_id_text(std::uint64_t id, std::string& out) {
    if (id & kFacetIdInline) {
        // A value's bytes are never NUL (text), so the first NUL ends it.
        for (int i = 0; i < 6 && ((id >> (8 * i)) & 0xff) != 0; ++i) out += static_cast<char>((id >> (8 * i)) & 0xff);
        return true;
    }
    if (id & kFacetIdNumber) {
        const std::string digits = std::to_string(id & kFacetIdHash);
        out.append(8 - std::min<std::size_t>(8, digits.size()), '0') += digits;
        return true;
    }
    return false;
}

std::string encode_id_set(std::vector<std::string> tagged_values) {
    make_set(tagged_values);
    std::string out;
    out.reserve(tagged_values.size() * 12);
    for (const auto& tagged : tagged_values) {
        const char tag = tagged.front();
        const std::string_view value = std::string_view(tagged).substr(1);
        put_word(out, facet_id(tag, value));
        if (facet_tag_has_group(tag)) put_word(out, fnv1a(person_key(value)));
    }
    return out;
}

std::string encode_set(std::vector<std::string> tagged_values) {
    make_set(tagged_values);
    std::string out;
    for (const auto& tagged : tagged_values) {
        const char tag = tagged.front();
        const std::string_view value = std::string_view(tagged).substr(1);
        out += tag;
        put_word(out, fnv1a(tagged));
        if (facet_tag_has_group(tag)) put_word(out, fnv1a(person_key(value)));
        for (std::size_t n = value.size();; n >>= 7) {
            out += static_cast<char>((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
            if (n < 0x80) break;
        }
        out += value;
    }
    return out;
}

std::vector<std::string> decode_set(std::string_view encoded) {
    std::vector<std::string> out;
    (void)for_each_facet_entry(encoded, [&](const FacetEntry& e) { out.push_back(e.tag + std::string(e.value)); });
    return out;
}

}  // namespace newsdesk
