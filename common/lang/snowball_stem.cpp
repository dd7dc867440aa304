#include "common/lang/snowball_stem.h"

#include <libstemmer.h>

namespace newsdesk {

LibstemmerStem::LibstemmerStem(std::string_view algorithm)
    : m_stemmer(sb_stemmer_new(std::string(algorithm).c_str(), "UTF_8")), m_algorithm(algorithm) {
    if (!m_stemmer) throw Xapian::InvalidArgumentError("libstemmer has no stemmer for '" + m_algorithm + "'");
}

LibstemmerStem::~LibstemmerStem() { sb_stemmer_delete(m_stemmer); }

std::string LibstemmerStem::operator()(const std::string& word) {
    const std::lock_guard lock(m_mutex);
    const sb_symbol* stem =
        sb_stemmer_stem(m_stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (!stem) return word;  // out of memory: the word unstemmed beats no term
    return std::string(reinterpret_cast<const char*>(stem), static_cast<std::size_t>(sb_stemmer_length(m_stemmer)));
}

std::string LibstemmerStem::get_description() const { return "libstemmer:" + m_algorithm; }

bool LibstemmerStem::available(std::string_view algorithm) {
    for (const char* const* name = sb_stemmer_list(); *name; ++name)
        if (algorithm == *name) return true;
    // ISO codes ("hi") are aliases libstemmer resolves without listing them.
    sb_stemmer* probe = sb_stemmer_new(std::string(algorithm).c_str(), "UTF_8");
    if (!probe) return false;
    sb_stemmer_delete(probe);
    return true;
}

}  // namespace newsdesk
