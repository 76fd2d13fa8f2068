// Writers for extraction results: the scoring schema as one JSON object
// per document ("gold", ../shared/corpus/SCORING.md, with evidence,
// confidence and CAMEO coding added to every item), JSON Lines with one
// item per line, and a plain table for reading in a terminal. Formats:
// docs/formats/extraction_json.md. Pure functions; thread-safe.
#ifndef BILAT_INGEST_TEXT_OUTPUT_H_
#define BILAT_INGEST_TEXT_OUTPUT_H_

#include <string>

#include "ingest/text/items.h"

namespace bilat::text {

// One JSON object in the scoring schema, pretty-printed, ending in '\n'.
std::string GoldJson(const Extraction& x);

// One JSON object per item: {"doc", "type": "visit" | "event" | "trade" |
// "quantity" | "money" | "percentage", ...the item's fields...}.
std::string JsonLines(const Extraction& x);

// A human-readable table: kind, date, summary, evidence span.
std::string Table(const Extraction& x);

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_OUTPUT_H_
