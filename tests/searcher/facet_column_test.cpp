// The facet column (common/db/facet_column.h) and the match bitmap
// (searcher/match_set.h) that count facets without Xapian's matcher: the
// column holds what slot::facet_ids holds, a search counts from it only for
// the revision it was written for, a damaged file is named and passed over,
// and the bitmap holds exactly the documents Xapian's matcher finds. The
// counts themselves are checked against a brute force in facets_test.cpp
// (Backend::column).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "common/db/facet_column.h"
#include "common/db/kept_database.h"
#include "common/facet_set.h"
#include "common/schema.h"
#include "indexer/document/document_builder.h"
#include "searcher/match_set.h"
#include "searcher/query_builder.h"
#include "searcher/searcher.h"
#include "tests/searcher/corpus_articles.h"
#include "tests/support/temp_dir.h"

namespace newsdesk::test {
namespace {

// A database of the first `count` corpus articles in a directory of its own,
// committed, without a column.
class CorpusDirectory {
  public:
    explicit CorpusDirectory(std::size_t count) : m_path((m_dir / "db").string()), m_db(m_path, Xapian::DB_CREATE) {
        add(0, count);
    }
    void add(std::size_t from, std::size_t to) {
        DocumentBuilder builder;
        const auto& articles = corpus_articles();
        for (std::size_t i = from; i < to && i < articles.size(); ++i) m_db.add_document(builder.build(articles[i]));
        m_db.commit();
    }
    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] std::string column_file() const { return m_path + "/" + std::string(kFacetColumnFile); }
    // The column file's bytes.
    [[nodiscard]] std::string column_bytes() const {
        std::ifstream in(column_file(), std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    // Replaces the column file with `bytes`.
    void write_column(const std::string& bytes) const {
        std::ofstream(column_file(), std::ios::binary | std::ios::trunc) << bytes;
    }

  private:
    TempDir m_dir;
    std::string m_path;
    Xapian::WritableDatabase m_db;
};

SearchRequest facet_request(const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.limit = 5;
    request.facets = {"country", "expert", "person", "institution", "language", "source", "date"};
    request.facet_size = 100000;
    return request;
}

std::vector<Facet> facets_of(const std::string& path, const std::string& query) {
    return Searcher(path).run(facet_request(query)).facets;
}

TEST(FacetColumn, HoldsEveryArticlesIdsInTheOrderOfItsSlot) {
    CorpusDirectory corpus(corpus_articles().size());
    write_facet_column(corpus.path());
    const Xapian::Database db(corpus.path());
    const auto column = FacetColumn::open(corpus.path(), db);
    ASSERT_TRUE(column);
    EXPECT_EQ(std::filesystem::status(corpus.column_file()).permissions() & std::filesystem::perms::all,
              std::filesystem::perms(0644));
    const auto entries = column->entries();
    std::size_t values = 0;
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
        std::vector<std::pair<std::uint64_t, std::uint64_t>> want, got;
        ASSERT_TRUE(for_each_facet_id(db.get_document(did).get_value(slot::facet_ids),
                                      [&](std::uint64_t id, std::uint64_t group) { want.emplace_back(id, group); }));
        for (const std::uint32_t v : column->values(did)) {
            ASSERT_LT(v, entries.size());
            got.emplace_back(entries[v].id, entries[v].group);
            // Each entry names the lowest docid holding it, whose slot::facets has its text.
            EXPECT_LE(entries[v].first, did);
        }
        EXPECT_EQ(got, want) << "docid " << did;
        values += want.size();
    }
    EXPECT_GT(values, db.get_doccount()) << "the corpus's articles have facet values";
    EXPECT_TRUE(column->values(db.get_lastdocid() + 1).empty());
}

// Each article's copy entry is the entry of its slot::collapse signature, so
// articles share one exactly when they share a signature.
TEST(FacetColumn, NamesEachArticlesCopyEntryByItsSignature) {
    CorpusDirectory corpus(corpus_articles().size());
    corpus.add(0, 40);  // copies of the first 40
    write_facet_column(corpus.path());
    const Xapian::Database db(corpus.path());
    const auto column = FacetColumn::open(corpus.path(), db);
    ASSERT_TRUE(column);
    std::map<std::string, std::uint32_t> entry_of;
    std::size_t signed_articles = 0;
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
        const std::string signature = db.get_document(did).get_value(slot::collapse);
        const std::uint32_t entry = column->copy_entry(did);
        if (signature.empty()) {
            EXPECT_EQ(entry, kNoCopy) << "docid " << did;
            continue;
        }
        ++signed_articles;
        ASSERT_NE(entry, kNoCopy) << "docid " << did;
        EXPECT_EQ(facet_id_tag(column->entries()[entry].id), facet_tag::copy) << "docid " << did;
        const auto [known, added] = entry_of.emplace(signature, entry);
        EXPECT_EQ(known->second, entry) << "docid " << did << ": the same signature, the same entry";
    }
    std::set<std::uint32_t> distinct;
    for (const auto& [signature, entry] : entry_of) distinct.insert(entry);
    EXPECT_EQ(distinct.size(), entry_of.size()) << "another signature, another entry";
    EXPECT_GT(signed_articles, entry_of.size()) << "the copies share entries";
    EXPECT_EQ(column->copy_entry(db.get_lastdocid() + 1), kNoCopy);
}

// A copies section whose indices name no entry (a damaged file) folds nothing:
// the search runs, its articles each counted on their own.
TEST(FacetColumn, CopyIndicesPastTheEntriesNameNoCopy) {
    CorpusDirectory corpus(120);
    corpus.add(0, 30);
    write_facet_column(corpus.path());
    std::string bytes = corpus.column_bytes();
    const Xapian::Database db(corpus.path());
    const std::size_t copies = (std::size_t{db.get_lastdocid()} + 2) * 4;
    std::fill(bytes.end() - static_cast<std::ptrdiff_t>(copies), bytes.end(), '\x7f');
    corpus.write_column(bytes);
    const auto column = FacetColumn::open(corpus.path(), db);
    ASSERT_TRUE(column) << "the sizes add up: opened";
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) EXPECT_EQ(column->copy_entry(did), kNoCopy);
    SearchRequest request;
    request.query = "said";
    const SearchResult result = Searcher(corpus.path()).records(request);
    ASSERT_TRUE(result.exact);
    EXPECT_GT(result.total, 0u);
    EXPECT_EQ(result.estimate, result.total) << "nothing folded";
}

