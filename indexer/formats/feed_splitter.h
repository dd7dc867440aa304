// The decoded text of an RSS/Atom feed cut into the parts FeedReader parses one
// at a time (indexer/formats/feed_reader.h), so that a malformed item costs only itself:
// a well-formedness error stops libxml2 for good, so given the whole feed it
// would stop at the first bad item and every item after it would be lost.
//
// Nothing is parsed here. The cuts follow XML's lexical rules (comments, CDATA
// sections, processing instructions, quoted attribute values, the DOCTYPE's
// internal subset), and where the markup is broken they fall where the next
// item would start:
// - an item ends at the first end tag of its own name; a start tag of that name
//   inside it, or the end tag of the channel or root around it, means it was
//   not closed (feeds do not nest items);
// - a tag ends early at a '<' (never legal inside one), a comment at its
//   first "--" (never legal inside one), so a broken tag or comment cannot
//   swallow the items after it.
// An unterminated CDATA section or processing instruction still runs to the end
// of the feed: inside them anything, an item too, is legal.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdesk {

struct FeedPart {
    enum class Kind {
        head,      // the prolog (XML declaration, DOCTYPE) and the root's start tag
        open,      // the start tag of the channel (RSS; Atom's channel is the root)
        close,     // the end tag of the channel
        between,   // feed-level markup between the parts around it (channel title,
                   // links), not only white space
        item,      // an <item> or <entry>, start tag to end tag
        bad_item,  // an item that is not whole: `problem` says why
        bad,       // broken feed-level markup (`problem`): the feed cut short, content
                   // after the root, the channel not closed
        end,       // the end of the feed; returned from then on
    };
    Kind kind = Kind::end;
    std::string_view text;  // valid until the next FeedSplitter::add
    std::size_t line = 1;   // of the first byte of `text`; of the problem for `bad`
    std::string name;       // qualified name of the root (head), channel (open) or item
    std::string problem;    // bad_item and bad: "<item> not closed before <item>", ...
};

class FeedSplitter {
  public:
    // Appends decoded (UTF-8) text of the feed; `last` when no more follows.
    void add(std::string_view text, bool last);

    // The next part, or nullopt when it needs more text. Throws ParseError "not
    // an RSS or Atom feed" when the text holds no root element.
    [[nodiscard]] std::optional<FeedPart> next();

    // Text held for the part that is not whole yet (the size limit of an item).
    [[nodiscard]] std::size_t pending_bytes() const { return m_buf.size() - m_begin; }

  private:
    struct Token {
        enum class Kind { text, start, end, other };  // other: comment, CDATA, PI, DOCTYPE
        Kind kind = Kind::text;
        std::size_t begin = 0, end = 0;
        std::string_view name;  // qualified name of a start or end tag
        bool empty = false;     // <name/>
    };
    enum class State { prolog, feed, item, epilog, done };

    std::optional<Token> token();
    std::optional<std::size_t> scan_until(std::string_view close, std::size_t skip);
    std::optional<std::size_t> scan_comment();
    std::optional<std::size_t> scan_tag();
    std::optional<std::size_t> scan_doctype();
    std::optional<FeedPart> in_prolog(const Token& t);
    std::optional<FeedPart> in_feed(const Token& t);
    std::optional<FeedPart> in_item(const Token& t);
    std::optional<FeedPart> in_epilog(const Token& t);
    std::optional<FeedPart> at_end();
    std::optional<FeedPart> between(std::size_t end);
    FeedPart part(FeedPart::Kind kind, std::size_t begin, std::size_t end);
    FeedPart problem(FeedPart::Kind kind, std::size_t at, std::string what);
    [[nodiscard]] bool is_container_end(std::string_view name) const;
    std::size_t line_at(std::size_t pos);

    std::string m_buf;
    std::size_t m_begin = 0;   // where the part being assembled starts
    std::size_t m_pos = 0;     // where the next token starts
    std::size_t m_resume = 0;  // how far the token at m_pos was scanned, when cut by the text's end
    char m_quote = 0;          // scan state of a tag or DOCTYPE cut by the text's end
    bool m_subset = false, m_comment = false;
    bool m_last = false;
    State m_state = State::prolog;
    std::vector<std::string> m_open;         // elements open outside items, the root first
    bool m_channel = false;                  // m_open[1] is the channel
    std::string m_item;                      // name of the item being read
    std::size_t m_line = 1, m_line_pos = 0;  // line number at m_buf[m_line_pos]
};

}  // namespace newsdesk
