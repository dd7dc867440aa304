// stored_record: the document's data and the manifest's record, serialised in
// one pass, are byte for byte what to_json's dump gives with and without "path".
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/article.h"

namespace newsdesk {
namespace {

std::string line_of(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

Article article(std::string path, std::string headline, std::string body) {
    Article a;
    a.path = std::move(path);
    a.id = a.path;
    a.headline = std::move(headline);
    a.body = std::move(body);
    a.language = "en";
    a.quotes.push_back({"We will not back down", std::string("Ana Pérez"), std::nullopt, std::nullopt});
    a.captions.push_back({"A \"caption\"", std::string("AP")});
    return a;
}

TEST(StoredRecord, IsToJsonsLineWithAndWithoutPath) {
    const std::vector<Article> articles = {
        article("/news/a.html", "Plain headline", "One paragraph.\n\nAnother."),
        // A path that sorts first, quotes and a key-like text inside values.
        article("\"path\":x", "\"path\":\"y\"", "text with \"path\": inside"),
        // Bytes that are not UTF-8 are replaced in both lines alike.
        article(std::string("/bad/\xff\xfe.txt"), std::string("caf\xc3"), "Zürich, 東京"),
        article("", "", ""),
    };
    for (const auto& a : articles) {
        const auto record = stored_record(a);
        auto j = to_json(a);
        EXPECT_EQ(record.line, line_of(j)) << a.path;
        j.erase(record::path);
        EXPECT_EQ(record.line_without_path, line_of(j)) << a.path;
    }
}

}  // namespace
}  // namespace newsdesk
