// The article stored with each document (its --extract JSON record, written by
// indexer/document/document_builder.cpp), read back for a results page. A page reads ten
// records of several kilobytes each; a general JSON parser builds a whole DOM
// of them, byte by byte, before article_from_json copies it out again. This
// reads the record's own fields straight into an Article, and hands any record
// it does not read exactly as nlohmann-json would (malformed JSON, invalid
// UTF-8, numbers it does not take as small integers) to the general path, so
// the result is always article_from_json(nlohmann::json::parse(record)).
#pragma once

#include <string_view>

#include "common/article.h"

namespace newsdesk {

// Which of a record's fields are read: all, or the plain ones alone (id, path,
// url, source, language, headline, date, datetime, truncated, body), the lists
// (byline, captions, quotes, experts, people, institutions, countries) left
// empty, for output that prints none of them (newsdesk-search's plain text).
enum class RecordParts { all, plain };

[[nodiscard]] Article read_stored_article(std::string_view record, RecordParts parts = RecordParts::all);

// The same without the general path: false where read_stored_article would
// fall back (exposed for tests, which check both paths agree).
[[nodiscard]] bool read_stored_article_fast(std::string_view record, Article& article,
                                            RecordParts parts = RecordParts::all);

}  // namespace newsdesk
