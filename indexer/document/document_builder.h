// Article -> Xapian::Document, following common/schema.h.
#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

#include "common/article.h"

namespace newsdesk {

// Builds documents; one per thread (it owns a TermGenerator). Free text is
// stemmed with the article language's stemmer (common/lang/language.h) and CJK text
// indexed as n-grams. With the environment variable NEWSDESK_NO_STEM set (not
// empty, not "0") no stemmed terms are written: for measuring what stemming
// gains (scripts/bench-hindi-stemming); such an index answers only exact forms.
class DocumentBuilder {
  public:
    DocumentBuilder();

    // The document for `article`: positional terms per field (and unprefixed),
    // boolean filter terms, the date values and the JSON record as data. The
    // builder keeps no reference to it, so it may be handed to another thread.
    [[nodiscard]] Xapian::Document build(const Article& article);
    // The same with the data given: stored_record(article).line (common/article.h),
    // when the caller needs the record for more than the document.
    [[nodiscard]] Xapian::Document build(const Article& article, std::string data);

  private:
    void index_field(std::string_view text, std::string_view prefix, Xapian::termcount weight);
    [[nodiscard]] std::string as_indexed(std::string_view text) const;

    [[nodiscard]] static bool no_stemming_requested();

    // The stemmer of an article language (stemmer_for), remembering its stems
    // (indexer/document/stem_cache.h), and whether its text is folded.
    struct LanguageStem {
        Xapian::Stem stem;
        bool fold = true;
    };
    const LanguageStem& stem_for(const std::string& language);
    std::unordered_map<std::string, LanguageStem> m_stems;  // by Article::language

    Xapian::TermGenerator m_termgen;
    bool m_stemming;
    bool m_fold = true;  // this article's text is folded (folds_accents of its stemmer)
};

}  // namespace newsdesk
