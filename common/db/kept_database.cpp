#include "common/db/kept_database.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace newsdesk {

namespace {

// The text of the stub that says which databases `path` is: the file itself,
// or a collection's XAPIANDB; "" for a database directory. A few hundred bytes,
// read before every request: cheaper than telling a swap any other way.
std::string stub_text(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path stub = path;
    if (fs::is_directory(stub, ec)) stub /= "XAPIANDB";
    if (!fs::is_regular_file(stub, ec)) return {};
    std::ifstream in(stub, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

KeptDatabase::KeptDatabase(std::string path, OpenOptions options) : m_path(std::move(path)), m_options(options) {}

Xapian::Database& KeptDatabase::current() {
    std::string stub = stub_text(m_path);
    if (m_db && stub == m_stub) {
        try {
            m_db->reopen();
            return *m_db;
        } catch (const Xapian::Error&) {
            // Removed, replaced or discarded under us: open afresh below, which
            // retries and names the path when it cannot.
        }
    }
    m_db.reset();
    m_column.reset();
    m_column_look.reset();
    m_db = open_for_reading(m_path, m_options);
    m_stub = std::move(stub);
    return *m_db;
}

std::shared_ptr<const FacetColumn> KeptDatabase::facet_column() {
    if (!m_db || m_db->size() != 1) return nullptr;  // a collection: its shards count without one
    if (m_column && m_column->matches(*m_db)) return m_column;
    // Looked for again when the revision or the file changed (one written by
    // `newsdesk-index --facet-column` is picked up, a garbage one warns once,
    // not per request), through a stub as the nightly swap's.
    const std::string dir = local_database_dir(m_path);
    if (dir.empty()) return nullptr;  // a stub naming several or remote databases
    std::error_code ec;
    const auto written = std::filesystem::last_write_time(std::filesystem::path(dir) / kFacetColumnFile, ec);
    const ColumnLook look{m_db->get_revision(), dir, ec ? std::filesystem::file_time_type{} : written};
    if (look != m_column_look) {
        m_column_look = look;
        m_column = FacetColumn::open(dir, *m_db);
    }
    return m_column && m_column->matches(*m_db) ? m_column : nullptr;
}

}  // namespace newsdesk
