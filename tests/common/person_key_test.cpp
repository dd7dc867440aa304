// person_key: one key per person across the archive (issue 18). Names as the
// bundled Wikinews articles write them.
#include <gtest/gtest.h>

#include "common/person_key.h"

namespace {

using newsdesk::person_key;

TEST(PersonKey, FoldsCaseAccentsInitialsAndHonorifics) {
    // Middle initials: "John R. Bolton" (the White House's form) and "John Bolton".
    EXPECT_EQ(person_key("John R. Bolton"), "john bolton");
    EXPECT_EQ(person_key("John Bolton"), "john bolton");
    // Accents and case: "Recep Tayyip Erdoğan", "Erdogan", "ERDOGAN".
    EXPECT_EQ(person_key("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
    EXPECT_EQ(person_key("ERDOGAN"), person_key("Erdoğan"));
    EXPECT_EQ(person_key("Agnès Callamard"), "agnes callamard");
    // Honorifics: "Dr Martisius", "Mr. Victor Cha".
    EXPECT_EQ(person_key("Dr Martisius"), "martisius");
    EXPECT_EQ(person_key("Mr. Victor Cha"), "victor cha");
    // Initials alone are kept, so a name is never empty.
    EXPECT_EQ(person_key("G. W."), "g w");
    // An initial opening the name tells brothers apart, as scorecards name them.
    EXPECT_EQ(person_key("M. Waugh"), "m waugh");
    EXPECT_NE(person_key("M. Waugh"), person_key("S. Waugh"));
}

// data/people/honorifics.txt is the one list of honorifics, each with the
// gender it implies: the entity scan, the quote side and the person key read it.
TEST(Honorifics, OneListCarriesEachHonorificWithItsGender) {
    auto gender = [](std::string_view word) {
        for (const auto& h : newsdesk::honorifics())
            if (h.word == word) return h.gender;
        return '?';
    };
    EXPECT_EQ(gender("Mr."), 'm');
    EXPECT_EQ(gender("Ms."), 'f');
    EXPECT_EQ(gender("Dr."), 'x');
    EXPECT_EQ(gender("Sheikh"), 'm');   // the entity scan's list alone had it
    EXPECT_EQ(gender("Señora"), 'f');  // the quote side's list alone had it
    EXPECT_EQ(gender("Sr."), '?');      // after a name it is Senior, another person
    // The key folds the honorifics either list had: "Mx." was the quote side's alone.
    EXPECT_EQ(person_key("Mx. Rowan Ellis"), "rowan ellis");
    EXPECT_EQ(person_key("Sheikh Rowan Ellis"), "rowan ellis");
}

TEST(PersonKey, KeepsDifferentPeopleApart) {
    EXPECT_NE(person_key("Donald Trump"), person_key("Donald Trump Jr"));
    EXPECT_NE(person_key("Mary Trump"), person_key("Melania Trump"));
    EXPECT_NE(person_key("George W. Bush"), person_key("George Bush Sr"));
    EXPECT_EQ(person_key("Kim Jong Un"), "kim jong un");
}

}  // namespace
