// extract_quotes: which clause a quote belongs to, and so whose it is (classes
// of speaker errors seen on PolNeAR's development articles; every sentence here
// is written for the test).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/quote_support.h"

namespace newsdesk {
namespace {

using test::quotes_of;
using test::speaker_of;

struct ClauseCase {
    const char* pattern;
    std::vector<std::string> paragraphs;
    std::string quote;
    std::string speaker;  // "<null>": nobody
};

void expect_speakers(const std::vector<ClauseCase>& cases) {
    for (const auto& c : cases) {
        SCOPED_TRACE(c.pattern);
        const auto a = quotes_of(c.paragraphs);
        EXPECT_EQ(speaker_of(a, c.quote), c.speaker);
    }
}

// A quote whose own sentence names its subject keeps that subject; a
// neighbouring quote's attribution in another sentence does not replace it.
TEST(SpeakerClause, AQuoteKeepsItsOwnSentencesSubject) {
    expect_speakers({
        {"next sentence attributed",
         {"Marta Okonkwo blamed the delays on “red tape” and promised a review. Council leader Piet Jansen "
          "called the review “long overdue.”"},
         "red tape", "Marta Okonkwo"},
        {"previous sentence attributed",
         {"Piet Jansen said the council would meet on Friday. Marta Okonkwo dismissed the meeting as "
          "“theatre.”"},
         "theatre.", "Marta Okonkwo"},
        // A lone capitalised word opening the sentence is no such subject: the
        // neighbour's speaker still goes on.
        {"lone capitalised word",
         {"“We rehearse every night,” Ilse Brandt said. Audiences can expect “a few surprises.”"},
         "a few surprises.", "Ilse Brandt"},
        // Nor is a speech verb capitalised to open a sentence.
        {"capitalised participle",
         {"Later, Ilse Brandt said the script was “not finished.” Adding, “We rewrite it daily.”"},
         "We rewrite it daily.", "Ilse Brandt"},
    });
}

// A quote closed on a comma inside a subordinate clause that opens the sentence
// ends that clause: the name and verb after it are the main clause's, not the
// quote's attribution; the main clause's subject owns a later quote.
TEST(SpeakerClause, AnOpeningSubordinateClauseKeepsItsQuote) {
    expect_speakers({
        {"after X said",
         {"After Okonkwo said that smaller firms might fare better with “less paperwork,” Jansen said the "
          "rules would stay."},
         "less paperwork,", "Okonkwo"},
        {"but even as",
         {"But even as Jansen insisted on Monday that “the budget is balanced,” one of the auditors said the "
          "figures were incomplete."},
         "the budget is balanced,", "Jansen"},
        {"the main clause owns the next quote",
         {"While Piet Jansen praised the report as “thorough work,” Marta Okonkwo seized on its “missing "
          "chapter.”"},
         "missing chapter.", "Marta Okonkwo"},
        {"while X praised",
         {"While Piet Jansen praised the report as “thorough work,” Marta Okonkwo seized on its “missing "
          "chapter.”"},
         "thorough work,", "Piet Jansen"},
        // A comma before the quote ends the subordinate clause first.
        {"comma before the quote",
         {"When asked about the delay, Jansen said, “We are nearly there,” Okonkwo reported."},
         "We are nearly there,", "Okonkwo"},
    });
}

}  // namespace
}  // namespace newsdesk
