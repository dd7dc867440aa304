// The one configuration file newsdesk's programs share (newsdesk-search,
// newsdesk-index, newsdesk.cgi and scripts/newsdesk-nightly): plain
// `key = value` lines, `#` starting a comment, the format the nightly job has
// always read (config/nightly.conf.example). The programs take `database`
// from it; the nightly job's keys (source, log, keep ...) are known here so a
// typo in any key is an error, not a setting silently ignored.
//
// Which database a program uses, first found wins:
//   1. the --db flag
//   2. $NEWSDESK_DB
//   3. `database = PATH` in the configuration file: $NEWSDESK_CONFIG if set
//      (it must exist), else the first that exists of
//      $XDG_CONFIG_HOME/newsdesk/newsdesk.conf (XDG_CONFIG_HOME defaults to
//      ~/.config) and /etc/newsdesk/newsdesk.conf; a relative PATH is taken
//      from the file's directory
//   4. the built-in default (NEWSDESK_DEFAULT_DB: var/newsdesk.db in a build
//      from a checkout, /var/lib/newsdesk/newsdesk.db in the Debian package);
//      read-only: newsdesk-index writes only where 1 to 3 told it to.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace newsdesk {

struct ConfigEntry {
    std::string key;
    std::string value;
    int line = 0;  // 1-based, for messages
};

struct ConfigFile {
    std::string path;
    std::vector<ConfigEntry> entries;

    // The value of the last `key` line, if any.
    [[nodiscard]] std::optional<std::string> get(const std::string& key) const;
};

// Parses the text of the file at `path`. Throws newsdesk::Error with one line
// "PATH:LINE: reason" for a line that is not `key = value` (key of a-z and _,
// value not empty) or a key no newsdesk program reads.
[[nodiscard]] ConfigFile parse_config(const std::string& text, const std::string& path);

// Reads and parses `path`; newsdesk::Error naming it when it cannot be read.
[[nodiscard]] ConfigFile read_config(const std::string& path);

// The files looked for, in order: just $NEWSDESK_CONFIG when set, else the
// user's and the system's.
[[nodiscard]] std::vector<std::string> config_candidates();

// The first candidate that exists, parsed; nothing when none does.
// Throws newsdesk::Error when $NEWSDESK_CONFIG names a missing file or the
// file found is malformed.
[[nodiscard]] std::optional<ConfigFile> load_config();

enum class DbOrigin { flag, environment, config, builtin };

struct DatabaseChoice {
    std::string path;
    DbOrigin origin = DbOrigin::builtin;
    std::string config_path;  // the file read ("" when none was)
};

// The database by the order above; `flag` is --db's value ("" = not given).
[[nodiscard]] DatabaseChoice choose_database(const std::string& flag);

// For --help: the order, and which file this run read, e.g.
// "Configuration: read /etc/newsdesk/newsdesk.conf" or "Configuration: none read
// (looked for ...)".
[[nodiscard]] std::string describe_configuration();

}  // namespace newsdesk
