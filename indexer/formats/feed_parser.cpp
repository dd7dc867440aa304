// RSS 2.0, RSS 1.0 (RDF) and Atom: one Article per item / entry. The XML is read
// by FeedReader (indexer/formats/feed_reader.h), here or, for a large file, streamed by
// the pipeline; this is the part that turns an item's markup into text.
#include <limits>

#include "common/error.h"
#include "common/text.h"
#include "indexer/formats/feed_reader.h"
#include "indexer/formats/parsers.h"
#include "indexer/input/encoding.h"

namespace newsdesk {

namespace {

std::string body_text(const FeedItem::Body& body) {
    switch (body.kind) {
        case FeedItem::Body::Kind::text:
            return join_paragraphs(split_paragraphs(body.text));
        case FeedItem::Body::Kind::html:
            // Without a tag or an entity, escaped markup is one paragraph of text:
            // what parsing it as HTML would give, at a fraction of the cost (a feed
            // of a million short items spent most of its time there).
            if (body.text.find_first_of("<&") == std::string::npos)
                return collapse_whitespace(body.text);
            break;
        case FeedItem::Body::Kind::xhtml:
            break;
    }
    return html_fragment_to_body(body.text);
}

}  // namespace

Article finish_feed_item(FeedItem item) {
    Article a = std::move(item.article);
    // Titles are plain text, but some feeds put escaped markup in them.
    a.headline = collapse_whitespace(item.title.find_first_of("<&") == std::string::npos
                                         ? item.title
                                         : html_fragment_to_body(item.title));
    for (const auto& body : item.bodies) {
        a.body = body_text(body);
        if (!a.body.empty()) break;
    }
    return a;
}

std::vector<Article> finish_feed_batch(FeedBatch batch, const std::string& path,
                                       std::vector<std::string>* errors) {
    if (errors)
        for (const auto& e : batch.errors)
            errors->push_back(printable(e.item ? path + "#" + std::to_string(e.item) : path) +
                              ": " + printable(e.reason));
    std::vector<Article> out;
    out.reserve(batch.items.size());
    for (auto& item : batch.items) {
        const auto number = item.number;
        out.push_back(finish_feed_item(std::move(item)));
        out.back().path = path + "#" + std::to_string(number);
    }
    return out;
}

std::vector<Article> parse_feed(std::string_view bytes, const std::string& path,
                                std::vector<std::string>* errors) {
    std::size_t pos = 0;
    FeedReader reader(
        choose_encoding(bytes, true, true),
        [bytes, &pos](std::string& out, std::size_t n) {
            const auto take = bytes.substr(pos, n);
            out.append(take);
            pos += take.size();
            return pos < bytes.size();
        },
        std::numeric_limits<std::size_t>::max());
    std::vector<Article> out;
    for (auto batch = reader.next(SIZE_MAX, SIZE_MAX); !batch.empty();
         batch = reader.next(SIZE_MAX, SIZE_MAX))
        for (auto& article : finish_feed_batch(std::move(batch), path, errors))
            out.push_back(std::move(article));
    // A channel title after the items (legal, rare) still names their source.
    for (auto& article : out)
        if (!article.source && !reader.channel_title().empty())
            article.source = reader.channel_title();
    return out;
}

}  // namespace newsdesk
