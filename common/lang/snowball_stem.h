// Snowball stemmers that Xapian 1.4 lacks (Hindi, Greek, Serbian, Yiddish in
// libstemmer 2.2), wrapped so that a Xapian::Stem, and so the TermGenerator and
// the QueryParser, can use them.
#pragma once

#include <mutex>
#include <string>
#include <string_view>

#include <xapian.h>

struct sb_stemmer;

namespace newsdesk {

// One libstemmer stemmer. libstemmer's state is not thread-safe: each instance
// owns its own sb_stemmer, and calls are serialised by a mutex so that copies of
// the Xapian::Stem holding it (which share the instance) stay safe across threads.
// Build a new one per Xapian::Stem: Xapian::Stem(new LibstemmerStem("hi")).
class LibstemmerStem : public Xapian::StemImplementation {
  public:
    // `algorithm`: a name or ISO 639 code libstemmer knows ("hindi", "hi").
    // Throws Xapian::InvalidArgumentError when libstemmer has no such stemmer.
    explicit LibstemmerStem(std::string_view algorithm);
    ~LibstemmerStem() override;
    LibstemmerStem(const LibstemmerStem&) = delete;
    LibstemmerStem& operator=(const LibstemmerStem&) = delete;

    // The stem of `word` (UTF-8, already lower case as Xapian passes it).
    std::string operator()(const std::string& word) override;
    // "libstemmer:" + the algorithm as given ("libstemmer:hi").
    std::string get_description() const override;

    // Whether libstemmer has a stemmer for `algorithm`.
    [[nodiscard]] static bool available(std::string_view algorithm);

  private:
    sb_stemmer* m_stemmer;
    std::string m_algorithm;
    std::mutex m_mutex;
};

}  // namespace newsdesk
