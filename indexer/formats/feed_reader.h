// RSS 2.0, RSS 1.0 (RDF) and Atom read item by item from a stream of bytes, so
// a feed of a million items costs one batch of items in memory, not the file.
// libxml2's xmlTextReader pulls the bytes (decoded to UTF-8 on the way, by the
// rules of indexer/input/encoding.h) and each item is expanded to a small tree that is
// freed once its fields are copied out. The fields that need HTML parsing
// (headline and body may be escaped markup) are left raw in a FeedItem, for
// finish_feed_item to do on a worker thread.
//
// Safety: XML_PARSE_NONET, no entity substitution, no DTD loading (no external
// entity is ever read); entity references are expanded only within an
// xml::EntityBudget; libxml2's own limits (depth 256, 10 MB text nodes) apply.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/article.h"
#include "indexer/input/encoding.h"

namespace newsdesk {

// One item or entry, as read from the XML.
struct FeedItem {
    Article article;    // every field but headline and body
    std::string title;  // raw text of <title>: plain text, or escaped markup
    struct Body {
        enum class Kind { text, xhtml, html };  // Atom type="text", "xhtml"; "html" and RSS
        Kind kind = Kind::html;
        std::string text;  // the element's text, or its children as markup for xhtml
    };
    // Candidates for the body, best first: full content (content:encoded, Atom
    // content), then the teaser (description, summary).
    std::vector<Body> bodies;
};

class FeedReader {
  public:
    // Appends up to about `n` more bytes of the feed to `out`; false once the feed
    // is exhausted (InputStream::read). May throw ParseError.
    using Source = std::function<bool(std::string& out, std::size_t n)>;

    // `encoding`: how the bytes are read (choose_encoding of the start of the
    // feed). Items larger than `max_item_bytes` (and as much feed between two
    // items) are an error. Throws ParseError when the reader cannot start.
    FeedReader(Encoding encoding, Source source, std::size_t max_item_bytes);
    ~FeedReader();
    FeedReader(const FeedReader&) = delete;
    FeedReader& operator=(const FeedReader&) = delete;

    // The next items, at most `max_items`, fewer once they took `max_bytes` of
    // the feed; empty at its end. Items without a source get the channel title
    // read so far. Throws ParseError: "not an RSS or Atom feed", "malformed feed
    // XML: ...", a read error of the source, "item N larger than M MB", an
    // entity expansion bomb, or "feed has no items" at the end of a feed without
    // any. Items returned before an error stay valid.
    std::vector<FeedItem> next(std::size_t max_items, std::size_t max_bytes);

    // The channel title (the source of its items) as far as the feed was read.
    [[nodiscard]] const std::string& channel_title() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The Article of an item: headline and body from their markup (html_fragment_to_body).
[[nodiscard]] Article finish_feed_item(FeedItem item);

}  // namespace newsdesk
