#include "searcher/searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/db/database.h"
#include "common/error.h"
#include "common/lang/dates.h"
#include "common/lang/stopwords.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/collapsed_page.h"
#include "searcher/feedback.h"
#include "searcher/match_set.h"
#include "searcher/query_builder.h"
#include "searcher/query_plan.h"
#include "searcher/snippet.h"
#include "searcher/stored_article.h"

namespace newsdesk {

namespace {

// Few enough matches that a spelling suggestion is worth showing.
constexpr Xapian::doccount kSuggestBelow = 3;

// More like this: the article's most informative unstemmed body words.
class BodyWords : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        if (term.size() < prefix::body.size() + 3 || term.compare(0, prefix::body.size(), prefix::body) != 0)
            return false;
        const unsigned char c = term[prefix::body.size()];
        return !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9');
    }
};

// The articles a match sees, counted, with the docid, weight and signature
// (slot::collapse) of the first `most`, as the built-in spy on the slot would
// count them but reading no value past `most` (the count is then no longer
// exact) and without a map per article. Not for remote shards (a spy of one's
// own cannot be sent to them).
//
// With the database's facet column (common/db/facet_column.h) an article's
// signature is its copy entry there ('k', facet_tag::copy, which the indexer
// adds exactly where it sets slot::collapse), named by the entry's index:
// equal signatures are one entry, so the copies fold alike, and a match reads
// one number per article instead of decoding the value stream (about 4,000
// instructions an article at 20,000 articles). Such a signature only names its article's
// copies among the others seen: the searcher compares them and never reads
// them as text.
class SeenSignatures : public Xapian::MatchSpy {
  public:
    // Thrown, when asked (`last`: the database's last docid), at the article
    // past `most`, or earlier when the articles seen so far, spread evenly
    // over the docids, would come to half as many again: the match is of no
    // use then (a guess that may be wrong either way: it costs time, never a
    // result). `may_reach` (if given) is asked, once, before the first throw:
    // false (the match cannot see more than `most`), and none is thrown.
    struct TooMany {};
    SeenSignatures(const FacetColumn* column, Xapian::doccount most, Xapian::docid last = 0,
                   std::function<bool()> may_reach = {})
        : m_column(column), m_most(most), m_last(last), m_may_reach(std::move(may_reach)) {}
    void operator()(const Xapian::Document& doc, double weight) override {
        ++m_total;
        if (m_last != 0 && m_total >= kSample &&
            (m_total > m_most || double(m_total) * m_last >= 1.5 * m_most * doc.get_docid())) {
            if (m_may_reach && !std::exchange(m_may_reach, {})()) m_last = 0;
            else throw TooMany{};
        }
        if (m_total > m_most) return;
        const Xapian::docid did = doc.get_docid();
        // A collapsing match has just read the value (the stream is there);
        // another reads it here first, unless the column has it.
        m_seen.push_back({did, weight, m_column ? copy_entry(did) : doc.get_value(slot::collapse)});
    }
    [[nodiscard]] Xapian::doccount total() const { return m_total; }
    [[nodiscard]] const std::vector<SeenArticle>& articles() const { return m_seen; }
    // Articles per signature, of those read.
    [[nodiscard]] std::map<std::string, Xapian::doccount> counts() const {
        std::map<std::string, Xapian::doccount> counts;
        for (const auto& a : m_seen)
            if (!a.signature.empty()) ++counts[a.signature];
        return counts;
    }

  private:
    // The index of `did`'s copy entry in the column, as four bytes; empty
    // when it has none (no signature).
    [[nodiscard]] std::string copy_entry(Xapian::docid did) const {
        const std::uint32_t index = m_column->copy_entry(did);
        return index == kNoCopy ? std::string() : std::string(reinterpret_cast<const char*>(&index), sizeof index);
    }

    static constexpr Xapian::doccount kSample = 32;
    const FacetColumn* m_column;
    Xapian::doccount m_most;
    Xapian::docid m_last;
    std::function<bool()> m_may_reach;
    Xapian::doccount m_total = 0;
    std::vector<SeenArticle> m_seen;
};

