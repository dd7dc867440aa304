// extract_quotes: direct quotes with their speakers, and the experts.
// Paragraph by paragraph: find quotes (quote_tokens), attribute each in its
// sentence (speakers), then resolve what the sentence points to across the
// article: surnames and "Mr. Cha" to the full name introduced earlier, "he" /
// "she" to the most recent compatible named speaker, unattributed quotes to a
// split-quote partner or the previous paragraph's speaker. Linear in the body.
#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/lang/countries.h"
#include "common/text.h"
#include "indexer/extract/experts.h"
#include "indexer/extract/extract.h"
#include "indexer/extract/person_names.h"
#include "indexer/extract/sentence_openers.h"
#include "indexer/extract/signature.h"
#include "indexer/extract/speaker_book.h"
#include "indexer/extract/speakers.h"

namespace newsdesk {

namespace {

using quote_book::Order;
using quote_book::order_of;
using quote_book::SpeakerBook;

// An unattributed quote of at most this many words written in title case is a
// title ("Saturday Night Live"); PolNeAR counts most other short quotes (“a
// disaster”) as said by someone, so they stay.
constexpr int kTitleWords = 4;
// A title of at most this many words after a broadcaster's possessive, "on" or
// "told" is a programme even when a verb attributes it ("said on ABC's “This
// Week With George Stephanopoulos”").
constexpr int kProgrammeWords = 7;

struct Found {
    std::string text;
    bool attributed = false;          // some attribution (even "the official") was found
    std::optional<std::string> speaker;
    bool person = false;              // speaker is a named person (may become an expert)
    int words = 0;
    bool open_end = false;            // runs on into the next paragraph
    bool title_case = true;           // every word capitalised
    bool has_letter = false;
    bool markup = false;              // an attribute value: tweet id="..."
    bool programme = false;           // a programme's title after "on", "told", "CNN's"

    bool starts_paragraph = false;
    bool ends_paragraph = false;      // nothing but a full stop after it
    bool coordinated = false;         // its verb shares an earlier clause's subject
    Order sentence = 0;               // where its sentence starts
    bool own_subject = false;         // its speaker is a name in its own sentence
};

// "on CNN’s “New Day,”", "told “Fox and Friends”": the word before the opening
// mark is "on", "told" or an acronym's possessive (a broadcaster, an outlet).
bool after_broadcaster(const Paragraph& p, const QuoteSpan& span) {
    if (span.open == 0) return false;
    const Token& before = p.tokens[span.open - 1];
    if (before.kind != TokenKind::word || before.capitalised != (before.key != "on" && before.key != "told"))
        return false;
    if (!before.capitalised) return true;
    for (const std::string_view mark : {std::string_view("'s"), std::string_view("\u2019s")}) {
        if (!before.text.ends_with(mark)) continue;
        const auto stem = before.text.substr(0, before.text.size() - mark.size());
        return stem.size() >= 2 && std::all_of(stem.begin(), stem.end(), [](char c) {
                   return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
               });
    }
    return false;
}

// A token opens its sentence when only punctuation stands between it and the
// previous sentence's end ("— Earlier, ...", "“…” Afterwards Trump ...").
bool opens_sentence(const Paragraph& p, int k) {
    for (int i = k - 1; i >= 0; --i) {
        if (ends_sentence(p.tokens[i])) return true;
        if (p.tokens[i].kind == TokenKind::word) return false;
    }
    return true;
}

// "In", "On", "During": a preposition, whatever its case, opening a sentence
// before a name makes the name its object. Not "For": "For Rick Dean, ... a
// high-definition future is an exciting prospect" gives the view of the person.
bool opens_with_preposition(const Token& t) {
    static constexpr std::array<std::string_view, 13> prepositions = {
        "in", "on", "at", "with", "from", "by", "of", "to", "during", "since", "until", "under", "despite"};
    return t.kind == TokenKind::word && std::find(prepositions.begin(), prepositions.end(), t.key) != prepositions.end();
}

// "World Wonder Ring Stardom (Stardom)": a body gives the short form it goes by
// in brackets after its name, a person does not.
bool short_form_follows(const Paragraph& p, const NameRun& run) {
    const int k = run.last + 1;
    if (run.words < 2 || k + 2 >= static_cast<int>(p.tokens.size()) || p.tokens[k].text != "(" ||
        p.tokens[k + 2].text != ")")
        return false;
    return p.tokens[k + 1].kind == TokenKind::word && p.tokens[k + 1].key == p.tokens[run.last].key;
}

// Drops the words before the name in a run ("Vermont Bernie Sanders",
// "Fourteen-year-old Zoe") and marks a run that names a thing ("Adult Swim
// television channel") as no person, by the rules the entity scan uses.
void refine(const Paragraph& p, NameRun& run, const std::unordered_set<std::string>& lower_words) {
    if (run.kind != NameKind::person) return;
    std::vector<entities::RunWord> words;
    for (int i = run.first; i <= run.last; ++i)
        words.push_back({p.tokens[i].text, lookup_key(p.tokens[i].text), i == run.first && opens_sentence(p, i)});
    const int next = run.last + 1;
    std::vector<std::string> after;
    if (next < static_cast<int>(p.tokens.size()) && p.tokens[next].kind == TokenKind::word &&
        !p.tokens[next].capitalised)
        after.push_back(p.tokens[next].key);
    if (entities::names_a_thing(words, after) || short_form_follows(p, run)) {
        run.kind = NameKind::organisation;
        return;
    }
    const int drop = static_cast<int>(entities::descriptor_words(words, lower_words));
    if (drop == 0) return;
    // "Argentina's Amnesty International": what follows the owner may be a body.
    if (entities::names_a_thing(std::vector<entities::RunWord>(words.begin() + drop, words.end()), after)) {
        run.kind = NameKind::organisation;
        return;
    }
    run.first += drop;
    run.words -= drop;
    run.name.clear();
    for (int i = run.first; i <= run.last; ++i) run.name += (run.name.empty() ? "" : " ") + std::string(p.tokens[i].text);
}

class QuoteFinder {
  public:
    QuoteFinder(const Article& a, const QuoteLexicon& lex, std::unordered_set<std::string> lower_words)
        : m_lex(lex), m_book(a.people, lex), m_lower(std::move(lower_words)) {}

