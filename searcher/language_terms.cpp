#include "searcher/language_terms.h"

#include <optional>

#include "common/schema.h"

namespace newsdesk {

namespace {

std::vector<LanguageTerm> read_language_terms(const Xapian::Database& db) {
    std::vector<LanguageTerm> terms;
    const std::string p(prefix::language);
    for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) terms.push_back({*t, t.get_termfreq()});
    return terms;
}

struct Known {
    std::string uuid;
    Xapian::rev revision = 0;
    std::vector<LanguageTerm> terms;
};

// What identifies `db`'s content: its uuid and revision; nothing for a
// collection, or where it cannot say (a remote database may not).
std::optional<std::pair<std::string, Xapian::rev>> identity(const Xapian::Database& db) {
    if (db.size() != 1) return std::nullopt;
    try {
        std::string uuid = db.get_uuid();
        if (uuid.empty()) return std::nullopt;
        return std::pair{std::move(uuid), db.get_revision()};
    } catch (const Xapian::Error&) {
        return std::nullopt;
    }
}

}  // namespace

std::vector<LanguageTerm> language_terms(const Xapian::Database& db) {
    const auto id = identity(db);
    if (!id) return read_language_terms(db);
    thread_local std::optional<Known> known;
    if (!known || known->uuid != id->first || known->revision != id->second)
        known = Known{id->first, id->second, read_language_terms(db)};
    return known->terms;
}

}  // namespace newsdesk
