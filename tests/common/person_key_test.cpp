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
}

TEST(PersonKey, KeepsDifferentPeopleApart) {
    EXPECT_NE(person_key("Donald Trump"), person_key("Donald Trump Jr"));
    EXPECT_NE(person_key("Mary Trump"), person_key("Melania Trump"));
    EXPECT_NE(person_key("George W. Bush"), person_key("George Bush Sr"));
    EXPECT_EQ(person_key("Kim Jong Un"), "kim jong un");
}

}  // namespace
