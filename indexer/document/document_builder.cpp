#include "indexer/document/document_builder.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>


#include "common/lang/dates.h"
#include "common/lang/language.h"
#include "common/person_key.h"
#include "common/schema.h"
#include "common/unicode_fold.h"
#include "indexer/document/signature.h"
#include "indexer/document/stem_cache.h"

namespace newsdesk {

namespace {

// Every facet value in slot::facets, each behind its facet's tag, and their ids
// in slot::facet_ids.
void add_facet_values(Xapian::Document& doc, const Article& a, std::string_view ymd, std::string_view signature) {
    std::vector<std::string> values;
    const auto add = [&](char tag, std::string_view value) {
        if (!value.empty()) values.push_back(tag + std::string(value));
    };
    add(facet_tag::language, a.language);
    if (a.source) add(facet_tag::source, *a.source);
    add(facet_tag::date, ymd);
    add(facet_tag::copy, signature);  // so the folded count is counted exactly with the facets
    for (const auto& c : a.countries) add(facet_tag::country, c.code);
    for (const auto& e : a.experts) add(facet_tag::expert, e.name);
    for (const auto& p : a.people) add(facet_tag::person, p.name);
    for (const auto& i : a.institutions) add(facet_tag::institution, i.name);
    doc.add_value(slot::facet_ids, encode_id_set(values));
    doc.add_value(slot::facets, encode_set(std::move(values)));
}

// speaker:cha finds articles quoting Cha: one term per word of each speaker's
// name. Quote words are also indexed per speaker surname ("XQScha:option",
// stemmed), so that quote:option speaker:cha means Cha said it, not someone else.
void add_speaker_terms(Xapian::Document& doc, const Article& a, const Xapian::Stem& stem) {
    for (const auto& q : a.quotes) {
        if (!q.speaker) continue;
        const auto speaker_words = term_words(*q.speaker);
        if (speaker_words.empty()) continue;
        for (const auto& sw : speaker_words) doc.add_boolean_term(make_term(prefix::speaker, sw));
        const std::string tie = std::string(prefix::speaker_quote) + speaker_words.back() + ":";
        for (const auto& qw : term_words(q.text)) doc.add_term(tie + stem(qw));
    }
}

}  // namespace

DocumentBuilder::DocumentBuilder() : m_stemming(!no_stemming_requested()) {
    m_termgen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    // Chinese, Japanese and Korean runs become single characters and pairs
    // (Xapian's CJK n-gram mode); other text is indexed as before, so one mode
    // serves every document, and CJK words inside other languages are found too.
    m_termgen.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

const DocumentBuilder::LanguageStem& DocumentBuilder::stem_for(const std::string& language) {
    if (const auto it = m_stems.find(language); it != m_stems.end()) return it->second;
    const Xapian::Stem stem = m_stemming ? stemmer_for(language) : Xapian::Stem("none");
    LanguageStem entry{stem.is_none() ? stem : Xapian::Stem(new CachingStem(stem)), folds_accents(stem)};
    return m_stems.emplace(language, std::move(entry)).first->second;
}

bool DocumentBuilder::no_stemming_requested() {
    const char* value = std::getenv("NEWSDESK_NO_STEM");
    return value && *value && std::string_view(value) != "0";
}

// Accents of Latin letters and compatibility forms folded where the stemmer
// allows (common/lang/language.h, folds_accents), as queries are read: in
// English articles Vazquez finds Vázquez.
std::string DocumentBuilder::as_indexed(std::string_view text) const {
    return m_fold ? fold_for_search(text) : std::string(text);
}

void DocumentBuilder::index_field(std::string_view text, std::string_view prefix, Xapian::termcount weight) {
    if (text.empty()) return;
    // Each field once, under its prefix; plain words search all free-text
    // prefixes at query time (searcher/query_builder.cpp), which halves the
    // postings and positions an article costs.
    m_termgen.index_text(as_indexed(text), weight, std::string(prefix));
    m_termgen.increase_termpos();
}

Xapian::Document DocumentBuilder::build(const Article& a) {
    return build(a, stored_record(a).line);
}

Xapian::Document DocumentBuilder::build(const Article& a, std::string data) {
    Xapian::Document doc;
    m_termgen.set_document(doc);
    // Stemmers keep state, so this builder's are its own, as the builder is its
    // thread's (libstemmer's especially, see common/lang/snowball_stem.h).
    const auto& language_stem = stem_for(a.language);
    const Xapian::Stem& stem = language_stem.stem;
    m_termgen.set_stemmer(stem);
    m_fold = language_stem.fold;

    index_field(a.headline, prefix::headline, kHeadlineWeight);
    for (const auto& name : a.byline) index_field(name, prefix::byline, 1);
    for (const auto& caption : a.captions) index_field(caption.text, prefix::caption, kCaptionWeight);
    for (const auto& quote : a.quotes) m_termgen.index_text(as_indexed(quote.text), 1, std::string(prefix::quote));
    m_termgen.increase_termpos();
    // Quote text is also part of the body, which is what plain words search.
    index_field(a.body, prefix::body, 1);

    doc.add_boolean_term(id_term(a.id));
    doc.add_boolean_term(make_term(prefix::language, a.language));
    if (a.source) {
        const auto source = normalise_term_value(*a.source);
        if (!source.empty()) doc.add_boolean_term(make_term(prefix::source, source));
    }
    std::string ymd;
    if (a.date && a.date->size() == 10) {
        ymd = a.date->substr(0, 4) + a.date->substr(5, 2) + a.date->substr(8, 2);
        doc.add_boolean_term(make_term(prefix::year, ymd.substr(0, 4)));
        doc.add_boolean_term(make_term(prefix::month, ymd.substr(0, 6)));
        doc.add_boolean_term(make_term(prefix::day, ymd));
        doc.add_value(slot::date, ymd);
        const double days = days_since_epoch(*a.date).value_or(0.0);
        doc.add_value(slot::recency,
                      Xapian::sortable_serialise(std::exp2((days - kRecencyEpochDays) / kRecencyHalfLifeDays)));
    }
    const auto signature = near_duplicate_signature(a.body);
    add_facet_values(doc, a, ymd, signature);
    doc.add_value(slot::tiebreak, tiebreak_value(ymd, id_term(a.id)));
    add_speaker_terms(doc, a, stem);
    if (!signature.empty()) {
        doc.add_value(slot::collapse, signature);
        doc.add_boolean_term(std::string(prefix::duplicate) + signature);
    }
    // One term per person however the name was written (common/person_key.h).
    for (const auto& e : a.experts) doc.add_boolean_term(make_term(prefix::expert, person_key(e.name)));
    for (const auto& p : a.people) doc.add_boolean_term(make_term(prefix::person, person_key(p.name)));
    for (const auto& i : a.institutions) {
        doc.add_boolean_term(make_term(prefix::institution, normalise_term_value(i.name)));
        if (i.acronym) doc.add_boolean_term(make_term(prefix::institution, normalise_term_value(*i.acronym)));
    }
    for (const auto& c : a.countries) doc.add_boolean_term(make_term(prefix::country, normalise_term_value(c.code)));

    doc.set_data(data);
    // The document leaves this thread (a write lane adds it to a database), so
    // the TermGenerator must not keep a reference to it: Xapian's handles count
    // references without atomics, and the next set_document() here dropping the
    // old one while the lane's replace_document() copies it corrupted the count
    // (a crash or hang building a database from many small files).
    m_termgen.set_document(Xapian::Document());
    return doc;
}

}  // namespace newsdesk