// A column of the first layout (before the copies section) is not read, not
// reported, and rewritten by the next refresh.
TEST(FacetColumn, AColumnOfTheFirstLayoutIsRewrittenInSilence) {
    CorpusDirectory corpus(100);
    write_facet_column(corpus.path());
    const std::string bytes = corpus.column_bytes();
    const Xapian::Database db(corpus.path());
    const std::size_t copies = (std::size_t{db.get_lastdocid()} + 2) * 4;
    std::string first = bytes.substr(0, bytes.size() - copies);
    first[7] = '1';  // "NDFACET1"
    corpus.write_column(first);
    ::testing::internal::CaptureStderr();
    EXPECT_FALSE(FacetColumn::open(corpus.path(), db));
    refresh_facet_column(corpus.path());
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
    EXPECT_TRUE(FacetColumn::open(corpus.path(), db)) << "rewritten";
    EXPECT_EQ(corpus.column_bytes(), bytes) << "as the current layout writes it";
}

TEST(FacetColumn, AColumnOfAnEarlierRevisionIsIgnoredAndTheCountsStayExact) {
    CorpusDirectory corpus(100);
    write_facet_column(corpus.path());
    const auto before = facets_of(corpus.path(), "said");
    corpus.add(100, 200);  // committed after the column
    ASSERT_FALSE(FacetColumn::open(corpus.path(), Xapian::Database(corpus.path())));
    ::testing::internal::CaptureStderr();
    const auto stale = facets_of(corpus.path(), "said");
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "") << "a stale column is expected, not reported";
    EXPECT_NE(stale, before) << "the articles committed after the column are counted";
    std::filesystem::remove(corpus.column_file());
    EXPECT_EQ(stale, facets_of(corpus.path(), "said")) << "counted as without a column";
    write_facet_column(corpus.path());
    ASSERT_TRUE(FacetColumn::open(corpus.path(), Xapian::Database(corpus.path())));
    EXPECT_EQ(stale, facets_of(corpus.path(), "said")) << "the new column counts the same";
}

