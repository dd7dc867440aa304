// Content sniffing shared by detect_format and parse_any (which needs the same
// judgement to explain why a file was refused). Internal to the indexer.
#pragma once

#include <string_view>

namespace newsdesk::detail {

// NUL bytes, or mostly control characters, in the first 8 KiB; gzip data also
// counts (load_file gunzips, so gzip bytes here are a nested or corrupt archive).
[[nodiscard]] bool looks_binary(std::string_view bytes);

}  // namespace newsdesk::detail
