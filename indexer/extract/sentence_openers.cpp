#include "indexer/extract/sentence_openers.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/lang/countries.h"
#include "common/text.h"
#include "indexer/extract/entity_lexicon.h"
#include "indexer/extract/names.h"
#include "indexer/extract/speakers.h"

namespace newsdesk {

namespace {

// Tokens outside quotes that open a sentence: after its end, a closing quote
// that ends one, or the paragraph's start.
std::vector<int> sentence_openers(const Paragraph& p) {
    std::vector<int> out;
    bool open = true;
    for (int k = 0; k < static_cast<int>(p.tokens.size()); ++k) {
        const Token& t = p.tokens[k];
        if (t.kind == TokenKind::word) {
            if (open && t.quote < 0) out.push_back(k);
            open = false;
        } else if (ends_sentence(t) || (t.quote >= 0 && p.quotes[t.quote].close == k)) {
            open = true;
        }
    }
    return out;
}

}  // namespace

void lower_sentence_openers(std::vector<Paragraph>& paragraphs, const std::vector<Person>& people,
                            const QuoteLexicon& lex) {
    const auto name_words = entities::name_word_keys(people);
    // The candidates first (few per article), so that only their words are counted.
    const auto& entity_lexicon = entities::Lexicon::instance();
    std::vector<Token*> candidates;
    std::unordered_map<std::string, std::pair<int, int>> counts;  // lower case, capitalised mid-sentence
    for (auto& p : paragraphs) {
        const int n = static_cast<int>(p.tokens.size());
        for (const int k : sentence_openers(p)) {
            Token& t = p.tokens[k];
            if (!name_word(t, lex)) continue;  // "But", "As": the rules know them already
            // "Rose Kennedy", "Band member Flea", "Campaign chair Paul Manafort"; not
            // "Video captured Trump".
            auto capital = [&](int m) {
                return m < n && p.tokens[m].kind == TokenKind::word && p.tokens[m].capitalised;
            };
            const bool role = k + 1 < n && (lex.title_words.count(p.tokens[k + 1].key) ||
                                            lex.role_words.count(p.tokens[k + 1].key));
            if (capital(k + 1) || (role && capital(k + 2))) continue;
            // "Mayor de Blasio": a title opens a name, it is never one itself.
            if (lex.title_words.count(t.key) || lex.role_words.count(t.key)) continue;
            const std::string key = lookup_key(t.text);
            // "Calling it “…”, Anna Franowska said": a speech verb stays as the rules read it.
            if (name_words.count(key) || entity_lexicon.given_name(key) || lex.honorifics.count(t.key) ||
                lex.pronouns.count(t.key) || lex.is_speech_verb(t.key))
                continue;
            candidates.push_back(&t);
            counts.try_emplace(t.key, 0, 0);
        }
    }
    if (candidates.empty()) return;
    for (const auto& p : paragraphs) {
        bool initial = true;  // quotes too: "“Often, ..."
        for (const Token& t : p.tokens) {
            if (t.kind != TokenKind::word) {
                initial = initial || t.kind == TokenKind::mark || t.text == "." || t.text == "!" ||
                          t.text == "?" || t.text == ":" || is_dash(t);
                continue;
            }
            if (!(initial && t.capitalised))
                if (const auto c = counts.find(t.key); c != counts.end())
                    (t.capitalised ? c->second.second : c->second.first) += 1;
            initial = false;
        }
    }
    // Evidence is needed: the word in lower case elsewhere, or an adverb's or
    // participle's ending ("Hastily", "Filling") never capitalised inside a sentence.
    for (Token* t : candidates) {
        const auto [lower, capitalised] = counts.at(t->key);
        const bool ending = t->key.size() > 5 && (t->key.ends_with("ly") || t->key.ends_with("ing"));
        if (lower > capitalised || (ending && capitalised == 0) || lex.opener_words.count(t->key))
            t->capitalised = false;
    }
}

}  // namespace newsdesk
