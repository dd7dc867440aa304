// Unicode folding with ICU: comparison keys of names written in any script
// (fold_and_compose), and the form text is indexed and searched in
// (fold_for_search).
#pragma once

#include <string>
#include <string_view>

namespace newsdesk {

// `text` case-folded (full Unicode folding) and NFC-composed, as UTF-8. Invalid
// UTF-8 comes back with ICU's replacement characters, never an exception.
// "Juni" and "JUNI", "é" precomposed or as e + combining accent, compare equal.
[[nodiscard]] std::string fold_and_compose(std::string_view text);

// `text` case-folded and decomposed, its combining marks dropped ("Erdoğan" ->
// "erdogan"): a key that ignores accents.
[[nodiscard]] std::string fold_without_marks(std::string_view text);

// `text` as the index holds it and a query is read: compatibility forms
// replaced (NFKC: "ﬁ" -> "fi", full-width letters and digits to ASCII), the
// accents of Latin letters dropped ("Vázquez" -> "Vazquez", "Müller" ->
// "Muller", "Türkiye" -> "Turkiye"; letters without a decomposition, "ß",
// "ø", "ı", stay), and typographic quotes and apostrophes as ASCII ones
// (“ ” „ -> ", ‘ ’ ‚ -> '). Marks of other scripts are letters there and stay
// (Devanagari vowel signs, Arabic vowel marks). Case is left to the caller
// (Xapian lower-cases terms). Pure ASCII comes back unchanged without a copy
// through ICU; invalid UTF-8 with ICU's replacement characters.
[[nodiscard]] std::string fold_for_search(std::string_view text);

// `text` with only its typographic quotes and apostrophes made ASCII, as
// fold_for_search does: for text whose accents stay (folds_accents() false).
[[nodiscard]] std::string ascii_quotes(std::string_view text);

}  // namespace newsdesk
