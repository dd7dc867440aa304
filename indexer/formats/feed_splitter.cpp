#include "indexer/formats/feed_splitter.h"

#include <algorithm>

#include "common/error.h"

namespace newsdesk {

namespace {

constexpr std::string_view kComment = "<!--", kCdata = "<![CDATA[", kDoctype = "<!DOCTYPE";

std::string_view local(std::string_view name) {
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool is_item(std::string_view name) { return local(name) == "item" || local(name) == "entry"; }

bool is_space(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The name of a tag whose name starts at `text[0]`.
std::string_view tag_name(std::string_view text) {
    return text.substr(0, std::min(text.size(), text.find_first_of(" \t\r\n/>\"'<=")));
}

}  // namespace

void FeedSplitter::add(std::string_view text, bool last) {
    // What earlier parts took goes; the part in hand and what follows it stay.
    if (m_begin > 0) {
        (void)line_at(m_begin);
        m_buf.erase(0, m_begin);
        m_pos -= m_begin;
        m_resume = m_resume > m_begin ? m_resume - m_begin : 0;
        m_line_pos -= m_begin;
        m_begin = 0;
    }
    m_buf.append(text);
    m_last = last;
}

std::optional<FeedPart> FeedSplitter::next() {
    while (true) {
        if (m_state == State::done) return FeedPart{};
        const auto t = token();
        if (!t) {
            if (!m_last) return std::nullopt;
            return at_end();
        }
        std::optional<FeedPart> p;
        switch (m_state) {
            case State::prolog:
                p = in_prolog(*t);
                break;
            case State::feed:
                p = in_feed(*t);
                break;
            case State::item:
                p = in_item(*t);
                break;
            case State::epilog:
                p = in_epilog(*t);
                break;
            case State::done:
                break;
        }
        if (p) return p;
    }
}

// The token at m_pos, or nullopt when the text ends inside it (or at m_pos) and
// more may follow. Text is handed out as far as it goes; markup only whole, its
// scan resuming where it stopped (m_resume, m_quote...), so a large comment or
// DOCTYPE read in pieces is scanned once.
std::optional<FeedSplitter::Token> FeedSplitter::token() {
    const std::size_t size = m_buf.size();
    if (m_pos >= size) return std::nullopt;
    const std::string_view rest = std::string_view(m_buf).substr(m_pos);
    if (rest[0] != '<') {
        const auto lt = rest.find('<');
        const auto end = lt == std::string_view::npos ? size : m_pos + lt;
        return Token{Token::Kind::text, m_pos, end, {}, false};
    }
    // Which markup it is takes up to 9 characters to tell.
    if (!m_last && rest.size() < kCdata.size() &&
        (rest.size() < 2 || kComment.starts_with(rest) || kCdata.starts_with(rest) ||
         kDoctype.starts_with(rest)))
        return std::nullopt;
    std::optional<std::size_t> end;
    Token t;
    if (rest.starts_with(kComment)) {
        t.kind = Token::Kind::other;
        end = scan_comment();
    } else if (rest.starts_with(kCdata)) {
        t.kind = Token::Kind::other;
        end = scan_until("]]>", kCdata.size());
    } else if (rest.starts_with("<?")) {
        t.kind = Token::Kind::other;
        end = scan_until("?>", 2);
    } else if (rest.starts_with(kDoctype)) {
        t.kind = Token::Kind::other;
        end = scan_doctype();
    } else {
        const bool closing = rest.starts_with("</");
        t.name = tag_name(rest.substr(closing ? 2 : 1));
        t.kind = t.name.empty() || rest[1] == '!' ? Token::Kind::other
                 : closing                        ? Token::Kind::end
                                                  : Token::Kind::start;
        end = scan_tag();
        t.empty = end && t.kind == Token::Kind::start && m_buf.compare(*end - 2, 2, "/>") == 0;
    }
    if (!end) return std::nullopt;
    m_resume = 0;
    m_quote = 0;
    m_subset = m_comment = false;
    t.begin = m_pos;
    t.end = *end;
    return t;
}

// The end of the markup at m_pos, just past `close`, searched from `skip` bytes in.
// At the end of the text that is the end of the text.
std::optional<std::size_t> FeedSplitter::scan_until(std::string_view close, std::size_t skip) {
    const std::size_t from = std::max(m_resume, m_pos + skip);
    const auto found = m_buf.find(close, from);
    if (found != std::string::npos) return found + close.size();
    if (m_last) return m_buf.size();
    m_resume = std::max(from, m_buf.size() - std::min(m_buf.size(), close.size() - 1));
    return std::nullopt;
}

// A comment ends at its first "--", well formed ("-->") or not: "--" is never
// legal inside one, and ending there keeps a broken comment from swallowing the
// items after it.
std::optional<std::size_t> FeedSplitter::scan_comment() {
    const auto end = scan_until("--", kComment.size());
    if (!end) return std::nullopt;
    if (*end < m_buf.size()) return m_buf[*end] == '>' ? *end + 1 : *end;
    if (m_last) return end;
    m_resume = *end - 2;  // whether a '>' follows is not known yet
    return std::nullopt;
}

// A tag ends at '>' outside quoted attribute values, or before a '<' anywhere:
// '<' is never legal inside a tag, and ending there keeps a broken tag (an
// unclosed quote) from swallowing the items after it.
std::optional<std::size_t> FeedSplitter::scan_tag() {
    for (std::size_t i = std::max(m_resume, m_pos + 1); i < m_buf.size(); ++i) {
        const char c = m_buf[i];
        if (c == '<') return i;
        if (m_quote) {
            if (c == m_quote) m_quote = 0;
        } else if (c == '"' || c == '\'') {
            m_quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    if (m_last) return m_buf.size();
    m_resume = m_buf.size();
    return std::nullopt;
}

// <!DOCTYPE ...>: the '>' outside its internal subset, quoted literals and
// comments (where '>' and brackets may stand for themselves).
std::optional<std::size_t> FeedSplitter::scan_doctype() {
    const std::size_t size = m_buf.size();
    for (std::size_t i = std::max(m_resume, m_pos + kDoctype.size()); i < size; ++i) {
        const char c = m_buf[i];
        if (m_comment) {
            const auto close = m_buf.find("-->", i);
            if (close == std::string::npos) {
                if (m_last) return size;
                m_resume = std::max(i, size - 2);  // "-->" may be cut by the end of the text
                return std::nullopt;
            }
            m_comment = false;
            i = close + 2;
        } else if (m_quote) {
            if (c == m_quote) m_quote = 0;
        } else if (c == '"' || c == '\'') {
            m_quote = c;
        } else if (c == '[') {
            m_subset = true;
        } else if (c == ']') {
            m_subset = false;
        } else if (c == '<' && m_subset) {
            if (size - i < kComment.size() && !m_last) {
                m_resume = i;
                return std::nullopt;
            }
            if (std::string_view(m_buf).substr(i).starts_with(kComment)) {
                m_comment = true;
                i += kComment.size() - 1;
            }
        } else if (c == '>' && !m_subset) {
            return i + 1;
        }
    }
    if (m_last) return size;
    m_resume = size;
    return std::nullopt;
}

std::optional<FeedPart> FeedSplitter::in_prolog(const Token& t) {
    m_pos = t.end;
    if (t.kind != Token::Kind::start) return std::nullopt;  // libxml2 judges the prolog
    auto head = part(FeedPart::Kind::head, m_begin, t.end);
    head.name = t.name;
    if (t.empty) {
        m_state = State::epilog;
    } else {
        m_open.emplace_back(t.name);
        m_state = State::feed;
    }
    return head;
}

std::optional<FeedPart> FeedSplitter::in_feed(const Token& t) {
    if (t.kind == Token::Kind::start && is_item(t.name)) {
        if (auto b = between(t.begin)) return b;
        m_pos = t.end;
        m_item = t.name;
        if (!t.empty) {
            m_state = State::item;
            return std::nullopt;
        }
        auto item = part(FeedPart::Kind::item, t.begin, t.end);
        item.name = t.name;
        return item;
    }
    if (t.kind == Token::Kind::start && m_open.size() == 1 && !t.empty &&
        local(t.name) == "channel") {
        if (auto b = between(t.begin)) return b;
        m_pos = t.end;
        m_open.emplace_back(t.name);
        m_channel = true;
        auto open = part(FeedPart::Kind::open, t.begin, t.end);
        open.name = t.name;
        return open;
    }
    m_pos = t.end;
    if (t.kind == Token::Kind::start && !t.empty) m_open.emplace_back(t.name);
    if (t.kind != Token::Kind::end) return std::nullopt;
    const std::size_t containers = m_channel ? 2 : 1;
    if (t.name == m_open.back() && m_open.size() > containers) {
        m_open.pop_back();
        return std::nullopt;
    }
    if (!is_container_end(t.name)) return std::nullopt;  // a stray end tag: libxml2 says so
    // The end of the channel or root, with whatever the feed left open in it.
    m_pos = t.begin;
    if (auto b = between(t.begin)) return b;
    m_pos = t.end;
    if (m_channel && t.name == m_open[1]) {
        m_open.resize(1);
        m_channel = false;
        return part(FeedPart::Kind::close, t.begin, t.end);
    }
    const std::string unclosed = m_channel ? m_open[1] : "";
    m_open.clear();
    m_channel = false;
    m_begin = t.end;
    m_state = State::epilog;
    if (unclosed.empty()) return std::nullopt;
    return problem(FeedPart::Kind::bad, t.begin,
                   "<" + unclosed + "> not closed before </" + std::string(t.name) + ">");
}

std::optional<FeedPart> FeedSplitter::in_item(const Token& t) {
    if (t.kind == Token::Kind::end && t.name == m_item) {
        m_pos = t.end;
        m_state = State::feed;
        auto item = part(FeedPart::Kind::item, m_begin, t.end);
        item.name = m_item;
        return item;
    }
    const bool next_item = t.kind == Token::Kind::start && t.name == m_item;
    if (next_item || (t.kind == Token::Kind::end && is_container_end(t.name))) {
        // Not closed: the item ends here, and the tag is read again as feed markup.
        auto bad = part(FeedPart::Kind::bad_item, m_begin, t.begin);
        bad.name = m_item;
        bad.problem = "<" + m_item + "> not closed before " + (next_item ? "the next <" : "</") +
                      std::string(t.name) + ">";
        m_state = State::feed;
        return bad;
    }
    m_pos = t.end;
    return std::nullopt;
}

std::optional<FeedPart> FeedSplitter::in_epilog(const Token& t) {
    m_pos = t.end;
    const std::string_view text = std::string_view(m_buf).substr(t.begin, t.end - t.begin);
    // White space, comments and processing instructions may follow the root.
    if (t.kind == Token::Kind::text ? is_space(text)
                                    : text.starts_with(kComment) || text.starts_with("<?")) {
        m_begin = t.end;
        return std::nullopt;
    }
    m_state = State::done;
    // Where the content starts (text may come in pieces: not where the piece does).
    const auto start = t.kind == Token::Kind::text ? text.find_first_not_of(" \t\r\n") : 0;
    return problem(FeedPart::Kind::bad, t.begin + start,
                   "Extra content at the end of the document");
}

// The end of the text, with nothing left to read.
std::optional<FeedPart> FeedSplitter::at_end() {
    switch (m_state) {
        case State::prolog:
            throw ParseError("not an RSS or Atom feed");
        case State::feed: {
            if (auto b = between(m_buf.size())) return b;
            m_state = State::done;
            return problem(FeedPart::Kind::bad, m_buf.size(),
                           "the feed ends inside <" + m_open.back() + ">, cut short");
        }
        case State::item: {
            m_state = State::done;
            auto bad = part(FeedPart::Kind::bad_item, m_begin, m_buf.size());
            bad.name = m_item;
            bad.problem = "the feed ends inside <" + m_item + ">, cut short";
            return bad;
        }
        case State::epilog:
        case State::done:
            break;
    }
    m_state = State::done;
    return FeedPart{};
}

// Feed-level markup from the part before up to `end`, when there is more than white space.
std::optional<FeedPart> FeedSplitter::between(std::size_t end) {
    if (is_space(std::string_view(m_buf).substr(m_begin, end - m_begin))) {
        m_begin = end;
        return std::nullopt;
    }
    return part(FeedPart::Kind::between, m_begin, end);
}

FeedPart FeedSplitter::part(FeedPart::Kind kind, std::size_t begin, std::size_t end) {
    FeedPart p;
    p.kind = kind;
    p.line = line_at(begin);
    p.text = std::string_view(m_buf).substr(begin, end - begin);
    m_begin = end;
    return p;
}

FeedPart FeedSplitter::problem(FeedPart::Kind kind, std::size_t at, std::string what) {
    FeedPart p;
    p.kind = kind;
    p.line = line_at(at);
    p.problem = std::move(what);
    return p;
}

bool FeedSplitter::is_container_end(std::string_view name) const {
    return !m_open.empty() && (name == m_open[0] || (m_channel && name == m_open[1]));
}

// Positions are asked for in order, so each byte is counted once.
std::size_t FeedSplitter::line_at(std::size_t pos) {
    if (pos <= m_line_pos) return m_line;
    m_line += static_cast<std::size_t>(
        std::count(m_buf.begin() + static_cast<std::ptrdiff_t>(m_line_pos),
                   m_buf.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
    m_line_pos = pos;
    return m_line;
}

}  // namespace newsdesk
