// RSS 2.0, RSS 1.0 (RDF) and Atom read item by item from a stream of bytes, so
// a feed of a million items costs one batch of items in memory, not the file.
// The bytes are decoded to UTF-8 (by the rules of indexer/input/encoding.h) and cut
// into items by FeedSplitter (indexer/formats/feed_splitter.h); libxml2 parses each item
// on its own, in the context of the feed around it (its namespaces and internal
// entities), into a small tree that is freed once its fields are copied out. A
// malformed item is reported and the items after it are read. The fields that
// need HTML parsing (headline and body may be escaped markup) are left raw in a
// FeedItem, for finish_feed_item to do on a worker thread.
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
    std::size_t number = 0;  // its place in the feed (from 1), counting items that failed
    Article article;         // every field but headline and body
    std::string title;       // raw text of <title>: plain text, or escaped markup
    struct Body {
        enum class Kind { text, xhtml, html };  // Atom type="text", "xhtml"; "html" and RSS
        Kind kind = Kind::html;
        std::string text;  // the element's text, or its children as markup for xhtml
    };
    // Candidates for the body, best first: full content (content:encoded, Atom
    // content), then the teaser (description, summary).
    std::vector<Body> bodies;
};

// What the reader passed over: a malformed item, or broken markup between items
// (`item` 0). `reason` ends with the line of the feed it is on: "malformed feed
// XML: xmlParseEntityRef: no name (line 12)".
struct FeedError {
    std::size_t item = 0;
    std::string reason;
};

// Items and errors in the order of the feed.
struct FeedBatch {
    std::vector<FeedItem> items;
    std::vector<FeedError> errors;
    [[nodiscard]] bool empty() const { return items.empty() && errors.empty(); }
};

class FeedReader {
  public:
    // Appends up to about `n` more bytes of the feed to `out`; false once the feed
    // is exhausted (InputStream::read). May throw ParseError.
    using Source = std::function<bool(std::string& out, std::size_t n)>;

    // `encoding`: how the bytes are read (choose_encoding of the start of the
    // feed). Items larger than `max_item_bytes` (and as much feed between two
    // items) are an error. Nothing is read before the first next().
    FeedReader(Encoding encoding, Source source, std::size_t max_item_bytes);
    ~FeedReader();
    FeedReader(const FeedReader&) = delete;
    FeedReader& operator=(const FeedReader&) = delete;

    // The next items and errors, at most `max_items` of them, fewer once they
    // took `max_bytes` of the feed; empty at its end. A malformed item, markup
    // between items that does not parse, an item cut short by the end of the
    // feed, or content after the root element is a FeedError, and reading goes
    // on after it. Items without a source get the channel title read so far.
    // Throws ParseError when the feed as a whole cannot be read: "not an RSS or
    // Atom feed", "malformed feed XML: ..." in the prolog or root element, a read
    // error of the source, "item N larger than M MB", an entity expansion bomb,
    // "out of memory", or "feed has no items" at the end of a feed without any.
    // What was returned before the error stays valid.
    FeedBatch next(std::size_t max_items, std::size_t max_bytes);

    // The channel title (the source of its items) as far as the feed was read.
    [[nodiscard]] const std::string& channel_title() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The Article of an item: headline and body from their markup (html_fragment_to_body).
[[nodiscard]] Article finish_feed_item(FeedItem item);

// The articles of a batch (finish_feed_item, paths "PATH#N"); its errors are
// appended to `errors` (if not null) as "PATH#N: reason" for an item and
// "PATH: reason" for markup between items.
[[nodiscard]] std::vector<Article> finish_feed_batch(FeedBatch batch, const std::string& path,
                                                     std::vector<std::string>* errors);

}  // namespace newsdesk