// The articles of a count with the copies of each signature folded into one;
// `copies` receives the articles with each of `signatures`.
Xapian::doccount folded_count(Xapian::doccount total, const std::map<std::string, Xapian::doccount>& per_signature,
                              const std::vector<std::string>& signatures,
                              std::map<std::string, Xapian::doccount>& copies) {
    Xapian::doccount signed_articles = 0;
    for (const auto& [signature, n] : per_signature) signed_articles += n;
    for (const auto& signature : signatures)
        if (auto found = per_signature.find(signature); found != per_signature.end()) copies.emplace(*found);
    return total - signed_articles + static_cast<Xapian::doccount>(per_signature.size());
}

// The same from a spy on slot::collapse.
Xapian::doccount folded_count(const Xapian::ValueCountMatchSpy& seen, const std::vector<std::string>& signatures,
                              std::map<std::string, Xapian::doccount>& copies) {
    std::map<std::string, Xapian::doccount> per_signature;
    for (auto v = seen.values_begin(); v != seen.values_end(); ++v) per_signature.emplace(*v, v.get_termfreq());
    return folded_count(static_cast<Xapian::doccount>(seen.get_total()), per_signature, signatures, copies);
}

// How far the proximity boost may look its pairs up (searcher/proximity.h):
// asked of the database as it is now, since a retry reopens a stub that a
// swap may have pointed from one database to a collection (whose docids a
// DocidSet must not name).
PairLookup pair_lookup(const Xapian::Database& db, bool remote) {
    if (remote) return PairLookup::none;
    return db.size() == 1 ? PairLookup::many : PairLookup::few;
}

}  // namespace

Xapian::BM25Weight ranking_weight() { return Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5); }

Searcher::Searcher(std::string db_path, OpenOptions options)
    : m_path(std::move(db_path)),
      m_options(options),
      m_db(open_for_reading(m_path, m_options)),
      m_remote(reaches_remote(m_path)) {}

Searcher::Searcher(Xapian::Database db, std::string label, std::shared_ptr<const FacetColumn> column)
    : m_path(std::move(label)),
      m_db(std::move(db)),
      m_remote(reaches_remote(m_path)),  // the FastCGI server's: it may be a reader's stub of remote shards
      m_column(std::move(column)) {}

SearchResult Searcher::records(const SearchRequest& request) { return finish(match(request), false, {}); }

SearchResult Searcher::run(const SearchRequest& request, const Markers& markers,
                           std::optional<Highlighter>* highlighter) {
    return finish(match(request), true, markers, highlighter, request.hit_lists ? RecordParts::all : RecordParts::plain);
}

Searcher::Matched Searcher::match(const SearchRequest& request) {
    return with_retry(
        m_db, m_path, [&](Xapian::Database&) { return match_once(request, WordsReading::all_uncounted); },
        kReadAttempts, m_options);
}

namespace {

// The language codes of the request's language filters (--filter lang=de).
std::vector<std::string> filter_languages(const SearchRequest& request) {
    std::vector<std::string> codes;
    for (const auto& [name, value] : request.filters)
        if (name == "language" || name == "lang") codes.push_back(value);
    return codes;
}

}  // namespace

