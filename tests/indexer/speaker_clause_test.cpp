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

// What follows a quote is its attribution only while it stays in the quote's
// clause: "and" before a name opens a clause of its own, a participle's object
// does not speak, and a speech noun's owner speaks the quote its "that" holds.
TEST(SpeakerClause, TheClauseAfterAQuote) {
    expect_speakers({
        {"and a name",
         {"Okonkwo accuses the council of “hiding the figures” and Piet Jansen says it is “nonsense.”"},
         "hiding the figures", "Okonkwo"},
        {"and a name, a participle",
         {"Both sides spoke afterwards – Jansen saying he was “quite hopeful” and Okonkwo calling it a "
          "“useful talk.”"},
         "quite hopeful", "Jansen"},
        {"and a verb goes on", {"Piet Jansen called the plan “a fair start” and said he would vote for it."},
         "a fair start", "Piet Jansen"},
        {"participle's object",
         {"Brandt said the club would stay open, adding, “We are here to stay,” promising the Friends of "
          "the Library a new home."},
         "We are here to stay,", "Brandt"},
        // A comma-closed quote, a past tense and a name ending the clause: an
        // inverted attribution, whatever the verb; not the verb's object.
        // After a question a clause running into the next quote introduces that one.
        {"question, then the next quote's attribution",
         {"Ruiz replies to Okafor with, “Why now? Was that on my way to Leeds?” Okafor then writes back, "
          "“You look tired.”"},
         "Why now? Was that on my way to Leeds?", "Ruiz"},
        {"question, then its own attribution", {"“Why now?” Okafor asked. “Why me?”"}, "Why now?", "Okafor"},
        {"inverted, any verb", {"“We are the best,” mused radio co-host Ilse Brandt."}, "We are the best,",
         "Ilse Brandt"},
        {"inverted, a question", {"“Who profits from this?” reacted Jansen."}, "Who profits from this?",
         "Jansen"},
        {"a verb and its object",
         {"Ana Ruiz, who had called the plan “a fine idea,” opposed an EU rule on it."}, "a fine idea,",
         "Ana Ruiz"},
        {"speech noun with that",
         {"Gov. Ilse Brandt on Monday blamed the press for the fuss over Piet Jansen’s claim that the mayor "
          "“sold the harbour,” saying reporters missed the point."},
         "sold the harbour,", "Piet Jansen"},
        {"speech noun as an object",
         {"Ilse Brandt denounced Piet Jansen’s remarks as “hurtful” and left the room."}, "hurtful",
         "Ilse Brandt"},
    });
}

// Who a clause's subject is: a name the quote goes on from is what was said
// about, not who "he" is; a name right after a preposition is its object.
TEST(SpeakerClause, SubjectsThatAreNotSpeakers) {
    expect_speakers({
        {"name the quote goes on from",
         {"Piet Jansen spoke for an hour about his rival Ilse Brandt. Brandt “ruined the harbour and the "
          "budget,” he said."},
         "ruined the harbour and the budget,", "Piet Jansen"},
        {"object of a preposition",
         {"Ana Ruiz said the vote “changes nothing” on Facebook before claiming that the council is “out of "
          "touch.”"},
         "out of touch.", "Ana Ruiz"},
        // A participle after the name makes it the subject again, and a passive
        // verb's agent after "by" speaks.
        {"with a name and a participle",
         {"The club denied it, with Jansen taking to the radio to call the claim “pure fiction.”"},
         "pure fiction.", "Jansen"},
        {"asked by", {"Asked by Ruiz if the mayor “understands” the port, Jansen shrugged."}, "understands",
         "Ruiz"},
    });
}

// Attributions whose subject stands further from the verb than usual.
TEST(SpeakerClause, SubjectsAwayFromTheirVerb) {
    expect_speakers({
        // A quote earlier in the sentence that does not end it does not hide the
        // subject of a participle after a comma.
        {"participle after an earlier quote",
         {"Sen. Ilse Brandt (D-Ore.) went on ABC’s “Sunday Review” to discuss her rival, Piet Jansen, saying "
          "he was “out of his depth.”"},
         "out of his depth.", "Ilse Brandt"},
        // An appositive after the quote whose closing comma never comes.
        {"unclosed appositive",
         {"“The council needs a plan for the harbour,” Ana Ruiz, the analyst who founded harbourwatch.org "
          "wrote on Monday."},
         "The council needs a plan for the harbour,", "Ana Ruiz"},
        {"quoted as saying",
         {"“Our survey is cheaper than theirs,” Jansen is quoted as saying. “We ask fewer questions.”"},
         "We ask fewer questions.", "Jansen"},
    });
}

