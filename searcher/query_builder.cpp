#include "searcher/query_builder.h"

#include <regex>

#include "common/error.h"
#include "common/language.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/facets.h"

namespace newsdesk {

namespace {

// A boolean filter prefix handled by the facet that owns it (country names to
// codes, names normalised as at index time, dates to Y/M/D terms).
class FacetFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit FacetFieldProcessor(std::string facet) : m_facet(std::move(facet)) {}
    Xapian::Query operator()(const std::string& value) override {
        return facet_filter(m_facet, value);
    }

  private:
    std::string m_facet;
};

// speaker:NAME — one term per word of the name, all required.
class SpeakerFieldProcessor : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override {
        std::vector<Xapian::Query> words;
        for (const auto& w : term_words(value)) words.emplace_back(make_term(prefix::speaker, w));
        if (words.empty()) throw UsageError("speaker: needs a name");
        return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
    }
};

// quote:WORDS. With speaker: in the same query, the words must have been said
// by that speaker (XQS terms, see common/schema.h); otherwise any quote.
class QuoteFieldProcessor : public Xapian::FieldProcessor {
  public:
    QuoteFieldProcessor(std::vector<std::string> speaker_words, unsigned flags)
        : m_speaker_words(std::move(speaker_words)), m_flags(flags) {}

    Xapian::Query operator()(const std::string& value) override {
        if (m_speaker_words.empty()) {
            Xapian::QueryParser qp;
            qp.set_stemmer(query_stemmer());
            qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
            qp.set_default_op(Xapian::Query::OP_AND);
            return qp.parse_query(value, m_flags & ~Xapian::QueryParser::FLAG_WILDCARD, std::string(prefix::quote));
        }
        const Xapian::Stem stem = query_stemmer();
        std::vector<Xapian::Query> all_words;
        for (const auto& word : term_words(value)) {
            std::vector<Xapian::Query> by_speaker;
            for (const auto& sw : m_speaker_words)
                by_speaker.emplace_back(make_term(prefix::speaker_quote, sw + ":" + stem(word)));
            all_words.emplace_back(Xapian::Query::OP_OR, by_speaker.begin(), by_speaker.end());
        }
        return Xapian::Query(Xapian::Query::OP_AND, all_words.begin(), all_words.end());
    }

  private:
    std::vector<std::string> m_speaker_words;
    unsigned m_flags;
};

// The words of every speaker:NAME or speaker:"A NAME" in the query text.
std::vector<std::string> speaker_words_in(const std::string& text) {
    static const std::regex speaker(R"re((?:^|[\s(+])speaker:(?:"([^"]*)"|([^\s()"]+)))re");
    std::vector<std::string> words;
    for (std::sregex_iterator it(text.begin(), text.end(), speaker), end; it != end; ++it) {
        for (auto& w : term_words((*it)[1].matched ? (*it)[1].str() : (*it)[2].str())) words.push_back(std::move(w));
    }
    return words;
}

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE;

// Limits what one wildcard may expand to, so "a*" cannot ask for the whole lexicon.
constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

// Xapian's QueryParser corrects only unprefixed terms, and every free-text word
// here is prefixed, so plain words are checked here: a word found in no
// headline or body is replaced by the index's spelling suggestion, if any.
std::string spelling_correction(const std::string& text, const Xapian::Database& db) {
    std::string corrected;
    bool changed = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto start = text.find_first_not_of(" \t", pos);
        if (start == std::string::npos) {
            corrected.append(text, pos);
            break;
        }
        corrected.append(text, pos, start - pos);
        auto end = text.find_first_of(" \t", start);
        if (end == std::string::npos) end = text.size();
        std::string token = text.substr(start, end - start);
        std::size_t lead = 0;
        while (lead < token.size() && (token[lead] == '+' || token[lead] == '-' || token[lead] == '(' || token[lead] == '"'))
            ++lead;
        std::size_t trail = token.size();
        while (trail > lead && (token[trail - 1] == ')' || token[trail - 1] == '"')) --trail;
        const std::string word = ascii_lower(token.substr(lead, trail - lead));
        const bool plain = word.size() > 2 && word.find_first_of(":*") == std::string::npos && word != "and" &&
                           word != "or" && word != "not";
        if (plain && !db.term_exists(std::string(prefix::body) + word) &&
            !db.term_exists(std::string(prefix::headline) + word)) {
            const std::string suggestion = db.get_spelling_suggestion(word);
            if (!suggestion.empty()) {
                token = token.substr(0, lead) + suggestion + token.substr(trail);
                changed = true;
            }
        }
        corrected += token;
        pos = end;
    }
    return changed ? corrected : std::string();
}

}  // namespace

Xapian::Stem query_stemmer() { return stemmer_for("en"); }

ParsedQuery parse_user_query(const std::string& text, const Xapian::Database& db) {
    if (trim(text).empty()) return {Xapian::Query::MatchAll, {}};
    if (!is_valid_utf8(text)) throw UsageError("query is not valid UTF-8");
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(query_stemmer());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    // Plain words search every free-text field (each is indexed once, under its
    // own prefix); quotes are searched through the body that contains them.
    for (const auto field : {prefix::headline, prefix::body, prefix::caption, prefix::byline})
        qp.add_prefix("", std::string(field));
    qp.add_prefix("headline", std::string(prefix::headline));
    qp.add_prefix("title", std::string(prefix::headline));
    qp.add_prefix("caption", std::string(prefix::caption));
    qp.add_prefix("quote", new QuoteFieldProcessor(speaker_words_in(text), kFlags));
    qp.add_prefix("body", std::string(prefix::body));
    qp.add_prefix("byline", std::string(prefix::byline));
    for (const char* facet : {"source", "country", "expert", "person", "institution"})
        qp.add_boolean_prefix(facet, new FacetFieldProcessor(facet));
    const std::string institution_group = "institution";
    qp.add_boolean_prefix("org", new FacetFieldProcessor("institution"), &institution_group);
    qp.add_boolean_prefix("lang", new FacetFieldProcessor("language"));
    qp.add_boolean_prefix("speaker", new SpeakerFieldProcessor);
    qp.add_rangeprocessor(new Xapian::DateRangeProcessor(slot::date, "date:"));
    qp.add_boolean_prefix("date", new FacetFieldProcessor("date"));
    try {
        ParsedQuery parsed{qp.parse_query(text, kFlags), spelling_correction(text, db)};
        return parsed;
    } catch (const Xapian::QueryParserError& e) {
        throw UsageError("query syntax error: " + e.get_msg());
    }
}

Xapian::Query build_query(const std::string& text, const Xapian::Database& db) {
    return parse_user_query(text, db).query;
}

}  // namespace newsdesk