Xapian::Query Searcher::full_query(const SearchRequest& request, ParsedQuery& parsed, WordsReading reading) {
    Xapian::Query query;
    const Xapian::Query dates = date_range(request.from, request.to);
    if (request.like) {
        Xapian::PostingIterator p = m_db.postlist_begin(id_term(*request.like));
        if (p == m_db.postlist_end(id_term(*request.like)))
            throw UsageError("--like: no article with id '" + printable(*request.like) + "'");
        Xapian::RSet rset;
        rset.add_document(*p);
        Xapian::Enquire expand(m_db);
        BodyWords decider;
        // Exact term frequencies: the expansion (and so the hits) must not depend
        // on how the collection is split into shards.
        const Xapian::ESet eset = expand.get_eset(30, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
        query = Xapian::Query(Xapian::Query::OP_OR, eset.begin(), eset.end());
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(id_term(*request.like)));
        if (!request.query.empty())
            query = Xapian::Query(Xapian::Query::OP_FILTER, query, build_query(request.query, m_db));
        if (!dates.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, dates);
    } else {
        // Whether a few words mean all of them is counted by the match itself
        // when its count is the parsed query's: no facet filter narrows it.
        if (reading == WordsReading::all_uncounted && !request.filters.empty()) reading = WordsReading::count;
        parsed = parse_user_query(request.query, m_db, filter_languages(request), dates,
                                  pair_lookup(m_db, m_remote), reading);
        query = parsed.query;
        if (parsed.any_word && parsed.words >= kFeedbackMinWords) {
            std::vector<std::string> languages;
            for (const auto& branch : parsed.branches) languages.insert(languages.end(), branch.languages.begin(), branch.languages.end());
            const AnyLanguageStopper stopwords(languages);
            query = with_feedback(m_db, query, ranking_weight(), kSentenceFeedback, &stopwords);
        }
    }
    if (!request.filters.empty())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, combine_filters(request.filters));
    if (request.sort == SortOrder::recency) {
        // relevance + alpha * 0.5^(age / half-life), age counted back from the
        // newest article; alpha is the best plain relevance weight, so a fresh
        // article gains as much as the best match scores.
        Xapian::Enquire probe(m_db);
        probe.set_query(query);
        probe.set_weighting_scheme(ranking_weight());
        if (request.time_limit > 0) probe.set_time_limit(request.time_limit);
        const double alpha = std::max(probe.get_mset(0, 1).get_max_attained(), 1.0);
        const double newest = days_since_epoch(m_db.get_value_upper_bound(slot::date)).value_or(kRecencyEpochDays);
        const double factor = alpha * std::exp2((kRecencyEpochDays - newest) / kRecencyHalfLifeDays);
        // OP_SCALE_WEIGHT takes a finite factor; far past the epoch it underflows to 0.
        if (std::isfinite(factor) && factor > 0) {
            // release(): the query owns the source (a bare `new` leaks).
            Xapian::Query boost((new Xapian::ValueWeightPostingSource(slot::recency))->release());
            query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                                  Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, boost, factor));
        }
    }
    return query;
}

// Facets are counted in a match of their own over every matching article,
// unweighted (BoolWeight: no scores to compute) and without collapsing, so the
// hits' match can stop as soon as it has the page, as a plain search does.
// With the database's facet column the matches are read from the posting
// lists as a bitmap (searcher/match_set.h), no match run at all, where the
// query allows; else the column is read by the spy in the match.
Searcher::FacetCount Searcher::count_facets(const Xapian::Query& query, const SearchRequest& request,
                                            const std::vector<std::string>& signatures) {
    const FacetColumn* column = m_remote ? nullptr : facet_column();
    FacetCollector collector(request.facets, request.facet_size, request.date_bucket, m_db, m_remote, column);
    FacetCount counted;
    const std::optional<MatchSet> matches = column ? match_set(query, m_db) : std::nullopt;
    if (!matches || !collector.count_all(*matches)) {
        Xapian::Enquire counting(m_db);
        counting.set_query(query);
        counting.set_weighting_scheme(Xapian::BoolWeight());
        collector.register_spies(counting);
        if (request.time_limit > 0) counting.set_time_limit(request.time_limit);
        const auto started = std::chrono::steady_clock::now();
        (void)counting.get_mset(0, 0, m_db.get_doccount());  // check at least every document: the whole match
        // Xapian does not say whether the limit cut the match short; a match that took
        // at least the limit may have been, so its counts are not claimed exact.
        counted.cut_short =
            request.time_limit > 0 &&
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >= request.time_limit;
    }
    auto counts = collector.result(signatures);
    counted.facets = std::move(counts.facets);
    counted.folded = counts.folded;
    counted.copies = std::move(counts.copies);
    counted.seen = collector.documents_seen();
    return counted;
}

