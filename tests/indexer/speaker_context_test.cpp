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

// Who a reader takes the speaker to be where the sentence says it without the
// usual "X said": one row per pattern, each with the paragraphs of one article.
struct ContextCase {
    const char* pattern;
    std::vector<std::string> paragraphs;
    std::string quote;
    std::string speaker;  // "<null>": nobody
};

const std::vector<ContextCase>& context_cases() {
    static const std::vector<ContextCase> cases = {
        // An introductory phrase may hold commas of its own (a place and its state)
        // and run past a dozen words: the subject is the first name after a comma
        // that a verb follows.
        {"intro with commas",
         {"Speaking at a rally in Dayton, Ohio, Harmon went after Whitfield, calling him “a career politician.”"},
         "a career politician.", "Harmon"},
        {"long intro",
         {"As the campaign has moved on to states with larger and more diverse urban electorates, Whitfield has "
          "increasingly condemned what he calls “a rigged economy” and promised reform."},
         "a rigged economy", "Whitfield"},
        // A quote that does not end in a full stop does not end its sentence: a
        // later quote in it has the same subject.
        {"telling reporters",
         {"Lindqvist has welcomed the court’s ruling as “overdue,” telling reporters outside the courthouse on "
          "Monday that the decision is “a victory for every tenant.”"},
         "a victory for every tenant.", "Lindqvist"},
        {"and tells",
         {"Okafor says she would sit the board down and tell it “enough is enough” and tells the audience she "
          "was the “only one” to vote against the plan."},
         "only one", "Okafor"},
        // ... but one ending in a full stop does, and the next sentence has its own.
        {"full stop",
         {"Ana Ruiz called the budget “a fraud.” On Monday the council described it as “a sound investment.”"},
         "a sound investment.", "<null>"},
        // A roundup names its source between a dash and a colon, after a heading
        // whose own subject and verb ("Pollsters agree") are not the speaker's.
        {"roundup", {"Pollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”"},
         "Keep on contacting voters as late as possible.", "Carl Bialik"},
        {"roundup, more from",
         {"What that means for the election - More from Jones: “The partisanship of the state is a starting "
          "point.”"},
         "The partisanship of the state is a starting point.", "Jones"},
        {"roundup, two names",
         {"TURNOUT DECIDES - Frank Newport and Jim Harter: “We found that the strengths mattered most.”"},
         "We found that the strengths mattered most.", "Jim Harter"},
        // A dateline's dash ends the introduction; a day may stand before the verb.
        {"dateline",
         {"WASHINGTON — Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed the attack and called it “a wise "
          "remark.”"},
         "a wise remark.", "Chuck Grassley"},
        // A title word ending a name after a given name is the family name ...
        {"title as surname",
         {"“Our efforts to date have been insufficient,” Amy Pope, deputy homeland security adviser, said on a "
          "conference call."},
         "Our efforts to date have been insufficient,", "Amy Pope"},
        // ... and before a name it stays a title.
        {"title before a name", {"“We pray for peace,” Pope Francis said."}, "We pray for peace,", "Francis"},
        // The appositive between speaker and verb may hold commas and an "and".
        {"appositive with commas",
         {"The new plans “are steps in the right direction,” Anne Richards, assistant secretary of state for "
          "population, refugees, and migration, said on the call."},
         "are steps in the right direction,", "Anne Richards"},
        {"two names", {"“He is filled with resentment,” Edward Dovere and Gabriel Debenedetti wrote."},
         "He is filled with resentment,", "Gabriel Debenedetti"},
        {"and without a subject",
         {"Many leaders became more “conversant” about climate change and more willing to act on it, Ban said."},
         "conversant", "Ban"},
        // An "and" opening a clause with a subject of its own still ends the search.
        {"and with a subject", {"The plan is “a disgrace,” for instance, and Trump vowed to repeal it."},
         "a disgrace,", "<null>"},
        // "R-Ky." is a party and state tag: its period does not end the sentence.
        {"party tag",
         {"\"Let me make it perfectly clear,\" Senate Majority Leader Mitch McConnell, R-Ky., said."},
         "Let me make it perfectly clear,", "Mitch McConnell"},
        // A quote standing as a sentence of its own continues the subject of the
        // sentence before it, in its paragraph or closing the previous one.
        {"quote after a sentence",
         {"Dana Whitlock distanced herself from the movement on Friday. “I am going to support him, because he "
          "can do the job.”"},
         "I am going to support him, because he can do the job.", "Dana Whitlock"},
        {"quote paragraph",
         {"Marta Ilves touted her record as a sponsor of the bill.",
          "“Workers need recourse when they are punished for organizing.”"},
         "Workers need recourse when they are punished for organizing.", "Marta Ilves"},
        // A quote described as said by someone unnamed is that someone's, not the
        // previous paragraph's subject's: nobody, or the party member described.
        {"described speaker",
         {"Marta Ilves touted her record as a sponsor of the bill.",
          "“The gap is too wide for her to close,” said a local official."},
         "The gap is too wide for her to close,", "<null>"},
        {"described party member",
         {"Marta Ilves touted her record as a sponsor of the bill.",
          "“The gap is too wide for her to close,” said a Nevada Democrat."},
         "The gap is too wide for her to close,", "Nevada Democrat"},
        // A sentence whose subject is no name hands on nobody.
        {"no named subject",
         {"The committee met on Friday. “Workers need recourse when they are punished for organizing.”"},
         "Workers need recourse when they are punished for organizing.", "<null>"},
    };
    return cases;
}

