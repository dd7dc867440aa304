// Finding the article text in a page: a readability-style content scorer, and
// photo captions (kept out of the body).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"

namespace newsdesk::html {

struct Content {
    std::vector<std::string> paragraphs;
    std::vector<Caption> captions;
};

struct ContentOptions {
    // Drop elements whose class/id look like page furniture before scoring
    // (data/html/unlikely_candidates.txt). Turned off for a second attempt when
    // the first finds almost nothing.
    bool strip_unlikely = true;
};

// Modifies the tree (removes furniture, captions). `headline` is left out of the body.
[[nodiscard]] Content extract_content(xmlDoc* doc, std::string_view headline,
                                      const ContentOptions& options = {});

// Splits a photo credit off caption text: "Protesters in Seoul. Photo: Reuters"
// -> {"Protesters in Seoul.", "Reuters"}; "(AP Photo/Ahn Young-joon)" at the end
// -> credit "AP Photo/Ahn Young-joon". No credit found: credit is nullopt.
[[nodiscard]] Caption split_credit(std::string_view caption);

// Removes paragraphs that are page furniture on their own ("Advertisement",
// "Share this article", "Read more: ...", data/html/boilerplate_phrases.txt).
[[nodiscard]] bool is_boilerplate_paragraph(std::string_view paragraph);

}  // namespace newsdesk::html