Searcher::Matched Searcher::match_once(const SearchRequest& request, WordsReading reading) {
    Matched matched;
    SearchResult& result = matched.result;
    const Xapian::Query query = full_query(request, matched.parsed, reading);
    if (request.describe) result.query_description = query.get_description();
    result.offset = request.offset;
    result.filters = request.filters;
    // The hits' near-duplicate signatures, to count the copies folded into each,
    // and (when counted on the way) the articles with each.
    std::vector<std::string> signatures;
    std::optional<std::map<std::string, Xapian::doccount>> copies;
    if (!spied_page(query, request, matched, signatures, copies))
        ranked_page(query, request, matched, signatures, copies);
    // A few words read as all of them, which fewer than kEnoughMatches articles
    // hold: read as any of them, as a count of their own would have said
    // before the match (the count, when this one is not exact).
    if (matched.parsed.all_words_uncounted &&
        !(result.exact ? result.total >= kEnoughMatches : matches_at_least(m_db, matched.parsed.query, kEnoughMatches)))
        return match_once(request, WordsReading::any);
    // The spelling is looked up only where it may be offered: it looks each
    // word up in the index, blocks most searches need not read.
    if (result.estimate < kSuggestBelow && !matched.parsed.correctable.empty())
        result.corrected_query = spelling_correction(matched.parsed.correctable, m_db);
    // "Did you mean" only when the suggestion, with the same filters, finds more.
    if (!result.corrected_query.empty() && !request.like) {
        SearchRequest suggested = request;
        suggested.query = result.corrected_query;
        ParsedQuery unused;
        Xapian::Enquire counting(m_db);
        counting.set_query(full_query(suggested, unused, WordsReading::count));
        counting.set_weighting_scheme(Xapian::BoolWeight());
        if (counting.get_mset(0, 0, result.total + 1).get_matches_lower_bound() <= result.total)
            result.corrected_query.clear();
    }
    if (request.collapse) {
        if (!copies) copies = count_copies(query, request, signatures);
        for (std::size_t i = 0; i < result.hits.size() && i < signatures.size(); ++i) {
            const auto found = signatures[i].empty() ? copies->end() : copies->find(signatures[i]);
            result.hits[i].collapsed = found == copies->end() || found->second == 0 ? 0 : found->second - 1;
        }
    }
    matched.query = query;
    return matched;
}

// A plain search (copies folded, no facets, by relevance or recency, one local
// database) that cannot match kExactCountBound articles, by its terms'
// frequencies: one match neither collapsing nor sorting by value, whose spy
// sees every matching article with its weight and signature, and the page
// worked out from those (searcher/collapsed_page.h), as the collapsing match
// sorted by relevance then slot::tiebreak would give it: the same hits,
// weights and percentages, with the exact counts the spy gives. The match runs
// the query with its common language's restriction left out
// (restricted_query): the same matches, weights and percentages, estimates
// aside, which a match that sees every article does not use. false, with
// nothing set, for any other search, or when the match saw the bound reached
// or the time limit after all.
bool Searcher::spied_page(const Xapian::Query& query, const SearchRequest& request, Matched& matched,
                          std::vector<std::string>& signatures,
                          std::optional<std::map<std::string, Xapian::doccount>>& copies) {
    if (!request.collapse || !request.facets.empty() || request.sort == SortOrder::date || m_remote ||
        m_db.size() != 1)
        return false;
    SearchResult& result = matched.result;
    // A word no article holds: nothing to match (a look-up per term up to
    // the first that some article holds, in each part the query needs).
    if (match_upper_bound(query, m_db, 1) == 0) {
        result.total = result.estimate = 0;
        result.exact = true;
        copies.emplace();
        return true;
    }
    bool restricted = false;
    Xapian::Enquire enquire(m_db);
    enquire.set_query(restricted_query(query, m_db, restricted));
    enquire.set_weighting_scheme(ranking_weight());
    if (request.time_limit > 0) enquire.set_time_limit(request.time_limit);
    // Where the terms' frequencies allow as many matches, the match stops at
    // the first past the bound (two words read as all of them often match
    // far fewer articles than either holds). The frequencies are looked up
    // only when the match's spread says it may: a look-up of every term
    // before the match was a tenth of a plain search's time (CLI p50 at
    // 20,000 articles 3.87 -> 3.66 ms without it).
    SeenSignatures seen(facet_column(), kExactCountBound - 1, m_db.get_lastdocid(),
                        [&] { return match_upper_bound(query, m_db, kExactCountBound) >= kExactCountBound; });
    enquire.add_matchspy(&seen);
    const auto started = std::chrono::steady_clock::now();
    // One hit, for the percentages' scale (that of the collapsing match: the
    // best weight and the subqueries its first article matches).
    Xapian::MSet scale;
    try {
        scale = enquire.get_mset(0, 1, kExactCountBound);
    } catch (const SeenSignatures::TooMany&) {
        return false;
    }
    const bool in_time = request.time_limit <= 0 ||
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < request.time_limit;
    if (!in_time || seen.total() >= kExactCountBound) return false;
    const auto& articles = seen.articles();
    const auto tiebreak = [&](Xapian::docid did) {
        return m_db.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(slot::tiebreak);
    };
    const CollapsedPage page = collapsed_page(articles, request.offset, request.limit, tiebreak);
    auto& per_signature = copies.emplace();
    for (std::size_t k = 0; k < page.hits.size(); ++k) {
        const SeenArticle& a = articles[page.hits[k]];
        Hit hit;
        hit.docid = a.docid;
        hit.score = a.weight;
        hit.percent = scale.convert_to_percent(a.weight);
        result.hits.push_back(std::move(hit));
        signatures.push_back(a.signature);
        if (!a.signature.empty()) per_signature.emplace(a.signature, page.articles[k]);
        matched.records.push_back(m_db.get_document(a.docid, Xapian::DOC_ASSUME_VALID).get_data());
    }
    result.total = seen.total();
    result.exact = true;
    result.estimate = std::min(page.folded, result.total);
    return true;
}

