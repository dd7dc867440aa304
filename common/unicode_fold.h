// Case folding and composition with ICU, for comparison keys of names written in
// any script (country names, month and weekday names): "Juni" and "JUNI",
// "é" precomposed or as e + combining accent, compare equal after it.
#pragma once

#include <string>
#include <string_view>

namespace newsdesk {

// `text` case-folded (full Unicode folding) and NFC-composed, as UTF-8. Invalid
// UTF-8 comes back with ICU's replacement characters, never an exception.
[[nodiscard]] std::string fold_and_compose(std::string_view text);

// `text` case-folded and decomposed, its combining marks dropped ("Erdoğan" ->
// "erdogan"): a key that ignores accents.
[[nodiscard]] std::string fold_without_marks(std::string_view text);

}  // namespace newsdesk
