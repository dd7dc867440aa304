// Title and institution of a quoted person, read from an appositive or
// relative clause next to their name: "senior vice president for Asia and
// Korea chair at the Center for Strategic and International Studies",
// "a spokesperson for the Chinese Foreign Ministry", "the White House national
// security spokesman", "who was the top U.S. diplomat for Asia".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "indexer/extract/quote_lexicon.h"

namespace newsdesk {

struct Affiliation {
    std::optional<std::string> title;
    std::optional<std::string> institution;
};

// Both fields nullopt when `appositive` does not read like a title (too long,
// empty, or no lower-case word at all).
[[nodiscard]] Affiliation parse_appositive(std::string_view appositive, const QuoteLexicon& lex);

}  // namespace newsdesk
