#include "searcher/render_csv.h"

namespace newsdesk {

namespace {

std::string opt(const std::optional<std::string>& value) { return value.value_or(""); }

// The article's address: its URL, else the file it was read from.
std::string address(const Article& article) { return article.url ? *article.url : article.path; }

template <typename T, typename Name>
std::string joined(const std::vector<T>& values, Name name) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += "; ";
        out += name(v);
    }
    return out;
}

}  // namespace

std::string csv_cell(std::string_view value) {
    std::string cell;
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
        cell = "'";
    cell += value;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (const char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

void write_csv_row(const std::vector<std::string>& cells, std::ostream& out) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_cell(cells[i]);
    out << "\r\n";
}

const std::vector<std::string>& csv_header(const SearchResult&) {
    static const std::vector<std::string> header{"date", "headline", "source", "url", "countries", "experts"};
    return header;
}

const std::vector<std::string>& csv_header(const QuoteResult&) {
    static const std::vector<std::string> header{"date", "speaker", "title", "institution", "quote", "url"};
    return header;
}

const std::vector<std::string>& csv_header(const ExpertResult&) {
    static const std::vector<std::string> header{"name",     "title", "institution", "quotes",
                                                 "articles", "first", "last"};
    return header;
}

void render_csv_rows(const SearchResult& result, std::ostream& out) {
    for (const auto& hit : result.hits) {
        const auto& a = hit.article;
        write_csv_row({opt(a.date), a.headline, opt(a.source), address(a),
                       joined(a.countries, [](const Country& c) { return c.name; }),
                       joined(a.experts, [](const Expert& e) { return e.name; })},
                      out);
    }
}

void render_csv_rows(const QuoteResult& result, std::ostream& out) {
    for (const auto& q : result.quotes) {
        const auto& a = result.articles.hits.at(q.article).article;
        write_csv_row({opt(a.date), opt(q.quote.speaker), opt(q.quote.speaker_title), opt(q.quote.institution),
                       q.quote.text, address(a)},
                      out);
    }
}

void render_csv_rows(const ExpertResult& result, std::ostream& out) {
    for (const auto& e : result.experts)
        write_csv_row({e.name, opt(e.title), opt(e.institution), std::to_string(e.quotes), std::to_string(e.articles),
                       e.first_date, e.last_date},
                      out);
}

}  // namespace newsdesk
