// Article metadata from an HTML page: JSON-LD, <meta> tags, <link>, and the
// visible page (h1, <time>, bylines), in that order of trust.
#pragma once

#include <libxml/tree.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/lang/dates.h"

namespace newsdesk::html {

struct PageMeta {
    std::string headline;
    std::optional<ParsedDate> date;
    std::vector<std::string> byline;
    std::optional<std::string> url;
    std::optional<std::string> source;
    std::string declared_language;
    std::string ld_body;  // JSON-LD articleBody, "" when absent
};

// Reads every metadata source of the page; never throws on odd markup.
[[nodiscard]] PageMeta read_page_meta(xmlDoc* doc);

// Removes site-name segments (" | The Hindu", " - BBC News", "_科技_腾讯网") from
// either end of a page title. A segment goes when it matches one of
// `site_names` (outlet names or domains), or when it is short enough to be a
// site name and enough of the title is left. Returns the title otherwise unchanged.
[[nodiscard]] std::string strip_site_name(std::string_view title,
                                          const std::vector<std::string>& site_names);

// Lower-case <meta> key (name, property, itemprop or http-equiv) -> content.
using MetaMap = std::map<std::string, std::string>;

// The publication date: JSON-LD datePublished (`ld_date`), the date <meta> names
// of data/html/date_meta_names.txt, <time>, itemprop, then date-like elements.
[[nodiscard]] std::optional<ParsedDate> find_page_date(xmlNode* root, const MetaMap& meta,
                                                       const std::string& ld_date);

// Author names: JSON-LD authors (`ld_authors`), author <meta> names, itemprop /
// rel=author, byline-classed elements, a "By ..." line.
[[nodiscard]] std::vector<std::string> find_byline(xmlNode* root, const MetaMap& meta,
                                                   const std::vector<std::string>& ld_authors);

// Names from a byline string: "By Jane Doe and John Roe | June 21, 2024" ->
// {"Jane Doe", "John Roe"}. Drops "By", dates, URLs, job titles.
[[nodiscard]] std::vector<std::string> byline_names(std::string_view raw);

}  // namespace newsdesk::html
