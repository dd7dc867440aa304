#include "indexer/index_writer.h"

#include "common/database.h"
#include "common/schema.h"

namespace newsdesk {

IndexWriter::IndexWriter(std::string path, std::size_t batch_size, bool spelling)
    : m_path(std::move(path)), m_batch_size(batch_size ? batch_size : 1), m_spelling(spelling),
      m_db(open_for_writing(m_path)) {
    m_db.set_metadata("newsdesk:schema", std::string(kSchemaVersion));
}

namespace {

// Words worth suggesting in "did you mean": the unstemmed words of the headline
// and body (prefix followed by a lower-case or non-ASCII byte), without digits.
std::string_view spelling_word(std::string_view term) {
    for (std::string_view field : {prefix::body, prefix::headline}) {
        if (term.size() < field.size() + 3 || term.size() > field.size() + 40 || term.substr(0, field.size()) != field)
            continue;
        const std::string_view word = term.substr(field.size());
        const unsigned char first = word[0];
        if (first >= 'A' && first <= 'Z') return {};
        for (unsigned char c : word)
            if (c >= '0' && c <= '9') return {};
        return word;
    }
    return {};
}

}  // namespace

void IndexWriter::add(const std::vector<Article>& articles, std::vector<Xapian::Document>&& documents) {
    for (std::size_t i = 0; i < articles.size() && i < documents.size(); ++i) {
        for (auto t = documents[i].termlist_begin(); m_spelling && t != documents[i].termlist_end(); ++t) {
            const std::string term = *t;
            if (const auto word = spelling_word(term); !word.empty()) m_db.add_spelling(std::string(word));
        }
        m_db.replace_document(id_term(articles[i].id), documents[i]);
        if (++m_pending >= m_batch_size) commit();
    }
}

void IndexWriter::commit() {
    m_db.commit();
    m_pending = 0;
}

}  // namespace newsdesk
