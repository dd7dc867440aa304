// stored_record: to_json's line written straight from the Article. Building the
// JSON tree (a map and a string copy per field) and dumping it cost 2% of a
// full index run; the bytes are the same (tests/common/stored_record_test.cpp
// compares them with to_json's dump).
#include <cstdio>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/article.h"
#include "common/text.h"

namespace newsdesk {

namespace {

// A JSON string as nlohmann-json's dump writes it (UTF-8 kept, control
// characters escaped). Text that is not valid UTF-8 is left to nlohmann-json,
// whose replacement of the bad bytes is not repeated here.
void append_string(std::string& out, std::string_view s) {
    if (!is_valid_utf8(s)) {
        out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out += '"';
    std::size_t copied = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;  // bytes of longer sequences are >= 0x80
        out.append(s.substr(copied, i - copied));
        copied = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            }
        }
    }
    out.append(s.substr(copied));
    out += '"';
}

// The members of one JSON object, written in the order given (the callers
// give them in key order, as nlohmann-json's std::map holds them).
class ObjectWriter {
  public:
    explicit ObjectWriter(std::string& out) : m_out(out) { m_out += '{'; }
    ~ObjectWriter() { m_out += '}'; }
    ObjectWriter(const ObjectWriter&) = delete;
    ObjectWriter& operator=(const ObjectWriter&) = delete;

    std::string& key(std::string_view name) {
        if (!m_first) m_out += ',';
        m_first = false;
        append_string(m_out, name);
        m_out += ':';
        return m_out;
    }
    void string(std::string_view name, std::string_view value) { append_string(key(name), value); }
    void optional(std::string_view name, const std::optional<std::string>& value) {
        if (value)
            string(name, *value);
        else
            key(name) += "null";
    }
    void number(std::string_view name, int value) { key(name) += std::to_string(value); }

  private:
    std::string& m_out;
    bool m_first = true;
};

// A JSON array of `items`, each written by `write(out, item)`.
template <typename Items, typename Write>
void array(std::string& out, const Items& items, Write write) {
    out += '[';
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += ',';
        first = false;
        write(out, item);
    }
    out += ']';
}

}  // namespace

StoredRecord stored_record(const Article& a) {
    namespace r = record;
    StoredRecord record;
    std::string& line = record.line;
    line.reserve(a.body.size() + a.body.size() / 8 + 1024);
    std::size_t path_begin = 0, path_end = 0;
    {
        ObjectWriter o(line);
        o.string(r::body, a.body);
        array(o.key(r::byline), a.byline, [](std::string& out, const std::string& b) { append_string(out, b); });
        array(o.key(r::captions), a.captions, [](std::string& out, const Caption& c) {
            ObjectWriter item(out);
            item.optional(r::credit, c.credit);
            item.string(r::text, c.text);
        });
        array(o.key(r::countries), a.countries, [](std::string& out, const Country& c) {
            ObjectWriter item(out);
            item.string(r::code, c.code);
            item.number(r::mentions, c.mentions);
            item.string(r::name, c.name);
        });
        o.optional(r::date, a.date);
        if (a.datetime) o.string(r::datetime, *a.datetime);
        array(o.key(r::experts), a.experts, [](std::string& out, const Expert& e) {
            ObjectWriter item(out);
            item.optional(r::institution, e.institution);
            item.string(r::name, e.name);
            item.number(r::quotes, e.quotes);
            item.optional(r::title, e.title);
        });
        o.string(r::headline, a.headline);
        o.string(r::id, a.id);
        array(o.key(r::institutions), a.institutions, [](std::string& out, const Institution& i) {
            ObjectWriter item(out);
            item.optional(r::acronym, i.acronym);
            item.number(r::mentions, i.mentions);
            item.string(r::name, i.name);
        });
        o.string(r::language, a.language);
        path_begin = line.size();  // the ',' before "path"
        o.string(r::path, a.path);
        path_end = line.size();
        array(o.key(r::people), a.people, [](std::string& out, const Person& p) { append_string(out, p.name); });
        array(o.key(r::people_mentions), a.people,
              [](std::string& out, const Person& p) { out += std::to_string(p.mentions); });
        array(o.key(r::quotes), a.quotes, [](std::string& out, const Quote& q) {
            ObjectWriter item(out);
            item.optional(r::institution, q.institution);
            item.optional(r::speaker, q.speaker);
            item.optional(r::speaker_title, q.speaker_title);
            item.string(r::text, q.text);
        });
        o.optional(r::source, a.source);
        if (a.truncated) o.key(r::truncated) += "true";
        o.optional(r::url, a.url);
    }
    record.line_without_path.reserve(line.size());
    record.line_without_path.append(line, 0, path_begin).append(line, path_end);
    return record;
}

}  // namespace newsdesk
