// cldr-country-names LANG...: the CLDR names of every ISO 3166-1 country in each
// language, as ICU gives them (Locale::getDisplayCountry, and the short form of
// LocaleDisplayNames where CLDR has one, "USA" beside "Vereinigte Staaten"), as
// "LANG<TAB>CODE<TAB>NAME" lines. ICU only: scripts/eval-countries-intl builds its
// gold codes with it, independently of newsdesk's own country data.
#include <cstdio>
#include <iostream>
#include <memory>
#include <set>
#include <string>

#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: cldr-country-names LANG...\n";
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        const icu::Locale locale(argv[i]);
        UDisplayContext contexts[] = {UDISPCTX_LENGTH_SHORT};
        std::unique_ptr<icu::LocaleDisplayNames> short_names(
            icu::LocaleDisplayNames::createInstance(locale, contexts, 1));
        for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
            std::set<std::string> names;
            icu::UnicodeString display;
            icu::Locale("", *code).getDisplayCountry(locale, display);
            std::string name;
            names.insert(display.toUTF8String(name));
            if (short_names) {
                display.remove();
                short_names->regionDisplayName(*code, display);
                name.clear();
                names.insert(display.toUTF8String(name));
            }
            for (const auto& n : names)
                if (!n.empty() && n != *code) std::cout << argv[i] << '\t' << *code << '\t' << n << '\n';
        }
    }
    return 0;
}
