// Results as CSV, for spreadsheets and scripts (RFC 4180): UTF-8, a header row,
// CRLF line ends, a field quoted when it holds a comma, a double quote, CR or LF
// (its quotes doubled). A cell a spreadsheet would run as a formula (one that
// begins with = + - @, a tab or a CR) starts with an apostrophe instead, so a
// headline such as "=HYPERLINK(...)" is shown as text, never evaluated (OWASP's
// advice on CSV injection). Lists (countries, experts) are one cell, "; "
// between values.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/search_request.h"

namespace newsdesk {

// One cell as written: quoted when needed, neutralised when it could run.
[[nodiscard]] std::string csv_cell(std::string_view value);
// One row: the cells, commas between, CRLF after.
void write_csv_row(const std::vector<std::string>& cells, std::ostream& out);

// The header of each kind of result.
[[nodiscard]] const std::vector<std::string>& csv_header(const SearchResult&);
[[nodiscard]] const std::vector<std::string>& csv_header(const QuoteResult&);
[[nodiscard]] const std::vector<std::string>& csv_header(const ExpertResult&);

// The rows of a result, without the header: one per hit (date, headline,
// source, url, countries, experts; a file's path when it has no URL), per quote
// (date, speaker, title, institution, quote, url), per expert (name, title,
// institution, quotes, articles, first, last).
void render_csv_rows(const SearchResult& result, std::ostream& out);
void render_csv_rows(const QuoteResult& result, std::ostream& out);
void render_csv_rows(const ExpertResult& result, std::ostream& out);

// Header and rows.
template <typename Result>
void render_csv(const Result& result, std::ostream& out) {
    write_csv_row(csv_header(result), out);
    render_csv_rows(result, out);
}

}  // namespace newsdesk