// Any other search: the hits' match as Xapian collapses and orders it, and the
// counts from its spy, a match of their own or the facets' pass.
void Searcher::ranked_page(const Xapian::Query& query, const SearchRequest& request, Matched& matched,
                           std::vector<std::string>& signatures,
                           std::optional<std::map<std::string, Xapian::doccount>>& copies) {
    SearchResult& result = matched.result;
    // With facets, whose pass counts the matches exactly, the query is run as
    // planned (searcher/query_plan.h): the same matches, weights and order.
    // Without them the count may be Xapian's estimate, which is the query's
    // as built; by date the percentages scale by a best weight the page need
    // not hold; and a collection of several databases is left as it is.
    bool planned = false;
    const bool plannable =
        !request.facets.empty() && request.sort != SortOrder::date && !m_remote && m_db.size() == 1;
    const Xapian::Query run = plannable ? planned_query(query, m_db, planned) : query;
    Xapian::Enquire enquire(m_db);
    hits_match(enquire, run, request);
    // Checking up to kExactCountBound articles makes the count exact whenever
    // fewer match, whatever the page asked for (--limit 1 counts as --limit 10 does).
    // With facets the facet pass counts every match exactly, so the hits' match
    // checks only what the page needs (its estimate serves only a count the
    // time limit cut short).
    const Xapian::doccount check = request.facets.empty() ? kExactCountBound : 0;
    // The articles the hits' match sees: all of them when fewer than the bound
    // match, and then their signatures give the count with copies folded and
    // each hit's copies, with no match of their own (remote shards: below).
    SeenSignatures seen(nullptr, kExactCountBound);  // beside the collapse keys' strings
    const bool spied = request.collapse && request.facets.empty() && !m_remote;
    if (spied) enquire.add_matchspy(&seen);
    const auto started = std::chrono::steady_clock::now();
    // A planned match finds the page (and the best hit, whose weight scales
    // the percentages), and the query as built weighs those again for
    // Xapian's percentages of it.
    const Xapian::MSet ranked = planned ? enquire.get_mset(0, request.offset + request.limit, check)
                                        : enquire.get_mset(request.offset, request.limit, check);
    std::map<Xapian::docid, std::string> records;  // the page's, read to find them again
    const Xapian::MSet mset = planned ? as_built(query, ranked, request, records) : ranked;
    const bool in_time = request.time_limit <= 0 ||
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < request.time_limit;
    result.estimate = ranked.get_matches_estimated();
    result.total = ranked.get_uncollapsed_matches_estimated();
    result.exact = ranked.get_uncollapsed_matches_lower_bound() == ranked.get_uncollapsed_matches_upper_bound();
    if (request.collapse)
        for (auto it = mset.begin(); it != mset.end(); ++it) signatures.push_back(it.get_collapse_key());
    if (spied && in_time && seen.total() < kExactCountBound) {
        // The match stops checking articles only after kExactCountBound of
        // them (or at the time limit, which it did not reach): seeing fewer,
        // it saw every match.
        result.total = seen.total();
        result.exact = true;
        result.estimate = std::min(
            folded_count(result.total, seen.counts(), signatures, copies.emplace()), result.total);
    } else if (request.collapse && request.facets.empty()) {
        // With a collapse key Xapian's uncollapsed counts are estimates even
        // when it checked every match (72 for `trump` where 56 articles
        // match), so the articles are counted in a match of their own,
        // unweighted and uncollapsed, exactly up to the bound.
        Xapian::Enquire counting(m_db);
        counting.set_query(query);
        counting.set_weighting_scheme(Xapian::BoolWeight());
        if (request.time_limit > 0) counting.set_time_limit(request.time_limit);
        // Its spy reads a value per article: left out where the hits' match saw
        // the bound reached (the count is then hardly ever exact), and set on a
        // second match if it is all the same.
        Xapian::ValueCountMatchSpy all_seen(slot::collapse);
        const bool spy_all = !spied || seen.total() < kExactCountBound;
        if (spy_all) counting.add_matchspy(&all_seen);
        const Xapian::MSet all = counting.get_mset(0, 0, kExactCountBound);
        result.total = all.get_matches_estimated();
        result.exact = all.get_matches_lower_bound() == all.get_matches_upper_bound();
        if (result.exact && !spy_all) {
            counting.add_matchspy(&all_seen);
            const Xapian::MSet again = counting.get_mset(0, 0, kExactCountBound);
            result.exact = again.get_matches_lower_bound() == again.get_matches_upper_bound() &&
                           again.get_matches_estimated() == result.total;
        }
        if (result.exact) result.estimate = folded_count(all_seen, signatures, copies.emplace());
        result.estimate = std::min(result.estimate, result.total);
    }
    if (!request.facets.empty()) {
        FacetCount counted = count_facets(run, request, signatures);
        if (!counted.cut_short) copies = std::move(counted.copies);
        result.facets = std::move(counted.facets);
        result.total = std::max(counted.seen, counted.cut_short ? result.total : 0);
        result.exact = !counted.cut_short;
        // Counted with the facets: exact, and the same however the collection is split.
        if (!counted.cut_short) result.estimate = request.collapse ? counted.folded : counted.seen;
        result.estimate = std::min(result.estimate, result.total);
    }
    // Every hit's document in one request per remote shard, not one each (the
    // range form: MSet::fetch() with no arguments crashes on an MSet with an offset).
    if (!mset.empty() && records.empty()) mset.fetch(mset.begin(), mset.end());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.docid = *it;
        hit.score = it.get_weight();
        hit.percent = it.get_percent();
        result.hits.push_back(std::move(hit));
        const auto record = records.find(*it);
        matched.records.push_back(record != records.end() ? std::move(record->second) : it.get_document().get_data());
    }
}

