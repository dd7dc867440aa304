// A paragraph that only signs the quote above it: "- Sanders.", "— Hillary
// Clinton.", "Josh Bivens, Economic Policy Institute." (fact-check and roundup
// layouts put the speaker on a line of its own under the quotation).
#pragma once

#include <optional>

#include "indexer/extract/speakers.h"

namespace newsdesk {

// The name a paragraph consists of, after an optional dash and before an
// optional ", <organisation>", a full stop and a closing quote mark; nullopt
// when the paragraph says anything else or holds a quotation of its own.
[[nodiscard]] std::optional<NameRun> signature(const Paragraph& p, const QuoteLexicon& lex);

}  // namespace newsdesk