    void paragraph(const Paragraph& p, std::size_t index);
    std::vector<Found>& found() { return m_found; }
    const SpeakerBook& book() const { return m_book; }

  private:
    std::optional<std::string> scan_names(const Paragraph& p, std::size_t index);
    void resolve(const Paragraph& p, std::size_t index, Attribution a, Found& f);
    void share_within(std::size_t first);
    void carry_over(std::size_t first, bool prev_open);
    void introduce(const Paragraph& p, std::size_t index);
    void follow_subject(const Paragraph& p);
    bool sign(const Paragraph& p, std::size_t index);

    const QuoteLexicon& m_lex;
    SpeakerBook m_book;
    std::vector<Found> m_found;
    std::unordered_set<std::string> m_lower;    // words the article writes in lower case
    std::optional<std::string> m_prev_speaker;  // named speaker of the previous paragraph's last quote
    std::size_t m_quoted_first = 0;             // the latest paragraph with quotes: its first Found
    std::size_t m_quoted_index = static_cast<std::size_t>(-1);  // and its index
    bool m_prev_person = false;
};

// Appositive after a person's name: ", a spokesperson for ...," up to the next comma.
void record_appositive(const Paragraph& p, const NameRun& run, const std::string& name,
                       SpeakerBook& book, const QuoteLexicon& lex) {
    const int n = static_cast<int>(p.tokens.size());
    int k = run.last + 1;
    if (k + 1 >= n || p.tokens[k].text != "," || p.tokens[k + 1].kind != TokenKind::word) return;
    const Token& t = p.tokens[k + 1];
    if (t.capitalised && !lex.title_words.count(t.key)) return;  // a list of names
    int e = k + 1;
    while (e < n && p.tokens[e].quote < 0 && p.tokens[e].text != "," && p.tokens[e].text != ";" &&
           !ends_sentence(p.tokens[e]))
        ++e;
    if (e == k + 1) return;
    book.appositive(name, std::string(p.text.substr(t.begin, p.tokens[e - 1].end - t.begin)));
}

bool ends_in_stop(const Paragraph& p, int quote) {
    const QuoteSpan& span = p.quotes[quote];
    const char last = p.text[span.text_end - 1];
    return last == '.' || last == '?' || last == '!';
}

// Registers the paragraph's names; returns the person whose statement ("X said
// that ...") is the paragraph's last sentence, if any.
std::optional<std::string> QuoteFinder::scan_names(const Paragraph& p, std::size_t index) {
    int sentence_start = 0, previous_start = 0, statement_start = -1, subject_start = 0;
    std::optional<std::string> statement;
    auto runs = name_runs(p, m_lex);
    for (auto& run : runs) refine(p, run, m_lower);
    std::size_t r = 0;
    for (int k = 0; k < static_cast<int>(p.tokens.size()); ++k) {
        const Token& t = p.tokens[k];
        for (; r < runs.size() && runs[r].first <= k; ++r) {
            if (runs[r].kind != NameKind::person) continue;
            const std::string name = m_book.mention(runs[r]);
            record_appositive(p, runs[r], name, m_book, m_lex);
            // Sentence subjects and "said X" are who a later "he said" means.
            const int before = runs[r].first - 1;
            // Not a subject the quote goes on from ("Clinton “caused havoc,” he
            // said"): that one is what was said about.
            const int after = runs[r].last + 1;
            const bool quoted_on = after < static_cast<int>(p.tokens.size()) && p.tokens[after].quote >= 0;
            // Nor one a preposition governs ("In May 2001, Fiorina ...").
            const bool governed = before >= subject_start && opens_with_preposition(p.tokens[before]);
            if ((runs[r].first <= subject_start + 1 && !quoted_on && !governed) ||
                (before >= 0 && m_lex.is_speech_verb(p.tokens[before].key)))
                m_book.candidate(order_of(index, runs[r].first), name);
        }
        if (t.quote < 0 && t.kind == TokenKind::word && !t.capitalised && m_lex.is_speech_verb(t.key)) {
            auto a = subject_of(p, sentence_start, k, m_lex);
            if (a.kind == SpeakerKind::name) refine(p, a.name, m_lower);
            if (a.kind == SpeakerKind::name && a.name.kind == NameKind::person) {
                statement = m_book.canonical(a.name);
                statement_start = sentence_start;
                m_book.candidate(order_of(index, a.position), *statement);
            }
        }
        if (ends_sentence(t) || t.quote >= 0) {
            previous_start = sentence_start;
            sentence_start = k + 1;
        }
        // "... begun “to unmask the true nature” of Trump, whom he called": after a
        // quote that does not end the sentence the next name is no subject.
        if (ends_sentence(t) || (t.quote >= 0 && p.quotes[t.quote].close == k && ends_in_stop(p, t.quote)))
            subject_start = k + 1;
    }
    const int last_start =
        sentence_start >= static_cast<int>(p.tokens.size()) ? previous_start : sentence_start;
    if (statement_start != last_start) statement.reset();
    return statement;
}

void QuoteFinder::resolve(const Paragraph& p, std::size_t index, Attribution a, Found& f) {
    if (a.kind == SpeakerKind::name) refine(p, a.name, m_lower);
    // A sentence subject names a speaker but is no speech cue: scare quotes stay droppable.
    f.attributed = a.kind != SpeakerKind::none && a.cue;
    f.coordinated = a.coordinated;
    if (a.kind == SpeakerKind::name) {
        f.speaker = m_book.canonical(a.name);
        f.person = a.name.kind == NameKind::person;
        if (f.person) {
            m_book.candidate(order_of(index, a.position), *f.speaker);
            if (a.appos_end > a.appos_begin)
                m_book.appositive(*f.speaker, std::string(p.text.substr(a.appos_begin, a.appos_end - a.appos_begin)));
        }
    } else if (a.kind == SpeakerKind::description && !a.member.empty()) {
        f.speaker = a.member;  // "a New Hampshire Democrat": a source, no person to resolve
    } else if (a.kind == SpeakerKind::pronoun) {
        const Gender g = m_lex.pronouns.at(a.pronoun);
        if (g == 'm' || g == 'f' || g == 'a') {
            // The pronoun's own sentence names its antecedent first ("Clinton said
            // Wednesday that she called Sanders ... what she called “…”").
            if (auto subject = pronoun_subject(p, a.position, m_lex); subject.kind == SpeakerKind::name) {
                refine(p, subject.name, m_lower);
                const std::string name = m_book.canonical(subject.name);
                if (subject.name.kind == NameKind::person && m_book.agrees(name, g)) {
                    f.speaker = name;
                    f.person = true;
                    return;
                }
            }
            f.speaker = m_book.antecedent(order_of(index, a.position), g);
            f.person = f.speaker.has_value();
        }
    }
}

// "“A,” he said. “B.”": a quote with no attribution of its own shares its
// paragraph neighbour's, the previous one first.
void QuoteFinder::share_within(std::size_t first) {
    for (std::size_t i = first; i < m_found.size(); ++i) {
        if (m_found[i].coordinated && !m_found[i].speaker && i > first && m_found[i - 1].speaker) {
            m_found[i].speaker = m_found[i - 1].speaker;  // "Kasich says ... “A” and tells ... “B”"
            m_found[i].person = m_found[i - 1].person;
            continue;
        }
        if (m_found[i].attributed) continue;
        for (std::size_t d = 1; d < m_found.size() - first; ++d) {
            const Found* src = nullptr;
            if (i >= first + d && m_found[i - d].attributed) src = &m_found[i - d];
            else if (i + d < m_found.size() && m_found[i + d].attributed) src = &m_found[i + d];
            if (!src) continue;
            // "Cruz blamed the law on “A.” His comments came after being asked about
            // “B.”": a neighbour whose speaker is a description does not take away
            // the sentence's own subject.
            if (!src->speaker && m_found[i].speaker) break;
            // "Trump blamed the shootings on “sickos.” Bush called the orders
            // “quite dangerous.”": a quote whose own sentence names its subject
            // keeps it against a neighbour from another sentence, when the
            // subject is a person the article has named in full (a lone
            // "Audiences" opening a sentence is no such person).
            if (m_found[i].own_subject && m_found[i].person && m_found[i].speaker->find(' ') != std::string::npos &&
                src->sentence != m_found[i].sentence)
                break;
            m_found[i].attributed = true;
            m_found[i].speaker = src->speaker;
            m_found[i].person = src->person;
            break;
        }
    }
}

// "Jared Potts echoed:", "Breitbart News responded:": a paragraph ending in a
// colon gives its speaker to the quote that opens the next one.
void QuoteFinder::introduce(const Paragraph& p, std::size_t index) {
    auto a = introduction(p, m_lex);
    if (a.kind != SpeakerKind::name) return;
    refine(p, a.name, m_lower);
    m_prev_speaker = m_book.canonical(a.name);
    m_prev_person = a.name.kind == NameKind::person;
    if (m_prev_person) m_book.candidate(order_of(index, a.position), *m_prev_speaker);
}

// "Clinton touted her credentials as a co-sponsor." then a paragraph of quotes:
// the closing sentence's subject goes on speaking.
void QuoteFinder::follow_subject(const Paragraph& p) {
    auto a = closing_subject(p, m_lex);
    if (a.kind != SpeakerKind::name) return;
    refine(p, a.name, m_lower);
    if (a.name.kind != NameKind::person) return;
    m_prev_speaker = m_book.canonical(a.name);
    m_prev_person = true;
}

// A paragraph opening with a quote and attributing nothing continues the
// previous paragraph's speaker (long statements run over several paragraphs).
void QuoteFinder::carry_over(std::size_t first, bool prev_open) {
    if (first >= m_found.size() || !m_found[first].starts_paragraph) return;
    for (std::size_t i = first; i < m_found.size(); ++i)
        if (m_found[i].attributed) {
            if (prev_open && !m_found[first - 1].attributed) {  // the open quote gets our speaker
                m_found[first - 1].attributed = true;
                m_found[first - 1].speaker = m_found[i].speaker;
                m_found[first - 1].person = m_found[i].person;
            }
            return;
        }
    if (!m_prev_speaker) return;
    for (std::size_t i = first; i < m_found.size(); ++i) {
        m_found[i].attributed = true;
        m_found[i].speaker = m_prev_speaker;
        m_found[i].person = m_prev_person;
    }
}

// "“I went to Wall Street before the crash.”" then "- Clinton.": a line that
// only signs the paragraph of quotes above it gives them its speaker.
bool QuoteFinder::sign(const Paragraph& p, std::size_t index) {
    if (m_quoted_index + 1 != index || m_quoted_first >= m_found.size()) return false;
    if (!m_found[m_quoted_first].starts_paragraph || !m_found.back().ends_paragraph) return false;
    auto run = signature(p, m_lex);
    if (!run) return false;
    refine(p, *run, m_lower);
    if (run->kind != NameKind::person) return false;
    const std::string name = m_book.mention(*run);
    m_book.candidate(order_of(index, run->first), name);
    for (std::size_t i = m_quoted_first; i < m_found.size(); ++i) {
        m_found[i].attributed = true;
        m_found[i].speaker = name;
        m_found[i].person = true;
    }
    m_prev_speaker = name;
    m_prev_person = true;
    return true;
}

void QuoteFinder::paragraph(const Paragraph& p, std::size_t index) {
    const std::string_view text = p.text;
    if (p.quotes.empty() && sign(p, index)) return;
    const auto statement = scan_names(p, index);
    const bool prev_open = !m_found.empty() && m_found.back().open_end;
    const std::size_t first = m_found.size();
    for (int q = 0; q < static_cast<int>(p.quotes.size()); ++q) {
        const QuoteSpan& span = p.quotes[q];
        Found f;
        f.text = std::string(text.substr(span.text_begin, span.text_end - span.text_begin));
        f.open_end = span.close < 0;
        f.starts_paragraph = span.open == 0;
        const int sentence = quote_sentence(p, q);
        f.sentence = order_of(index, sentence);
        f.ends_paragraph = span.close < 0 || span.close + 2 >= static_cast<int>(p.tokens.size());
        for (int k = span.open; k <= (span.close < 0 ? static_cast<int>(p.tokens.size()) - 1 : span.close); ++k) {
            const Token& t = p.tokens[k];
            if (t.kind != TokenKind::word) continue;
            ++f.words;
            const bool digits = t.key.find_first_not_of("0123456789,.-:") == std::string::npos;
            f.has_letter = f.has_letter || !digits;
            f.title_case = f.title_case && (t.capitalised || digits || t.key == "of" || t.key == "the" || t.key == "and");
        }
        f.programme = f.title_case && f.words <= kProgrammeWords && after_broadcaster(p, span);
        f.markup = span.open > 0 && p.tokens[span.open - 1].text == "=" &&
                   p.tokens[span.open - 1].end == p.tokens[span.open].begin;
        f.has_letter = f.has_letter && !f.text.starts_with('@') && !f.text.starts_with('#') &&
                       !f.text.starts_with("http");
        const Attribution a = attribute_quote(p, q, m_lex);
        f.own_subject = a.kind == SpeakerKind::name && a.position >= sentence;
        resolve(p, index, a, f);
        m_found.push_back(std::move(f));
    }
    if (m_found.size() > first) {
        m_quoted_first = first;
        m_quoted_index = index;
    }
    share_within(first);
    carry_over(first, prev_open && first < m_found.size() && m_found[first].starts_paragraph);
    if (m_found.size() > first) {
        const Found& last = m_found.back();
        m_prev_speaker = last.person ? last.speaker : std::nullopt;
        m_prev_person = last.person;
    } else {
        m_prev_speaker = statement;  // "X said that ..." then a paragraph of quotes
        m_prev_person = statement.has_value();
        if (!statement) introduce(p, index);
        if (!m_prev_speaker) follow_subject(p);
    }
}

// The latest appositive that says something wins ("Russel, now vice president ...").
Affiliation affiliation_of(const std::string& name, const SpeakerBook& book, const QuoteLexicon& lex) {
    Affiliation out;
    const auto* list = book.appositives(name);
    if (!list) return out;
    for (auto it = list->rbegin(); it != list->rend(); ++it) {
        auto a = parse_appositive(*it, lex);
        if (!out.title && a.title) out.title = a.title;
        if (!out.institution && a.institution) out.institution = a.institution;
        if (out.title && out.institution) break;
    }
    return out;
}

// Handles, numbers, links and markup are not speech; nor are short titles
// nobody is said to have said, nor programmes' titles.
bool is_not_speech(const Found& f) {
    if (!f.has_letter || f.markup || f.programme) return true;
    return !f.attributed && f.title_case && f.words <= kTitleWords;
}

}  // namespace

void extract_quotes(Article& article) {
    const QuoteLexicon& lex = quote_lexicon();
    const auto texts = split_paragraphs(article.body);
    std::vector<Paragraph> paragraphs;
    std::unordered_set<std::string> lower_words;
    for (const auto& text : texts) {
        paragraphs.push_back(analyse_paragraph(text, lex));
        for (const auto& t : paragraphs.back().tokens)
            if (t.kind == TokenKind::word && !t.capitalised) lower_words.insert(t.key);
    }
    lower_sentence_openers(paragraphs, article.people, lex);
    QuoteFinder finder(article, lex, std::move(lower_words));
    for (std::size_t i = 0; i < paragraphs.size(); ++i) finder.paragraph(paragraphs[i], i);

    article.quotes.clear();
    article.experts.clear();
    std::unordered_map<std::string, std::size_t> expert_index;
    for (auto& f : finder.found()) {
        if (is_not_speech(f)) continue;
        Quote q{std::move(f.text), f.speaker, std::nullopt, std::nullopt};
        // Experts are people with a full name; a lone surname nobody introduced stays a speaker only.
        if (f.person && f.speaker && f.speaker->find(' ') != std::string::npos) {
            auto [it, added] = expert_index.try_emplace(*f.speaker, article.experts.size());
            if (added) {
                const auto aff = affiliation_of(*f.speaker, finder.book(), lex);
                article.experts.push_back(Expert{*f.speaker, aff.title, aff.institution, 0});
            }
            Expert& e = article.experts[it->second];
            ++e.quotes;
            q.speaker_title = e.title;
            q.institution = e.institution;
        }
        article.quotes.push_back(std::move(q));
    }
}

}  // namespace newsdesk
