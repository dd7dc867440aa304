// The CGI request parser on arbitrary bytes, as a GET query string and as a POST
// body: BadRequest is the answer to a bad request; anything else (crash,
// sanitizer report, other exception) is a bug. An accepted request must give a
// link and a SearchRequest.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "searcher/cgi/cgi_request.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const auto request = newsdesk::parse_web_request({"GET", std::string(bytes), std::nullopt}, {});
        (void)request.link();
        (void)request.search_request({"country", "source"});
    } catch (const newsdesk::BadRequest&) {
    }
    try {
        const auto request = newsdesk::parse_web_request(
            {"POST", std::nullopt, "application/x-www-form-urlencoded"}, bytes);
        (void)request.link();
    } catch (const newsdesk::BadRequest&) {
    }
    return 0;
}
