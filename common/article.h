// The Article model: what every parser produces and every extractor fills in.
// Plain data; its JSON form is the `--extract` contract read by the evaluation
// scorers (see docs/schema.md), so field names here follow that contract.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace newsdesk {

struct Caption {
    std::string text;
    std::optional<std::string> credit;  // "AP", "Reuters"; without "Photo Credit:"
    bool operator==(const Caption&) const = default;
};

struct Quote {
    std::string text;                              // without the quotation marks
    std::optional<std::string> speaker;            // full name when known
    std::optional<std::string> speaker_title;
    std::optional<std::string> institution;
    bool operator==(const Quote&) const = default;
};

struct Expert {
    std::string name;
    std::optional<std::string> title;
    std::optional<std::string> institution;
    int quotes = 0;
    bool operator==(const Expert&) const = default;
};

struct Institution {
    std::string name;                    // canonical name
    std::optional<std::string> acronym;  // "CSIS"
    int mentions = 0;
    bool operator==(const Institution&) const = default;
};

struct Country {
    std::string code;  // ISO 3166-1 alpha-2, upper case
    std::string name;  // English short name
    int mentions = 0;
    bool operator==(const Country&) const = default;
};

struct Person {
    std::string name;
    int mentions = 0;
    bool operator==(const Person&) const = default;
};

struct Article {
    std::string path;                  // input file's real path, "#N" appended for the Nth item of a feed
    std::string id;                    // stable unique id: URL if known, else path
    std::optional<std::string> url;
    std::optional<std::string> source; // outlet or site name ("BBC News")
    std::string language = "en";       // BCP 47 primary subtag
    std::string declared_language;     // what the page claims (html lang, xml:lang), a hint
    std::string headline;
    std::optional<std::string> date;   // "YYYY-MM-DD"
    std::optional<std::string> datetime;  // full ISO 8601 when known ("2024-06-21T09:30:00+05:30")
    std::vector<std::string> byline;
    std::vector<Caption> captions;
    std::string body;                  // paragraphs separated by "\n\n"
    bool truncated = false;            // a text field was longer and was cut (kMaxFieldBytes in indexer/parsers.h)

    std::vector<Quote> quotes;
    std::vector<Expert> experts;
    std::vector<Person> people;
    std::vector<Institution> institutions;
    std::vector<Country> countries;

    bool operator==(const Article&) const = default;
};

// The field names of the `--extract` JSON record, for every writer and reader
// of it: to_json and article_from_json below, the searcher's reader of stored
// records (searcher/stored_article.h) and its JSON hits (searcher/render.h).
// Omitted optional fields are null; datetime and truncated appear only when set.
namespace record {
inline constexpr const char* path = "path";
inline constexpr const char* id = "id";
inline constexpr const char* url = "url";                // string or null
inline constexpr const char* source = "source";          // string or null
inline constexpr const char* language = "language";      // read as "en" when missing
inline constexpr const char* headline = "headline";
inline constexpr const char* date = "date";              // "YYYY-MM-DD" or null
inline constexpr const char* datetime = "datetime";      // only when known
inline constexpr const char* byline = "byline";          // [string]
inline constexpr const char* captions = "captions";      // [{text, credit}]
inline constexpr const char* body = "body";
inline constexpr const char* truncated = "truncated";    // true, only when cut
inline constexpr const char* quotes = "quotes";          // [{text, speaker, speaker_title, institution}]; an expert's count
inline constexpr const char* experts = "experts";        // [{name, title, institution, quotes}]
inline constexpr const char* people = "people";          // [name]
inline constexpr const char* people_mentions = "people_mentions";  // [count], parallel to people
inline constexpr const char* institutions = "institutions";        // [{name, acronym, mentions}]
inline constexpr const char* countries = "countries";    // [{code, name, mentions}]
// The members of those objects.
inline constexpr const char* text = "text";
inline constexpr const char* credit = "credit";
inline constexpr const char* speaker = "speaker";
inline constexpr const char* speaker_title = "speaker_title";
inline constexpr const char* institution = "institution";
inline constexpr const char* name = "name";
inline constexpr const char* title = "title";
inline constexpr const char* acronym = "acronym";
inline constexpr const char* mentions = "mentions";
inline constexpr const char* code = "code";
}  // namespace record

// The `--extract` JSON record (one line of JSON Lines).
[[nodiscard]] nlohmann::json to_json(const Article& article);
// to_json's record as one line (invalid UTF-8 replaced), as a document stores
// it and --extract prints it, and the same line without "path", as the
// manifest hashes it (indexer/update/manifest.h): written straight from the
// Article (common/stored_record.cpp), the bytes of to_json(a).dump(-1, ' ',
// false, replace) without building the tree (tests/common/stored_record_test.cpp).
struct StoredRecord {
    std::string line, line_without_path;
};
[[nodiscard]] StoredRecord stored_record(const Article& article);
// Inverse of to_json; fields missing from `j` keep their defaults.
[[nodiscard]] Article article_from_json(const nlohmann::json& j);

// For test failure messages.
std::ostream& operator<<(std::ostream& out, const Article& article);
std::ostream& operator<<(std::ostream& out, const Caption& caption);
std::ostream& operator<<(std::ostream& out, const Quote& quote);

}  // namespace newsdesk
