// Where curated data files (data/*) are found at run time.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace newsdesk {

// The data directory: $NEWSDESK_DATA if set; else ../share/newsdesk next to the running
// binary (installed layout); else the source tree's data/ (build tree). Throws
// newsdesk::Error naming the places tried when none exists.
[[nodiscard]] std::filesystem::path data_dir();

// data_dir() / relative; throws newsdesk::Error if the file is missing.
[[nodiscard]] std::filesystem::path data_file(std::string_view relative);

// The lines of data_file(relative), whitespace collapsed, without blank lines
// and `#` comments.
[[nodiscard]] std::vector<std::string> read_data_list(std::string_view relative);

}  // namespace newsdesk