// A title with "of" ("secretary of state") before the name, after the verb or
// opening the sentence; and a verb after "and" sharing the subject of the verb
// before it.
TEST(SpeakerClause, TitlesWithOfAndSharedSubjects) {
    expect_speakers({
        {"said, title with of",
         {"“The harbour stays open,” said former secretary of transport Ilse Brandt, who spoke in Leeds."},
         "The harbour stays open,", "Ilse Brandt"},
        {"subject, title with of",
         {"Former Director of Planning Peter Jansen clashed with the council, telling it, “Build the bridge.”"},
         "Build the bridge.", "Peter Jansen"},
        {"and, the earlier verb's subject",
         {"There were sharper exchanges, such as when Okafor faulted Ruiz on housing and called her “timid,” "
          "a rare rebuke."},
         "timid,", "Okafor"},
        // The earlier verb's object, or a word describing something, is no subject.
        {"and, an object",
         {"A suit was filed challenging the city's policing of Dutch bars and alleging that police treated "
          "owners as “suspects by default.”"},
         "suspects by default.", "<null>"},
    });
}

// Attributions with a verb no list holds, and subjects that only look like one.
TEST(SpeakerClause, AnyVerbAndLookalikeSubjects) {
    expect_speakers({
        {"an adjective before the name",
         {"“Leeds will always be Leeds,” an angry Okafor retaliated. “It never gives up.”"},
         "Leeds will always be Leeds,", "Okafor"},
        {"a body's spokesman", {"“We are very pleased,” a BBC spokesman said."}, "We are very pleased,",
         "<null>"},
        {"name, verb, colon",
         {"Ruiz said her plan was sound, to which Okafor interjected: “It is just not true.”"},
         "It is just not true.", "Okafor"},
        {"name, two words, colon", {"Jansen fired back: “Read the report first.”"}, "Read the report first.",
         "Jansen"},
        {"an outlet before a noun and a colon",
         {"Ilse Brandt said in an interview with The Harbour magazine: “I would be critical.”"},
         "I would be critical.", "Ilse Brandt"},
        // A subordinate clause closed before the quote does not hold the subject;
        // one still open does.
        {"closed subordinate clause",
         {"In June, after Ruiz broke her wrist, Okafor emailed her, telling her, “Rest and get well soon!”"},
         "Rest and get well soon!", "Okafor"},
        {"open subordinate clause",
         {"The wording is a change from 2008, when President Ana Ruiz ordered that agencies work with "
          "“major party” candidates."},
         "major party", "Ana Ruiz"},
        // A place a speech verb follows speaks only when no one else does.
        {"a place and a person",
         {"The attack sparked a debate over how the United States responds to violence, with Senator Ana "
          "Ruiz telling reporters she saw the mayor as “directly responsible.”"},
         "directly responsible.", "Ana Ruiz"},
    });
}

// A short phrase between a subject and its verb, a speech noun after the quote,
// and a pronoun whose sentence opens with a preposition's object.
TEST(SpeakerClause, PhrasesNounsAndObjects) {
    expect_speakers({
        {"phrase before the verb",
         {"The break was complete when Okafor in her opening speech called the council “a closed shop” and "
          "left."},
         "a closed shop", "Okafor"},
        {"day phrase before the verb",
         {"The group is everywhere, so much that Jansen during a Sunday rally thanked its members “for their "
          "support.”"},
         "for their support.", "Jansen"},
        {"an object before the phrase",
         {"Ruiz said it was time, when Okafor praised Jansen on housing and called him “steady,” to move on."},
         "steady,", "Okafor"},
        {"speech noun after the quote", {"Ana Ruiz’s “fair share” comment was nearly as blunt."}, "fair share",
         "Ana Ruiz"},
        {"a description of someone as",
         {"Okafor broke away from his text to rebuff Peter Jansen's description of him as an “attack dog,” "
          "claiming the council was “rattled.”"},
         "attack dog,", "Peter Jansen"},
        {"a participle after a phrase",
         {"Ana Ruiz has joined fellow stars Ilse Brandt and Peter Jansen in attacking the council.",
          "Speaking to a radio station, the star said it had failed. “We are fed up,” she complained."},
         "We are fed up,", "Ana Ruiz"},
        {"a source cited with according to",
         {"The firm, according to Mr Okafor, has 30% women on its board. “Our goal is half.”"},
         "Our goal is half.", "Okafor"},
        {"a month is no antecedent",
         {"Ana Ruiz met the mayor, Michael Brandt, on Monday.",
          "In May 2001, Brandt ended the meeting. “The port will stay open,” she said."},
         "The port will stay open,", "Ana Ruiz"},
    });
}

