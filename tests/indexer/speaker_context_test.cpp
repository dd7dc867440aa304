// extract_quotes: speakers found from the context of a quote rather than its own
// attribution (patterns seen among PolNeAR's quotes left without a speaker;
// short sentences written for these tests).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/quote_support.h"

namespace newsdesk {
namespace {

using test::quotes_of;
using test::speaker_of;

// "(I-Vt.)", "(D-Okla.)": the period of a party and state tag does not end the
// sentence, so the name before it stays the sentence's subject.
TEST(SpeakerContext, APartyAndStateTagDoesNotEndTheSentence) {
    const auto a = quotes_of({"In a fiery takedown of the businessman, Sen. Bernie Sanders (I-Vt.) called him "
                              "divisive and accused him of keeping Americans from being able to “stand "
                              "together to address the real issues.”"});
    EXPECT_EQ(speaker_of(a, "stand together to address the real issues."), "Bernie Sanders");
}

TEST(SpeakerContext, AsXPointedOut) {
    const auto a = quotes_of({"As RealClearPolitics’ David Byler pointed out in December, “In the week before "
                              "the convention, the delegates will have a choice.”"});
    EXPECT_EQ(speaker_of(a, "In the week before the convention, the delegates will have a choice."),
              "David Byler");
}

TEST(SpeakerContext, RememberedAfterTheQuote) {
    const auto a = quotes_of({"\"They proved them wrong,\" remembered Roy Verley, HP's former spokesman."});
    EXPECT_EQ(speaker_of(a, "They proved them wrong,"), "Roy Verley");
}

// A capitalised word opening an introductory phrase is no subject.
TEST(SpeakerContext, TheSubjectFollowsAnIntroductoryPhrase) {
    const auto a = quotes_of({"Hours later, Trump returned the compliment to Adelson, telling Reuters, "
                              "“Sheldon and I have been friends for a long time.”"});
    EXPECT_EQ(speaker_of(a, "Sheldon and I have been friends for a long time."), "Trump");
    // The phrase may run to a dozen words.
    const auto b = quotes_of({"Horrified at the prospect of Trump becoming president, Ramos believes in "
                              "journalism that “takes sides.”"});
    EXPECT_EQ(speaker_of(b, "takes sides."), "Ramos");
}

// An introductory phrase may hold commas of its own (a place and its state) and
// run past a dozen words; the subject is the name after a comma that a verb follows.
TEST(SpeakerContext, TheSubjectFollowsAnIntroductoryPhraseWithCommas) {
    const auto a = quotes_of({"Speaking at a rally in Dayton, Ohio, Harmon went after Whitfield, calling him "
                              "“a career politician.”"});
    EXPECT_EQ(speaker_of(a, "a career politician."), "Harmon");
    const auto b = quotes_of({"As the campaign has moved on to states with larger and more diverse urban "
                              "electorates, Whitfield has increasingly condemned what he calls “a rigged "
                              "economy” and promised reform."});
    EXPECT_EQ(speaker_of(b, "a rigged economy"), "Whitfield");
}

// A quote that does not end in a full stop does not end its sentence: a later
// quote in the same sentence has the same subject ("..., telling reporters").
TEST(SpeakerContext, AnEarlierQuoteDoesNotEndTheSentence) {
    const auto a = quotes_of({"Lindqvist has welcomed the court’s ruling as “overdue,” telling reporters "
                              "outside the courthouse on Monday that the decision is “a victory for every "
                              "tenant.”"});
    EXPECT_EQ(speaker_of(a, "a victory for every tenant."), "Lindqvist");
    const auto b = quotes_of({"Okafor says she would sit the board down and tell it “enough is enough” and "
                              "tells the audience she was the “only one” to vote against the plan."});
    EXPECT_EQ(speaker_of(b, "only one"), "Okafor");
    // A quote ending in a full stop ends the sentence; the next one has its own.
    const auto c = quotes_of({"Ana Ruiz called the budget “a fraud.” On Monday the council described it as "
                              "“a sound investment.”"});
    EXPECT_EQ(speaker_of(c, "a fraud."), "Ana Ruiz");
    EXPECT_EQ(speaker_of(c, "a sound investment."), "<null>");
}

// A roundup's items give their source between a dash and a colon, after a heading
// whose own subject and verb ("Pollsters agree") are not the speaker's.
TEST(SpeakerContext, ARoundupNamesItsSourceBetweenADashAndAColon) {
    const auto a = quotes_of({"Pollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”",
                              "What that means for the election - More from Jones: “The partisanship of the "
                              "state is a starting point.”",
                              "TURNOUT DECIDES - Frank Newport and Jim Harter: “We found that the strengths "
                              "mattered most.”"});
    EXPECT_EQ(speaker_of(a, "Keep on contacting voters as late as possible."), "Carl Bialik");
    EXPECT_EQ(speaker_of(a, "The partisanship of the state is a starting point."), "Jones");
    EXPECT_EQ(speaker_of(a, "We found that the strengths mattered most."), "Jim Harter");
}

// A dateline's dash ends the introduction; a day may stand between the subject and its verb.
TEST(SpeakerContext, TheSubjectAfterADateline) {
    const auto a = quotes_of({"WASHINGTON — Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed the attack "
                              "and called it “a wise remark.”"});
    EXPECT_EQ(speaker_of(a, "a wise remark."), "Chuck Grassley");
}

// A title word ending a name after a given name is the family name: Amy Pope is no pope.
TEST(SpeakerContext, ATitleWordAfterAGivenNameIsASurname) {
    const auto a = quotes_of({"“Our efforts to date have been insufficient,” Amy Pope, deputy homeland "
                              "security adviser, said on a conference call."});
    EXPECT_EQ(speaker_of(a, "Our efforts to date have been insufficient,"), "Amy Pope");
    // Before a name the word stays a title.
    const auto b = quotes_of({"“We pray for peace,” Pope Francis said."});
    EXPECT_EQ(speaker_of(b, "We pray for peace,"), "Francis");
}

// The appositive between a quote's speaker and the verb may hold commas and an
// "and" of its own; two names joined by "and" speak together.
TEST(SpeakerContext, AnAppositiveWithCommasAndAnd) {
    const auto a = quotes_of({"The new plans “are steps in the right direction,” Anne Richards, assistant "
                              "secretary of state for population, refugees, and migration, said on the call."});
    EXPECT_EQ(speaker_of(a, "are steps in the right direction,"), "Anne Richards");
    const auto b = quotes_of({"“He is filled with resentment,” Edward Dovere and Gabriel Debenedetti wrote."});
    EXPECT_EQ(speaker_of(b, "He is filled with resentment,"), "Gabriel Debenedetti");
    const auto c = quotes_of({"Many leaders became more “conversant” about climate change and more willing "
                              "to act on it, Ban said."});
    EXPECT_EQ(speaker_of(c, "conversant"), "Ban");
    // An "and" opening a clause with a subject of its own still ends the search.
    const auto d = quotes_of({"The plan is “a disgrace,” for instance, and Trump vowed to repeal it."});
    EXPECT_EQ(speaker_of(d, "a disgrace,"), "<null>");
}

// "R-Ky." is a party and state tag: its period does not end the sentence.
TEST(SpeakerContext, APartyAndStateTagAfterACommaDoesNotEndTheSentence) {
    const auto a = quotes_of({"\"Let me make it perfectly clear,\" Senate Majority Leader Mitch McConnell, "
                              "R-Ky., said."});
    EXPECT_EQ(speaker_of(a, "Let me make it perfectly clear,"), "Mitch McConnell");
}

// A quote standing as a sentence of its own, with no attribution, continues the
// subject of the sentence before it, in its paragraph or closing the previous one.
TEST(SpeakerContext, AQuoteStandingAloneContinuesThePreviousSubject) {
    const auto a = quotes_of({"Dana Whitlock distanced herself from the movement on Friday. “I am going to "
                              "support him, not because I agree with him on everything, but because he can do "
                              "the job.”"});
    EXPECT_EQ(speaker_of(a, "I am going to support him, not because I agree with him on everything, but "
                            "because he can do the job."),
              "Dana Whitlock");
    const auto b = quotes_of({"Marta Ilves touted her record as a sponsor of the bill.",
                              "“Workers need recourse when they are punished for organizing.”"});
    EXPECT_EQ(speaker_of(b, "Workers need recourse when they are punished for organizing."), "Marta Ilves");
    // A sentence whose subject is no name hands on nobody.
    const auto c = quotes_of({"The committee met on Friday. “Workers need recourse when they are punished "
                              "for organizing.”"});
    EXPECT_EQ(speaker_of(c, "Workers need recourse when they are punished for organizing."), "<null>");
}

// A later quote in the paragraph attributed only to a description ("after being
// asked") does not take away the subject of the sentence holding the first.
TEST(SpeakerContext, ADescribedNeighbourLeavesTheSentencesSubject) {
    const auto a = quotes_of({"Cruz blamed the anti-fracking law on “knuckleheaded Democratic politicians.” "
                              "His comments came after being asked yet again to defend his criticism of "
                              "“New York values.”"});
    EXPECT_EQ(speaker_of(a, "knuckleheaded Democratic politicians."), "Cruz");
}

// A paragraph ending in a colon introduces the quote opening the next one.
TEST(SpeakerContext, AParagraphEndingInAColonIntroducesTheNextQuote) {
    const auto a = quotes_of({"The school has 800 students.", "Jared Potts, a senior, echoed:",
                              "“He speaks his mind, and I think that is what the country needs.”"});
    EXPECT_EQ(speaker_of(a, "He speaks his mind, and I think that is what the country needs."), "Jared Potts");
    const auto b = quotes_of({"The New York Times made these allegations in February, and Breitbart News "
                              "responded:",
                              "\"If there are people in this country who are believed to be dangerous, "
                              "they should be arrested.\""});
    EXPECT_EQ(speaker_of(b, "If there are people in this country who are believed to be dangerous, they "
                            "should be arrested."),
              "Breitbart News");
    // Without the colon the paragraph introduces nobody.
    const auto c = quotes_of({"Breitbart News wrote about the allegations in February.",
                              "\"If there are people in this country who are believed to be dangerous, "
                              "they should be arrested.\""});
    EXPECT_EQ(speaker_of(c, "If there are people in this country who are believed to be dangerous, they "
                            "should be arrested."),
              "<null>");
}

}  // namespace
}  // namespace newsdesk
