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
    nlohmann::json j;
    j["path"] = a.path;
    j["id"] = a.id;
    j["url"] = opt(a.url);
    j["source"] = opt(a.source);
    j["language"] = a.language;
    j["headline"] = a.headline;
    j["date"] = opt(a.date);
    j["byline"] = a.byline;
    j["captions"] = nlohmann::json::array();
    for (const auto& c : a.captions) j["captions"].push_back({{"text", c.text}, {"credit", opt(c.credit)}});
    j["body"] = a.body;
    j["quotes"] = nlohmann::json::array();
    for (const auto& q : a.quotes)
        j["quotes"].push_back({{"text", q.text},
                               {"speaker", opt(q.speaker)},
                               {"speaker_title", opt(q.speaker_title)},
                               {"institution", opt(q.institution)}});
    j["experts"] = nlohmann::json::array();
    for (const auto& e : a.experts)
        j["experts"].push_back({{"name", e.name},
                                {"title", opt(e.title)},
                                {"institution", opt(e.institution)},
                                {"quotes", e.quotes}});
    j["people"] = nlohmann::json::array();
    for (const auto& p : a.people) j["people"].push_back(p.name);
    j["people_mentions"] = nlohmann::json::array();
    for (const auto& p : a.people) j["people_mentions"].push_back(p.mentions);
    j["institutions"] = nlohmann::json::array();
    for (const auto& i : a.institutions)
        j["institutions"].push_back(
            {{"name", i.name}, {"acronym", opt(i.acronym)}, {"mentions", i.mentions}});
    j["countries"] = nlohmann::json::array();
    for (const auto& c : a.countries)
        j["countries"].push_back({{"code", c.code}, {"name", c.name}, {"mentions", c.mentions}});
    if (a.datetime) j["datetime"] = *a.datetime;
    if (a.truncated) j["truncated"] = true;
    return j;
}

Article article_from_json(const nlohmann::json& j) {
    Article a;
    a.path = string_or(j, "path");
    a.id = string_or(j, "id");
    a.url = opt_string(j, "url");
    a.source = opt_string(j, "source");
    a.language = string_or(j, "language", "en");
    a.headline = string_or(j, "headline");
    a.date = opt_string(j, "date");
    a.datetime = opt_string(j, "datetime");
    if (auto it = j.find("byline"); it != j.end() && it->is_array())
        for (const auto& b : *it)
            if (b.is_string()) a.byline.push_back(b.get<std::string>());
    if (auto it = j.find("captions"); it != j.end() && it->is_array())
        for (const auto& c : *it) a.captions.push_back({string_or(c, "text"), opt_string(c, "credit")});
    a.body = string_or(j, "body");
    if (auto it = j.find("truncated"); it != j.end() && it->is_boolean()) a.truncated = it->get<bool>();
    if (auto it = j.find("quotes"); it != j.end() && it->is_array())
        for (const auto& q : *it)
            a.quotes.push_back({string_or(q, "text"), opt_string(q, "speaker"),
                                opt_string(q, "speaker_title"), opt_string(q, "institution")});
    if (auto it = j.find("experts"); it != j.end() && it->is_array())
        for (const auto& e : *it)
            a.experts.push_back({string_or(e, "name"), opt_string(e, "title"),
                                 opt_string(e, "institution"), int_or(e, "quotes")});
    if (auto it = j.find("people"); it != j.end() && it->is_array()) {
        const auto mentions = j.find("people_mentions");
        for (std::size_t n = 0; n < it->size(); ++n) {
            if (!(*it)[n].is_string()) continue;
            int count = 0;
            if (mentions != j.end() && mentions->is_array() && n < mentions->size() &&
                (*mentions)[n].is_number_integer())
                count = (*mentions)[n].get<int>();
            a.people.push_back({(*it)[n].get<std::string>(), count});
        }
    }
    if (auto it = j.find("institutions"); it != j.end() && it->is_array())
        for (const auto& i : *it)
            a.institutions.push_back({string_or(i, "name"), opt_string(i, "acronym"), int_or(i, "mentions")});
    if (auto it = j.find("countries"); it != j.end() && it->is_array())
        for (const auto& c : *it)
            a.countries.push_back({string_or(c, "code"), string_or(c, "name"), int_or(c, "mentions")});
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
