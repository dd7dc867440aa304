// Snippets of real articles (searcher/snippet.h): the English stemmer keeps a
// word's first letter, so only the words starting like a query stem are
// stemmed; the snippets are those of stemming every word.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>
#include <xapian/unicode.h>

#include "common/article.h"
#include "searcher/snippet.h"

namespace {

// English under another name: the same stems, with no claim to keep first
// letters (common/lang/language.h), so every word is stemmed.
class EveryWordEnglish : public Xapian::StemImplementation {
  public:
    std::string operator()(const std::string& word) override { return m_english(word); }
    std::string get_description() const override { return "every word english"; }

  private:
    Xapian::Stem m_english{"english"};
};

// Whether every letter of `text` is ASCII (its quotes and dashes need not be).
bool ascii_words(const std::string& text) {
    for (Xapian::Utf8Iterator it(text), end; it != end; ++it)
        if (*it >= 0x80 && Xapian::Unicode::is_wordchar(*it)) return false;
    return true;
}

// The bundled Wikinews articles whose words are ASCII: English folds accents
// and the stemmer above does not, so on ASCII words the two read alike.
std::vector<newsdesk::Article> ascii_wikinews() {
    std::vector<newsdesk::Article> articles;
    for (const auto* name : {"wikinews-2019.jsonl", "wikinews-2020-2021.jsonl"}) {
        std::ifstream in(std::string(NEWSDESK_SOURCE_DIR) + "/corpus/wikinews/" + name);
        for (std::string line; std::getline(in, line);) {
            const auto record = nlohmann::json::parse(line);
            newsdesk::Article a;
            a.headline = record.at("title").get<std::string>();
            a.body = record.at("text").get<std::string>();
            if (ascii_words(a.body) && ascii_words(a.headline)) articles.push_back(std::move(a));
        }
    }
    return articles;
}

// The words at a few places of `text` as typed (capitals kept), 4+ letters.
std::vector<std::string> words_at(const std::string& text, std::initializer_list<std::size_t> places) {
    std::vector<std::string> all, picked;
    std::string word;
    for (char c : text + " ") {
        if (std::isalpha(static_cast<unsigned char>(c))) word += c;
        else if (!word.empty()) all.push_back(std::exchange(word, {}));
    }
    for (auto place : places)
        for (std::size_t i = place; i < all.size(); ++i)
            if (all[i].size() >= 4) {
                picked.push_back(all[i]);
                break;
            }
    return picked;
}

TEST(Snippet, StemmingOnlyWordsThatStartLikeAQueryStemMarksWhatStemmingAllDoes) {
    const auto articles = ascii_wikinews();
    ASSERT_GT(articles.size(), 100u);
    const Xapian::Stem english("english"), every(new EveryWordEnglish);
    std::size_t marked = 0;
    for (const auto& article : articles) {
        // Early, middle and late words, so windows are found near the top and deep down.
        const auto words = words_at(article.body, {3, 120, 400});
        for (std::size_t n = 1; n <= words.size(); ++n) {
            std::set<std::string> stems;
            for (std::size_t i = 0; i < n; ++i) stems.insert(english(Xapian::Unicode::tolower(words[i])));
            const auto snippet = newsdesk::make_snippet(article, stems, english, {});
            EXPECT_EQ(snippet, newsdesk::make_snippet(article, stems, every, {})) << article.headline << ": " << words[n - 1];
            const std::string headline = newsdesk::highlight(article.headline, stems, english, {});
            EXPECT_EQ(headline, newsdesk::highlight(article.headline, stems, every, {})) << article.headline;
            if (snippet.find("**") != std::string::npos) ++marked;
        }
    }
    EXPECT_GT(marked, 200u);  // the query words were found and marked
}

}  // namespace
