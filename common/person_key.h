// One key per person across the archive, so that facet counts of people and
// experts add up however an article wrote the name: "John R. Bolton" and "John
// Bolton", "Recep Tayyip Erdoğan" and "RECEP TAYYIP ERDOGAN", "Mr. Victor Cha"
// and "Victor Cha" share a key. Indexed as the XPERSON / XEXPERT term, and the
// searcher groups facet values and experts by it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdesk {

// One line of data/people/honorifics.txt: the honorific as written ("Mr.",
// "Señora") and the gender it implies, 'm', 'f' or 'x' (not known).
struct Honorific {
    std::string word;
    char gender = 'x';
};

// The lines of data/people/honorifics.txt, read once (thread-safe): the one list
// the entity scan, the quote side, the model and person_key read. A line without
// a gender column is 'x'; an unreadable file is an empty list.
[[nodiscard]] const std::vector<Honorific>& honorifics();

// `name` case-folded, accents removed, honorifics (data/people/honorifics.txt)
// and single-letter initials dropped, words joined by one space: "john bolton".
// A name that is nothing but those keeps its words ("J." stays "j").
[[nodiscard]] std::string person_key(std::string_view name);

}  // namespace newsdesk
