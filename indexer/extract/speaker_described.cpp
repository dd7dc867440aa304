// Speakers the article describes rather than names: "the official said" is a
// description, no speaker; "said a New Hampshire Democrat" names a party's
// member the article does not name, kept as that description.
#include "indexer/extract/entity_lexicon.h"
#include "indexer/extract/speaker_parts.h"

namespace newsdesk::speakers_internal {

Attribution described(int position) {
    Attribution a;
    a.kind = SpeakerKind::description;
    a.position = position;
    return a;
}

Attribution described_member(std::string member, int position) {
    Attribution a = described(position);
    a.member = std::move(member);
    return a;
}

// "a New Hampshire Democrat", "one senior Republican", "another Iowa Democrat":
// a description whose head (token `last`) is a party's member, from its first
// capitalised or title word; nullopt for other descriptions ("the official").
std::optional<std::string> party_member(const Paragraph& p, int lo, int last, const QuoteLexicon& lex) {
    const Token& head = p.tokens[last];
    if (head.kind != TokenKind::word || !head.capitalised || head.quote >= 0) return std::nullopt;
    const auto& people = entities::Lexicon::instance();
    const std::string singular = head.key.ends_with('s') ? head.key.substr(0, head.key.size() - 1) : head.key;
    if (!lex.title_words.count(head.key) || !(people.party(head.key) || people.party(singular)))
        return std::nullopt;
    int first = last;
    while (first - 1 >= lo && (name_word(p.tokens[first - 1], lex) ||
                               (lower_word(p.tokens[first - 1]) && lex.title_words.count(p.tokens[first - 1].key))))
        --first;
    return std::string(p.text.substr(p.tokens[first].begin, head.end - p.tokens[first].begin));
}

}  // namespace newsdesk::speakers_internal
