// Entity and quote extraction (extract_all) on an article made of arbitrary
// text: first line the headline, the rest the body. Parsers hand the extractors
// valid UTF-8 only, so other inputs are skipped. The first byte picks the
// article's language. Nothing may throw.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/text.h"
#include "indexer/extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* const kLanguages[] = {"en", "de", "fr", "es", "hi", "zh", "ar", "ru"};
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (!newsdesk::is_valid_utf8(text)) return 0;
    newsdesk::Article article;
    article.path = "fuzz.txt";
    article.id = article.path;
    article.language = kLanguages[data[0] % 8];
    const auto newline = text.find('\n');
    article.headline = std::string(text.substr(0, newline));
    if (newline != std::string_view::npos) article.body = std::string(text.substr(newline + 1));
    newsdesk::extract_all(article);
    return 0;
}