// A person's affiliation after "of" or "at" is theirs, a chain of them too;
// an office named after a title's "of" is no one's name.
TEST(SpeakerClause, AffiliationsAndOffices) {
    expect_speakers({
        {"of a place",
         {"Members attacked the inquiry, with Ana Ruiz of Oregon calling the hearing “a farce.”"}, "a farce.",
         "Ana Ruiz"},
        {"the end of a longer name",
         {"Greta Holm of the Center for Seed Safety said the count was “a temporary reprieve.”"},
         "a temporary reprieve.", "Greta Holm"},
        {"a name after at",
         {"Dr. Ravi Menon at Saint Clare said, “We received a mass casualty alert.”"},
         "We received a mass casualty alert.", "Ravi Menon"},
        {"an occupation before the name, a body after of",
         {"Immunologist Kirsten Anders of Scripps Research said, “This virus is clearly much more contagious.”"},
         "This virus is clearly much more contagious.", "Kirsten Anders"},
        {"office to the",
         {"Former Ambassador to the United Nations Helen Haldane wrote, “We must always have their backs.”"},
         "We must always have their backs.", "Helen Haldane"},
        {"a chain of affiliations",
         {"As Bishop Peter Okafor of the Coptic Church of Leeds told reporters, “We have suffered the same "
          "fate.”"},
         "We have suffered the same fate.", "Peter Okafor"},
        {"office of the",
         {"“This is the first time,” said Chancellor of the Exchequer Gordon Brennan."}, "This is the first time,",
         "Gordon Brennan"},
        // A body described after the title is no office of the speaker's name.
        {"a body after the title",
         {"“It will be a tragedy,” said the chairman of the Leeds harbour select committee, Ilse Brandt."},
         "It will be a tragedy,", "<null>"},
        {"office before an appositive name",
         {"The director of the Harbour Trust Partnership, Ilse Brandt, called it “a retrograde step.”"},
         "a retrograde step.", "Ilse Brandt"},
    });
}

// Who "he" and "she" are: a given name tells the gender
// (the second column of data/people/given_names.txt), and a lone capitalised word nothing gave
// a gender to is no antecedent.
TEST(SpeakerClause, PronounsAndGenders) {
    expect_speakers({
        {"a given name's gender",
         {"Peter Jansen chaired the meeting. Mary Okafor opened it.", "“We start late,” he said."},
         "We start late,", "Peter Jansen"},
        {"a lone word",
         {"“The plan is sound,” said Peter Jansen, the council's treasurer. Critics attacked the figures.",
          "“It will pay for itself,” he said."},
         "It will pay for itself,", "Peter Jansen"},
        {"a surname with an honorific",
         {"Mr Okafor stood firm. Critics attacked the figures.", "“It will pay for itself,” he said."},
         "It will pay for itself,", "Okafor"},
    });
}

// A sentence of several clauses: the clause holding the quote decides.
TEST(SpeakerClause, TheQuotesOwnClause) {
    expect_speakers({
        {"while, with an appositive",
         {"Gov. Piet Jansen on Monday signed an order closing the harbour, while Ana Ruiz, the former mayor, "
          "proposed that we “open every gate.”"},
         "open every gate.", "Ana Ruiz"},
        {"and, with a party tag",
         {"The row recalled one from 2013, when Brandt testified before the council in Leeds, and Sen. Ana "
          "Ruiz (D-Ore.) kept asking her why the report blamed the “weather.”"},
         "weather.", "Ana Ruiz"},
        // The last item of a list is no clause of its own.
        {"a list of names",
         {"Ilse Brandt, the envoy for Asian affairs, said she expects Jansen, Ruiz, and Okafor to “stand "
          "together on trade.”"},
         "stand together on trade.", "Ilse Brandt"},
        // A speaker reported by another speech verb: the source outside speaks.
        {"reported speaker",
         {"Rep. Ilse Brandt (D-Ore.) said Jansen called on members to stay “closely coordinated.”"},
         "closely coordinated.", "Ilse Brandt"},
    });
}

}  // namespace
// "he" or "she" means a person: not a place the scan read as a name ("Kessock
// Road will host"), however near; a given name before such a word keeps it a
// surname ("Doris Day").
TEST(SpeakerClause, APronounMeansNoPlace) {
    expect_speakers({
        {"a road as subject",
         {"Meyer said: “We are in talks with the club.”", "Kessock Road will host the final on Saturday.",
          "“We have no comment to make,” he added."},
         "We have no comment to make,", "<null>"},
        {"a given name before the word",
         {"Ellen Day will host the final on Saturday.", "“We have no comment to make,” she added."},
         "We have no comment to make,", "Ellen Day"},
    });
}

}  // namespace newsdesk