void Searcher::hits_match(Xapian::Enquire& enquire, const Xapian::Query& query, const SearchRequest& request) {
    enquire.set_query(query);
    enquire.set_weighting_scheme(ranking_weight());
    // By day, then relevance; equal scores of one day follow document ids.
    if (request.sort == SortOrder::date) enquire.set_sort_by_value_then_relevance(slot::date, true);
    else enquire.set_sort_by_relevance_then_value(slot::tiebreak, true);
    if (request.collapse) enquire.set_collapse_key(slot::collapse);
    if (request.time_limit > 0) enquire.set_time_limit(request.time_limit);
}

// `ranked` holds the first request.offset + request.limit hits of the planned
// query; the page of them is weighed again by the query as built, over those
// articles and the best one only (by their id terms: a filter term weighs
// nothing and counts as no subquery): the same weights and order, and
// Xapian's percentages, which scale each weight by the best one's and by how
// many of the query's subqueries that one matches. `records` receives the
// stored records read for their ids.
Xapian::MSet Searcher::as_built(const Xapian::Query& query, const Xapian::MSet& ranked, const SearchRequest& request,
                                std::map<Xapian::docid, std::string>& records) {
    if (ranked.size() <= request.offset) return {};
    std::vector<Xapian::Query> ids;
    const auto add = [&](const Xapian::MSetIterator& it) {
        std::string record = it.get_document().get_data();
        ids.emplace_back(id_term(read_stored_article(record, RecordParts::plain).id));
        records.emplace(*it, std::move(record));
    };
    ranked.fetch(ranked[request.offset], ranked.end());
    if (request.offset > 0) add(ranked.begin());
    for (auto it = ranked[request.offset]; it != ranked.end(); ++it) add(it);
    Xapian::Enquire shown(m_db);
    const Xapian::Query page(Xapian::Query::OP_OR, ids.begin(), ids.end());
    hits_match(shown, Xapian::Query(Xapian::Query::OP_FILTER, query, page), request);
    Xapian::MSet mset = shown.get_mset(request.offset > 0 ? 1 : 0, request.limit);
    if (request.offset > 0) records.erase(*ranked.begin());
    // The same articles in the same order, unless an id term is not one
    // article's alone (a record without an id): then the whole match as built.
    bool same = mset.size() + request.offset == ranked.size();
    for (Xapian::doccount i = 0; same && i < mset.size(); ++i) same = *mset[i] == *ranked[request.offset + i];
    if (same) return mset;
    records.clear();
    Xapian::Enquire again(m_db);
    hits_match(again, query, request);
    return again.get_mset(request.offset, request.limit, Xapian::doccount{0});
}

