#include "common/person_key.h"

#include <unordered_set>
#include <vector>

#include "common/data_dir.h"
#include "common/schema.h"
#include "common/text.h"
#include "common/unicode_fold.h"

namespace newsdesk {

const std::vector<Honorific>& honorifics() {
    static const std::vector<Honorific> list = [] {
        std::vector<Honorific> out;
        // read_data_list collapses the TAB between the columns to one space.
        for (const auto& line : read_data_list("people/honorifics.txt")) {
            const auto space = line.find(' ');
            Honorific h{line.substr(0, space)};
            if (space != std::string::npos && space + 1 < line.size()) h.gender = line[space + 1];
            out.push_back(std::move(h));
        }
        return out;
    }();
    return list;
}

namespace {

const std::unordered_set<std::string>& honorific_terms() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> out;
        for (const auto& h : honorifics()) out.insert(normalise_term_value(h.word));
        return out;
    }();
    return words;
}

}  // namespace

std::string person_key(std::string_view name) {
    bool ascii = true;
    for (const unsigned char c : name) ascii = ascii && c < 0x80;
    // Most names are ASCII: term_words lower-cases them without ICU.
    const auto words = term_words(ascii ? std::string(name) : fold_without_marks(name));
    std::string key;
    bool named = false;  // a word longer than an initial came before
    for (const auto& w : words) {
        // Middle initials ("r" of "John R. Bolton"), in any script. Initials
        // opening the name tell people apart: "M. Waugh" is not "S. Waugh".
        std::size_t letters = 0;
        for (const unsigned char c : w) letters += (c & 0xC0) != 0x80;
        const bool initial = letters == 1;
        if ((initial && named) || honorific_terms().count(w)) continue;
        named = named || !initial;
        key += (key.empty() ? "" : " ") + w;
    }
    return key.empty() ? normalise_term_value(name) : key;
}

}  // namespace newsdesk
