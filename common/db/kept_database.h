// A database kept open from one request to the next, for a server that answers
// many (newsdesk-fcgi): opened once, brought up to date before each request.
#pragma once

#include <memory>
#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

#include "common/db/database.h"
#include "common/db/facet_column.h"

namespace newsdesk {

class KeptDatabase {
  public:
    // Nothing is opened until current() is first called.
    explicit KeptDatabase(std::string path, OpenOptions options = {});

    // The database at `path` as it is now. The first call opens it with
    // open_for_reading; later calls open it afresh when its stub (the file
    // `path`, or `path`/XAPIANDB) names other databases than it did (the
    // nightly job's swap, a collection gaining a shard), else reopen() it at
    // its latest revision (cheap when nothing was committed). A reopen that
    // fails (DatabaseModifiedError included) is an open afresh. Throws what
    // open_for_reading throws (IndexError naming the path); the next call then
    // tries again from the start.
    [[nodiscard]] Xapian::Database& current();

    [[nodiscard]] const std::string& path() const { return m_path; }

    // The facet column (common/db/facet_column.h) of current()'s database as
    // it is now, kept mapped from one request to the next while its revision
    // lasts; nullptr when it has none (a collection, a stub naming several or
    // remote databases, none written for this revision: looked for again once
    // the revision or the file changes). A stub naming one database (the
    // nightly swap's) reaches that database's column.
    [[nodiscard]] std::shared_ptr<const FacetColumn> facet_column();

  private:
    std::string m_path;
    OpenOptions m_options;
    std::optional<Xapian::Database> m_db;
    std::string m_stub;  // the stub's text when last opened ("" for a plain directory)
    std::shared_ptr<const FacetColumn> m_column;
    // What the column was last looked for at: the database's revision, the
    // directory the path reaches and the column file's time.
    struct ColumnLook {
        Xapian::rev revision = 0;
        std::string dir;
        std::filesystem::file_time_type written;
        bool operator==(const ColumnLook&) const = default;
    };
    std::optional<ColumnLook> m_column_look;
};

}  // namespace newsdesk
