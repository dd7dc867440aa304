#include "indexer/extract.h"

namespace newsdesk {
void extract_quotes(Article&) {}
}  // namespace newsdesk