// What a damaged column file holds, as a function of the good one's bytes.
struct Damage {
    const char* name;
    std::string (*damage)(const std::string& good);
};

class DamagedColumn : public ::testing::TestWithParam<Damage> {};

TEST_P(DamagedColumn, IsNamedInOneLineAndTheFacetsAreCountedWithoutIt) {
    CorpusDirectory corpus(150);
    write_facet_column(corpus.path());
    const std::string good = corpus.column_bytes();
    const std::string damaged = GetParam().damage(good);
    ASSERT_NE(damaged, good);
    std::filesystem::remove(corpus.column_file());
    const auto without = facets_of(corpus.path(), "police OR court");
    corpus.write_column(damaged);
    ::testing::internal::CaptureStderr();
    const auto with_damaged = facets_of(corpus.path(), "police OR court");
    const std::string said = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(with_damaged, without);
    EXPECT_NE(said.find(corpus.column_file() + ": "), std::string::npos) << said;
    EXPECT_NE(said.find("facets are counted without it"), std::string::npos) << said;
    EXPECT_EQ(std::count(said.begin(), said.end(), '\n'), 1) << said;
}

INSTANTIATE_TEST_SUITE_P(
    Files, DamagedColumn,
    ::testing::Values(Damage{"Empty", [](const std::string&) { return std::string(); }},
                      Damage{"HeaderOnly", [](const std::string& good) { return good.substr(0, 80); }},
                      Damage{"CutInHalf", [](const std::string& good) { return good.substr(0, good.size() / 2); }},
                      Damage{"OneByteShort", [](const std::string& good) { return good.substr(0, good.size() - 1); }},
                      Damage{"Text", [](const std::string& good) { return std::string(good.size(), 'x'); }},
                      Damage{"OffsetsRunBackwards",
                             [](const std::string& good) {
                                 // The first offset (docid 0) past every value: its size still adds up.
                                 std::string bad = good;
                                 std::uint64_t entries;
                                 std::memcpy(&entries, good.data() + 64, 8);
                                 const std::size_t at = 80 + entries * sizeof(FacetColumnEntry);
                                 const std::uint32_t huge = 0xffffffffu;
                                 std::memcpy(bad.data() + at, &huge, 4);
                                 return bad;
                             }}),
    [](const auto& info) { return std::string(info.param.name); });

// The documents of a query, as Xapian's matcher finds them.
std::vector<Xapian::docid> matcher_docids(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const auto mset = enquire.get_mset(0, db.get_doccount());
    return {mset.begin(), mset.end()};
}

