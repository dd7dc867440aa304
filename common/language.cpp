#include "common/language.h"

namespace newsdesk {

Xapian::Stem stemmer_for(std::string_view language) {
    try {
        return Xapian::Stem(std::string(language));
    } catch (const Xapian::InvalidArgumentError&) {
        return Xapian::Stem("none");
    }
}

}  // namespace newsdesk
