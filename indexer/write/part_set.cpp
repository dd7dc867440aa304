#include "indexer/write/part_set.h"

#include <algorithm>
#include <filesystem>

#include "common/error.h"
#include "common/schema.h"

namespace newsdesk {

PartSet::PartSet(std::string dir, std::string name, BatchLimits limits, int db_flags,
                 std::vector<std::pair<std::string, std::string>> metadata)
    : m_dir(std::move(dir)), m_name(std::move(name)), m_limits(limits), m_db_flags(db_flags),
      m_metadata(std::move(metadata)) {
    m_limits.part_documents = std::max<std::size_t>(1, m_limits.part_documents);
    std::error_code ec;
    if (!std::filesystem::create_directories(m_dir, ec) && ec)
        throw IndexError(m_name + ": cannot create " + m_dir + ": " + ec.message());
}

std::string PartSet::part_path(std::size_t i) const { return m_dir + "/part-" + std::to_string(i); }

void PartSet::open_part() {
    m_writer.emplace(part_path(m_closed), m_limits, false, 1, m_db_flags);
    m_writer->set_name(m_name);
    for (const auto& [key, value] : m_metadata) m_writer->set_metadata(key, value);
}

// A closed part is compacted in place: a part written in commits takes about
// twice its compacted size (31 against 16 KB an article of the scaled corpus),
// so a million articles' parts would not fit beside their merge on a disk
// that holds the result twice; and the merge reads half as much.
void PartSet::close_part() {
    close_writer();
    const std::string path = part_path(m_closed), packed = path + ".compact";
    try {
        Xapian::Database(path).compact(packed);
        std::filesystem::remove_all(path);
        std::filesystem::rename(packed, path);
    } catch (const Xapian::Error& e) {
        throw IndexError(m_name + ": cannot compact a part (" + e.get_description() + ")");
    } catch (const std::filesystem::filesystem_error& e) {
        throw IndexError(m_name + ": cannot compact a part (" + e.what() + ")");
    }
    find_replaced(m_closed++);
}

// Both lists of id terms are sorted, so each earlier part's is read forward
// once, skipping to the next term of the last part.
void PartSet::find_replaced(std::size_t last) {
    if (last == 0) return;
    const std::string id(prefix::id);
    try {
        Xapian::Database newest(part_path(last));
        for (std::size_t p = 0; p < last; ++p) {
            Xapian::Database earlier(part_path(p));
            auto mine = earlier.allterms_begin(id);
            const auto mine_end = earlier.allterms_end(id);
            for (auto t = newest.allterms_begin(id); t != newest.allterms_end(id) && mine != mine_end; ++t) {
                mine.skip_to(*t);
                if (mine != mine_end && *mine == *t) m_replaced.emplace(p, *earlier.postlist_begin(*t));
            }
        }
    } catch (const Xapian::Error& e) {
        throw IndexError(m_name + ": cannot read back a part (" + e.get_description() + ")");
    }
}

void PartSet::close_writer() {
    if (!m_writer) return;
    m_writer->commit();
    m_commits += m_writer->commits();
    m_writer.reset();
}

void PartSet::add(std::vector<std::string>&& id_terms, std::vector<Xapian::Document>&& documents,
                  std::size_t bytes) {
    if (!m_writer) open_part();  // reopens the current part after close_writer()
    m_writer->add_accounted(std::move(id_terms), std::move(documents), bytes, {});
    if (m_writer->doc_count() >= m_limits.part_documents) {
        close_part();
        open_part();
    }
}

std::vector<std::string> PartSet::finish() {
    if (!std::filesystem::exists(part_path(m_closed))) open_part();  // nothing added: one empty part
    close_writer();
    const std::size_t parts = m_closed + 1;
    find_replaced(m_closed);
    try {
        for (auto it = m_replaced.begin(); it != m_replaced.end();) {
            const std::size_t part = it->first;
            Xapian::WritableDatabase db(part_path(part), Xapian::DB_OPEN | m_db_flags);
            for (; it != m_replaced.end() && it->first == part; ++it) db.delete_document(it->second);
            db.commit();
            ++m_commits;
        }
    } catch (const Xapian::Error& e) {
        throw IndexError(m_name + ": cannot write the database (" + e.get_description() + ")");
    }
    m_replaced.clear();
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < parts; ++i) paths.push_back(part_path(i));
    return paths;
}

std::size_t PartSet::commits() const { return m_commits + (m_writer ? m_writer->commits() : 0); }

}  // namespace newsdesk
