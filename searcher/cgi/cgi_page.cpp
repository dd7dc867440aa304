#include "searcher/cgi/cgi_page.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <kainjow/mustache.hpp>

#include "common/error.h"
#include "common/lang/language.h"
#include "common/text.h"
#include "searcher/cgi/web_dir.h"
#include "searcher/facets.h"
#include "searcher/query_builder.h"
#include "searcher/snippet.h"

namespace newsdesk {

namespace {

namespace m = kainjow::mustache;

const Markers kHtmlMarkers{"<mark>", "</mark>", true};
constexpr std::size_t kQuotesPerHit = 3;
constexpr std::size_t kTimelineMonths = 120;
// The least count a timeline's full height stands for.
constexpr Xapian::doccount kTimelineFloor = 5;

// The smallest of 1, 2, 5, 10, 20, 50 ... that is at least n.
Xapian::doccount round_up_1_2_5(Xapian::doccount n) {
    for (Xapian::doccount base = 1;; base *= 10)
        for (const Xapian::doccount step : {1u, 2u, 5u})
            if (step * base >= n) return step * base;
}

// A template parsed once per process and kept while its file stays the same
// (size and modification time): newsdesk-fcgi answers many requests from one
// process, and parsing page.mustache again for each took ~1.8M instructions of
// a ~40M page at 200,000 articles. An edited template is read at the next request.
struct KeptTemplate {
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
    std::shared_ptr<m::mustache> tmpl;
};

std::shared_ptr<m::mustache> parsed_template(const std::string& relative) {
    thread_local std::map<std::string, KeptTemplate> kept;
    const auto path = web_dir() / relative;
    std::error_code error;
    const auto modified = std::filesystem::last_write_time(path, error);
    const auto size = error ? 0 : std::filesystem::file_size(path, error);
    if (auto it = kept.find(relative); it != kept.end() && !error && it->second.modified == modified &&
                                       it->second.size == size && it->second.tmpl->is_valid())
        return it->second.tmpl;  // a render error leaves a template invalid: parsed again
    auto tmpl = std::make_shared<m::mustache>(read_web_file(relative));
    if (!tmpl->is_valid()) throw Error("template " + relative.substr(10) + ": " + tmpl->error_message());
    if (!error) kept[relative] = {modified, size, tmpl};  // unseen on disk (raced away?): used once
    return tmpl;
}

std::string render_template(std::string_view name, const m::data& data) {
    const auto tmpl = parsed_template("templates/" + std::string(name));
    std::string out;
    out.reserve(32 * 1024);
    tmpl->render(data, [&out](const std::string& text) { out += text; });  // no stringstream
    if (!tmpl->is_valid()) throw Error("template " + std::string(name) + ": " + tmpl->error_message());
    return out;
}

// kainjow's data API copies: set() and push_back() take copies of what they
// are given, deep ones for nested objects and lists, and a list's vector copies
// its items again as it grows (basic_data's move is not noexcept). A page built
// that way copied each hit three or four times. These move values into place.
void put(m::data& d, const std::string& key, m::data value) { d[key] = std::move(value); }

// The vector kainjow keeps for a list: it hands it out only as const, but owns
// it as a plain (non-const) member, so it may be filled in place.
m::list& items(const m::data& list) { return const_cast<m::list&>(list.list_value()); }

m::data make_list(std::size_t size) {
    m::data list{m::data::type::list};
    items(list).reserve(size);
    return list;
}

void append(m::data& list, m::data item) { items(list).push_back(std::move(item)); }

// A value shown only when present: kainjow's sections treat every string,
// even an empty one, as true, so an empty value is set as false.
void set_opt(m::data& d, const std::string& key, const std::string& value) {
    if (value.empty()) put(d, key, false);
    else put(d, key, value);
}

std::string href(const WebRequest& r) {
    const std::string link = r.link();
    return link.empty() ? "?" : "?" + link;
}

// The request with `facet=value` added (or, for dates, set), back on page 1.
WebRequest with_filter(const WebRequest& r, const std::string& facet, const std::string& value) {
    WebRequest next = r;
    next.page = 1;
    if (facet == "date")
        std::erase_if(next.filters, [](const auto& f) { return f.first == "date"; });
    const std::pair<std::string, std::string> filter{facet, value};
    if (std::find(next.filters.begin(), next.filters.end(), filter) == next.filters.end())
        next.filters.push_back(filter);
    return next;
}

WebRequest without_filter(const WebRequest& r, const std::string& facet, const std::string& value) {
    WebRequest next = r;
    next.page = 1;
    std::erase(next.filters, std::pair<std::string, std::string>{facet, value});
    return next;
}

bool has_filter(const WebRequest& r, const std::string& facet, const std::string& value) {
    return std::find(r.filters.begin(), r.filters.end(), std::pair<std::string, std::string>{facet, value}) !=
           r.filters.end();
}

// The sidebar heading of a facet, and the label of one of its filters, as
// kFacets (common/schema.h) spells them.
std::string facet_title(const std::string& name) {
    const FacetSpec* facet = find_facet(name);
    return facet ? std::string(facet->title) : name;
}

std::string facet_singular(const std::string& name) {
    const FacetSpec* facet = find_facet(name);
    return facet ? std::string(facet->singular) : name;
}

m::data form_data(const WebRequest& r, const CgiConfig& config) {
    m::data form;
    put(form, "q", r.query);
    put(form, "from", r.from);
    put(form, "to", r.to);
    m::data sorts = make_list(3);
    for (const auto& [value, label] : {std::pair{"relevance", "Relevance"}, std::pair{"newest", "Newest first"},
                                       std::pair{"recency", "Relevance and recency"}}) {
        m::data option;
        put(option, "value", value);
        put(option, "label", label);
        put(option, "selected", r.sort == value);
        append(sorts, std::move(option));
    }
    put(form, "sorts", std::move(sorts));
    // Hidden fields carry the state a new query keeps: filters, tab, copies, size.
    m::data hidden = make_list(r.filters.size() + 3);
    const auto keep = [&hidden](const std::string& name, const std::string& value) {
        m::data field;
        put(field, "name", name);
        put(field, "value", value);
        append(hidden, std::move(field));
    };
    for (const auto& [facet, value] : r.filters) keep(facet, value);
    if (r.tab == WebTab::quotes) keep("tab", "quotes");
    if (r.tab == WebTab::experts) keep("tab", "experts");
    if (r.all_copies) keep("copies", "all");
    if (r.size != 10) keep("size", std::to_string(r.size));
    put(form, "hidden", std::move(hidden));
    m::data collections = make_list(config.collections.size());
    for (const auto& [name, path] : config.collections) {
        m::data c;
        put(c, "name", name);
        put(c, "selected", name == r.collection);
        append(collections, std::move(c));
    }
    put(form, "has_collections", !config.collections.empty());
    put(form, "collections", std::move(collections));
    return form;
}

m::data tabs_data(const WebRequest& r) {
    m::data tabs = make_list(3);
    for (const auto& [tab, label] : {std::pair{WebTab::articles, "Articles"}, std::pair{WebTab::quotes, "Quotes"},
                                     std::pair{WebTab::experts, "Experts"}}) {
        WebRequest next = r;
        next.tab = tab;
        next.page = 1;
        m::data t;
        put(t, "label", label);
        put(t, "href", href(next));
        put(t, "current", r.tab == tab);
        append(tabs, std::move(t));
    }
    return tabs;
}

m::data chips_data(const WebRequest& r) {
    m::data chips = make_list(r.filters.size());
    for (const auto& [facet, value] : r.filters) {
        m::data chip;
        put(chip, "facet", facet_singular(facet));
        put(chip, "label", facet_label(facet, value));
        put(chip, "href", href(without_filter(r, facet, value)));
        append(chips, std::move(chip));
    }
    return chips;
}

m::data facets_data(const WebRequest& r, const SearchResult& result) {
    m::data facets = make_list(result.facets.size());
    for (const auto& facet : result.facets) {
        if (facet.name == "date" || facet.values.empty()) continue;
        m::data f;
        put(f, "name", facet.name);
        put(f, "title", facet_title(facet.name));
        m::data values = make_list(facet.values.size());
        for (const auto& v : facet.values) {
            const bool active = has_filter(r, facet.name, v.value);
            m::data value;
            put(value, "label", v.label);
            put(value, "count", std::to_string(v.count));
            put(value, "active", active);
            put(value, "href", href(active ? without_filter(r, facet.name, v.value)
                                          : with_filter(r, facet.name, v.value)));
            append(values, std::move(value));
        }
        put(f, "values", std::move(values));
        append(facets, std::move(f));
    }
    return facets;
}

// Months from the first to the last with matches (gaps drawn as empty slots),
// the latest kTimelineMonths of them; bars scaled to the busiest month.
// "YYYY-MM".
std::string month_key(int year, int month) {
    std::string key = std::to_string(year);
    if (key.size() < 4) key.insert(0, 4 - key.size(), '0');
    key += month < 10 ? "-0" : "-";
    key += std::to_string(month);
    return key;
}

// The request's link with its date filter set to a month (with_filter), for
// each bar of the timeline: made once with a stand-in month and the month put
// in its place, where a request copied and linked per bar cost a third of the
// timeline. The stand-in stands once in the link, URL-encoded as itself (as
// every month is), or each link is made whole.
class MonthLinks {
  public:
    explicit MonthLinks(const WebRequest& r) : m_request(r), m_link(href(with_filter(r, "date", kStandIn))) {
        m_at = m_link.find(kStandIn);
        if (m_at != std::string::npos && m_link.find(kStandIn, m_at + 1) != std::string::npos) m_at = std::string::npos;
    }
    [[nodiscard]] std::string to(const std::string& month) const {
        if (m_at == std::string::npos || month.size() != std::string_view(kStandIn).size())
            return href(with_filter(m_request, "date", month));
        std::string link = m_link;
        link.replace(m_at, month.size(), month);
        return link;
    }

