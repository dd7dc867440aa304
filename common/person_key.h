// One key per person across the archive, so that facet counts of people and
// experts add up however an article wrote the name: "John R. Bolton" and "John
// Bolton", "Recep Tayyip Erdoğan" and "RECEP TAYYIP ERDOGAN", "Mr. Victor Cha"
// and "Victor Cha" share a key. Indexed as the XPERSON / XEXPERT term, and the
// searcher groups facet values and experts by it.
#pragma once

#include <string>
#include <string_view>

namespace newsdesk {

// `name` case-folded, accents removed, honorifics (data/people/honorifics.txt)
// and single-letter initials dropped, words joined by one space: "john bolton".
// A name that is nothing but those keeps its words ("J." stays "j").
[[nodiscard]] std::string person_key(std::string_view name);

}  // namespace newsdesk
