// The curated word lists the HTML reader uses (data/html/*.txt), loaded once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdesk::html {

// Lines of data/html/<name>, lower-cased, without blank lines and "#" comments.
// Loaded on first use and cached; throws newsdesk::Error when the file is missing.
[[nodiscard]] const std::vector<std::string>& word_list(std::string_view name);

// True when lower-case `text` contains any entry of the list as a substring.
[[nodiscard]] bool contains_any(std::string_view text, const std::vector<std::string>& list);

}  // namespace newsdesk::html
