// Runs requests against a database: article hits with facets, quotes, experts.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include <xapian.h>

#include "common/db/database.h"
#include "common/db/facet_column.h"
#include "searcher/search_request.h"
#include "searcher/snippet.h"
#include "searcher/stored_article.h"

namespace newsdesk {

// BM25 as articles are ranked: k1 = 2.0 and b = 0.75, the upper end of the
// range Robertson and Zaragoza give for long documents (Xapian's default k1 is
// 1, b 0.5). A word repeated in an article counts for more before it
// saturates; on the TIME questions MAP went from 0.597 to 0.612 (README, "Ranking").
inline constexpr double kBm25K1 = 2.0;
inline constexpr double kBm25B = 0.75;
[[nodiscard]] Xapian::BM25Weight ranking_weight();

class Searcher {
  public:
    // Opens `db_path` (directory or stub file) through common/db/database.h; throws
    // IndexError when it cannot.
    explicit Searcher(std::string db_path, OpenOptions options = {});
    // An already open database: in memory (tests), or kept open between
    // requests (newsdesk-fcgi), with its path as `label` for reopening it and
    // its facet column as kept mapped (KeptDatabase::facet_column), if any.
    Searcher(Xapian::Database db, std::string label, std::shared_ptr<const FacetColumn> column = nullptr);

    // Article hits, ranked; facets with exact counts over the whole match when
    // request.facets is not empty. Throws UsageError for a bad query or filter.
    // A writer committing meanwhile is survived: the database is reopened and
    // the reading retried (common/db/database.h, with_retry), for quotes() and
    // experts() too. All three read the database first (the match, the counts,
    // the hits' stored records) and only then make snippets, highlight quotes
    // and rank experts, so a retry repeats no more than the reading and an
    // attempt is over before a busy writer's next commits discard what it reads.
    // `highlighter` (if given) receives how the hits were highlighted: the
    // stemmer and stems of each article language's reading, for quotes.
    [[nodiscard]] SearchResult run(const SearchRequest& request, const Markers& markers = {},
                                   std::optional<Highlighter>* highlighter = nullptr);

    // The same hits without snippets, for exports (csv_export.h).
    [[nodiscard]] SearchResult records(const SearchRequest& request);

    // The quotes of matching articles that contain query words (all quotes when
    // the query has no words), best first: article relevance times words matched.
    [[nodiscard]] QuoteResult quotes(const SearchRequest& request, const Markers& markers = {});

    // The experts quoted in the best `kExpertArticles` matching articles, most
    // quoted first: by quotes in those articles, then by articles, then by
    // `score` (quotes weighted by recency, half-life one year before the newest
    // article).
    [[nodiscard]] ExpertResult experts(const SearchRequest& request);

    static constexpr Xapian::doccount kExpertArticles = 2000;
    // A match counts its articles exactly up to this many (Xapian's
    // check_at_least); past it the count is Xapian's estimate, "about N", with
    // exact false, unless facets were asked for (they count every match).
    static constexpr Xapian::doccount kExactCountBound = 1000;
    static constexpr Xapian::doccount kQuoteArticles = 200;
    // With a query read as any of its words, experts come from the articles
    // scoring at least this share of the best one.
    static constexpr double kExpertScoreShare = 0.25;

  private:
    // What a match read from the database: the result without its articles, and
    // each hit's stored record, in order.
    struct Matched {
        SearchResult result;
        std::vector<std::string> records;
        ParsedQuery parsed;
        Xapian::Query query;
    };
    // The database's part of a search, run again from the start when a writer
    // discards the revision it reads (the one place that retries).
    Matched match(const SearchRequest& request);
    // `reading`: of a few words typed without operators (WordsReading); read as
    // all of them uncounted, they are read again as any of them when the
    // match finds too few articles holding them all.
    Matched match_once(const SearchRequest& request, WordsReading reading);
    // The page and counts of a match_once: from one match's spy where the
    // search allows (true), else as Xapian collapses and orders the match.
    // `signatures` receives the hits' signatures, `copies` the articles with
    // each when they were counted on the way.
    bool spied_page(const Xapian::Query& query, const SearchRequest& request, Matched& matched,
                    std::vector<std::string>& signatures,
                    std::optional<std::map<std::string, Xapian::doccount>>& copies);
    void ranked_page(const Xapian::Query& query, const SearchRequest& request, Matched& matched,
                     std::vector<std::string>& signatures,
                     std::optional<std::map<std::string, Xapian::doccount>>& copies);
    // The rest, without the database: the articles read from their records, and
    // a snippet for each hit when `snippets` (quotes and experts show none).
    // `highlighter` (if given) receives how the hits were highlighted, for quotes.
    static SearchResult finish(Matched matched, bool snippets, const Markers& markers,
                               std::optional<Highlighter>* highlighter = nullptr,
                               RecordParts parts = RecordParts::all);
    struct FacetCount {
        std::vector<Facet> facets;
        Xapian::doccount seen = 0;    // matching articles, exactly unless cut_short
        Xapian::doccount folded = 0;  // the same with wire copies folded
        std::map<std::string, Xapian::doccount> copies;  // articles per signature asked for
        bool cut_short = false;     // the time limit may have ended the count early
    };
    FacetCount count_facets(const Xapian::Query& query, const SearchRequest& request,
                            const std::vector<std::string>& signatures);
    // The matching articles with each of `signatures` (the hits' collapse keys).
    std::map<std::string, Xapian::doccount> count_copies(const Xapian::Query& query, const SearchRequest& request,
                                                         const std::vector<std::string>& signatures);
    // Sets up the hits' match of `query`: ranking, order, collapsing, time limit.
    void hits_match(Xapian::Enquire& enquire, const Xapian::Query& query, const SearchRequest& request);
    // The page of `ranked` (the planned query's first offset + limit hits) as
    // the query as built weighs them (searcher/query_plan.h); `records`
    // receives their stored records, read on the way.
    Xapian::MSet as_built(const Xapian::Query& query, const Xapian::MSet& ranked, const SearchRequest& request,
                          std::map<Xapian::docid, std::string>& records);
    // The whole query; `parsed` receives the parsed query text (no branches for
    // more like this).
    // more like this). `reading` as parse_user_query takes it, and `count`
    // where the request's facet filters narrow the parsed query's matches.
    Xapian::Query full_query(const SearchRequest& request, ParsedQuery& parsed, WordsReading reading);

    // The facet column of m_db's revision (common/db/facet_column.h), or
    // nullptr: opened again when the database was reopened at another revision.
    const FacetColumn* facet_column();

    std::string m_path;
    OpenOptions m_options;
    Xapian::Database m_db;
    bool m_remote = false;  // a shard is remote: facets are counted by the built-in spy
    std::shared_ptr<const FacetColumn> m_column;
    std::optional<std::string> m_column_dir;    // the one database directory m_path reaches (once asked)
    std::optional<Xapian::rev> m_column_tried;  // the revision last looked for, nullopt before
};

}  // namespace newsdesk
