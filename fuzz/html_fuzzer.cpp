// parse_html and html_fragment_to_body on arbitrary bytes: ParseError is a
// valid answer, anything else (crash, sanitizer report, other exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/error.h"
#include "indexer/formats/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        (void)newsdesk::parse_html(bytes, "fuzz.html");
    } catch (const newsdesk::ParseError&) {
    }
    (void)newsdesk::html_fragment_to_body(bytes);
    return 0;
}
