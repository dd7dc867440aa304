// Near-duplicate signatures: copies of one wire story republished by several
// outlets (different headline, furniture or a trimmed last paragraph) should
// share a collapse key.
#pragma once

#include <string>
#include <string_view>

namespace newsdesk {

// A min-hash over 5-word shingles of the first 400 words of `body` (case and
// punctuation folded), as 16 hex digits. Two texts share it with probability
// equal to the Jaccard similarity of their shingle sets. Empty (never
// collapsed) for bodies under 40 words, where copies cannot be told apart from
// coincidence.
[[nodiscard]] std::string near_duplicate_signature(std::string_view body);

}  // namespace newsdesk
