#include "common/facet_set.h"

#include <algorithm>

#include "common/hash.h"
#include "common/person_key.h"

namespace newsdesk {

namespace {

void put_word(std::string& out, std::uint64_t w) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((w >> (8 * i)) & 0xff);
}

}  // namespace

std::string encode_set(std::vector<std::string> tagged_values) {
    std::erase_if(tagged_values, [](const std::string& v) { return v.size() < 2; });
    std::sort(tagged_values.begin(), tagged_values.end());
    tagged_values.erase(std::unique(tagged_values.begin(), tagged_values.end()), tagged_values.end());
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
