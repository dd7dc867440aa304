#include "searcher/snippet.h"

#include "common/language.h"

namespace newsdesk {

std::string unescape_html_entities(const std::string& text) {
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&')
            for (const auto& [entity, ch] : kEntities)
                if (text.compare(i, entity.size(), entity) == 0) {
                    out += ch;
                    i += entity.size();
                    replaced = true;
                    break;
                }
        if (!replaced) out += text[i++];
    }
    return out;
}

std::string make_snippet(const Xapian::MSet& mset, const Article& article, const std::string& start,
                         const std::string& end, bool html, std::size_t length) {
    const std::string& text = article.body.empty() ? article.headline : article.body;
    // Paragraph breaks read as sentence breaks in a one-line snippet.
    std::string flat = text;
    for (char& c : flat)
        if (c == '\n') c = ' ';
    const std::string snippet = mset.snippet(flat, length, stemmer_for(article.language),
                                             Xapian::MSet::SNIPPET_EXHAUSTIVE, start, end, "…");
    return html ? snippet : unescape_html_entities(snippet);
}

}  // namespace newsdesk
