#include "common/schema.h"

#include <cstdint>
#include <cstdio>

#include "common/text.h"

namespace newsdesk {

std::string normalise_term_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    bool pending_space = false;
    for (unsigned char c : value) {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (!alnum) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += (c >= 'A' && c <= 'Z') ? char(c + 32) : char(c);
    }
    return out;
}

std::string make_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    if (!value.empty() && value.front() >= 'A' && value.front() <= 'Z') term += ':';
    term += value;
    // Xapian's term length limit is 245 bytes; an over-long value (a pathological
    // URL) is cut rather than failing the whole document.
    if (term.size() > 240) term = std::string(utf8_prefix(term, 240));
    return term;
}

std::string id_term(std::string_view id) {
    std::string term(prefix::id);
    if (id.size() + term.size() <= 240) return term.append(id);
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : id) hash = (hash ^ c) * 1099511628211ull;
    char hex[20];
    std::snprintf(hex, sizeof hex, "#%016llx", static_cast<unsigned long long>(hash));
    return term.append(utf8_prefix(id, 200)).append(hex);
}

}  // namespace newsdesk
