// extract_entities: people, institutions and countries of one article. The
// rules live in entity_scan.cpp, the word lists in data/ (see data/README.md).
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "common/lang/countries.h"
#include "common/text.h"
#include "indexer/extract/entity_countries_intl.h"
#include "indexer/extract/entity_lexicon.h"
#include "indexer/extract/entity_scan.h"
#include "indexer/extract/entity_scanner.h"
#include "indexer/extract/extract.h"

namespace newsdesk {

namespace {

using entities::Findings;

// "CHICAGO, Feb 26 - text", "LONDON 1996-08-30 - text", "MINNETONKA, Minn., March 2 -":
// the country of the place in capitals before the dash, and the text after it.
std::pair<std::optional<std::string>, std::string_view> split_dateline(std::string_view paragraph) {
    const auto head = paragraph.substr(0, 120);
    std::size_t dash = std::string_view::npos, dash_len = 0;
    for (std::string_view mark : {" - ", " -- ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
        const auto at = head.find(mark);
        if (at != std::string_view::npos && at < dash) dash = at, dash_len = mark.size();
    }
    // "INDIANAPOLIS, IND., March 4- Shares": the dash right after the date.
    for (auto at = head.find("- "); at != std::string_view::npos && at < dash; at = head.find("- ", at + 1))
        if (at > 0 && head[at - 1] >= '0' && head[at - 1] <= '9') dash = at, dash_len = 2;
    if (dash == std::string_view::npos) return {std::nullopt, paragraph};
    auto prefix = paragraph.substr(0, dash);
    prefix = prefix.substr(0, prefix.find('('));  // "WASHINGTON (Reuters)"
    // Keep the comma-separated parts before the date: digits mark where it begins.
    std::string place;
    for (std::size_t start = 0; start <= prefix.size();) {
        auto comma = std::min(prefix.find(',', start), prefix.size());
        auto part = prefix.substr(start, comma - start);
        const auto digit = part.find_first_of("0123456789");
        if (digit != std::string_view::npos) part = part.substr(0, digit);
        part = trim(part);
        if (!part.empty()) place += (place.empty() ? "" : ", ") + std::string(part);
        if (digit != std::string_view::npos) break;
        start = comma + 1;
    }
    // A dateline names its place in capitals or in title case; the place must be known.
    const auto first_part = std::string_view(place).substr(0, place.find(','));
    if (first_part.empty() || first_part.size() > 40 || !(first_part[0] >= 'A' && first_part[0] <= 'Z'))
        return {std::nullopt, paragraph};
    const auto code = CountryGazetteer::instance().dateline_place(place);
    if (!code) return {std::nullopt, paragraph};
    return {code, paragraph.substr(dash + dash_len)};
}

// Agency sports copy opens its headline with the sport: "SOCCER - ROTOR FANS ...".
bool is_sports_report(std::string_view headline) {
    const auto dash = headline.find(" - ");
    if (dash == std::string_view::npos || dash > 30) return false;
    return entities::Lexicon::instance().sport(lookup_key(headline.substr(0, dash)));
}

// A word the model may confirm as a surname: not a hashtag ("#WrongTrump"), not
// a word with a capital inside ("TechCelerator"; "McCain", "DeSantis" and
// "O'Neill" are names), not after an article with no noun after it ("the
// Salafi") and not after a word in capitals ("MX Onda", "AS Roma": the second
// word of a name they open): names of things, not people.
bool surname_shape(const entities::ModelOrgCandidate& c) {
    const auto& tokens = *c.tokens;
    if (c.tok > 0) {
        const auto& before = tokens[c.tok - 1];
        if (before.text == "#" && before.end == tokens[c.tok].begin) return false;
        if (before.word && before.upper) return false;
        // "the Obama administration" is his; "the Salafi —" is a movement's.
        const bool article = before.word && !before.capitalised &&
                             (before.text == "the" || before.text == "a" || before.text == "an");
        const bool noun_after =
            c.tok + 1 < tokens.size() && tokens[c.tok + 1].word && !tokens[c.tok + 1].capitalised;
        if (article && !noun_after) return false;
    }
    return entities::capitals_of_a_name(c.word);
}

// The words the rules would take for surnames nobody explains, read by the
// model: those it takes for organisations are institutions, but those a person
// of the article bears ("Testud" after "Sandrine Testud", "the Bidens" after
// "Joe Biden"); those it takes for people ("Milosevic", "Obama" named alone)
// are people. Returns whether any word was found a person.
bool judge_model_words(const std::vector<Person>& people, const entities::NerModel* model, Findings& found) {
    if (!model || found.model_orgs.empty()) return false;
    const auto person_words = entities::name_word_keys(people);
    bool confirmed = false;
    std::unordered_map<std::string, std::optional<entities::NerSpan>> read;  // key -> the model's reading
    for (const auto& candidate : found.model_orgs) {
        const auto& key = candidate.key;
        const bool plural = key.size() > 3 && key.back() == 's' && person_words.count(key.substr(0, key.size() - 1));
        if (person_words.count(key) || plural) continue;
        // The model reads a word's first mention; the later ones are the same body.
        const auto [it, fresh] = read.try_emplace(key);
        if (fresh) it->second = entities::model_word(*model, candidate, found.ner[candidate.tokens]);
        const auto& span = it->second;
        if (!span) continue;
        using entities::NerType;
        namespace scan = entities::scan;
        if (span->type == NerType::organisation && span->confidence >= scan::model_word_org_confidence) {
            found.institutions.add(candidate.word);
        } else if (fresh && span->type == NerType::person && span->confidence >= scan::model_surname_confidence &&
                   surname_shape(candidate)) {
            found.people.confirm_single(key);
            confirmed = true;
        }
    }
    return confirmed;
}

}  // namespace

void extract_entities(Article& article) {
    Findings found;
    found.sports = is_sports_report(article.headline);
    const auto paragraphs = split_paragraphs(article.body);
    std::vector<std::string_view> texts{article.headline};
    for (const auto& caption : article.captions) texts.push_back(caption.text);
    found.countries.set_lead(true);
    if (!paragraphs.empty()) {
        auto [code, rest] = split_dateline(paragraphs.front());
        if (code) found.countries.add(*code);  // a story filed from Chicago is about the US
        texts.push_back(rest);
    }
    // The headline, captions and first paragraph are the lead: a country named
    // there is a subject of the story even when named once.
    const std::size_t lead_texts = texts.size();
    for (std::size_t i = 1; i < paragraphs.size(); ++i) texts.push_back(paragraphs[i]);

    // Each text is tokenised once; its lower-case words are known before any scan.
    const auto& abbreviations = entities::Lexicon::instance().abbreviations();
    std::vector<std::vector<entities::Token>> tokens;
    for (const auto text : texts) {
        tokens.push_back(entities::tokenize(text, abbreviations));
        entities::collect_lower_words(tokens.back(), found);
    }
    // Texts in capitals are read last: only names already found elsewhere count there.
    std::vector<std::size_t> shouting;
    // The model knows English only; other languages keep the rules alone.
    const entities::NerModel* model = article.language == "en" ? &entities::NerModel::english() : nullptr;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        found.countries.set_lead(i < lead_texts);
        if (entities::is_shouting(texts[i])) shouting.push_back(i);
        else entities::scan_text(texts[i], tokens[i], false, found, model);
    }
    for (const auto i : shouting) {
        found.countries.set_lead(i < lead_texts);
        entities::scan_text(texts[i], tokens[i], true, found);
    }
    // Countries named in the article's other languages ("रूस", "Russlands", "中国").
    for (const auto& language : entities::country_languages(article)) {
        const auto& names = CountryGazetteer::instance().language(language);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            found.countries.set_lead(i < lead_texts);
            entities::scan_countries(texts[i], tokens[i], names, found.country_phrases, found.countries);
        }
    }

    article.people = found.people.people();
    if (judge_model_words(article.people, model, found)) article.people = found.people.people();
    article.institutions = found.institutions.institutions();
    entities::drop_institution_fronts(article.people, article.institutions);
    article.countries = found.countries.countries();
}

}  // namespace newsdesk
