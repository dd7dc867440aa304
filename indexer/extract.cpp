#include "indexer/extract.h"

namespace newsdesk {

void extract_all(Article& article) {
    extract_entities(article);
    extract_quotes(article);
}

}  // namespace newsdesk
