// Capitals that only open a sentence: "Across town, ...", "Hastily politicizing
// the tragedy ..., Trump cast", "Filling in for Sanders ..., West landed" make no
// name, so extract_quotes reads them in lower case before it looks for speakers.
#pragma once

#include <vector>

#include "common/article.h"
#include "indexer/extract/quote_tokens.h"

namespace newsdesk {

// Lowers the capital of a sentence's first word (outside quotes) when no
// capitalised word follows it (nor a role word and a name: "Band member Flea"),
// it is no title, speech verb, pronoun or honorific, no word of a person the
// article names (`people`, from extract_entities) nor a given name, and the
// article writes it in lower case more often than it capitalises it inside a
// sentence, or it ends in -ly/-ing and is never capitalised inside one, or it
// is one of data/quotes/opener_words.txt.
void lower_sentence_openers(std::vector<Paragraph>& paragraphs, const std::vector<Person>& people,
                            const QuoteLexicon& lex);

}  // namespace newsdesk
