#include "indexer/write/index_writer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "common/db/database.h"
#include "common/error.h"
#include "common/schema.h"
#include "indexer/write/parallel_build.h"

namespace newsdesk {

namespace {

// Xapian commits by itself every XAPIAN_FLUSH_THRESHOLD documents (read when
// the database is opened); above our own batch size it never fires first.
Xapian::WritableDatabase open_with_limits(const std::string& path, const BatchLimits& limits, int db_flags) {
    if (!std::getenv("XAPIAN_FLUSH_THRESHOLD"))
        setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(limits.documents + 1).c_str(), 0);
    return open_for_writing(path, db_flags);
}

// Rough bytes a document costs Xapian until the next commit (the inverter's
// posting, position and termlist entries, and the data).
constexpr std::size_t kTermOverhead = 48, kPositionBytes = 4, kSpellingWordOverhead = 64;

// Rough bytes a spelling word held for a later commit costs: its entry here,
// and at the commit Xapian's copy of a new word in the list of each of its
// fragments (about one per letter).
std::size_t spelling_flush_bytes(const std::string& word) {
    return word.size() + kSpellingWordOverhead + (word.size() + 2) * (word.size() + kTermOverhead);
}

// Xapian's failures while writing (a full disk, an I/O error) as one line naming the database.
[[noreturn]] void write_failed(const std::string& path, const Xapian::Error& e) {
    throw IndexError(path + ": cannot write the database (" + e.get_description() + ")");
}

}  // namespace

IndexWriter::IndexWriter(std::string path, BatchLimits limits, bool spelling, unsigned lanes, int db_flags)
    : m_path(std::move(path)), m_name(m_path), m_limits(limits), m_spelling(spelling) {
    if (m_limits.documents == 0) m_limits.documents = 1;
    if (lanes > 1 && ParallelBuild::is_fresh(m_path)) {
        m_build = std::make_unique<ParallelBuild>(m_path, m_limits, m_spelling, lanes);
        return;
    }
    m_db.emplace(open_with_limits(m_path, m_limits, db_flags));
    m_db->set_metadata("newsdesk:schema", std::string(kSchemaVersion));
}

IndexWriter::~IndexWriter() = default;

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

std::size_t account_document(const Xapian::Document& document, SpellingWords* words) {
    std::size_t bytes = document.get_data().size();
    for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t) {
        const std::string term = *t;
        bytes += term.size() + kTermOverhead + kPositionBytes * t.positionlist_count();
        if (!words) continue;
        if (const auto word = spelling_word(term); !word.empty()) {
            auto [it, added] = words->try_emplace(std::string(word), 0);
            ++it->second;  // one per document and field, as add_spelling(word) was
            if (added) bytes += word.size() + kSpellingWordOverhead;
        }
    }
    return bytes;
}

void count_spelling_words(const Xapian::Document& document, SpellingWords& words) {
    for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t) {
        const std::string term = *t;
        if (const auto word = spelling_word(term); !word.empty()) ++words[std::string(word)];
    }
}

void IndexWriter::add(const std::vector<Article>& articles, std::vector<Xapian::Document>&& documents) {
    SpellingWords words;
    std::size_t bytes = 0;
    for (const auto& document : documents) bytes += account_document(document, m_spelling ? &words : nullptr);
    add_accounted(articles, std::move(documents), bytes, std::move(words));
}

void IndexWriter::add_accounted(const std::vector<Article>& articles, std::vector<Xapian::Document>&& documents,
                                std::size_t bytes, SpellingWords words) {
    std::vector<std::string> id_terms;
    id_terms.reserve(articles.size());
    for (const auto& article : articles) id_terms.push_back(id_term(article.id));
    add_accounted(std::move(id_terms), std::move(documents), bytes, std::move(words));
}

void IndexWriter::add_accounted(std::vector<std::string> id_terms, std::vector<Xapian::Document>&& documents,
                                std::size_t bytes, SpellingWords words) {
    const std::size_t n = std::min(id_terms.size(), documents.size());
    if (m_build) {
        id_terms.resize(n);
        documents.resize(n);
        if (!m_spelling) words.clear();
        m_build->add(std::move(id_terms), std::move(documents), bytes, std::move(words));
        return;
    }
    // The spelling words wait for their own limit (see commit_batch); what
    // account_document charged for them leaves the documents' bytes.
    for (const auto& [word, count] : words) {
        bytes -= std::min(bytes, word.size() + kSpellingWordOverhead);
        if (!m_spelling) continue;
        auto [it, added] = m_spelling_words.try_emplace(word, 0);
        it->second += count;
        if (added) m_spelling_bytes += spelling_flush_bytes(word);
    }
    if (n == 0) {  // spelling words alone (a sharded build's control lane)
        if (m_spelling_bytes >= spelling_limit()) commit();
        return;
    }
    // Each document carries an equal share of the bytes, so both limits are
    // checked per document.
    for (std::size_t i = 0; i < n; ++i) {
        try {
            m_db->replace_document(id_terms[i], documents[i]);
        } catch (const Xapian::Error& e) {
            write_failed(m_name, e);
        }
        m_pending_bytes += bytes / n + (i == 0 ? bytes % n : 0);
        if (++m_pending >= m_limits.documents || m_pending_bytes >= m_limits.bytes) commit_batch();
    }
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    if (!m_db) throw IndexError(m_name + ": metadata of a parallel build cannot be set");
    try {
        m_db->set_metadata(key, value);
    } catch (const Xapian::Error& e) {
        write_failed(m_name, e);
    }
}

void IndexWriter::commit() {
    if (!m_db) return;
    write_spelling();
    commit_database();
}

// Every commit rewrites the spelling entries its words touch (each word's
// frequency, and the fragment lists of new words, which grow with the
// vocabulary), compressed: written at every batch they cost a sixth of
// indexing plain text. So the words are kept, counted, across batches until
// they reach their own limit, and a build writes most entries once.
void IndexWriter::commit_batch() {
    if (m_spelling_bytes >= spelling_limit()) write_spelling();
    commit_database();
}

void IndexWriter::commit_documents() {
    if (m_db && m_pending > 0) commit_batch();
}

std::size_t IndexWriter::spelling_limit() const {
    return m_limits.spelling_bytes ? m_limits.spelling_bytes : m_limits.bytes;
}

void IndexWriter::write_spelling() {
    try {
        for (const auto& [word, count] : m_spelling_words) m_db->add_spelling(word, count);
    } catch (const Xapian::Error& e) {
        write_failed(m_name, e);
    }
    m_spelling_words.clear();
    m_spelling_bytes = 0;
}

void IndexWriter::commit_database() {
    try {
        m_db->commit();
    } catch (const Xapian::Error& e) {
        write_failed(m_name, e);
    }
    m_pending = 0;
    m_pending_bytes = 0;
    ++m_commits;
}

void IndexWriter::finish() {
    if (m_build) m_build->finish();
    else commit();
}

Xapian::doccount IndexWriter::doc_count() const {
    if (m_db) return m_db->get_doccount();
    std::error_code ec;
    if (!std::filesystem::exists(m_path, ec)) return 0;
    return Xapian::Database(m_path).get_doccount();
}

std::size_t IndexWriter::commits() const { return m_build ? m_build->commits() : m_commits; }

}  // namespace newsdesk