  private:
    static constexpr const char* kStandIn = "0000-00";
    const WebRequest& m_request;
    std::string m_link;
    std::size_t m_at = std::string::npos;
};

m::data timeline_data(const WebRequest& r, const SearchResult& result) {
    m::data timeline;
    const Facet* dates = nullptr;
    for (const auto& facet : result.facets)
        if (facet.name == "date" && facet.bucket == "month" && !facet.values.empty()) dates = &facet;
    if (!dates) return m::data(false);
    std::vector<std::pair<std::string, Xapian::doccount>> months;
    const auto& values = dates->values;
    int year = std::stoi(values.front().value.substr(0, 4)), month = std::stoi(values.front().value.substr(5, 2));
    std::size_t next = 0;
    while (next < values.size() && months.size() < 100000) {
        const std::string key = month_key(year, month);
        Xapian::doccount count = 0;
        if (values[next].value == key) count = values[next++].count;
        months.emplace_back(key, count);
        if (++month == 13) month = 1, ++year;
    }
    if (months.size() > kTimelineMonths) months.erase(months.begin(), months.end() - kTimelineMonths);
    Xapian::doccount most = 1;
    for (const auto& [key, count] : months) most = std::max(most, count);
    // Heights are out of a round number of at least kTimelineFloor, named on the
    // axis: one article in a month is a short bar, not a full-height one.
    const Xapian::doccount top = round_up_1_2_5(std::max(most, kTimelineFloor));
    constexpr int kBar = 12, kGap = 2, kHeight = 60, kAxis = 14, kLabelGap = 44;
    m::data bars = make_list(months.size());
    m::data ticks = make_list(0);
    const MonthLinks links(r);
    int x = 0, last_tick = -kLabelGap;
    for (const auto& [key, count] : months) {
        // The axis: the first month, then each January, as far apart as a label needs.
        const bool january = key.ends_with("-01");
        if ((x == 0 || january) && x - last_tick >= kLabelGap) {
            m::data tick;
            put(tick, "x", std::to_string(x));
            put(tick, "label", x == 0 && !january ? key : key.substr(0, 4));
            append(ticks, std::move(tick));
            last_tick = x;
        }
        // A month without matches keeps its slot but draws nothing (the template shows
        // only bars with matches), so it needs no entry.
        if (count == 0) {
            x += kBar + kGap;
            continue;
        }
        // A bar's own values only: its width and its slot's height are the
        // timeline's (bar_width, slot_height), a hundred bars a page.
        const int height = std::max(2, static_cast<int>(kHeight * static_cast<double>(count) / top));
        m::data bar;
        put(bar, "x", std::to_string(x));
        put(bar, "y", std::to_string(kHeight - height));
        put(bar, "height", std::to_string(height));
        put(bar, "month", key);
        put(bar, "articles", count == 1 ? std::string("1 article") : std::to_string(count) + " articles");
        put(bar, "active", has_filter(r, "date", key));
        put(bar, "href", links.to(key));
        append(bars, std::move(bar));
        x += kBar + kGap;
    }
    const int plot = std::max(x - kGap, 1);
    put(timeline, "bars", std::move(bars));
    put(timeline, "ticks", std::move(ticks));
    // The plot, then the scale's top count at its right; the axis labels below.
    put(timeline, "bar_width", std::to_string(kBar));
    put(timeline, "slot_height", std::to_string(kHeight));
    put(timeline, "plot_width", std::to_string(plot));
    put(timeline, "width", std::to_string(plot + 40));
    put(timeline, "plot_height", std::to_string(kHeight));
    put(timeline, "label_y", std::to_string(kHeight + kAxis - 3));
    put(timeline, "height", std::to_string(kHeight + kAxis));
    put(timeline, "top", std::to_string(top));
    put(timeline, "scale_x", std::to_string(plot + 4));
    put(timeline, "first", months.front().first);
    put(timeline, "last", months.back().first);
    return timeline;
}

m::data links_of(const WebRequest& r, const std::string& facet, const std::vector<std::pair<std::string, std::string>>& values) {
    m::data list = make_list(values.size());
    for (const auto& [value, label] : values) {
        m::data link;
        put(link, "label", label);
        put(link, "href", href(with_filter(r, facet, value)));
        append(list, std::move(link));
    }
    return list;
}

m::data quote_data(const WebRequest& r, const Quote& quote, const std::string& html) {
    m::data q;
    put(q, "html", html);
    put(q, "has_speaker", quote.speaker.has_value());
    put(q, "speaker", quote.speaker.value_or(""));
    put(q, "speaker_href", quote.speaker ? href(with_filter(r, "expert", *quote.speaker)) : std::string());
    set_opt(q, "speaker_title", quote.speaker_title.value_or(""));
    set_opt(q, "institution", quote.institution.value_or(""));
    return q;
}

void article_fields(m::data& d, const Article& a) {
    put(d, "headline", a.headline.empty() ? std::string("(no headline)") : a.headline);
    const std::string link = article_link(a);
    put(d, "link", link);
    put(d, "has_link", !link.empty());
    set_opt(d, "date", a.date.value_or(""));
    set_opt(d, "source", a.source.value_or(""));
    put(d, "language", a.language);
}

m::data hits_data(const WebRequest& r, const SearchResult& result, Highlighter* highlighter) {
    m::data hits = make_list(result.hits.size());
    Xapian::doccount rank = result.offset;
    for (const auto& hit : result.hits) {
        const Article& a = hit.article;
        m::data h;
        put(h, "rank", std::to_string(++rank));
        article_fields(h, a);
        put(h, "snippet", hit.snippet);
        put(h, "collapsed", hit.collapsed > 0);
        put(h, "copies", std::to_string(hit.collapsed) + (hit.collapsed == 1 ? " similar copy" : " similar copies"));
        WebRequest all = r;
        all.all_copies = true;
        put(h, "copies_href", href(all));
        m::data quotes = make_list(kQuotesPerHit);
        // The quotes are marked as the snippet was: with the reading of the query for the article's language.
        const Reading* reading = highlighter ? &highlighter->reading(a.language) : nullptr;
        if (reading && !reading->stems.empty()) {
            for (const auto& quote : a.quotes) {
                std::size_t matched = 0;
                std::string html = highlight(quote.text, *reading, kHtmlMarkers, &matched);
                if (matched == 0) continue;
                append(quotes, quote_data(r, quote, html));
                if (quotes.list_value().size() == kQuotesPerHit) break;
            }
        }
        put(h, "has_quotes", !quotes.list_value().empty());
        put(h, "quotes", std::move(quotes));
        std::vector<std::pair<std::string, std::string>> experts, countries;
        for (const auto& e : a.experts) experts.emplace_back(e.name, e.name);
        for (const auto& c : a.countries) countries.emplace_back(c.code, c.name.empty() ? c.code : c.name);
        put(h, "has_experts", !experts.empty());
        put(h, "experts", links_of(r, "expert", experts));
        put(h, "has_countries", !countries.empty());
        put(h, "countries", links_of(r, "country", countries));
        append(hits, std::move(h));
    }
    return hits;
}

m::data quote_hits_data(const WebRequest& r, const QuoteResult& result) {
    m::data quotes = make_list(result.quotes.size());
    for (const auto& q : result.quotes) {
        m::data d = quote_data(r, q.quote, q.highlighted);
        article_fields(d, result.articles.hits[q.article].article);
        append(quotes, std::move(d));
    }
    return quotes;
}

m::data experts_data(const WebRequest& r, const ExpertResult& result) {
    m::data experts = make_list(result.experts.size());
    int rank = 0;
    for (const auto& e : result.experts) {
        m::data d;
        put(d, "rank", std::to_string(++rank));
        put(d, "name", e.name);
        put(d, "href", href(with_filter(r, "expert", e.name)));
        set_opt(d, "title", e.title.value_or(""));
        set_opt(d, "institution", e.institution.value_or(""));
        put(d, "quotes", std::to_string(e.quotes) + (e.quotes == 1 ? " quote" : " quotes"));
        put(d, "articles", std::to_string(e.articles) + (e.articles == 1 ? " article" : " articles"));
        set_opt(d, "span", e.first_date.empty() ? std::string() : e.first_date + " to " + e.last_date);
        append(experts, std::move(d));
    }
    return experts;
}

m::data pagination_data(const WebRequest& r, const SearchResult& result) {
    m::data pages;
    const Xapian::doccount total = result.estimate;
    const Xapian::doccount with_results = total ? (total - 1) / r.size + 1 : 1;
    const Xapian::doccount last = with_results < cgi_limit::last_page ? with_results : cgi_limit::last_page;
    const auto page_href = [&r](Xapian::doccount page) {
        WebRequest next = r;
        next.page = page;
        return href(next);
    };
    // A page past the end (an old link, a hand-made URL) leads back to the last
    // page with results, not to the empty one before it.
    const Xapian::doccount near = std::min(r.page, last);
    put(pages, "has_prev", r.page > 1);
    const Xapian::doccount previous = r.page - 1 < last ? r.page - 1 : last;
    put(pages, "prev_href", r.page > 1 ? page_href(previous) : std::string());
    const bool more = r.page < last && r.page < cgi_limit::last_page;
    put(pages, "has_next", more);
    put(pages, "next_href", more ? page_href(r.page + 1) : std::string());
    m::data numbers = make_list(7);
    const Xapian::doccount first = near > 3 ? near - 3 : 1;
    for (Xapian::doccount p = first; p <= std::min(last, first + 6); ++p) {
        m::data n;
        put(n, "number", std::to_string(p));
        put(n, "href", page_href(p));
        put(n, "current", p == r.page);
        append(numbers, std::move(n));
    }
    put(pages, "numbers", std::move(numbers));
    put(pages, "show", last > 1 || r.page > 1);
    return pages;
}

std::string summary(const WebRequest& r, const SearchResult& result, std::size_t shown) {
    const std::string about = result.exact ? "" : "about ";
    if (shown == 0) {
        if (result.total == 0) return "No matching articles.";
        return "No more results on this page (" + about + std::to_string(result.estimate) + " in all).";
    }
    std::string text = (result.exact ? "" : "About ") + std::to_string(result.total) + " matching article" +
                       (result.total == 1 ? "" : "s");
    if (result.estimate < result.total)
        text += " (" + about + std::to_string(result.estimate) + " after folding wire copies)";
    if (r.tab == WebTab::articles)
        text += "; showing " + std::to_string(result.offset + 1) + "–" + std::to_string(result.offset + shown);
    return text + ".";
}

// Atom's dates: the full timestamp when it carries a zone, else the day at midnight UTC.
std::string rfc3339(const Article& a) {
    if (a.datetime && a.datetime->size() >= 20 && a.datetime->size() <= 32 && (*a.datetime)[10] == 'T') {
        const std::string& t = *a.datetime;
        const bool zone = t.back() == 'Z' || t[t.size() - 6] == '+' || t[t.size() - 6] == '-';
        if (zone && t.find_first_not_of("0123456789-:+.TZ") == std::string::npos) return t;
    }
    return a.date ? *a.date + "T00:00:00Z" : "1970-01-01T00:00:00Z";
}

}  // namespace

const std::vector<std::string>& page_facets() { return web_filter_names(); }

std::string safe_link(const std::string& url) {
    const std::string lower = ascii_lower(url.substr(0, 8));
    if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) return {};
    for (const unsigned char c : url)
        if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return {};
    return url;
}

