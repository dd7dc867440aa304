// parse_jsonl and the streamed parse_jsonl_chunk on arbitrary bytes: a bad line
// is reported in `errors`, a ParseError is a valid answer; anything else
// (crash, sanitizer report, other exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "indexer/formats/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> errors;
    try {
        (void)newsdesk::parse_jsonl(bytes, "fuzz.jsonl", &errors);
    } catch (const newsdesk::ParseError&) {
    }
    try {
        (void)newsdesk::parse_jsonl_chunk(bytes, "fuzz.jsonl", 7, &errors);
    } catch (const newsdesk::ParseError&) {
    }
    return 0;
}
