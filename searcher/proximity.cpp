#include "searcher/proximity.h"

#include <map>

#include "common/lang/stopwords.h"
#include "common/schema.h"

namespace newsdesk {

bool is_plain_words(const std::string& text) {
    if (text.find_first_of(":\"()+*") != std::string::npos) return false;
    std::size_t pos = 0;
    while ((pos = text.find_first_not_of(" \t", pos)) != std::string::npos) {
        auto end = text.find_first_of(" \t", pos);
        if (end == std::string::npos) end = text.size();
        const auto token = text.substr(pos, end - pos);
        if (token == "AND" || token == "OR" || token == "NOT" || token == "XOR" || token == "NEAR" ||
            token == "ADJ" || token.front() == '-')
            return false;
        pos = end;
    }
    return true;
}

Xapian::Query word_pairs_near(const std::string& text, const std::vector<std::string>& languages,
                              Xapian::termcount window) {
    // The TermGenerator splits and lower-cases words as the indexer does.
    AnyLanguageStopper stopper(languages);
    Xapian::TermGenerator words;
    words.set_stopper(&stopper);
    words.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
    Xapian::Document doc;
    words.set_document(doc);
    words.index_text(text);
    std::map<Xapian::termpos, std::string> by_position;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_position.emplace(*p, *t);
    std::vector<Xapian::Query> pairs;
    std::string previous;
    for (const auto& [pos, word] : by_position) {
        if (!previous.empty() && previous != word) {
            for (const auto field : {prefix::body, prefix::headline}) {
                const Xapian::Query both[] = {Xapian::Query(std::string(field) + previous),
                                              Xapian::Query(std::string(field) + word)};
                pairs.emplace_back(Xapian::Query::OP_NEAR, both, both + 2, window);
            }
        }
        previous = word;
    }
    return pairs.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end());
}

}  // namespace newsdesk