TEST(MatchSet, HoldsTheDocumentsXapiansMatcherFinds) {
    CorpusDirectory corpus(corpus_articles().size());
    const Xapian::Database db(corpus.path());
    const Xapian::Query police("XBpolice"), court("XBcourt"), said("XBsaid"), english("Len");
    const std::vector<std::pair<const char*, Xapian::Query>> queries{
        {"a term", police},
        {"no such term", Xapian::Query("XBnosuchword")},
        {"everything", Xapian::Query::MatchAll},
        {"nothing", Xapian::Query::MatchNothing},
        {"or", Xapian::Query(Xapian::Query::OP_OR, police, court)},
        {"and", Xapian::Query(Xapian::Query::OP_AND, police, said)},
        {"filter", Xapian::Query(Xapian::Query::OP_FILTER, said, english)},
        {"and not", Xapian::Query(Xapian::Query::OP_AND_NOT, said, police)},
        {"and maybe", Xapian::Query(Xapian::Query::OP_AND_MAYBE, police, said)},
        {"xor", Xapian::Query(Xapian::Query::OP_XOR, police, court)},
        {"synonym", Xapian::Query(Xapian::Query::OP_SYNONYM, police, court)},
        {"max", Xapian::Query(Xapian::Query::OP_MAX, police, court)},
        {"scaled", Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, court, 2.5)},
        {"nested", Xapian::Query(Xapian::Query::OP_AND_NOT,
                                 Xapian::Query(Xapian::Query::OP_FILTER,
                                               Xapian::Query(Xapian::Query::OP_OR, police, court), english),
                                 Xapian::Query(Xapian::Query::OP_AND, said, court))},
        {"a user's query", build_query("police OR court -said", db)},
    };
    for (const auto& [name, query] : queries) {
        const auto set = match_set(query, db);
        ASSERT_TRUE(set) << name;
        std::vector<Xapian::docid> got;
        set->for_each([&](Xapian::docid did) { got.push_back(did); });
        EXPECT_EQ(got, matcher_docids(db, query)) << name;
        EXPECT_EQ(set->count(), got.size()) << name;
    }
    EXPECT_FALSE(matcher_docids(db, police).empty());
}

TEST(MatchSet, LeavesPhrasesValueRangesAndWildcardsToTheMatcher) {
    CorpusDirectory corpus(20);
    const Xapian::Database db(corpus.path());
    const Xapian::Query words[] = {Xapian::Query("XBprime"), Xapian::Query("XBminister")};
    EXPECT_FALSE(match_set(Xapian::Query(Xapian::Query::OP_PHRASE, words, words + 2), db));
    EXPECT_FALSE(match_set(Xapian::Query(Xapian::Query::OP_NEAR, words, words + 2), db));
    EXPECT_FALSE(match_set(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot::date, "2019", "2020"), db));
    EXPECT_FALSE(match_set(Xapian::Query(Xapian::Query::OP_WILDCARD, "XBpol"), db));
    // Inside an operator it does work out, too.
    EXPECT_FALSE(match_set(Xapian::Query(Xapian::Query::OP_OR, words[0],
                                         Xapian::Query(Xapian::Query::OP_PHRASE, words, words + 2)), db));
}

TEST(FacetColumn, QueriesTheMatcherMustRunAreCountedFromTheColumnAlike) {
    CorpusDirectory corpus(corpus_articles().size());
    const auto without = facets_of(corpus.path(), "\"prime minister\"");
    ASSERT_FALSE(without.empty());
    ASSERT_FALSE(without[0].values.empty()) << "the phrase matches";
    write_facet_column(corpus.path());
    EXPECT_EQ(facets_of(corpus.path(), "\"prime minister\""), without);
    EXPECT_EQ(facets_of(corpus.path(), "date:2019-01..2019-03"), [&] {
        std::filesystem::remove(corpus.column_file());
        return facets_of(corpus.path(), "date:2019-01..2019-03");
    }());
}

