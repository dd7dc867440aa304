// Helpers for the extract_quotes tests: an article from paragraphs, and the
// speaker of one of its quotes.
#pragma once

#include <string>
#include <vector>

#include "indexer/extract/extract.h"

namespace newsdesk::test {

// The article whose body is `paragraphs` (blank lines between), its quotes extracted.
inline Article quotes_of(const std::vector<std::string>& paragraphs) {
    Article article;
    for (const auto& p : paragraphs) article.body += (article.body.empty() ? "" : "\n\n") + p;
    extract_quotes(article);
    return article;
}

inline const Quote* find_quote(const Article& a, const std::string& text) {
    for (const auto& q : a.quotes)
        if (q.text == text) return &q;
    return nullptr;
}

// The speaker of the quote `text`, "<null>" when it has none.
inline std::string speaker_of(const Article& a, const std::string& text) {
    const Quote* q = find_quote(a, text);
    if (!q) return "<no such quote: " + text + ">";
    return q->speaker.value_or("<null>");
}

}  // namespace newsdesk::test
