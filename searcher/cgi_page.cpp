#include "searcher/cgi_page.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <kainjow/mustache.hpp>

#include "common/error.h"
#include "common/language.h"
#include "common/text.h"
#include "searcher/facets.h"
#include "searcher/query_builder.h"
#include "searcher/snippet.h"
#include "searcher/web_dir.h"

namespace newsdesk {

namespace {

namespace m = kainjow::mustache;

const Markers kHtmlMarkers{"<mark>", "</mark>", true};
constexpr std::size_t kQuotesPerHit = 3;
constexpr std::size_t kTimelineMonths = 120;

std::string render_template(std::string_view name, const m::data& data) {
    m::mustache tmpl(read_web_file("templates/" + std::string(name)));
    if (!tmpl.is_valid()) throw Error("template " + std::string(name) + ": " + tmpl.error_message());
    std::string out = tmpl.render(data);
    if (!tmpl.is_valid()) throw Error("template " + std::string(name) + ": " + tmpl.error_message());
    return out;
}

// A value shown only when present: kainjow's sections treat every string,
// even an empty one, as true, so an empty value is set as false.
void set_opt(m::data& d, const std::string& key, const std::string& value) {
    if (value.empty()) d.set(key, false);
    else d.set(key, value);
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

std::string facet_title(const std::string& name) {
    if (name == "country") return "Countries";
    if (name == "expert") return "Experts";
    if (name == "institution") return "Institutions";
    if (name == "person") return "People";
    if (name == "language") return "Languages";
    if (name == "source") return "Sources";
    if (name == "date") return "Months";
    return name;
}

std::string facet_singular(const std::string& name) {
    if (name == "date") return "Month";
    std::string title = name;
    if (!title.empty()) title[0] = static_cast<char>(title[0] - 'a' + 'A');
    return title;
}

m::data form_data(const WebRequest& r, const CgiConfig& config) {
    m::data form;
    form.set("q", r.query);
    form.set("from", r.from);
    form.set("to", r.to);
    m::data sorts{m::data::type::list};
    for (const auto& [value, label] : {std::pair{"relevance", "Relevance"}, std::pair{"newest", "Newest first"},
                                       std::pair{"recency", "Relevance and recency"}}) {
        m::data option;
        option.set("value", value);
        option.set("label", label);
        option.set("selected", r.sort == value);
        sorts.push_back(option);
    }
    form.set("sorts", sorts);
    // Hidden fields carry the state a new query keeps: filters, tab, copies, size.
    m::data hidden{m::data::type::list};
    const auto keep = [&hidden](const std::string& name, const std::string& value) {
        m::data field;
        field.set("name", name);
        field.set("value", value);
        hidden.push_back(field);
    };
    for (const auto& [facet, value] : r.filters) keep(facet, value);
    if (r.tab == WebTab::quotes) keep("tab", "quotes");
    if (r.tab == WebTab::experts) keep("tab", "experts");
    if (r.all_copies) keep("copies", "all");
    if (r.size != 10) keep("size", std::to_string(r.size));
    form.set("hidden", hidden);
    m::data collections{m::data::type::list};
    for (const auto& [name, path] : config.collections) {
        m::data c;
        c.set("name", name);
        c.set("selected", name == r.collection);
        collections.push_back(c);
    }
    form.set("has_collections", !config.collections.empty());
    form.set("collections", collections);
    return form;
}

m::data tabs_data(const WebRequest& r) {
    m::data tabs{m::data::type::list};
    for (const auto& [tab, label] : {std::pair{WebTab::articles, "Articles"}, std::pair{WebTab::quotes, "Quotes"},
                                     std::pair{WebTab::experts, "Experts"}}) {
        WebRequest next = r;
        next.tab = tab;
        next.page = 1;
        m::data t;
        t.set("label", label);
        t.set("href", href(next));
        t.set("current", r.tab == tab);
        tabs.push_back(t);
    }
    return tabs;
}

m::data chips_data(const WebRequest& r) {
    m::data chips{m::data::type::list};
    for (const auto& [facet, value] : r.filters) {
        m::data chip;
        chip.set("facet", facet_singular(facet));
        chip.set("label", facet_label(facet, value));
        chip.set("href", href(without_filter(r, facet, value)));
        chips.push_back(chip);
    }
    return chips;
}

m::data facets_data(const WebRequest& r, const SearchResult& result) {
    m::data facets{m::data::type::list};
    for (const auto& facet : result.facets) {
        if (facet.name == "date" || facet.values.empty()) continue;
        m::data f;
        f.set("name", facet.name);
        f.set("title", facet_title(facet.name));
        m::data values{m::data::type::list};
        for (const auto& v : facet.values) {
            const bool active = has_filter(r, facet.name, v.value);
            m::data value;
            value.set("label", v.label);
            value.set("count", std::to_string(v.count));
            value.set("active", active);
            value.set("href", href(active ? without_filter(r, facet.name, v.value)
                                          : with_filter(r, facet.name, v.value)));
            values.push_back(value);
        }
        f.set("values", values);
        facets.push_back(f);
    }
    return facets;
}

// Months from the first to the last with matches (gaps drawn as empty slots),
// the latest kTimelineMonths of them; bars scaled to the busiest month.
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
        char key[16];
        std::snprintf(key, sizeof key, "%04d-%02d", year, month);
        Xapian::doccount count = 0;
        if (values[next].value == key) count = values[next++].count;
        months.emplace_back(key, count);
        if (++month == 13) month = 1, ++year;
    }
    if (months.size() > kTimelineMonths) months.erase(months.begin(), months.end() - kTimelineMonths);
    Xapian::doccount most = 1;
    for (const auto& [key, count] : months) most = std::max(most, count);
    constexpr int kBar = 12, kGap = 2, kHeight = 60;
    m::data bars{m::data::type::list};
    int x = 0;
    for (const auto& [key, count] : months) {
        // A month without matches keeps its slot but draws nothing (the template shows
        // only bars with matches), so it needs no entry.
        if (count == 0) {
            x += kBar + kGap;
            continue;
        }
        const int height = count ? std::max(2, static_cast<int>(kHeight * static_cast<double>(count) / most)) : 0;
        m::data bar;
        bar.set("x", std::to_string(x));
        bar.set("y", std::to_string(kHeight - height));
        bar.set("width", std::to_string(kBar));
        bar.set("height", std::to_string(height));
        bar.set("slot_height", std::to_string(kHeight));
        bar.set("month", key);
        bar.set("count", std::to_string(count));
        bar.set("active", has_filter(r, "date", key));
        bar.set("has_matches", count > 0);
        bar.set("href", href(with_filter(r, "date", key)));
        bars.push_back(bar);
        x += kBar + kGap;
    }
    timeline.set("bars", bars);
    timeline.set("width", std::to_string(std::max(x - kGap, 1)));
    timeline.set("height", std::to_string(kHeight));
    timeline.set("first", months.front().first);
    timeline.set("last", months.back().first);
    return timeline;
}

m::data links_of(const WebRequest& r, const std::string& facet, const std::vector<std::pair<std::string, std::string>>& values) {
    m::data list{m::data::type::list};
    for (const auto& [value, label] : values) {
        m::data link;
        link.set("label", label);
        link.set("href", href(with_filter(r, facet, value)));
        list.push_back(link);
    }
    return list;
}

m::data quote_data(const WebRequest& r, const Quote& quote, const std::string& html) {
    m::data q;
    q.set("html", html);
    q.set("has_speaker", quote.speaker.has_value());
    q.set("speaker", quote.speaker.value_or(""));
    q.set("speaker_href", quote.speaker ? href(with_filter(r, "expert", *quote.speaker)) : std::string());
    set_opt(q, "speaker_title", quote.speaker_title.value_or(""));
    set_opt(q, "institution", quote.institution.value_or(""));
    return q;
}

void article_fields(m::data& d, const Article& a) {
    d.set("headline", a.headline.empty() ? std::string("(no headline)") : a.headline);
    const std::string link = a.url ? safe_link(*a.url) : std::string();
    d.set("link", link);
    d.set("has_link", !link.empty());
    set_opt(d, "date", a.date.value_or(""));
    set_opt(d, "source", a.source.value_or(""));
    d.set("language", a.language);
}

m::data hits_data(const WebRequest& r, const SearchResult& result, Highlighter* highlighter) {
    m::data hits{m::data::type::list};
    Xapian::doccount rank = result.offset;
    for (const auto& hit : result.hits) {
        const Article& a = hit.article;
        m::data h;
        h.set("rank", std::to_string(++rank));
        article_fields(h, a);
        h.set("snippet", hit.snippet);
        h.set("collapsed", hit.collapsed > 0);
        h.set("copies", std::to_string(hit.collapsed) + (hit.collapsed == 1 ? " similar copy" : " similar copies"));
        WebRequest all = r;
        all.all_copies = true;
        h.set("copies_href", href(all));
        m::data quotes{m::data::type::list};
        // The quotes are marked as the snippet was: with the reading of the query for the article's language.
        const Reading* reading = highlighter ? &highlighter->reading(a.language) : nullptr;
        if (reading && !reading->stems.empty()) {
            for (const auto& quote : a.quotes) {
                std::size_t matched = 0;
                std::string html = highlight(quote.text, reading->stems, reading->stem, kHtmlMarkers, &matched);
                if (matched == 0) continue;
                quotes.push_back(quote_data(r, quote, html));
                if (quotes.list_value().size() == kQuotesPerHit) break;
            }
        }
        h.set("has_quotes", !quotes.list_value().empty());
        h.set("quotes", quotes);
        std::vector<std::pair<std::string, std::string>> experts, countries;
        for (const auto& e : a.experts) experts.emplace_back(e.name, e.name);
        for (const auto& c : a.countries) countries.emplace_back(c.code, c.name.empty() ? c.code : c.name);
        h.set("has_experts", !experts.empty());
        h.set("experts", links_of(r, "expert", experts));
        h.set("has_countries", !countries.empty());
        h.set("countries", links_of(r, "country", countries));
        hits.push_back(h);
    }
    return hits;
}

m::data quote_hits_data(const WebRequest& r, const QuoteResult& result) {
    m::data quotes{m::data::type::list};
    for (const auto& q : result.quotes) {
        m::data d = quote_data(r, q.quote, q.highlighted);
        article_fields(d, result.articles.hits[q.article].article);
        quotes.push_back(d);
    }
    return quotes;
}

m::data experts_data(const WebRequest& r, const ExpertResult& result) {
    m::data experts{m::data::type::list};
    int rank = 0;
    for (const auto& e : result.experts) {
        m::data d;
        d.set("rank", std::to_string(++rank));
        d.set("name", e.name);
        d.set("href", href(with_filter(r, "expert", e.name)));
        set_opt(d, "title", e.title.value_or(""));
        set_opt(d, "institution", e.institution.value_or(""));
        d.set("quotes", std::to_string(e.quotes) + (e.quotes == 1 ? " quote" : " quotes"));
        d.set("articles", std::to_string(e.articles) + (e.articles == 1 ? " article" : " articles"));
        set_opt(d, "span", e.first_date.empty() ? std::string() : e.first_date + " to " + e.last_date);
        experts.push_back(d);
    }
    return experts;
}

m::data pagination_data(const WebRequest& r, const SearchResult& result) {
    m::data pages;
    const Xapian::doccount total = result.estimate;
    const Xapian::doccount last = std::min<Xapian::doccount>(cgi_limit::last_page, total ? (total - 1) / r.size + 1 : 1);
    const auto page_href = [&r](Xapian::doccount page) {
        WebRequest next = r;
        next.page = page;
        return href(next);
    };
    pages.set("has_prev", r.page > 1);
    pages.set("prev_href", r.page > 1 ? page_href(r.page - 1) : std::string());
    const bool more = r.page < last && r.page < cgi_limit::last_page;
    pages.set("has_next", more);
    pages.set("next_href", more ? page_href(r.page + 1) : std::string());
    m::data numbers{m::data::type::list};
    const Xapian::doccount first = r.page > 3 ? r.page - 3 : 1;
    for (Xapian::doccount p = first; p <= std::min(last, first + 6); ++p) {
        m::data n;
        n.set("number", std::to_string(p));
        n.set("href", page_href(p));
        n.set("current", p == r.page);
        numbers.push_back(n);
    }
    pages.set("numbers", numbers);
    pages.set("show", last > 1 || r.page > 1);
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

const std::vector<std::string>& page_facets() {
    static const std::vector<std::string> names{"country", "expert", "institution", "person",
                                                "language", "source", "date"};
    return names;
}

std::string safe_link(const std::string& url) {
    const std::string lower = ascii_lower(url.substr(0, 8));
    if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) return {};
    for (const unsigned char c : url)
        if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return {};
    return url;
}

std::string render_page(const WebRequest* request, const PageContent& content, const CgiConfig& config) {
    const WebRequest empty;
    const WebRequest& r = request ? *request : empty;
    m::data page;
    page.set("static_url", config.static_url);
    page.set("title", r.query.empty() ? std::string("newsdesk search") : r.query + " — newsdesk search");
    page.set("form", form_data(r, config));
    page.set("tabs", tabs_data(r));
    page.set("has_error", !content.error.empty());
    page.set("error", content.error);
    page.set("has_syntax_error", !content.syntax_error.empty());
    page.set("syntax_error", content.syntax_error);
    page.set("chips", chips_data(r));
    page.set("has_chips", !r.filters.empty());

    const SearchResult* base = content.articles   ? content.articles
                               : content.quotes   ? &content.quotes->articles
                               : content.experts  ? &content.experts->articles
                                                  : nullptr;
    page.set("has_results", base != nullptr);
    page.set("articles_tab", content.articles != nullptr);
    page.set("quotes_tab", content.quotes != nullptr);
    page.set("experts_tab", content.experts != nullptr);
    if (base) {
        page.set("facets", facets_data(r, *base));
        page.set("timeline", timeline_data(r, *base));
        page.set("has_did_you_mean", !base->corrected_query.empty());
        WebRequest corrected = r;
        corrected.query = base->corrected_query;
        corrected.page = 1;
        page.set("did_you_mean", base->corrected_query);
        page.set("did_you_mean_href", href(corrected));
        WebRequest json = r, atom = r;
        json.format = WebFormat::json;
        atom.format = WebFormat::atom;
        atom.tab = WebTab::articles;
        atom.page = 1;
        atom.sort = "newest";
        page.set("json_href", href(json));
        page.set("atom_href", href(atom));
    }
    if (content.articles) {
        page.set("summary", summary(r, *content.articles, content.articles->hits.size()));
        page.set("hits", hits_data(r, *content.articles, content.highlighter));
        page.set("has_hits", !content.articles->hits.empty());
        page.set("pagination", pagination_data(r, *content.articles));
    } else if (content.quotes) {
        page.set("summary", content.quotes->quotes.empty() ? std::string("No matching quotes.")
                                                           : std::to_string(content.quotes->quotes.size()) +
                                                                 " quotes from the best matching articles.");
        page.set("quote_hits", quote_hits_data(r, *content.quotes));
        page.set("has_quote_hits", !content.quotes->quotes.empty());
    } else if (content.experts) {
        page.set("summary", content.experts->experts.empty()
                                ? std::string("No experts quoted in the matching articles.")
                                : "Experts quoted in the " + std::to_string(content.experts->articles_examined) +
                                      " best matching articles, most quoted first.");
        page.set("expert_hits", experts_data(r, *content.experts));
        page.set("has_expert_hits", !content.experts->experts.empty());
    }
    return render_template("page.mustache", page);
}

std::string render_atom(const WebRequest& request, const SearchResult& result) {
    m::data feed;
    feed.set("title", request.query.empty() ? std::string("newsdesk: newest articles")
                                            : "newsdesk: " + request.query);
    WebRequest html = request;
    html.format = WebFormat::html;
    WebRequest self = request;
    self.format = WebFormat::atom;
    feed.set("self_href", href(self));
    feed.set("html_href", href(html));
    feed.set("id", "tag:newsdesk,2024:search?" + request.link());
    std::string updated = "1970-01-01T00:00:00Z";
    m::data entries{m::data::type::list};
    for (const auto& hit : result.hits) {
        const Article& a = hit.article;
        const std::string when = rfc3339(a);
        if (a.date && when > updated) updated = when;
        m::data e;
        e.set("title", a.headline.empty() ? std::string("(no headline)") : a.headline);
        e.set("id", "tag:newsdesk,2024:article:" + url_encode(a.id));
        const std::string link = a.url ? safe_link(*a.url) : std::string();
        e.set("has_link", !link.empty());
        e.set("link", link);
        e.set("updated", when);
        set_opt(e, "source", a.source.value_or(""));
        e.set("summary", hit.snippet);
        entries.push_back(e);
    }
    feed.set("updated", updated);
    feed.set("entries", entries);
    return render_template("atom.mustache", feed);
}

}  // namespace newsdesk
