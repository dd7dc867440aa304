#include "indexer/document_builder.h"

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "common/language.h"
#include "common/schema.h"

namespace newsdesk {

namespace {

// Days since 1970-01-01 for "YYYY-MM-DD" (proleptic Gregorian).
double days_since_epoch(const std::string& iso) {
    const int y = std::stoi(iso.substr(0, 4));
    const unsigned m = std::stoul(iso.substr(5, 2));
    const unsigned d = std::stoul(iso.substr(8, 2));
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

}  // namespace

DocumentBuilder::DocumentBuilder() {
    m_termgen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

void DocumentBuilder::index_field(std::string_view text, std::string_view prefix, Xapian::termcount weight) {
    if (text.empty()) return;
    m_termgen.index_text(std::string(text), weight, std::string(prefix));
    m_termgen.increase_termpos();
    m_termgen.index_text(std::string(text), weight);
    m_termgen.increase_termpos();
}

Xapian::Document DocumentBuilder::build(const Article& a) {
    Xapian::Document doc;
    m_termgen.set_document(doc);
    m_termgen.set_stemmer(stemmer_for(a.language));

    index_field(a.headline, prefix::headline, kHeadlineWeight);
    for (const auto& name : a.byline) index_field(name, prefix::byline, 1);
    for (const auto& caption : a.captions) index_field(caption.text, prefix::caption, kCaptionWeight);
    for (const auto& quote : a.quotes) m_termgen.index_text(quote.text, 1, std::string(prefix::quote));
    m_termgen.increase_termpos();
    // Quote text is part of the body, so the unprefixed free text comes from the body.
    index_field(a.body, prefix::body, 1);

    doc.add_boolean_term(id_term(a.id));
    doc.add_boolean_term(make_term(prefix::language, a.language));
    if (a.source) {
        const auto source = normalise_term_value(*a.source);
        if (!source.empty()) doc.add_boolean_term(make_term(prefix::source, source));
    }
    if (a.date && a.date->size() == 10) {
        const std::string ymd = a.date->substr(0, 4) + a.date->substr(5, 2) + a.date->substr(8, 2);
        doc.add_boolean_term(make_term(prefix::year, ymd.substr(0, 4)));
        doc.add_boolean_term(make_term(prefix::month, ymd.substr(0, 6)));
        doc.add_boolean_term(make_term(prefix::day, ymd));
        doc.add_value(slot::date, ymd);
        doc.add_value(slot::timestamp, Xapian::sortable_serialise(days_since_epoch(*a.date)));
    }
    for (const auto& e : a.experts) doc.add_boolean_term(make_term(prefix::expert, normalise_term_value(e.name)));
    for (const auto& p : a.people) doc.add_boolean_term(make_term(prefix::person, normalise_term_value(p.name)));
    for (const auto& i : a.institutions) {
        doc.add_boolean_term(make_term(prefix::institution, normalise_term_value(i.name)));
        if (i.acronym) doc.add_boolean_term(make_term(prefix::institution, normalise_term_value(*i.acronym)));
    }
    for (const auto& c : a.countries) doc.add_boolean_term(make_term(prefix::country, normalise_term_value(c.code)));

    doc.set_data(to_json(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return doc;
}

}  // namespace newsdesk
