// The scan of one piece of text (headline, caption, paragraph): left to right,
// at each capitalised word the longest reading wins, in this order: a known
// institution, an organisation pattern ("... Center", "Ministry of ..."), a
// country phrase, a news outlet a cue word names ("the daily Kompas"), a title
// or honorific (a cue for the name after it), a name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "indexer/extract/entity_institutions.h"
#include "indexer/extract/entity_tokens.h"
#include "indexer/extract/names.h"
#include "indexer/extract/ner_model.h"

namespace newsdesk::entities {

// A word that may be an organisation's name, where it stands: token `tok` of
// `tokens` (a text's tokens, alive while the article is extracted).
struct ModelOrgCandidate {
    std::string word;  // as written
    std::string key;   // its lookup key
    const std::vector<Token>* tokens = nullptr;
    std::size_t tok = 0;
};

// The model's names in one text, tagged a sentence at a time as rules ask.
struct NerTags {
    static constexpr std::size_t outside = static_cast<std::size_t>(-1);   // in no name
    static constexpr std::size_t untagged = static_cast<std::size_t>(-2);  // its sentence not tagged yet
    std::vector<NerSpan> spans;
    std::vector<std::size_t> at;  // token -> index in spans, or outside, or untagged
};

// What the scans of one article add to.
struct Findings {
    PersonBook people;
    InstitutionBook institutions;
    CountryTally countries;
    // Words the article also writes in lower case ("experts", "such"): at the
    // start of a sentence their capital says nothing about a name.
    std::unordered_set<std::string> lower_words;
    // A sports report ("SOCCER - ..."): clubs named by place are institutions.
    bool sports = false;
    std::unordered_set<std::string> teams;  // lookup keys of the clubs found so far
    // The text scanned last ended with a colon ("The team is as follows:"), or
    // inside a lineup (its last line broken after "Damien"): a list opening the
    // next text may be a lineup (entity_scan_teams.cpp).
    bool list_follows = false;
    bool lineup_open = false;
    // News outlets a cue word named ("Zycie Warszawy daily"): their later
    // mentions ("Zycie Warszawy said") are the outlet too.
    std::unordered_set<std::string> outlets;
    // Where this scan read a country phrase (counted, a region, or a capital as a
    // mere place): the first byte of its first word. The scan of other languages'
    // names (entity_countries_intl) leaves these to it.
    std::unordered_set<const char*> country_phrases;
    // Acronyms the article spells out as no body ("Universal Basic Income
    // (UBI)", "FGM [Female Genital Mutilation]"): their later mentions are none.
    std::unordered_set<std::string> plain_acronyms;
    // Words the rules saw only as a surname nobody explains ("Motorola"):
    // organisations if no person of the article bears the word and the model
    // reads them as one (model_organisation).
    std::vector<ModelOrgCandidate> model_orgs;
    // The model's tags of each text (by its tokens), shared by its scans and model_organisation.
    std::unordered_map<const std::vector<Token>*, NerTags> ner;
};

// Scans `text`, tokenised as `tokens`, into `findings`. A shouting text (all
// capitals) is scanned only for known institutions, countries and surnames
// already found elsewhere, so call it after the normal texts of the article.
// `model` (English only; else nullptr) tells places from people where the
// rules have only capitals to go by.
void scan_text(std::string_view text, const std::vector<Token>& tokens, bool shouting,
               Findings& findings, const NerModel* model = nullptr);

// The model's name of the candidate word alone (of any type, however sure), or
// nothing when it reads the word as no name or as part of a longer one. Tags
// the sentence around it unless `tags` has it.
[[nodiscard]] std::optional<NerSpan> model_word(const NerModel& model, const ModelOrgCandidate& candidate,
                                              const NerTags& tags);
// The model reads the candidate's word alone as an organisation, sure enough
// (scan::model_word_org_confidence).
[[nodiscard]] bool model_organisation(const NerModel& model, const ModelOrgCandidate& candidate,
                                      const NerTags& tags);

// Tokens [first, last) of the sentence holding token `tok`.
[[nodiscard]] std::pair<std::size_t, std::size_t> sentence_around(const std::vector<Token>& tokens, std::size_t tok);

// Adds the lower-case words among `tokens` to findings.lower_words.
void collect_lower_words(const std::vector<Token>& tokens, Findings& findings);

}  // namespace newsdesk::entities
