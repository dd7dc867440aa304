#include "indexer/index_writer.h"

#include "common/database.h"
#include "common/schema.h"

namespace newsdesk {

IndexWriter::IndexWriter(std::string path, std::size_t batch_size)
    : m_path(std::move(path)), m_batch_size(batch_size ? batch_size : 1), m_db(open_for_writing(m_path)) {
    m_db.set_metadata("newsdesk:schema", std::string(kSchemaVersion));
}

namespace {

// Words worth suggesting in "did you mean": the unprefixed, unstemmed terms
// (Xapian prefixes are upper case, stems start with Z), without digits.
bool spelling_word(const std::string& term) {
    if (term.size() < 3 || term.size() > 40) return false;
    const unsigned char first = term[0];
    if (first >= 'A' && first <= 'Z') return false;
    for (unsigned char c : term)
        if (c >= '0' && c <= '9') return false;
    return true;
}

}  // namespace

void IndexWriter::add(const std::vector<Article>& articles, std::vector<Xapian::Document>&& documents) {
    for (std::size_t i = 0; i < articles.size() && i < documents.size(); ++i) {
        for (auto t = documents[i].termlist_begin(); t != documents[i].termlist_end(); ++t)
            if (spelling_word(*t)) m_db.add_spelling(*t);
        m_db.replace_document(id_term(articles[i].id), documents[i]);
        if (++m_pending >= m_batch_size) commit();
    }
}

void IndexWriter::commit() {
    m_db.commit();
    m_pending = 0;
}

}  // namespace newsdesk