// A plain search (no facets) reads each matching article's near-duplicate
// signature from the column when there is one (its copy entry): the same
// hits, copies folded into each and counts as from slot::collapse without it.
TEST(FacetColumn, APlainSearchFoldsTheSameCopiesFromTheColumnAsFromTheSlot) {
    CorpusDirectory corpus(corpus_articles().size());
    corpus.add(0, 80);  // a second copy of each of the first 80 articles
    const auto page = [&](const std::string& query, Xapian::doccount offset) {
        SearchRequest request;
        request.query = query;
        request.offset = offset;
        request.limit = 10;
        return Searcher(corpus.path()).records(request);
    };
    const std::vector<std::string> queries = {"said", "minister", "police", "the government", "election", "water"};
    std::vector<SearchResult> without;
    for (const auto& q : queries)
        for (const Xapian::doccount offset : {0u, 7u}) without.push_back(page(q, offset));
    write_facet_column(corpus.path());
    ASSERT_TRUE(FacetColumn::open(corpus.path(), Xapian::Database(corpus.path())));
    std::size_t k = 0, folded_hits = 0;
    for (const auto& q : queries)
        for (const Xapian::doccount offset : {0u, 7u}) {
            const SearchResult with = page(q, offset);
            const SearchResult& before = without[k++];
            ASSERT_TRUE(with.exact) << q;
            EXPECT_EQ(with.total, before.total) << q;
            EXPECT_EQ(with.estimate, before.estimate) << q << ": folded count";
            ASSERT_EQ(with.hits.size(), before.hits.size()) << q;
            for (std::size_t i = 0; i < with.hits.size(); ++i) {
                EXPECT_EQ(with.hits[i].docid, before.hits[i].docid) << q << " #" << offset + i;
                EXPECT_EQ(with.hits[i].collapsed, before.hits[i].collapsed) << q << " #" << offset + i;
                folded_hits += with.hits[i].collapsed > 0;
            }
        }
    EXPECT_GT(folded_hits, 0u) << "the copies are folded into some hits";
}

// newsdesk-fcgi keeps its database open between requests: the column follows
// the revision, and one written after the commit is picked up at the next request.
TEST(FacetColumn, AKeptDatabaseKeepsItsColumnWhileItsRevisionLasts) {
    CorpusDirectory corpus(100);
    KeptDatabase kept(corpus.path());
    (void)kept.current();
    EXPECT_FALSE(kept.facet_column()) << "none written yet";
    write_facet_column(corpus.path());
    const auto column = kept.facet_column();
    ASSERT_TRUE(column) << "looked for again";
    EXPECT_EQ(kept.facet_column(), column) << "kept mapped, not opened per request";
    corpus.add(100, 150);
    EXPECT_EQ(kept.current().get_revision(), column->revision() + 1);
    EXPECT_FALSE(kept.facet_column()) << "the database was committed after it";
    write_facet_column(corpus.path());
    const auto next = kept.facet_column();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->revision(), kept.current().get_revision());
}

// The nightly job swaps databases through a stub file naming one: the stub
// reaches that database's column; a stub naming several reaches none.
TEST(FacetColumn, AStubNamingOneDatabaseReachesItsColumn) {
    CorpusDirectory corpus(100);
    write_facet_column(corpus.path());
    TempDir dir;
    const std::string stub = (dir.path() / "current").string();
    std::ofstream(stub) << "auto " << corpus.path() << "\n";
    EXPECT_EQ(local_database_dir(stub), corpus.path());
    EXPECT_EQ(local_database_dir(corpus.path()), corpus.path());
    KeptDatabase kept(stub);
    (void)kept.current();
    const auto column = kept.facet_column();
    ASSERT_TRUE(column) << "found through the stub";
    EXPECT_EQ(column->revision(), kept.current().get_revision());
    EXPECT_EQ(facets_of(stub, "said"), facets_of(corpus.path(), "said"));
    const std::string two = (dir.path() / "two").string();
    std::ofstream(two) << "auto " << corpus.path() << "\nauto " << corpus.path() << "\n";
    EXPECT_EQ(local_database_dir(two), "") << "a stub naming several databases is no one database";
    EXPECT_EQ(local_database_dir(dir.path().string()), "") << "a directory holding no database";
}

// A database in memory searched under a label that names a directory beside
// the process (the tests' "corpus", run from the repository's root) is
// counted as the database it is, with no column looked for there.
TEST(FacetColumn, ALabelNamingADirectoryIsNoDatabaseDirectory) {
    TempDir dir;
    const std::string label = (dir.path() / "corpus").string();
    std::filesystem::create_directory(label);
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder;
    for (const Article& a : corpus_articles()) db.add_document(builder.build(a));
    const auto counted = Searcher(db, label).run(facet_request("said")).facets;
    EXPECT_EQ(counted, Searcher(db, "corpus-in-memory").run(facet_request("said")).facets);
    EXPECT_FALSE(counted.empty());
}

}  // namespace
}  // namespace newsdesk::test
