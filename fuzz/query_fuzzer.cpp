// Query building on arbitrary text against a small in-memory index (a few
// languages, terms for wildcard expansion; that backend has no spelling table):
// UsageError is the answer to a syntax error; anything else (crash, sanitizer
// report, other exception) is a bug. Invalid UTF-8 is skipped: newsdesk.cgi and
// newsdesk-search reject it before building a query.
#include <cstddef>
#include <cstdint>
#include <string>

#include <xapian.h>

#include "common/error.h"
#include "common/text.h"
#include "searcher/query_builder.h"

namespace {

Xapian::WritableDatabase make_db() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const char* const docs[][4] = {{"Len", "XBdiplomat", "ZXBdiplomat", "Sdiplomacy"},
                                   {"Lde", "XBdiplomatie", "ZXBdiplomati", "Sgipfel"},
                                   {"Lhi", "XBभारत", "ZXBभारत", "Sपाकिस्तान"},
                                   {"Lzh", "XB中国", "XB中", "S北京"}};
    for (const auto& terms : docs) {
        Xapian::Document doc;
        for (const char* term : terms) doc.add_term(term);
        db.add_document(doc);
    }
    return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Xapian::WritableDatabase db = make_db();
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (!newsdesk::is_valid_utf8(text)) return 0;
    try {
        (void)newsdesk::parse_user_query(text, db);
        (void)newsdesk::parse_user_query(text, db, {"de"});
    } catch (const newsdesk::UsageError&) {
    }
    return 0;
}
