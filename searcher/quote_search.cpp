// Searcher::quotes and Searcher::experts: results made of the quotes and
// experts stored with the matching articles.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "common/lang/dates.h"
#include "common/person_key.h"
#include "common/text.h"
#include "searcher/query_builder.h"
#include "searcher/searcher.h"
#include "searcher/snippet.h"

namespace newsdesk {

QuoteResult Searcher::quotes(const SearchRequest& request, const Markers& markers) {
    QuoteResult result;
    SearchRequest articles = request;
    articles.offset = 0;
    articles.limit = kQuoteArticles;
    std::optional<Highlighter> highlighter;
    result.articles = finish(match(articles), false, markers, &highlighter);
    for (std::size_t i = 0; i < result.articles.hits.size(); ++i) {
        const Hit& hit = result.articles.hits[i];
        // Quotes are highlighted as their article was: the stemmer of its language's reading.
        const Reading& reading = highlighter->reading(hit.article.language);
        for (const auto& quote : hit.article.quotes) {
            std::size_t matched = 0;
            QuoteHit q{quote, highlight(quote.text, reading, markers, &matched), 0, i};
            if (!reading.stems.empty() && matched == 0) continue;
            q.score = hit.score * double(1 + matched) + (quote.speaker ? 0.01 : 0);
            result.quotes.push_back(std::move(q));
        }
    }
    std::stable_sort(result.quotes.begin(), result.quotes.end(),
                     [](const QuoteHit& a, const QuoteHit& b) { return a.score > b.score; });
    const auto from = std::min<std::size_t>(request.offset, result.quotes.size());
    const auto to = std::min<std::size_t>(from + request.limit, result.quotes.size());
    result.quotes = std::vector<QuoteHit>(result.quotes.begin() + from, result.quotes.begin() + to);
    return result;
}

ExpertResult Searcher::experts(const SearchRequest& request) {
    ExpertResult result;
    SearchRequest articles = request;
    articles.offset = 0;
    articles.limit = kExpertArticles;
    articles.sort = SortOrder::relevance;
    Matched matched = match(articles);
    const bool any_word = matched.parsed.any_word;
    result.articles = finish(std::move(matched), false, {});
    // A query read as any of its words (a sentence) matches every article with
    // one of them ("north" of "north korea china pact" in election stories):
    // the experts are those of the articles it is about, the ones scoring near
    // the best (holding every word, they carry the all-words boost), not of
    // every article a single word reached.
    if (any_word && !result.articles.hits.empty()) {
        const double floor = result.articles.hits.front().score * kExpertScoreShare;
        std::erase_if(result.articles.hits, [&](const Hit& hit) { return hit.score < floor; });
    }
    result.articles_examined = result.articles.hits.size();

    std::string newest;
    for (const auto& hit : result.articles.hits) newest = std::max(newest, hit.article.date.value_or(""));
    const auto days = [](const std::string& iso) { return days_since_epoch(iso).value_or(0.0); };
    const double newest_days = days(newest);

    // One expert per person however articles wrote the name (common/person_key.h),
    // under the form most articles used.
    std::map<std::string, ExpertHit> by_name;
    std::map<std::string, std::map<std::string, int>> forms;
    for (const auto& hit : result.articles.hits) {
        const std::string date = hit.article.date.value_or("");
        const double age_years = date.empty() ? 1.0 : (newest_days - days(date)) / 365.0;
        for (const auto& e : hit.article.experts) {
            const std::string key = person_key(e.name);
            auto& x = by_name[key];
            auto& form = forms[key];
            const int seen = ++form[e.name];
            if (x.name.empty() || seen > form[x.name] || (seen == form[x.name] && e.name.size() > x.name.size()))
                x.name = e.name;
            // The most recent article's title and institution describe them now.
            if (!date.empty() && date >= x.last_date) {
                if (e.title) x.title = e.title;
                if (e.institution) x.institution = e.institution;
            } else {
                if (!x.title) x.title = e.title;
                if (!x.institution) x.institution = e.institution;
            }
            ++x.articles;
            x.quotes += e.quotes;
            if (!date.empty()) {
                if (x.first_date.empty() || date < x.first_date) x.first_date = date;
                if (date > x.last_date) x.last_date = date;
            }
            x.score += std::max(1, e.quotes) * std::exp2(-age_years);
        }
    }
    for (auto& [name, hit] : by_name) result.experts.push_back(std::move(hit));
    // Most quoted first, as the tab and --experts say: quotes in the matching
    // articles, then articles; recency only breaks ties (a spokesperson quoted
    // once last week does not outrank a president quoted thirteen times).
    std::stable_sort(result.experts.begin(), result.experts.end(), [](const ExpertHit& a, const ExpertHit& b) {
        if (a.quotes != b.quotes) return a.quotes > b.quotes;
        if (a.articles != b.articles) return a.articles > b.articles;
        return a.score > b.score;
    });
    const auto from = std::min<std::size_t>(request.offset, result.experts.size());
    const auto to = std::min<std::size_t>(from + request.limit, result.experts.size());
    result.experts = std::vector<ExpertHit>(result.experts.begin() + from, result.experts.begin() + to);
    return result;
}

}  // namespace newsdesk
