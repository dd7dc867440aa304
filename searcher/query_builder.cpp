#include "searcher/query_builder.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <regex>
#include <set>

#include "common/error.h"
#include "common/lang/language.h"
#include "common/lang/stopwords.h"
#include "common/person_key.h"
#include "common/schema.h"
#include "common/text.h"
#include "common/unicode_fold.h"
#include "searcher/country_words.h"
#include "searcher/facets.h"
#include "searcher/language_terms.h"
#include "searcher/name_filter.h"
#include "searcher/proximity.h"

namespace newsdesk {

namespace {

// A boolean filter prefix handled by the facet that owns it (country names to
// codes, names normalised as at index time, dates to Y/M/D terms). A typed
// name of a person, expert or institution matches by its parts (name_filter).
class FacetFieldProcessor : public Xapian::FieldProcessor {
  public:
    FacetFieldProcessor(std::string facet, const Xapian::Database& db) : m_facet(std::move(facet)), m_db(db) {}
    Xapian::Query operator()(const std::string& value) override {
        const FacetSpec* spec = find_facet(m_facet);
        if (spec && (spec->name == "person" || spec->name == "expert"))
            return name_filter(m_db, spec->filter_prefix, person_key(value), true);
        if (spec && spec->name == "institution")
            return name_filter(m_db, spec->filter_prefix, normalise_term_value(value), false);
        return facet_filter(m_facet, value);
    }

  private:
    std::string m_facet;
    const Xapian::Database& m_db;
};

// date:FROM..TO with years, months or days at either end (date_span).
class DateSpanProcessor : public Xapian::RangeProcessor {
  public:
    DateSpanProcessor() : Xapian::RangeProcessor(slot::date, "date:") {}
    Xapian::Query operator()(const std::string& from, const std::string& to) override { return date_span(from, to); }
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
    QuoteFieldProcessor(std::vector<std::string> speaker_words, unsigned flags, Xapian::Stem stem)
        : m_speaker_words(std::move(speaker_words)), m_flags(flags), m_stem(std::move(stem)) {}

    Xapian::Query operator()(const std::string& value) override {
        if (m_speaker_words.empty()) {
            Xapian::QueryParser qp;
            qp.set_stemmer(m_stem);
            qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
            qp.set_default_op(Xapian::Query::OP_AND);
            return qp.parse_query(value, m_flags & ~Xapian::QueryParser::FLAG_WILDCARD, std::string(prefix::quote));
        }
        std::vector<Xapian::Query> all_words;
        for (const auto& word : term_words(value)) {
            std::vector<Xapian::Query> by_speaker;
            for (const auto& sw : m_speaker_words)
                by_speaker.emplace_back(make_term(prefix::speaker_quote, sw + ":" + m_stem(word)));
            all_words.emplace_back(Xapian::Query::OP_OR, by_speaker.begin(), by_speaker.end());
        }
        return Xapian::Query(Xapian::Query::OP_AND, all_words.begin(), all_words.end());
    }

