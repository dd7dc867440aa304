#include "indexer/extract/ner_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>

#include "common/data_dir.h"
#include "common/error.h"
#include "common/text.h"

namespace newsdesk::entities {

namespace {

constexpr int tag_count = 7;  // O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC
constexpr int start_tag = 7;  // "no tag yet" in the history features
constexpr std::array<const char*, 8> tag_names{"O",     "B-PER", "I-PER", "B-ORG",
                                               "I-ORG", "B-LOC", "I-LOC", "<s>"};

// BIO: an inside tag only continues a name of its own type.
bool allowed(int prev, int tag) {
    return tag == 0 || tag % 2 == 1 || (prev != start_tag && prev != 0 && (prev + 1) / 2 == (tag + 1) / 2);
}

// scripts/train-ner's norm(): ASCII lower case without a possessive "'s".
std::string norm(std::string_view word) {
    auto w = ascii_lower(word);
    for (std::string_view tail : {"'s", "\xE2\x80\x99s"})
        if (w.size() > tail.size() && std::string_view(w).ends_with(tail)) {
            w.resize(w.size() - tail.size());
            break;
        }
    return w;
}

// scripts/train-ner's shape(): X x d per character, other letters u, other marks p,
// runs collapsed, at most 6 characters.
std::string shape(std::string_view word) {
    std::string out;
    for (std::size_t pos = 0; pos < word.size() && out.size() < 6;) {
        const char32_t cp = next_code_point(word, pos);
        char k;
        if (cp >= 'A' && cp <= 'Z') k = 'X';
        else if (cp >= 'a' && cp <= 'z') k = 'x';
        else if (cp >= '0' && cp <= '9') k = 'd';
        else if (cp >= 0x80) k = is_word_cp(cp) ? 'u' : 'p';
        else k = static_cast<char>(cp);
        if (out.empty() || out.back() != k) out.push_back(k);
    }
    return out;
}

std::string_view strip_periods(std::string_view s) {
    while (!s.empty() && s.back() == '.') s.remove_suffix(1);
    return s;
}

// CRC-32 (zlib's polynomial), one table lookup per byte.
constexpr std::array<std::uint32_t, 256> crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int bit = 0; bit < 8; ++bit) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}
constexpr auto crc_bytes = crc_table();

// Hashes feature strings into buckets as zlib.crc32(feature) % buckets does. The
// parts of a feature are hashed in turn, never copied into one string: the
// model tags every sentence a rule asks about, 27 features a word.
class Hasher {
  public:
    explicit Hasher(std::uint32_t buckets) : m_buckets(buckets) {}
    template <typename... Parts>
    std::uint32_t operator()(const Parts&... parts) const {
        std::uint32_t crc = 0xFFFFFFFFu;
        (feed(crc, std::string_view(parts)), ...);
        return (crc ^ 0xFFFFFFFFu) % m_buckets;
    }

  private:
    static void feed(std::uint32_t& crc, std::string_view bytes) {
        for (const char b : bytes) crc = crc_bytes[(crc ^ static_cast<unsigned char>(b)) & 0xFFu] ^ (crc >> 8);
    }
    std::uint32_t m_buckets;
};

std::string_view last_bytes(std::string_view s, std::size_t n) { return s.substr(s.size() - std::min(n, s.size())); }

}  // namespace

NerModel::NerModel(const std::filesystem::path& weights) {
    std::ifstream in(weights, std::ios::binary);
    if (!in) throw Error(weights.string() + ": cannot read the named-entity model");
    char magic[8];
    std::uint32_t tags = 0;
    in.read(magic, 8);
    in.read(reinterpret_cast<char*>(&m_buckets), 4);
    in.read(reinterpret_cast<char*>(&tags), 4);
    in.read(reinterpret_cast<char*>(&m_scale), 4);
    in.read(reinterpret_cast<char*>(&m_temperature), 4);
    if (!in || std::memcmp(magic, "NDNER002", 8) != 0 || tags != tag_count || m_buckets == 0 ||
        m_buckets > (1u << 24) || !(m_scale > 0) || !std::isfinite(m_scale) || !(m_temperature > 0) ||
        !std::isfinite(m_temperature))
        throw Error(weights.string() + ": not a newsdesk named-entity model (scripts/train-ner writes one)");
    m_weights.resize(std::size_t{m_buckets} * tag_count);
    in.read(reinterpret_cast<char*>(m_weights.data()),
            static_cast<std::streamsize>(m_weights.size() * sizeof(std::int16_t)));
    if (!in || in.peek() != std::char_traits<char>::eof())
        throw Error(weights.string() + ": named-entity model of the wrong size (truncated or padded)");
    load_gazetteers();
}

const NerModel& NerModel::english() {
    static const NerModel model(data_file("models/ner-en.bin"));
    return model;
}

// The word classes of scripts/train-ner's load_gazetteers(), in its order: a
// word keeps the first class it is listed under.
void NerModel::load_gazetteers() {
    const std::pair<const char*, const char*> lists[] = {
        {"people/honorifics.txt", "hon"},      {"people/titles.txt", "title"},
        {"people/given_names.txt", "given"},   {"institutions/org_words.tsv", "org"},
        {"countries/demonyms.tsv", "dem"},     {"countries/capitals.tsv", "place"},
        {"countries/subdivisions.tsv", "place"}, {"countries/aliases.tsv", "place"},
        {"countries/cities.tsv", "place"}};
    const std::unordered_set<std::string> none;
    for (const auto& [file, cls] : lists) {
        std::ifstream in(data_file(file));
        for (std::string line; std::getline(in, line);) {
            if (trim(line).empty() || line[0] == '#') continue;
            const auto cell = trim(std::string_view(line).substr(0, line.find('\t')));
            for (const auto& token : tokenize(cell, none))
                if (token.word) m_classes.try_emplace(std::string(strip_periods(ascii_lower(token.text))), cls);
        }
    }
}

