// parse_text on arbitrary bytes: ParseError is a valid answer, anything else (crash,
// sanitizer report, other exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/error.h"
#include "indexer/formats/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        (void)newsdesk::parse_text(bytes, "fuzz.txt");
    } catch (const newsdesk::ParseError&) {
    }
    return 0;
}