TEST(SpeakerContext, SentencePatterns) {
    for (const auto& c : context_cases()) {
        SCOPED_TRACE(c.pattern);
        EXPECT_EQ(speaker_of(quotes_of(c.paragraphs), c.quote), c.speaker);
    }
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

// Insider surveys quote unnamed party members: the description is the source,
// after the verb or before it, and nobody becomes an expert (sentences adapted
// from PolNeAR's Politico insider survey).
TEST(SpeakerContext, AnUnnamedPartyMemberIsTheSource) {
    const auto a = quotes_of({"“She is too far behind,” said an Iowa Democrat, “and Iowa was not a decisive win.”",
                              "“Iowa proved polls are misleading,” another New Hampshire Republican added.",
                              "“The campaign has been reluctant,” said one senior Democrat."});
    EXPECT_EQ(speaker_of(a, "She is too far behind,"), "Iowa Democrat");
    EXPECT_EQ(speaker_of(a, "and Iowa was not a decisive win."), "Iowa Democrat");
    EXPECT_EQ(speaker_of(a, "Iowa proved polls are misleading,"), "New Hampshire Republican");
    EXPECT_EQ(speaker_of(a, "The campaign has been reluctant,"), "senior Democrat");
    EXPECT_TRUE(a.experts.empty());
    // Other descriptions stay without a speaker.
    const auto b = quotes_of({"“We will appeal,” said a senior official."});
    EXPECT_EQ(speaker_of(b, "We will appeal,"), "<null>");
}

// A capital that only opens the sentence names nobody: an adverb or participle
// never capitalised inside a sentence, a word the article writes in lower case,
// a preposition; the subject after the introductory phrase speaks (sentences
// adapted from PolNeAR's HuffPost and Washington Post articles).
TEST(SpeakerContext, ASentenceOpenerIsNoSpeaker) {
    const auto a = quotes_of({"Hastily politicizing the tragedy in Nice ― much like he did after the attacks in "
                              "Paris ― Trump cast the blame on his rivals, and emphasized the threat that "
                              "“Islamic terrorism” poses to the world."});
    EXPECT_EQ(speaker_of(a, "Islamic terrorism"), "Trump");
    const auto b = quotes_of({"Filling in for the senator at the same event, the author landed a sharp dig at "
                              "“my dear sister Hillary Clinton.”"});
    EXPECT_EQ(speaker_of(b, "my dear sister Hillary Clinton."), "<null>");
    const auto c = quotes_of({"Across town, “shouting from the rooftops” for the campaign, is a canvasser."});
    EXPECT_EQ(speaker_of(c, "shouting from the rooftops"), "<null>");
    const auto d = quotes_of({"Containment is tied to the party, one which a historian calls “a foundation of our "
                              "political culture.” The policy of containment dates to Eisenhower."});
    EXPECT_EQ(speaker_of(d, "a foundation of our political culture."), "<null>");
    // A name opening the sentence still speaks.
    const auto e = quotes_of({"Kessel called it “a foundation of our work,” and Kessel meant it."});
    EXPECT_EQ(speaker_of(e, "a foundation of our work,"), "Kessel");
}

// Fact checks and roundups sign a paragraph of quotes on the line under it
// (layout of PolNeAR's Washington Post fact check and HuffPost roundups, text
// written for this test); a bare name line is a heading and signs nothing.
TEST(SpeakerContext, ALineUnderAQuoteSignsIt) {
    const auto a = quotes_of({"“I went to Wall Street before the crash. I warned them.”", "- Clinton.",
                              "Clinton tends to overstate her role."});
    EXPECT_EQ(speaker_of(a, "I went to Wall Street before the crash. I warned them."), "Clinton");
    const auto b = quotes_of({"“We are going to enter the next recession without that consensus.",
                              "Josh Bivens, Economic Policy Institute.”",
                              "Democrats acquiesced to the narrative."});
    EXPECT_EQ(speaker_of(b, "We are going to enter the next recession without that consensus."),
              "Josh Bivens");
    EXPECT_TRUE(b.experts.size() == 1 && b.experts[0].name == "Josh Bivens");
    const auto c = quotes_of({"“We will not go back.”", "Josh Bivens", "The economy grew."});
    EXPECT_EQ(speaker_of(c, "We will not go back."), "<null>");
}

// "He" means the latest person before it in the text, whatever order the rules
// met them in (sentences from corpus/wikinews, 2019, the Gdańsk escape room fire).
TEST(SpeakerContext, APronounMeansTheLatestPersonInTheText) {
    const auto a = quotes_of({"President Andrzej Duda said the victims were \"joyful girls starting out in life\" "
                              "while Interior Minister Joachim Brudziński wrote he had ordered fire safety checks "
                              "on escape rooms across Poland. He tweeted, \"I want to express my sympathy and "
                              "regrets to the families of the victims of the fire\"."});
    EXPECT_EQ(speaker_of(a, "joyful girls starting out in life"), "Andrzej Duda");
    EXPECT_EQ(speaker_of(a, "I want to express my sympathy and regrets to the families of the victims of the fire"),
              "Joachim Brudziński");
}

// A clause opened by "until", "because", "when" ... after the quote has a
// subject of its own (adapted from PolNeAR's AP live blog of the South Carolina primary).
TEST(SpeakerContext, ASubordinateClauseAfterTheQuoteHasItsOwnSubject) {
    const auto a = quotes_of({"Jason Sims says he was “kind of riding the fence” until Haley said she was backing "
                              "the Florida senator."});
    EXPECT_EQ(speaker_of(a, "kind of riding the fence"), "Jason Sims");
}

// A name after "of", "in", "at" before the comma is no subject: the name between
// the commas speaks ("The mayor of London, Sadiq Khan, thanked", corpus/wikinews
// 2020, the Streatham attack), or the one before an earlier comma (adapted from
// PolNeAR's USA Today Kentucky primary article).
TEST(SpeakerContext, ANameAfterAPrepositionIsNoSubject) {
    const auto a = quotes_of({"The mayor of London, Sadiq Khan, thanked \"the police, security and emergency "
                              "services staff for their swift and courageous response\"."});
    EXPECT_EQ(speaker_of(a, "the police, security and emergency services staff for their swift and courageous "
                            "response"),
              "Sadiq Khan");
    const auto b = quotes_of({"Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to put "
                              "a lot of coal companies out of business.”"});
    EXPECT_EQ(speaker_of(b, "going to put a lot of coal companies out of business."), "Clinton");
}

// Verbs of reacting aloud attribute like "said" (adapted from PolNeAR's
// Breitbart convention and bellwether county reports).
TEST(SpeakerContext, VerbsOfReactingAloud) {
    const auto a = quotes_of({"“This is fantastic!” beamed Donald Hartley of Madison, Alabama."});
    EXPECT_EQ(speaker_of(a, "This is fantastic!"), "Donald Hartley");
    const auto b = quotes_of({"Jared Potts echoed:", "“He speaks his mind, and that might be what the country needs.”"});
    EXPECT_EQ(speaker_of(b, "He speaks his mind, and that might be what the country needs."), "Jared Potts");
}

// A short clause after a quote that ends its sentence belongs to the next quote
// when it runs into it; a sentence opening with a subordinate clause has its
// speaker in the main clause (adapted from PolNeAR's USA Today and Politico debate
// reports).
TEST(SpeakerContext, TheNextSentenceAndTheMainClauseSpeak) {
    const auto a = quotes_of({"Donald Trump said Hillary Clinton “caused death.” Bernie Sanders called Trump a "
                              "“pathological liar.” Carly Fiorina said Ted Cruz “says whatever he needs to say.”"});
    EXPECT_EQ(speaker_of(a, "caused death."), "Donald Trump");
    EXPECT_EQ(speaker_of(a, "pathological liar."), "Bernie Sanders");
    const auto b = quotes_of({"When Trump suggested that Cuba would sue the U.S., Rubio fired back forcefully: “If "
                              "they sue us in a court in Miami, they’re going to lose.”"});
    EXPECT_EQ(speaker_of(b, "If they sue us in a court in Miami, they’re going to lose."), "Rubio");
}

// "X (D-Mo.), <appositive>, said": the party and state tag closes the name
// before the appositive's opening comma (written for this test; the bundled corpus
// has no such sentence).
TEST(SpeakerContext, AnAppositiveAfterAPartyAndStateTag) {
    const auto a = quotes_of({"Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said Sanders has made "
                              "her a “stronger” candidate."});
    EXPECT_EQ(speaker_of(a, "stronger"), "Claire McCaskill");
    const auto b = quotes_of({"Sen. Ted Cruz (R-Texas), also a presidential hopeful, called the remarks "
                              "“abhorrent” in a post on Sunday."});
    EXPECT_EQ(speaker_of(b, "abhorrent"), "Ted Cruz");
}

// "The mayor of London, Sadiq Khan, thanked": the name after "of" is no subject,
// with "the" between them too (after a BBC report in the scaled benchmark corpus).
TEST(SpeakerContext, ANameAfterOfTheIsNoSubject) {
    const auto a = quotes_of({"“In a sense, we have hardly started in reaching the whole population,” the new "
                              "chair of the Internet Engineering Task Force (IETF), Brian Carpenter, says."});
    EXPECT_EQ(speaker_of(a, "In a sense, we have hardly started in reaching the whole population,"),
              "Brian Carpenter");
}

// "CNN, Cruz said, called ...": the attribution between commas names the speaker;
// the name before it is what the speaker talks about (written for this test).
TEST(SpeakerContext, AnAttributionBetweenCommas) {
    const auto a = quotes_of({"The network, Cruz said, called the announcement “highly significant.”"});
    EXPECT_EQ(speaker_of(a, "highly significant."), "Cruz");
    const auto b = quotes_of({"CNN, Cruz said, called the announcement “highly significant.”"});
    EXPECT_EQ(speaker_of(b, "highly significant."), "Cruz");
    const auto c = quotes_of({"Reuters, he said, called the plan “a mistake.”"});
    EXPECT_EQ(speaker_of(c, "a mistake."), "<null>");  // a pronoun with no one before it
}

// Sentences of the bundled corpus (corpus/wikinews), one row per class of
// speaker the rules once missed or got wrong.
struct CorpusCase {
    const char* pattern;
    std::vector<std::string> paragraphs;
    std::string quote;
    std::string speaker;  // "<null>": nobody
};

TEST(SpeakerContext, SentencesOfTheBundledCorpus) {
    const std::vector<CorpusCase> cases = {
        // A middle initial's period ends no sentence (was "John G").
        {"middle initial",
         {"\"On behalf of the Court and retired Justices,\" wrote Chief Justice John G. Roberts, \"I am "
          "saddened to report that our colleague Justice John Paul Stevens has passed away.\""},
         "On behalf of the Court and retired Justices,",
         "John G. Roberts"},
        // ... but a capital letter before a word that is never a name ends it
        // (written for this test, after a BBC report in the scaled benchmark corpus).
        {"Roman numeral",
         {"Robinson added he would \"love\" to do another series, each of which was set in a different era, "
          "ranging from the 15th century to World War I. But the BBC said on Thursday there were no plans "
          "for a comeback."},
         "love",
         "Robinson"},
        // A title alone is a description; who it told is no speaker (was "Labour MP",
        // then "BBC").
        {"title alone",
         {"Not everyone agreed there should be another referendum. One MP told the BBC, \"We know that 16 "
          "million people wanted to stay in the EU, and some of those would still like to stay in the EU, "
          "and within that quite a few would like to have another go and have another referendum — but it "
          "was always a minority\"."},
         "We know that 16 million people wanted to stay in the EU, and some of those would still like to "
         "stay in the EU, and within that quite a few would like to have another go and have another "
         "referendum — but it was always a minority",
         "<null>"},
        // A pronoun means its own sentence's subject first (was nobody: no speaker
        // came before it).
        {"pronoun in the subject's sentence",
         {"Philippine President Rodrigo Duterte threatened the network's franchise renewal before, after the "
          "network didn't carry some of his campaign commercials, which they've said was due to a lack of "
          "airtime, and he accused the network of \"swindling\"."},
         "swindling",
         "Rodrigo Duterte"},
        {"pronoun after an appositive",
         {"National LGBT news source Daily Xtra 's editorial director, Rachel Giese, said she felt Tuesday's "
          "pleas might provide \"some solace for the families and friends of the victims, and for the "
          "community more broadly,\" but would not answer questions being asked of authorities."},
         "some solace for the families and friends of the victims, and for the community more broadly,",
         "Rachel Giese"},
        {"pronoun after the quote",
         {"Following the vote, a United States Department of State spokesperson, Morgan Ortagus, indicated the "
          "United States was disappointed by the Parliament's decision: \"While we await further clarification "
          "on the legal nature and impact of today's resolution,\" he said, \"we strongly urge Iraqi leaders to "
          "reconsider the importance of the ongoing economic and security relationship between the two "
          "countries and the continued presence of the Global Coalition to Defeat ISIS\"."},
         "While we await further clarification on the legal nature and impact of today's resolution,",
         "Morgan Ortagus"},
        // ... but not a name inside an opening phrase that has no subject of its
        // own: Martin Smith asked, the pronoun answered.
        {"pronoun after an opening phrase",
         {"Speaking to Martin Smith of PBS, he said, \"It happened under my watch. I get all the "
          "responsibility, because it happened under my watch.\""},
         "It happened under my watch. I get all the responsibility, because it happened under my watch.",
         "<null>"},
        // A passive speech verb's agent speaks (were Vladimir Putin, who was told,
        // and Dinualdo Gutierrez, who was described).
        {"passive verb, agent after by",
         {"President Vladimir Putin was briefed, and flew to Magnitogorsk on Monday, observing the rescue "
          "mission and visiting the wounded in hospital. In a meeting that day he was told by Emergencies "
          "Minister Yevgeny Zinichev of \"presumably between 36 and 40 people under the rubble\", while "
          "Chelyabinsk regional Deputy Governor Oleg Klimov indicated 68 people were missing."},
         "presumably between 36 and 40 people under the rubble",
         "Yevgeny Zinichev"},
        {"passive verb, an organisation as agent",
         {"Gutierrez was described by the CBCP as \"a strong advocate for the environment in a province "
          "threatened by mining interests.\""},
         "a strong advocate for the environment in a province threatened by mining interests.",
         "CBCP"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.pattern);
        const auto a = quotes_of(c.paragraphs);
        EXPECT_EQ(speaker_of(a, c.quote), c.speaker);
    }
}

// A capitalised run with a word holding a digit names a product, never the
// subject "she" refers back to. Written for the test, after a sentence of the 20k
// scaled corpus (BBC copy, not copied here).
TEST(SpeakerContext, ARunWithADigitIsNoOnesName) {
    const auto a = quotes_of({"The Samsung Galaxy S4 handset was popular with younger buyers, she added. "
                              "This was not a \"passing fad\", she said."});
    EXPECT_EQ(speaker_of(a, "passing fad"), "<null>");
}

}  // namespace
}  // namespace newsdesk
