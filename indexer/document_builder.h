// Article -> Xapian::Document, following common/schema.h.
#pragma once

#include <xapian.h>

#include "common/article.h"

namespace newsdesk {

// Builds documents; one per thread (it owns a TermGenerator).
class DocumentBuilder {
  public:
    DocumentBuilder();

    // The document for `article`: positional terms per field (and unprefixed),
    // boolean filter terms, the date values and the JSON record as data.
    [[nodiscard]] Xapian::Document build(const Article& article);

  private:
    void index_field(std::string_view text, std::string_view prefix, Xapian::termcount weight);

    Xapian::TermGenerator m_termgen;
};

}  // namespace newsdesk