SearchResult Searcher::finish(Matched matched, bool snippets, const Markers& markers,
                              std::optional<Highlighter>* highlighter, RecordParts parts) {
    SearchResult result = std::move(matched.result);
    // Each hit is highlighted with the stemmer that read the query for its language.
    Highlighter local(std::move(matched.parsed), matched.query);
    Highlighter& highlight = highlighter ? highlighter->emplace(std::move(local)) : local;
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
        Hit& hit = result.hits[i];
        hit.article = read_stored_article(matched.records[i], parts);
        std::string().swap(matched.records[i]);
        hit.id = hit.article.id;
        if (snippets) hit.snippet = make_snippet(hit.article, highlight.reading(hit.article.language), markers);
    }
    return result;
}

const FacetColumn* Searcher::facet_column() {
    if (m_column && m_column->matches(m_db)) return m_column.get();
    // Only one local database directory has one (not a collection, a database
    // in memory or a stub naming several), found through a stub as the nightly
    // swap's; looked for once per revision.
    if (!m_column_dir) m_column_dir = m_db.size() == 1 ? local_database_dir(m_path) : std::string();
    if (m_column_dir->empty()) return nullptr;
    const Xapian::rev revision = m_db.get_revision();
    if (m_column_tried != revision) {
        m_column_tried = revision;
        m_column = FacetColumn::open(*m_column_dir, m_db);
    }
    return m_column && m_column->matches(m_db) ? m_column.get() : nullptr;
}

// Xapian's collapse counts are lower bounds (the match stops once it has the
// page) and, through remote shards, leave out copies on other shards; so
// without facets (whose count gives them) the copies of each hit are counted
// in a small match of their own: the query restricted to articles with the
// hits' signatures (XDUP terms), one built-in spy over the signature slot.
std::map<std::string, Xapian::doccount> Searcher::count_copies(const Xapian::Query& query,
                                                               const SearchRequest& request,
                                                               const std::vector<std::string>& signatures) {
    std::map<std::string, Xapian::doccount> counts;
    std::vector<Xapian::Query> terms;
    for (const auto& s : signatures)
        if (!s.empty()) terms.emplace_back(std::string(prefix::duplicate) + s);
    if (terms.empty()) return counts;
    Xapian::Enquire copies(m_db);
    copies.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())));
    copies.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy spy(slot::collapse);
    copies.add_matchspy(&spy);
    if (request.time_limit > 0) copies.set_time_limit(request.time_limit);
    (void)copies.get_mset(0, 0, m_db.get_doccount());
    for (auto v = spy.values_begin(); v != spy.values_end(); ++v) counts.emplace(*v, v.get_termfreq());
    return counts;
}

}  // namespace newsdesk
