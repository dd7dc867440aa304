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

// Every field set, and every optional one both ways.
Article full_article() {
    Article a = article("/news/full.html", "Full 😀", "Body\twith\ttabs");
    a.url = "https://example.com/full";
    a.source = "Example News";
    a.date = "2024-06-21";
    a.datetime = "2024-06-21T09:30:00+05:30";
    a.byline = {"Jane Doe", "John \"JJ\" Roe"};
    a.captions.push_back({"No credit", std::nullopt});
    a.quotes.push_back({"Unattributed", std::nullopt, std::nullopt, std::nullopt});
    a.quotes.push_back({"Said it", std::string("Kim Lee"), std::string("minister"), std::string("Ministry")});
    a.experts = {{"Kim Lee", std::string("minister"), std::string("Ministry"), 2}, {"Ana Pérez", std::nullopt, std::nullopt, 1}};
    a.people = {{"Kim Lee", 3}, {"Ana Pérez", 1}};
    a.institutions = {{"United Nations", std::string("UN"), 4}, {"Ministry", std::nullopt, 1}};
    a.countries = {{"KP", "North Korea", 5}, {"KR", "South Korea", -1}};
    a.truncated = true;
    return a;
}

TEST(StoredRecord, IsToJsonsLineWithAndWithoutPath) {
    std::string controls;
    for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
    controls += "\x7f\\/\"end";
    const std::vector<Article> articles = {
        full_article(),
        // Every control character, escaped as nlohmann-json escapes it.
        article("/c.txt", controls, "line\r\nfeed\fform\bback " + controls),
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
