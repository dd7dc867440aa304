#include "common/article.h"

#include <ostream>

#include <nlohmann/json.hpp>

namespace newsdesk {

namespace {

nlohmann::json opt(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::optional<std::string> opt_string(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

std::string string_or(const nlohmann::json& j, const char* key, std::string fallback = {}) {
    return opt_string(j, key).value_or(std::move(fallback));
}

int int_or(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}

}  // namespace

nlohmann::json to_json(const Article& a) {
    namespace r = record;
    nlohmann::json j;
    j[r::path] = a.path;
    j[r::id] = a.id;
    j[r::url] = opt(a.url);
    j[r::source] = opt(a.source);
    j[r::language] = a.language;
    j[r::headline] = a.headline;
    j[r::date] = opt(a.date);
    j[r::byline] = a.byline;
    j[r::captions] = nlohmann::json::array();
    for (const auto& c : a.captions) j[r::captions].push_back({{r::text, c.text}, {r::credit, opt(c.credit)}});
    j[r::body] = a.body;
    j[r::quotes] = nlohmann::json::array();
    for (const auto& q : a.quotes)
        j[r::quotes].push_back({{r::text, q.text},
                                {r::speaker, opt(q.speaker)},
                                {r::speaker_title, opt(q.speaker_title)},
                                {r::institution, opt(q.institution)}});
    j[r::experts] = nlohmann::json::array();
    for (const auto& e : a.experts)
        j[r::experts].push_back({{r::name, e.name},
                                 {r::title, opt(e.title)},
                                 {r::institution, opt(e.institution)},
                                 {r::quotes, e.quotes}});
    j[r::people] = nlohmann::json::array();
    for (const auto& p : a.people) j[r::people].push_back(p.name);
    j[r::people_mentions] = nlohmann::json::array();
    for (const auto& p : a.people) j[r::people_mentions].push_back(p.mentions);
    j[r::institutions] = nlohmann::json::array();
    for (const auto& i : a.institutions)
        j[r::institutions].push_back({{r::name, i.name}, {r::acronym, opt(i.acronym)}, {r::mentions, i.mentions}});
    j[r::countries] = nlohmann::json::array();
    for (const auto& c : a.countries)
        j[r::countries].push_back({{r::code, c.code}, {r::name, c.name}, {r::mentions, c.mentions}});
    if (a.datetime) j[r::datetime] = *a.datetime;
    if (a.truncated) j[r::truncated] = true;
    return j;
}

Article article_from_json(const nlohmann::json& j) {
    namespace r = record;
    Article a;
    a.path = string_or(j, r::path);
    a.id = string_or(j, r::id);
    a.url = opt_string(j, r::url);
    a.source = opt_string(j, r::source);
    a.language = string_or(j, r::language, "en");
    a.headline = string_or(j, r::headline);
    a.date = opt_string(j, r::date);
    a.datetime = opt_string(j, r::datetime);
    if (auto it = j.find(r::byline); it != j.end() && it->is_array())
        for (const auto& b : *it)
            if (b.is_string()) a.byline.push_back(b.get<std::string>());
    if (auto it = j.find(r::captions); it != j.end() && it->is_array())
        for (const auto& c : *it) a.captions.push_back({string_or(c, r::text), opt_string(c, r::credit)});
    a.body = string_or(j, r::body);
    if (auto it = j.find(r::truncated); it != j.end() && it->is_boolean()) a.truncated = it->get<bool>();
    if (auto it = j.find(r::quotes); it != j.end() && it->is_array())
        for (const auto& q : *it)
            a.quotes.push_back({string_or(q, r::text), opt_string(q, r::speaker),
                                opt_string(q, r::speaker_title), opt_string(q, r::institution)});
    if (auto it = j.find(r::experts); it != j.end() && it->is_array())
        for (const auto& e : *it)
            a.experts.push_back({string_or(e, r::name), opt_string(e, r::title),
                                 opt_string(e, r::institution), int_or(e, r::quotes)});
    if (auto it = j.find(r::people); it != j.end() && it->is_array()) {
        const auto mentions = j.find(r::people_mentions);
        for (std::size_t n = 0; n < it->size(); ++n) {
            if (!(*it)[n].is_string()) continue;
            int count = 0;
            if (mentions != j.end() && mentions->is_array() && n < mentions->size() &&
                (*mentions)[n].is_number_integer())
                count = (*mentions)[n].get<int>();
            a.people.push_back({(*it)[n].get<std::string>(), count});
        }
    }
    if (auto it = j.find(r::institutions); it != j.end() && it->is_array())
        for (const auto& i : *it)
            a.institutions.push_back({string_or(i, r::name), opt_string(i, r::acronym), int_or(i, r::mentions)});
    if (auto it = j.find(r::countries); it != j.end() && it->is_array())
        for (const auto& c : *it)
            a.countries.push_back({string_or(c, r::code), string_or(c, r::name), int_or(c, r::mentions)});
    return a;
}

std::ostream& operator<<(std::ostream& out, const Article& article) {
    return out << to_json(article).dump(2);
}

std::ostream& operator<<(std::ostream& out, const Caption& c) {
    return out << "Caption{" << c.text << " | " << c.credit.value_or("(none)") << "}";
}

std::ostream& operator<<(std::ostream& out, const Quote& q) {
    return out << "Quote{" << q.text << " | " << q.speaker.value_or("(none)") << "}";
}

}  // namespace newsdesk
