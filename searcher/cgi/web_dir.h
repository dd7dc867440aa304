// Where newsdesk.cgi's templates and style sheet are found at run time.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace newsdesk {

// $NEWSDESK_WEB if set; else ../share/newsdesk/web next to the running binary
// (installed layout); else the install prefix's; else the source tree's web/
// (build tree). Throws newsdesk::Error when none holds page.mustache.
[[nodiscard]] std::filesystem::path web_dir();

// The contents of web_dir()/relative; throws newsdesk::Error if unreadable.
[[nodiscard]] std::string read_web_file(std::string_view relative);

}  // namespace newsdesk
