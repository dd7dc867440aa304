// The passage shown under a hit, with the matched terms highlighted.
#pragma once

#include <string>

#include <xapian.h>

#include "common/article.h"

namespace newsdesk {

// About `length` bytes of the article body (or headline if it has no body)
// around the best matches of the MSet's query, terms wrapped in `start`/`end`.
// With `html` false the text is plain (Xapian escapes for HTML; that is undone).
[[nodiscard]] std::string make_snippet(const Xapian::MSet& mset, const Article& article,
                                       const std::string& start, const std::string& end,
                                       bool html = false, std::size_t length = 300);

// Undoes the escaping Xapian's snippet() applies (&amp; &lt; &gt; &quot; &#39;).
[[nodiscard]] std::string unescape_html_entities(const std::string& text);

}  // namespace newsdesk
