#include "indexer/parsers.h"