  private:
    std::vector<std::string> m_speaker_words;
    unsigned m_flags;
    Xapian::Stem m_stem;
};

// The words of every speaker:NAME or speaker:"A NAME" in the query text.
std::vector<std::string> speaker_words_in(const std::string& text) {
    // Compiling the pattern costs more than parsing a whole query: only when it can match.
    if (text.find("speaker:") == std::string::npos) return {};
    static const std::regex speaker(R"re((?:^|[\s(+])speaker:(?:"([^"]*)"|([^\s()"]+)))re");
    std::vector<std::string> words;
    for (std::sregex_iterator it(text.begin(), text.end(), speaker), end; it != end; ++it) {
        for (auto& w : term_words((*it)[1].matched ? (*it)[1].str() : (*it)[2].str())) words.push_back(std::move(w));
    }
    return words;
}

// The language codes of every lang:CODE in the query text that is not negated
// (-lang:de, NOT lang:de).
std::vector<std::string> lang_values_in(const std::string& text) {
    if (text.find("lang:") == std::string::npos) return {};
    static const std::regex lang(R"re((^|[\s(+])lang:(?:"([^"]*)"|([^\s()"]+)))re");
    static const std::regex negated(R"re((^|[\s(])NOT\s+$)re");
    std::vector<std::string> codes;
    for (std::sregex_iterator it(text.begin(), text.end(), lang), end; it != end; ++it) {
        if (std::regex_search(it->prefix().str() + (*it)[1].str(), negated)) continue;
        const auto code = primary_language(normalise_term_value((*it)[2].matched ? (*it)[2].str() : (*it)[3].str()));
        if (!code.empty()) codes.push_back(code);
    }
    return codes;
}

// The language codes of the index's articles (their L terms). An index without
// any is taken as English, the model's default (common/article.h).
std::vector<std::string> index_languages(const Xapian::Database& db) {
    std::vector<std::string> codes;
    for (const auto& l : language_terms(db)) codes.push_back(l.term.substr(prefix::language.size()));
    if (codes.empty()) codes.emplace_back("en");
    return codes;
}

// The scripts of the free-text words of `query`.
std::set<std::string> word_scripts(const Xapian::Query& query) {
    std::set<std::string> scripts;
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
        if (auto script = script_of(free_text_word(*t)); !script.empty()) scripts.insert(std::move(script));
    }
    return scripts;
}

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;

// The wildcards of `text`: each '*' that ends a word ("diplom*"), as Xapian's
// QueryParser reads one. A '*' inside a word or a phrase counts too: the count
// only sets a budget, and erring high makes it smaller, never larger.
std::size_t wildcards_in(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 1; i < text.size(); ++i)
        if (text[i] == '*' && std::string_view(" \t()\"+-*").find(text[i - 1]) == std::string_view::npos)
            ++n;
    return n;
}

// The query as read with one stemmer, each wildcard expanding to at most
// `expansion` terms a field. Each processor is handed over with release(), so
// the QueryParser owns and deletes it (a bare `new` leaks).
// A stopword typed in capitals is an acronym, not a function word: "WHO",
// "US", "IT". Xapian hands the stopper lower-cased words, so the query's
// all-capital words (two letters or more) are noted first and never stopped.
class AcronymKeepingStopper : public Xapian::Stopper {
  public:
    AcronymKeepingStopper(const Xapian::Stopper* inner, const std::string& text) : m_inner(inner) {
        std::string word;
        bool capitals = true;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            const char c = i < text.size() ? text[i] : ' ';
            if (std::isalpha(static_cast<unsigned char>(c))) {
                word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                capitals = capitals && std::isupper(static_cast<unsigned char>(c));
                continue;
            }
            // Boolean operators left as words (a query Xapian could not parse
            // with them) are not acronyms.
            static const std::set<std::string> operators{"and", "or", "not", "xor", "near", "adj"};
            if (word.size() >= 2 && capitals && !operators.count(word)) m_acronyms.insert(word);
            word.clear();
            capitals = true;
        }
    }
    bool operator()(const std::string& word) const override {
        return m_inner && !m_acronyms.count(word) && (*m_inner)(word);
    }

  private:
    const Xapian::Stopper* m_inner;
    std::set<std::string> m_acronyms;
};

// A QueryParser set up for `text` with one stemmer, kept to read the text
// twice: its words all required, and any of them (read_words asks for both;
// setting a parser up costs more than a parse).
class Reader {
  public:
    Reader(std::string text, const Xapian::Database& db, const Xapian::Stem& stem,
           std::unique_ptr<Xapian::Stopper> stopper, Xapian::termcount expansion)
        : m_text(std::move(text)), m_stopper(std::move(stopper)), m_acronyms_kept(m_stopper.get(), m_text) {
        m_qp.set_database(db);
        m_qp.set_stemmer(stem);
        m_qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        // Stopwords are dropped outside phrases; "+the" and "the" alone are kept,
        // and so are acronyms ("WHO").
        m_qp.set_stopper(m_stopper ? &m_acronyms_kept : nullptr);
        m_qp.set_max_expansion(expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        add_fields(m_qp, m_text, db, stem);
    }
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    // The query as read with `default_op` between words without an operator.
    Xapian::Query read(Xapian::Query::op default_op) {
        m_qp.set_default_op(default_op);
        return m_qp.parse_query(m_text, kFlags);
    }

  private:
    // The free-text fields and the filters a query can name. Each processor is
    // handed over with release(), so the QueryParser owns and deletes it (a
    // bare `new` leaks).
    static void add_fields(Xapian::QueryParser& qp, const std::string& text, const Xapian::Database& db,
                           const Xapian::Stem& stem) {
        // Plain words search every free-text field (each is indexed once, under its
        // own prefix); quotes are searched through the body that contains them.
        for (const auto field : {prefix::headline, prefix::body, prefix::caption, prefix::byline})
            qp.add_prefix("", std::string(field));
        // The date range is read wherever ".." stands (a range no processor takes is an error).
        qp.add_rangeprocessor((new DateSpanProcessor)->release());
        // A field is looked up only where the text names one ("country:KP"): a
        // text without a colon names none, and setting them all up cost more
        // than parsing a word.
        if (text.find(':') == std::string::npos) return;
        qp.add_prefix("headline", std::string(prefix::headline));
        qp.add_prefix("title", std::string(prefix::headline));
        qp.add_prefix("caption", std::string(prefix::caption));
        qp.add_prefix("quote", (new QuoteFieldProcessor(speaker_words_in(text), kFlags, stem))->release());
        qp.add_prefix("body", std::string(prefix::body));
        qp.add_prefix("byline", std::string(prefix::byline));
        for (const char* facet : {"source", "country", "expert", "person", "institution"})
            qp.add_boolean_prefix(facet, (new FacetFieldProcessor(facet, db))->release());
        const std::string institution_group = "institution";
        qp.add_boolean_prefix("org", (new FacetFieldProcessor("institution", db))->release(), &institution_group);
        qp.add_boolean_prefix("lang", (new FacetFieldProcessor("language", db))->release());
        qp.add_boolean_prefix("speaker", (new SpeakerFieldProcessor)->release());
        // date:A..B is the range processor's (date_span; date_range() builds the
        // same without text), date:2024-06 the facet's.
        qp.add_boolean_prefix("date", (new FacetFieldProcessor("date", db))->release());
    }

    std::string m_text;
    std::unique_ptr<Xapian::Stopper> m_stopper;
    AcronymKeepingStopper m_acronyms_kept;
    Xapian::QueryParser m_qp;
};

// Xapian's QueryParser leaves a word with a capital letter unstemmed, taking it
// for a proper noun. German writes every noun with a capital, so its reading
// lower-cases the query first ("Regierungen" is stemmed like "regierungen");
// filter values and operators are case-insensitive anyway.
bool capitalises_nouns(std::string_view language) { return language == "de"; }

// `text` lower-cased but for its operators (AND, OR, NOT... in capitals are
// operators, in lower case words).
std::string lower_words(const std::string& text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto start = text.find_first_not_of(" \t", pos);
        out.append(text, pos, (start == std::string::npos ? text.size() : start) - pos);
        if (start == std::string::npos) break;
        auto end = text.find_first_of(" \t", start);
        if (end == std::string::npos) end = text.size();
        const std::string token = text.substr(start, end - start);
        const auto bare = token.substr(token.find_first_not_of('('));
        const bool op = bare == "AND" || bare == "OR" || bare == "NOT" || bare == "XOR" || bare == "NEAR" ||
                        bare == "ADJ" || bare.starts_with("NEAR/") || bare.starts_with("ADJ/");
        out += op ? token : Xapian::Unicode::tolower(token);
        pos = end;
    }
    return out;
}

// The branches of docs/schema.md, "Languages at query time": one per stemmer
// of a language whose script fits a query word, one for exact forms; each
// with the words all required (`all`) and any of them (`any`), in the same order.
struct Readings {
    std::vector<QueryBranch> all, any;
};

Readings read_in_languages(const std::string& text, const std::string& accented, const Xapian::Database& db,
                           const std::vector<std::string>& languages, Xapian::termcount expansion) {
    const Xapian::Stem none("none");
    // The exact forms serve every language without a reading of its own.
    Reader exact_reader(text, db, none, std::make_unique<AnyLanguageStopper>(languages), expansion);
    QueryBranch exact{{}, none, exact_reader.read(Xapian::Query::OP_AND)};
    const auto scripts = word_scripts(exact.query);
    std::vector<QueryBranch> branches;
    std::vector<std::unique_ptr<Reader>> readers;  // branches[i]'s
    for (const auto& code : languages) {
        const bool fits = std::any_of(scripts.begin(), scripts.end(),
                                      [&](const std::string& script) { return script_fits(script, code); });
        Xapian::Stem stem = fits ? stemmer_for(code) : none;
        if (!fits || stem.get_description() == none.get_description()) {
            exact.languages.push_back(code);
            continue;
        }
        auto same = std::find_if(branches.begin(), branches.end(), [&](const QueryBranch& b) {
            return b.stem.get_description() == stem.get_description();
        });
        if (same != branches.end()) {
            same->languages.push_back(code);
            continue;
        }
        // Accents stay where the stemmer reads them (folds_accents).
        const std::string& as_typed = folds_accents(stem) ? text : accented;
        // The stopper is read only if the parser asks about a word.
        readers.push_back(std::make_unique<Reader>(capitalises_nouns(code) ? lower_words(as_typed) : as_typed, db, stem,
                                                   std::make_unique<AnyLanguageStopper>(std::vector<std::string>{code}),
                                                   expansion));
        Xapian::Query query = readers.back()->read(Xapian::Query::OP_AND);
        branches.push_back({{code}, std::move(stem), std::move(query)});
    }
    // The second reading parses in the first's order (a name filter notes its
    // expansions as it is parsed: searcher/name_filter.h).
    Readings readings;
    QueryBranch exact_any{exact.languages, none, exact_reader.read(Xapian::Query::OP_OR)};
    for (std::size_t i = 0; i < branches.size(); ++i)
        readings.any.push_back({branches[i].languages, branches[i].stem, readers[i]->read(Xapian::Query::OP_OR)});
    readings.all = std::move(branches);
    if (!exact.languages.empty() || readings.all.empty()) {
        readings.all.push_back(std::move(exact));
        readings.any.push_back(std::move(exact_any));
    }
    return readings;
}

// Each branch's query in its serialised form, to tell branches that read the
// query alike: every operator, term, wqf, position and parameter, as a
// description names them (a description also spells each weight factor out
// in 20 digits, and cost a two-word query about 0.1M instructions more).
std::vector<std::string> forms_of(const std::vector<QueryBranch>& branches) {
    std::vector<std::string> out;
    for (const auto& b : branches) out.push_back(b.query.serialise());
    return out;
}

// The branches ORed, each restricted to its languages' articles (branches that
// read the query alike share one restriction); the query itself when all read
// it alike. `known` is forms_of(branches), when known.
Xapian::Query combine(const std::vector<QueryBranch>& branches, const std::vector<std::string>& known = {}) {
    std::vector<std::pair<Xapian::Query, std::vector<Xapian::Query>>> readings;  // query, its L terms
    std::vector<std::string> forms;
    for (std::size_t i = 0; i < branches.size(); ++i) {
        const QueryBranch& b = branches[i];
        const auto form = i < known.size() ? known[i] : b.query.serialise();
        auto same = std::find(forms.begin(), forms.end(), form);
        if (same == forms.end()) {
            forms.push_back(form);
            readings.push_back({b.query, {}});
            same = forms.end() - 1;
        }
        auto& terms = readings[static_cast<std::size_t>(same - forms.begin())].second;
        for (const auto& code : b.languages) terms.emplace_back(make_term(prefix::language, code));
    }
    if (readings.size() == 1) return readings.front().first;
    std::vector<Xapian::Query> restricted;
    for (const auto& [query, terms] : readings)
        restricted.emplace_back(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    return Xapian::Query(Xapian::Query::OP_OR, restricted.begin(), restricted.end());
}

// The most distinct free-text words one reading of the query holds (each
// reading has one form of a word, its stem or its exact form).
std::size_t count_words(const std::vector<QueryBranch>& branches) {
    std::size_t most = 0;
    for (const auto& branch : branches) {
        std::set<std::string> words;
        for (auto t = branch.query.get_terms_begin(); t != branch.query.get_terms_end(); ++t)
            if (auto word = free_text_word(*t); !word.empty()) words.insert(std::move(word));
        most = std::max(most, words.size());
    }
    return most;
}

// The branches of `text`, its words read as all of them or as any of them
// (kKeywordQueryWords; `any_word` says which, `words` counts them) among the articles `filter`
// (if not empty) lets through; the filter itself is applied by the caller.
// `forms` receives forms_of the branches returned when they are the
// readings' own (the words all required), else nothing.
std::vector<QueryBranch> read_words(const std::string& text, const Xapian::Database& db,
                                    const std::vector<std::string>& codes, const Xapian::Query& filter,
                                    Xapian::termcount expansion, bool& any_word, std::size_t& words,
                                    std::vector<std::string>& forms, PairLookup lookup, WordsReading reading,
                                    bool& uncounted) {
    // `text` folded (fold_for_search) and with its accents (quotes made ASCII).
    const std::string folded = fold_for_search(text), accented = ascii_quotes(text);
    auto [all, any] = read_in_languages(folded, accented, db, codes, expansion);
    const auto all_forms = forms_of(all), any_forms = forms_of(any);
    const Xapian::Query all_query = combine(all, all_forms), any_query = combine(any, any_forms);
    // Operators between every word (or one word): nothing to choose. Branches
    // alike one by one (one word) combine alike, with no need to compare both.
    const bool alike = all_forms == any_forms &&
                       std::equal(all.begin(), all.end(), any.begin(), any.end(),
                                  [](const QueryBranch& a, const QueryBranch& b) { return a.languages == b.languages; });
    any_word = !alike && any_query.serialise() != all_query.serialise();
    words = count_words(any);
    if (any_word && words <= kKeywordQueryWords) {
        if (reading == WordsReading::count)
            any_word = !matches_at_least(
                db, filter.empty() ? all_query : Xapian::Query(Xapian::Query::OP_FILTER, all_query, filter),
                kEnoughMatches);
        else if (reading == WordsReading::all_uncounted)
            any_word = false, uncounted = all.size() == any.size();
    }
    if (!any_word || all.size() != any.size()) {
        any_word = false;
        forms = all_forms;
        return all;
    }
    const Xapian::Query near = is_plain_words(folded) ? word_pairs_near(folded, codes, kProximityWindow, db, lookup) : Xapian::Query();
    for (std::size_t i = 0; i < any.size(); ++i) {
        any[i].query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, any[i].query,
                                     Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all[i].query, kAllWordsBoost));
        if (!near.empty())
            any[i].query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, any[i].query,
                                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, near, kProximityWeight));
    }
    return any;
}

}  // namespace

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
        // CJK text is indexed as n-grams, so a CJK word is never a term to correct.
        const bool plain = word.size() > 2 && word.find_first_of(":*") == std::string::npos && word != "and" &&
                           word != "or" && word != "not" && !has_cjk(word);
        // A word the index holds, as typed or folded as indexed ("Agnes" for
        // Agnès), is never changed.
        const auto held = [&db](const std::string& form) {
            return db.term_exists(std::string(prefix::body) + form) || db.term_exists(std::string(prefix::headline) + form);
        };
        if (plain && !held(word) && !held(fold_for_search(word))) {
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

bool matches_at_least(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount n) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, n).get_matches_lower_bound() >= n;
}

std::string free_text_word(std::string_view term) {
    if (term.starts_with('Z')) term.remove_prefix(1);
    if (term.starts_with(prefix::speaker_quote)) {
        const auto colon = term.find(':');
        return colon == std::string_view::npos ? std::string() : std::string(term.substr(colon + 1));
    }
    for (const auto p : {prefix::caption, prefix::quote, prefix::body, prefix::headline, prefix::byline}) {
        if (!term.starts_with(p)) continue;
        // Free-text values are lower case; an upper-case letter means a longer prefix.
        const auto rest = term.substr(p.size());
        if (!rest.empty() && rest[0] >= 'A' && rest[0] <= 'Z') continue;
        return std::string(rest);
    }
    return {};
}

const QueryBranch& ParsedQuery::branch_for(std::string_view language) const {
    const QueryBranch* exact = nullptr;
    for (const auto& b : branches) {
        if (std::find(b.languages.begin(), b.languages.end(), language) != b.languages.end()) return b;
        if (b.stem.get_description() == Xapian::Stem("none").get_description()) exact = &b;
    }
    return exact ? *exact : branches.front();
}

ParsedQuery parse_user_query(const std::string& raw, const Xapian::Database& db,
                             const std::vector<std::string>& languages, const Xapian::Query& filter,
                             PairLookup lookup, WordsReading reading) {
    if (trim(raw).empty()) {
        // As the parser reads a query of filters alone: the filter, unweighted.
        const Xapian::Query all = filter.empty() ? Xapian::Query::MatchAll : filter;
        return {all, {}, false, 0, {{{}, Xapian::Stem("none"), all}}};
    }
    if (!is_valid_utf8(raw)) throw UsageError("query is not valid UTF-8");
    // Typographic quotes read as ASCII ones (a pasted “defence pact” is a
    // phrase); each reading folds accents as its language's text was indexed.
    const std::string text = ascii_quotes(raw);
    // Each wildcard reads every term of its prefix and opens a posting list for
    // each term it keeps, and its budget is per wildcard: 160 "a*" (480 bytes)
    // took the page's whole time limit. So their number is capped and they
    // share one budget.
    const std::size_t wildcards = wildcards_in(text);
    if (wildcards > kMaxWildcards)
        throw UsageError("too many wildcards (at most " + std::to_string(kMaxWildcards) +
                         " words ending in *)");
    const auto expansion =
        static_cast<Xapian::termcount>(kMaxWildcardExpansion / std::max<std::size_t>(wildcards, 1));
    // A language filter decides the stemmer; otherwise the index's languages do.
    std::vector<std::string> codes;
    for (const auto& l : languages)
        if (auto code = primary_language(l); !code.empty()) codes.push_back(std::move(code));
    for (auto& code : lang_values_in(text)) codes.push_back(std::move(code));
    if (codes.empty()) codes = index_languages(db);
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    try {
        ParsedQuery parsed;
        expansions().clear();
        std::vector<std::string> forms;
        parsed.branches =
            read_words(text, db, codes, filter, expansion, parsed.any_word, parsed.words, forms, lookup, reading,
                       parsed.all_words_uncounted);
        // Each reading is filtered before the branches are combined, as a filter in
        // the text is: the same matches, whichever way the filter was given.
        if (!filter.empty()) {
            for (auto& branch : parsed.branches)
                branch.query = Xapian::Query(Xapian::Query::OP_FILTER, branch.query, filter);
            forms.clear();
        }
        parsed.query = fullest_names_first(combine(parsed.branches, forms));
        // "Türkiye" where the articles say Turkey: a word no article holds, so
        // the query means the country's articles holding the other words
        // (searcher/country_words.h).
        if (const auto countries = unindexed_country_names(text, db, codes); !countries.codes.empty()) {
            std::vector<Xapian::Query> about;
            for (const auto& code : countries.codes)
                about.emplace_back(make_term(prefix::country, normalise_term_value(code)));
            Xapian::Query country(Xapian::Query::OP_AND, about.begin(), about.end());
            if (!filter.empty()) country = Xapian::Query(Xapian::Query::OP_FILTER, country, filter);
            if (countries.rest.empty())
                return {Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, country, 0), {}, false, 0,
                        {{{}, Xapian::Stem("none"), country}}};
            ParsedQuery rest = parse_user_query(countries.rest, db, languages, country, lookup, reading);
            rest.correctable.clear();  // no spelling suggestion for a country's name
            return rest;
        }
        parsed.correctable = text;
        return parsed;
    } catch (const Xapian::QueryParserError& e) {
        throw UsageError("query syntax error: " + e.get_msg());
    }
}

Xapian::Query build_query(const std::string& text, const Xapian::Database& db) {
    return parse_user_query(text, db).query;
}

Xapian::Query date_range(const std::string& from, const std::string& to) {
    if (from.empty() && to.empty()) return {};
    // The processor the parser uses for date:FROM..TO, handed the two ends
    // directly: they are never read as query text.
    return Xapian::DateRangeProcessor(slot::date)(from, to);
}

}  // namespace newsdesk
