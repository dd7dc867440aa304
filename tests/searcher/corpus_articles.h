// The bundled 2019 Wikinews articles (corpus/wikinews), parsed and extracted as
// the indexer does, read once per test binary (facets_test.cpp).
#pragma once

#include <vector>

#include "common/article.h"

namespace newsdesk::test {

[[nodiscard]] const std::vector<Article>& corpus_articles();

}  // namespace newsdesk::test
