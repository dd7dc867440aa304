// Content sniffing shared by detect_format and parse_any (which needs the same
// judgement to explain why a file was refused). Internal to the indexer.
#pragma once

#include <string_view>

namespace newsdesk::detail {

// Control characters in the first 8 KiB: a tenth of the bytes, or a twentieth
// when some are NUL (a few NULs alone are damaged text, not binary); gzip data
// also counts (load_file gunzips, so gzip bytes here are a nested or corrupt
// archive). UTF-16 text looks binary: callers decode it first (sniff_utf16).
[[nodiscard]] bool looks_binary(std::string_view bytes);

}  // namespace newsdesk::detail