std::string file_link(const std::string& path) {
    if (path.empty() || path.front() != '/') return {};
    std::string_view file = path, fragment;
    if (const auto hash = path.rfind('#'); hash != std::string::npos && hash + 1 < path.size() &&
                                           path.find_first_not_of("0123456789", hash + 1) == std::string::npos) {
        file = std::string_view(path).substr(0, hash);
        fragment = std::string_view(path).substr(hash);
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = "file://";
    for (const unsigned char c : file) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out.append(fragment);
}

std::string article_link(const Article& article) {
    if (article.url)
        if (auto link = safe_link(*article.url); !link.empty()) return link;
    return file_link(article.path);
}

std::string render_page(const WebRequest* request, const PageContent& content, const CgiConfig& config) {
    const WebRequest empty;
    const WebRequest& r = request ? *request : empty;
    m::data page;
    put(page, "static_url", config.static_url);
    put(page, "title", r.query.empty() ? std::string("newsdesk search") : r.query + " — newsdesk search");
    put(page, "form", form_data(r, config));
    put(page, "tabs", tabs_data(r));
    put(page, "has_error", !content.error.empty());
    put(page, "error", content.error);
    put(page, "has_syntax_error", !content.syntax_error.empty());
    put(page, "syntax_error", content.syntax_error);
    put(page, "chips", chips_data(r));
    put(page, "has_chips", !r.filters.empty());

    const SearchResult* base = content.articles   ? content.articles
                               : content.quotes   ? &content.quotes->articles
                               : content.experts  ? &content.experts->articles
                                                  : nullptr;
    put(page, "has_results", base != nullptr);
    put(page, "articles_tab", content.articles != nullptr);
    put(page, "quotes_tab", content.quotes != nullptr);
    put(page, "experts_tab", content.experts != nullptr);
    if (base) {
        put(page, "facets", facets_data(r, *base));
        put(page, "has_facets", std::any_of(base->facets.begin(), base->facets.end(),
                                            [](const Facet& f) { return !f.values.empty(); }));
        put(page, "timeline", timeline_data(r, *base));
        put(page, "has_did_you_mean", !base->corrected_query.empty());
        WebRequest corrected = r;
        corrected.query = base->corrected_query;
        corrected.page = 1;
        put(page, "did_you_mean", base->corrected_query);
        put(page, "did_you_mean_href", href(corrected));
        WebRequest json = r, atom = r, csv = r;
        json.format = WebFormat::json;
        csv.format = WebFormat::csv;
        csv.all = true;
        csv.page = 1;
        atom.format = WebFormat::atom;
        atom.tab = WebTab::articles;
        atom.page = 1;
        atom.sort = "newest";
        put(page, "json_href", href(json));
        put(page, "atom_href", href(atom));
        put(page, "csv_href", href(csv));
    }
    if (content.articles) {
        put(page, "summary", summary(r, *content.articles, content.articles->hits.size()));
        put(page, "hits", hits_data(r, *content.articles, content.highlighter));
        put(page, "has_hits", !content.articles->hits.empty());
        put(page, "pagination", pagination_data(r, *content.articles));
    } else if (content.quotes) {
        put(page, "summary", content.quotes->quotes.empty() ? std::string("No matching quotes.")
                                                           : std::to_string(content.quotes->quotes.size()) +
                                                                 " quotes from the best matching articles.");
        put(page, "quote_hits", quote_hits_data(r, *content.quotes));
        // The quotes and experts tabs have their markup in partials of their own,
        // read and parsed only for their tab: a template's parse tree is the
        // largest thing a page allocates.
        put(page, "quotes_page", read_web_file("templates/quotes_page.mustache"));
        put(page, "has_quote_hits", !content.quotes->quotes.empty());
    } else if (content.experts) {
        put(page, "summary", content.experts->experts.empty()
                                ? std::string("No experts quoted in the matching articles.")
                                : "Experts quoted in the " + std::to_string(content.experts->articles_examined) +
                                      " best matching articles, most quoted first.");
        put(page, "expert_hits", experts_data(r, *content.experts));
        put(page, "experts_page", read_web_file("templates/experts_page.mustache"));
        put(page, "has_expert_hits", !content.experts->experts.empty());
    }
    return render_template("page.mustache", page);
}

std::string render_atom(const WebRequest& request, const SearchResult& result) {
    m::data feed;
    put(feed, "title", request.query.empty() ? std::string("newsdesk: newest articles")
                                            : "newsdesk: " + request.query);
    WebRequest html = request;
    html.format = WebFormat::html;
    WebRequest self = request;
    self.format = WebFormat::atom;
    put(feed, "self_href", href(self));
    put(feed, "html_href", href(html));
    put(feed, "id", "tag:newsdesk,2024:search?" + request.link());
    std::string updated = "1970-01-01T00:00:00Z";
    m::data entries = make_list(result.hits.size());
    for (const auto& hit : result.hits) {
        const Article& a = hit.article;
        const std::string when = rfc3339(a);
        if (a.date && when > updated) updated = when;
        m::data e;
        put(e, "title", a.headline.empty() ? std::string("(no headline)") : a.headline);
        put(e, "id", "tag:newsdesk,2024:article:" + url_encode(a.id));
        const std::string link = article_link(a);
        put(e, "has_link", !link.empty());
        put(e, "link", link);
        put(e, "updated", when);
        set_opt(e, "source", a.source.value_or(""));
        put(e, "summary", hit.snippet);
        append(entries, std::move(e));
    }
    put(feed, "updated", updated);
    put(feed, "entries", std::move(entries));
    return render_template("atom.mustache", feed);
}

}  // namespace newsdesk
