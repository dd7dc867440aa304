// parse_any (format detection, every parser, then the clean-up and language
// detection of each article) on arbitrary bytes. The first byte picks the file
// name the detector sees. ParseError is a valid answer; anything else (crash,
// sanitizer report, other exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "indexer/formats/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* const kPaths[] = {"a.html", "a.txt", "a.xml", "a.rss", "a.jsonl", "a"};
    const std::string path = kPaths[data[0] % 6];
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::vector<std::string> errors;
    try {
        (void)newsdesk::parse_any(bytes, path, &errors);
    } catch (const newsdesk::ParseError&) {
    }
    return 0;
}
