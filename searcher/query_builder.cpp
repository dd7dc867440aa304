#include "searcher/query_builder.h"

#include "common/error.h"
#include "common/language.h"
#include "common/schema.h"
#include "common/text.h"

namespace newsdesk {

namespace {

// "source:" and similar filters: the value normalised like the indexed term.
class NormalisedFilter : public Xapian::FieldProcessor {
  public:
    explicit NormalisedFilter(std::string_view prefix) : m_prefix(prefix) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(make_term(m_prefix, normalise_term_value(value)));
    }

  private:
    std::string m_prefix;
};

// "date:2024", "date:2024-06", "date:2024-06-21": the year, month or day term.
class DateFilter : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override {
        std::string digits;
        for (char c : value)
            if (c >= '0' && c <= '9') digits += c;
            else if (c != '-' && c != '/') throw UsageError("date: expects YYYY, YYYY-MM, YYYY-MM-DD or A..B, not '" + value + "'");
        switch (digits.size()) {
            case 4: return Xapian::Query(make_term(prefix::year, digits));
            case 6: return Xapian::Query(make_term(prefix::month, digits));
            case 8: return Xapian::Query(make_term(prefix::day, digits));
            default: throw UsageError("date: expects YYYY, YYYY-MM, YYYY-MM-DD or A..B, not '" + value + "'");
        }
    }
};

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE;

// Limits what one wildcard may expand to, so "a*" cannot ask for the whole lexicon.
constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

}  // namespace

Xapian::Stem query_stemmer() { return stemmer_for("en"); }

Xapian::Query build_query(const std::string& text, const Xapian::Database& db) {
    if (trim(text).empty()) return Xapian::Query::MatchAll;
    if (!is_valid_utf8(text)) throw UsageError("query is not valid UTF-8");
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(query_stemmer());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    qp.add_prefix("headline", std::string(prefix::headline));
    qp.add_prefix("title", std::string(prefix::headline));
    qp.add_prefix("caption", std::string(prefix::caption));
    qp.add_prefix("quote", std::string(prefix::quote));
    qp.add_prefix("body", std::string(prefix::body));
    qp.add_prefix("byline", std::string(prefix::byline));
    qp.add_boolean_prefix("source", new NormalisedFilter(prefix::source));
    qp.add_boolean_prefix("lang", new NormalisedFilter(prefix::language));
    qp.add_rangeprocessor(new Xapian::DateRangeProcessor(slot::date, "date:"));
    qp.add_boolean_prefix("date", new DateFilter);
    try {
        return qp.parse_query(text, kFlags);
    } catch (const Xapian::QueryParserError& e) {
        throw UsageError("query syntax error: " + e.get_msg());
    }
}

}  // namespace newsdesk