const std::string& NerModel::word_class(const std::string& word) const {
    static const std::string none = "-";
    // Most words have no period to strip: looked up as they are, without a copy.
    const auto it = word.ends_with('.') ? m_classes.find(std::string(strip_periods(word))) : m_classes.find(word);
    return it == m_classes.end() ? none : it->second;
}

std::vector<NerSpan> NerModel::tag(const std::vector<Token>& all, std::size_t first,
                                   std::size_t last) const {
    last = std::min(last, all.size());
    first = std::min(first, last);
    const auto* tokens = all.data() + first;
    const std::size_t n = last - first;
    std::vector<std::string> lows(n), shapes(n);
    std::vector<const std::string*> classes(n);
    for (std::size_t i = 0; i < n; ++i) {
        lows[i] = norm(tokens[i].text);
        shapes[i] = shape(tokens[i].text);
        classes[i] = &word_class(lows[i]);
    }
    const std::string bos = "<s>", eos = "</s>";
    auto at = [&](const std::vector<std::string>& v, std::ptrdiff_t i, const std::string& pad) -> const std::string& {
        return i >= 0 && i < static_cast<std::ptrdiff_t>(n) ? v[static_cast<std::size_t>(i)] : pad;
    };
    auto cls = [&](std::ptrdiff_t i, const std::string& pad) -> const std::string& {
        return i >= 0 && i < static_cast<std::ptrdiff_t>(n) ? *classes[static_cast<std::size_t>(i)] : pad;
    };

    Hasher hash(m_buckets);
    std::vector<int> best_tags(n);
    std::vector<float> probability(n);
    int prev2 = start_tag, prev1 = start_tag;
    std::array<std::uint32_t, 27> f{};
    for (std::size_t k = 0; k < n; ++k) {
        const auto i = static_cast<std::ptrdiff_t>(k);
        const std::string& w = lows[k];
        const std::string& s = shapes[k];
        const std::string_view sw = w;
        const char* start = k == 0 || (tokens[k].sentence_start && tokens[k].word) ? "1" : "0";
        f = {hash("b"), hash("w=", w), hash("s=", s), hash("ss=", start, s),
             hash("p3=", sw.substr(0, 3)), hash("s2=", last_bytes(sw, 2)), hash("s3=", last_bytes(sw, 3)),
             hash("s4=", last_bytes(sw, 4)), hash("w-1=", at(lows, i - 1, bos)), hash("w+1=", at(lows, i + 1, eos)),
             hash("w-2=", at(lows, i - 2, bos)), hash("w+2=", at(lows, i + 2, eos)),
             hash("s-1=", at(shapes, i - 1, bos)), hash("s+1=", at(shapes, i + 1, eos)),
             hash("s-1s=", at(shapes, i - 1, bos), "|", s), hash("ss+1=", s, "|", at(shapes, i + 1, eos)),
             hash("w-1w=", at(lows, i - 1, bos), "|", w), hash("ww+1=", w, "|", at(lows, i + 1, eos)),
             hash("g=", cls(i, bos), std::string_view(s).substr(0, 1)), hash("g-1=", cls(i - 1, bos)),
             hash("g+1=", cls(i + 1, eos)), hash("g-1g=", cls(i - 1, bos), "|", cls(i, bos), "|", cls(i + 1, eos)),
             hash("ssg=", start, cls(i, bos)), hash("s+2=", at(shapes, i + 2, eos)),
             hash("t1=", tag_names[prev1]), hash("t12=", tag_names[prev2], "|", tag_names[prev1]),
             hash("t1s=", tag_names[prev1], "|", s)};
        std::array<std::int32_t, tag_count> score{};
        for (const auto bucket : f) {
            const auto* row = &m_weights[std::size_t{bucket} * tag_count];
            for (int t = 0; t < tag_count; ++t) score[t] += row[t];
        }
        int best = 0;
        for (int t = 1; t < tag_count; ++t)
            if (allowed(prev1, t) && score[t] > score[best]) best = t;
        // Only a name's words carry a confidence (the least probability inside it).
        if (best != 0) {
            double total = 0;
            for (int t = 0; t < tag_count; ++t)
                if (allowed(prev1, t)) total += std::exp(double(score[t] - score[best]) * m_scale / m_temperature);
            probability[k] = static_cast<float>(1.0 / total);
        }
        best_tags[k] = best;
        prev2 = prev1, prev1 = best;
    }

    std::vector<NerSpan> spans;
    for (std::size_t k = 0; k < n; ++k) {
        if (best_tags[k] % 2 != 1) continue;  // a name opens with B-
        NerSpan span{k, k + 1, static_cast<NerType>((best_tags[k] + 1) / 2), probability[k]};
        while (span.last < n && best_tags[span.last] == best_tags[k] + 1)
            span.confidence = std::min(span.confidence, probability[span.last++]);
        span.first += first, span.last += first;
        spans.push_back(span);
    }
    return spans;
}

}  // namespace newsdesk::entities
