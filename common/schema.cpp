#include "common/schema.h"

#include "common/unicode_fold.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "common/hash.h"
#include "common/text.h"

namespace newsdesk {

std::string normalise_term_value(std::string_view raw) {
    // Accents and compatibility forms folded as in free text (Müller = Muller).
    const std::string folded = fold_for_search(raw);
    const std::string_view value = folded;
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

std::vector<std::string> term_words(std::string_view value) {
    std::vector<std::string> words;
    const std::string normalised = normalise_term_value(value);
    std::size_t pos = 0;
    while (pos < normalised.size()) {
        auto end = normalised.find(' ', pos);
        if (end == std::string::npos) end = normalised.size();
        words.push_back(normalised.substr(pos, end - pos));
        pos = end + 1;
    }
    return words;
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

namespace {

std::string long_term(std::string term, std::string_view id) {
    if (id.size() + term.size() <= 240) return term.append(id);
    char hex[20];
    std::snprintf(hex, sizeof hex, "#%016llx", static_cast<unsigned long long>(fnv1a(id)));
    return term.append(utf8_prefix(id, 200)).append(hex);
}

}  // namespace

std::string id_term(std::string_view id) { return long_term(std::string(prefix::id), id); }

std::string file_term(std::string_view path) {
    return long_term(std::string(prefix::source_file), path);
}

std::string tiebreak_value(std::string_view ymd, std::string_view id_term) {
    const std::uint64_t h = fnv1a(id_term);
    char out[32];
    std::snprintf(out, sizeof out, "%.8s%016llx", ymd.size() == 8 ? std::string(ymd).c_str() : "00000000",
                  static_cast<unsigned long long>(h));
    return out;
}

}  // namespace newsdesk
