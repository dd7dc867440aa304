// Date parsing on arbitrary bytes: parse_date and find_date_in_text never throw;
// every date they return is a valid "YYYY-MM-DD" that days_since_epoch reads.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/lang/dates.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const auto& parsed : {newsdesk::parse_date(text), newsdesk::find_date_in_text(text)}) {
        if (parsed && !newsdesk::days_since_epoch(parsed->date)) std::abort();
    }
    (void)newsdesk::days_since_epoch(text);
    return 0;
}
