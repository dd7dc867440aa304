// A reader for GNU gettext binary catalogues (.mo), as the GNU gettext manual
// documents them ("The Format of GNU MO Files"): a magic number that also gives
// the byte order, a revision, the number of strings N, and the offsets of two
// tables of N (length, offset) pairs, one for the original strings and one for
// their translations. Read directly, so no generated locale or setlocale() is
// needed to use the translations Debian's iso-codes ships.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace newsdesk {

// (msgid, msgstr) pairs of `path`, without the header entry (empty msgid) and
// without untranslated entries. A plural entry gives its first forms only; a
// context ("ctx\x04msgid") is kept as part of the msgid. Throws newsdesk::Error
// ("PATH: reason") when the file cannot be read or is not a valid catalogue.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> read_gettext_catalog(
    const std::filesystem::path& path);

}  // namespace newsdesk
