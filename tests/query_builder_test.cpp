// The query language as a table: query text -> Xapian::Query::get_description(),
// in the style of Xapian's own api_queryparser tests. Each row is a promise of
// docs/schema.md and newsdesk-search --help.
#include <gtest/gtest.h>

#include "common/error.h"
#include "searcher/query_builder.h"

namespace {

struct Row {
    const char* query;
    const char* description;
};

class QueryBuilderTest : public ::testing::Test {
  protected:
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};

    void SetUp() override {
        // Terms for wildcard expansion.
        Xapian::Document doc;
        for (const char* term : {"diplomat", "diplomacy", "diplomatic", "Sdiplomat"}) doc.add_term(term);
        db.add_document(doc);
    }
};

const Row kRows[] = {
    // Words AND together by default and are stemmed (Z prefix = stemmed form).
    {"north korea", "Query((Znorth@1 AND Zkorea@2))"},
    {"sanctions OR embargo", "Query((Zsanction@1 OR Zembargo@2))"},
    {"kim NOT putin", "Query((Zkim@1 AND_NOT Zputin@2))"},
    {"+kim -putin", "Query((Zkim@1 AND_NOT Zputin@2))"},
    // Phrases keep positions and are not stemmed.
    {"\"security pact\"", "Query((security@1 PHRASE 2 pact@2))"},
    // Field prefixes from common/schema.h.
    {"headline:pact", "Query(ZSpact@1)"},
    {"title:pact", "Query(ZSpact@1)"},
    {"caption:pyongyang", "Query(ZXCAPpyongyang@1)"},
    {"quote:restraint", "Query(ZXQrestraint@1)"},
    {"body:chaos", "Query(ZXBchao@1)"},
    {"byline:smith", "Query(ZAsmith@1)"},
    {"headline:\"security pact\"", "Query((Ssecurity@1 PHRASE 2 Spact@2))"},
    // Boolean filters do not change the ranking.
    {"pact source:\"The Hindu\"", "Query((Zpact@1 FILTER XSOURCEthe hindu))"},
    {"pact lang:EN", "Query((Zpact@1 FILTER Len))"},
    {"pact date:2024", "Query((Zpact@1 FILTER Y2024))"},
    {"pact date:2024-06", "Query((Zpact@1 FILTER M202406))"},
    {"pact date:2024-06-21", "Query((Zpact@1 FILTER D20240621))"},
    // Date ranges run over the sortable date value in slot 0.
    {"pact date:2024-06-01..2024-06-30", "Query((Zpact@1 FILTER VALUE_RANGE 0 20240601 20240630))"},
    // A trailing wildcard expands over the lexicon.
    {"diplom*", "Query(WILDCARD SYNONYM diplom)"},
    // An empty query matches every article (browse by date).
    {"", "Query(<alldocuments>)"},
};

TEST_F(QueryBuilderTest, QueryTextBecomesTheDocumentedXapianQuery) {
    for (const auto& row : kRows)
        EXPECT_EQ(newsdesk::build_query(row.query, db).get_description(), row.description)
            << "query: " << row.query;
}

TEST_F(QueryBuilderTest, MalformedDateIsAUsageErrorNamingTheValue) {
    try {
        (void)newsdesk::build_query("pact date:June", db);
        FAIL() << "expected UsageError";
    } catch (const newsdesk::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("June"), std::string::npos) << e.what();
    }
}

TEST_F(QueryBuilderTest, InvalidUtf8IsAUsageError) {
    EXPECT_THROW((void)newsdesk::build_query("caf\xe9", db), newsdesk::UsageError);
}

}  // namespace
