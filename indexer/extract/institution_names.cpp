#include "indexer/extract/institution_names.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/lang/countries.h"
#include "common/text.h"
#include "indexer/extract/entity_lexicon.h"

namespace newsdesk::entities {

namespace {

std::vector<std::string> words_of(const std::string& name) {
    const auto views = split_words(name);
    return {views.begin(), views.end()};
}

std::string join(const std::vector<std::string>& words, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < words.size(); ++i) out += (i > from ? " " : "") + words[i];
    return out;
}

bool possessive(const std::string& word) {
    return word.ends_with("'s") || word.ends_with("\u2019s");
}

// "Women's" -> "women".
std::string owner_key(const std::string& word) {
    auto w = lookup_key(word);
    for (const std::string_view mark : {"'s", "\u2019s"})
        if (w.ends_with(mark)) return w.substr(0, w.size() - mark.size());
    return w;
}

// "tunisian", "west virginia": the words before a name are a place or its people.
bool placed(const std::string& key) {
    const auto& geo = CountryGazetteer::instance();
    return geo.known_place(key) || geo.find(key);
}

// " key " of a name, so whole words match by substring.
std::string padded(const std::string& name) { return " " + lookup_key(name) + " "; }

}  // namespace

std::string canonical_institution(const std::string& name, const std::unordered_set<std::string>& said) {
    const auto& lex = Lexicon::instance();
    const auto& geo = CountryGazetteer::instance();
    const auto words = words_of(name);
    if (lex.institution(lookup_key(name))) return name;
    // "Microsoft's MSN internet division": a unit of one word, its owner an
    // institution the article names on its own; not a head word the owner's name
    // is needed for ("Sainsbury's Bank"), nor a name of its own ("Queen's Park").
    if (words.size() == 2 && possessive(words[0]) && said.count(owner_key(words[0])) &&
        !lex.org_word(lookup_key(words[1])) && !lex.possessive_in_name(owner_key(words[0])))
        return words[1];
    if (words.size() < 3) return name;
    // A company's legal name keeps its possessive ("McDonald's Corp").
    if (lex.org_word(lookup_key(words.back())) == OrgWord::suffix) return name;
    // "UK's National Crime Agency": an owner is dropped; the people a name is for
    // stay ("Women's Tennis Association").
    for (std::size_t n = 1; n + 2 <= words.size() && n <= 3; ++n)
        if (possessive(words[n - 1])) return lex.possessive_in_name(owner_key(words[n - 1])) ? name : join(words, n);
    for (std::size_t n = std::min<std::size_t>(3, words.size() - 2); n >= 1; --n) {
        const auto prefix = lookup_key(join(std::vector<std::string>(words.begin(), words.begin() + n), 0));
        // "Georgia Institute of Technology": a name shared with a US state is no country here.
        const auto* entry = geo.find(prefix);
        if (!entry || entry->cue != CountryCue::name || lex.shared_name(prefix)) continue;
        // "US Environmental Protection Agency" is the EPA, "U.S. Prohibition Party"
        // beside "Prohibition Party" the same party, and four words or more name
        // one body ("United States Department of Health and Human Services"); "Korea Development Bank",
        // "Netherlands Institute for Neuroscience" and "US Anti-Doping Agency" are
        // names of their own, and "US Air Force" a body every country has.
        const auto rest = lookup_key(join(words, n));
        const auto* known = lex.institution(rest);
        const bool same = (known && (known->country.empty() || known->country == entry->code)) || said.count(rest) ||
                          words.size() - n >= 4;
        return same && !lex.country_body(rest) ? join(words, n) : name;
    }
    return name;
}

void canonical_institutions(Article& article) {
    const auto& lex = Lexicon::instance();
    auto& list = article.institutions;
    std::unordered_map<std::string, std::string> renamed;  // old name -> new name
    // Longest first, so a fragment folds into the longest name holding it.
    std::vector<std::size_t> order(list.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return list[a].name.size() > list[b].name.size(); });
    std::vector<bool> gone(list.size(), false);
    std::unordered_set<std::string> said;  // every name the article uses, before folding
    for (const auto& inst : list) said.insert(lookup_key(inst.name));
    for (std::size_t a = 0; a < order.size(); ++a) {
        auto& shorter = list[order[a]];
        const auto key = padded(shorter.name);
        for (std::size_t b = 0; b < a; ++b) {
            auto& longer = list[order[b]];
            if (gone[order[b]]) continue;
            const auto whole = padded(longer.name);
            // A lone word folds into a name it opens ("NBC" into "NBC News"), one
            // a place or party qualifies ("Parliament" into "Tunisian Parliament",
            // "Senate" into "Republican Senate"), and a body every country has into
            // a known body's name it ends ("Parliament" into "European Parliament":
            // the article's "the Parliament" is that one; not "Senate" into the
            // "West Virginia Republican Senate" of "... Senate primary").
            if (whole.size() <= key.size()) continue;
            const bool one_word = shorter.name.find(' ') == std::string::npos;
            const std::string qualifier = whole.substr(1, whole.size() - key.size() - 1);
            const bool ends = whole.ends_with(key) &&
                              (!one_word || placed(qualifier) || lex.party(lookup_key(qualifier)) ||
                               (lex.country_body(lookup_key(shorter.name)) && lex.institution(lookup_key(longer.name))));
            if (!(whole.starts_with(key) || ends)) continue;
            longer.mentions += shorter.mentions;
            if (!longer.acronym) longer.acronym = shorter.acronym;
            renamed[shorter.name] = longer.name;
            gone[order[a]] = true;
            break;
        }
    }
    std::vector<Institution> out;
    std::unordered_map<std::string, std::size_t> at;  // lookup key -> index in out
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (gone[i]) continue;
        auto inst = std::move(list[i]);
        const auto name = canonical_institution(inst.name, said);
        renamed[inst.name] = name;
        inst.name = name;
        const auto [it, fresh] = at.try_emplace(lookup_key(name), out.size());
        if (fresh) {
            out.push_back(std::move(inst));
            continue;
        }
        out[it->second].mentions += inst.mentions;
        if (!out[it->second].acronym) out[it->second].acronym = inst.acronym;
    }
    // A fragment folded into a name that was renamed in turn.
    for (auto& entry : renamed)
        for (int hops = 0; hops < 3; ++hops) {
            const auto next = renamed.find(entry.second);
            if (next == renamed.end() || next->second == entry.second) break;
            entry.second = next->second;
        }
    list = std::move(out);
    for (auto& e : article.experts)
        if (e.institution && renamed.count(*e.institution)) e.institution = renamed[*e.institution];
    for (auto& q : article.quotes)
        if (q.institution && renamed.count(*q.institution)) q.institution = renamed[*q.institution];
}

}  // namespace newsdesk::entities
