// Snippets of real articles (searcher/snippet.h): the English stemmer keeps a
// word's first letter, so only the words starting like a query stem are
// stemmed; the snippets are those of stemming every word. The window search
// stops at the first window holding as many query stems as any window does;
// a snippet holds that many whether the query words are close, far apart or
// missing from the article.
#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>
#include <xapian/unicode.h>

#include "common/article.h"
#include "common/text.h"
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

// Where the best window's first query word starts in `body` with its
// whitespace collapsed, by the definition: a window runs from a word to the
// last word ending within `length` bytes of its start; the best holds the most
// distinct `stems` (the earliest on ties); every window is tried. npos when no
// window holds any.
std::size_t best_window_match(const std::string& body, const std::set<std::string>& stems, const Xapian::Stem& stem,
                              std::size_t length) {
    const std::string text = newsdesk::collapse_whitespace(body);
    struct Word {
        std::size_t begin, end;
        bool matches;
    };
    std::vector<Word> words;
    std::size_t open = std::string::npos;
    for (Xapian::Utf8Iterator it(text), end;; ++it) {
        const std::size_t at = it == end ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
        const bool wordchar = it != end && Xapian::Unicode::is_wordchar(*it);
        if (wordchar && open == std::string::npos) open = at;
        if (!wordchar && open != std::string::npos) {
            words.push_back({open, at, stems.count(stem(Xapian::Unicode::tolower(text.substr(open, at - open)))) > 0});
            open = std::string::npos;
        }
        if (it == end) break;
    }
    std::size_t most = 0, best = std::string::npos;
    for (std::size_t first = 0; first < words.size(); ++first) {
        std::set<std::string> held;
        std::size_t first_match = std::string::npos;
        for (std::size_t w = first; w < words.size() && words[w].end - words[first].begin <= length; ++w) {
            if (!words[w].matches) continue;
            held.insert(stem(Xapian::Unicode::tolower(text.substr(words[w].begin, words[w].end - words[w].begin))));
            if (first_match == std::string::npos) first_match = words[w].begin;
        }
        if (held.size() > most) most = held.size(), best = first_match;
    }
    return best;
}

// Where a snippet's first marked word starts in `body` with its whitespace
// collapsed (the snippet is a passage of it), npos when it marks none.
std::size_t first_marked(const std::string& snippet, const std::string& body) {
    const std::size_t marker = snippet.find("[[");
    if (marker == std::string::npos) return std::string::npos;
    std::string plain = std::regex_replace(snippet, std::regex(R"(\[\[|\]\])"), "");
    std::size_t before = snippet.substr(0, marker).size();
    const std::string ellipsis = "…";
    if (plain.starts_with(ellipsis)) plain.erase(0, ellipsis.size()), before -= ellipsis.size();
    if (plain.ends_with(ellipsis)) plain.erase(plain.size() - ellipsis.size());
    const std::size_t at = newsdesk::collapse_whitespace(body).find(plain);
    return at == std::string::npos ? at : at + before;
}

TEST(Snippet, ShowsTheFirstWindowHoldingTheMostStemsWhetherTheWordsAreCloseFarApartOrMissing) {
    const auto articles = ascii_wikinews();
    const Xapian::Stem english("english");
    const newsdesk::Markers brackets{"[[", "]]", false};
    std::size_t checked = 0;
    for (const auto& article : articles) {
        // Words far apart (rarely in one window) and one no article holds, as a
        // query whose words an article holds only in its headline.
        std::set<std::string> stems{"zzqqxx"};
        for (const auto& w : words_at(article.body, {3, 60, 400})) stems.insert(english(Xapian::Unicode::tolower(w)));
        const auto snippet = newsdesk::make_snippet(article, stems, english, brackets);
        EXPECT_EQ(first_marked(snippet, article.body), best_window_match(article.body, stems, english, 300))
            << article.headline << ": " << snippet;
        ++checked;
    }
    EXPECT_GT(checked, 100u);
}

// The earliest window holding the most stems wins, though a window holding
// fewer comes first and a stem is held nowhere.
TEST(Snippet, ALaterWindowHoldingMoreStemsWinsOverAnEarlierOneWhenAStemIsMissing) {
    std::string filler;
    for (int i = 0; i < 40; ++i) filler += "nothing here matters much. ";
    newsdesk::Article article;
    article.body = "Alpha opened the season. " + filler + "Later the alpha and the beta met again. " + filler;
    const Xapian::Stem english("english");
    const std::set<std::string> stems{"alpha", "beta", "zzqqxx"};
    const auto snippet = newsdesk::make_snippet(article, stems, english, {"[[", "]]", false});
    EXPECT_NE(snippet.find("Later the [[alpha]] and the [[beta]] met again."), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find("Alpha opened"), std::string::npos) << snippet;
}

}  // namespace

// The words before the window are not split (snippet_around): the snippet of
// a window deep in a text still shows the eight words before its first query
// word, however long the words or the punctuation between them, and starts
// with "…" exactly when a word comes before it.
TEST(Snippet, ShowsTheEightWordsBeforeTheFirstQueryWordHoweverDeepTheWindowIs) {
    const Xapian::Stem english("english");
    const newsdesk::Markers brackets{"[[", "]]", false};
    const std::set<std::string> stems{"target"};
    const std::string lead = "one two three four five six seven eight nine";
    const auto snippet = [&](const std::string& body, std::size_t length = 300) {
        newsdesk::Article article;
        article.body = body;
        return newsdesk::make_snippet(article, stems, english, brackets, length);
    };
    std::string filler;
    for (int i = 0; i < 300; ++i) filler += "nothing here matters. ";
    EXPECT_EQ(snippet(filler + lead + " target ends it."), "…two three four five six seven eight nine [[target]] ends it.");
    // A word of 2,000 letters before the lead: the split starts before it.
    EXPECT_EQ(snippet("Start " + std::string(2000, 'x') + " a b c d e f g h target end"),
              "…a b c d e f g h [[target]] end");
    // Only punctuation before the eight words: nothing left out, no "…".
    std::string dashes;
    for (int i = 0; i < 300; ++i) dashes += "- ";
    EXPECT_EQ(snippet(dashes + "a b c d e f g h target end"), "a b c d e f g h [[target]] end");
    EXPECT_EQ(snippet(dashes + "z " + dashes + "a b c d e f g h target end"), "…a b c d e f g h [[target]] end");
    // Eight words spread over more than the first stretch read back.
    std::string spread;
    for (const char* w : {"a", "b", "c", "d", "e", "f", "g", "h"}) spread += std::string(w) + " " + std::string(60, '-') + " ";
    EXPECT_EQ(snippet("Start " + spread + "target end", 1000), "…" + spread + "[[target]] end");
    // A text without the query words shows its start.
    const std::string start = snippet(lead + " " + filler);
    EXPECT_TRUE(start.starts_with(lead + " nothing here")) << start;
    EXPECT_TRUE(start.ends_with("…")) << start;
    EXPECT_LE(start.size(), 300 + std::string("…").size()) << start;
}
