#include "indexer/extract/quote_lexicon.h"

#include <fstream>
#include <sstream>

#include "common/data_dir.h"
#include "common/error.h"
#include "common/person_key.h"
#include "common/text.h"

namespace newsdesk {

namespace {

// Calls `on_line(fields)` for every non-comment line of data/quotes/NAME.
template <typename F>
void read_lines(std::string_view name, F on_line) {
    const auto path = data_file(std::string("quotes/") + std::string(name));
    std::ifstream in(path);
    if (!in) throw Error("cannot read " + path.string());
    std::string line;
    while (std::getline(in, line)) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        std::istringstream fields(line);
        std::vector<std::string> words;
        for (std::string w; fields >> w;) words.push_back(ascii_lower(w));
        if (!words.empty()) on_line(words);
    }
}

std::unordered_set<std::string> read_set(std::string_view name) {
    std::unordered_set<std::string> out;
    read_lines(name, [&](const auto& words) { out.insert(words.begin(), words.end()); });
    return out;
}

std::unordered_map<std::string, Gender> read_gendered(std::string_view name) {
    std::unordered_map<std::string, Gender> out;
    read_lines(name, [&](const auto& words) {
        out[words[0]] = words.size() > 1 ? words[1][0] : 'x';
    });
    return out;
}

// The names of data/people/given_names.txt with a sex in their second column,
// lower case: "hillary" -> 'f'.
std::unordered_map<std::string, Gender> given_name_genders() {
    std::unordered_map<std::string, Gender> out;
    // read_data_list collapses the TAB between the columns to one space.
    for (const auto& line : read_data_list("people/given_names.txt")) {
        const auto space = line.find(' ');
        if (space != std::string::npos && space + 1 < line.size())
            out[ascii_lower(line.substr(0, space))] = line[space + 1];
    }
    return out;
}

// data/people/honorifics.txt as tokens key its words (lower case, no final
// period: "Mr." -> "mr"), with the gender each implies.
std::unordered_map<std::string, Gender> honorific_keys() {
    std::unordered_map<std::string, Gender> out;
    for (const auto& h : honorifics()) {
        std::string_view w = h.word;
        if (w.size() > 1 && w.ends_with('.')) w.remove_suffix(1);
        out[ascii_lower(w)] = h.gender;
    }
    return out;
}

// Words of data/people/NAME as tokens key them: lower case, no final period,
// hyphenated words whole; a line's words end at an "of" ("Secretary of State":
// the office's object is no title).
void add_words_of(std::string_view name, std::unordered_set<std::string>& out) {
    for (const auto& line : read_data_list(std::string("people/") + std::string(name))) {
        std::istringstream words(line);
        for (std::string w; words >> w;) {
            w = ascii_lower(w);
            if (w == "of") break;
            if (w.size() > 1 && w.back() == '.') w.pop_back();
            out.insert(std::move(w));
        }
    }
}

// The words written before a speaker's name that are no part of it, from the
// lists of what they are: titles (data/people/titles.txt, the one list the entity
// scan and the model read too), honorifics, one-word parties and their plurals
// ("Republicans"), occupations (role_words.txt) and modifiers ("former").
std::unordered_set<std::string> read_title_words(const std::unordered_set<std::string>& role_words) {
    std::unordered_set<std::string> out = role_words;
    add_words_of("titles.txt", out);
    for (const auto& [word, gender] : honorific_keys()) out.insert(word);
    for (const auto& party : read_data_list("people/party_words.txt")) {
        if (party.find(' ') != std::string::npos) continue;  // "social democrat": not "social"
        out.insert(ascii_lower(party));
        out.insert(ascii_lower(party) + "s");
    }
    const auto modifiers = read_set("title_modifiers.txt");
    out.insert(modifiers.begin(), modifiers.end());
    return out;
}

QuoteLexicon load() {
    QuoteLexicon lex;
    lex.speech_verbs = read_set("speech_verbs.txt");
    lex.pronouns = read_gendered("pronouns.txt");
    lex.honorifics = honorific_keys();
    lex.given_genders = given_name_genders();
    lex.role_words = read_set("role_words.txt");
    lex.title_words = read_title_words(lex.role_words);
    lex.abbreviations = read_set("abbreviations.txt");
    lex.not_names = read_set("not_names.txt");
    lex.opener_words = read_set("opener_words.txt");
    lex.organisation_words = read_set("organisation_words.txt");
    lex.place_words = read_set("place_words.txt");
    lex.skip_words = read_set("skip_words.txt");
    lex.speech_nouns = read_set("speech_nouns.txt");
    read_lines("according_to.txt", [&](const auto& words) {
        const std::string& kind = words.size() > 1 ? words[1] : std::string();
        if (kind == "after") lex.according_to_after.insert(words[0]);
        else if (kind == "after_quote") lex.after_quote_cues.insert(words[0]);
        else lex.according_to.insert(words[0]);
    });
    lex.subject_markers = read_set("subject_markers.txt");
    lex.function_words = read_set("function_words.txt");
    return lex;
}

}  // namespace

bool QuoteLexicon::is_speech_verb(std::string_view w) const {
    return speech_verbs.count(std::string(w)) > 0;
}

bool QuoteLexicon::is_skip_word(std::string_view w) const {
    // Adverbs between subject and verb ("reportedly said") end in -ly.
    return skip_words.count(std::string(w)) > 0 || (w.size() > 4 && w.ends_with("ly"));
}

const QuoteLexicon& quote_lexicon() {
    static const QuoteLexicon lexicon = load();  // C++11 magic static: thread-safe
    return lexicon;
}

}  // namespace newsdesk
