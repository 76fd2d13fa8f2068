// Use case: `bilat ingest text FILES...` — extract facts from texts and
// store them with their evidence, one transaction per document.
//
// Every item (visit, event, trade figure, quantity, money, percentage) goes
// to text_items with its evidence span and sentence. Visits and events with
// a CAMEO coding and a month also enter the event tables as dataset "text",
// so that the report's pulse can set them beside GDELT's and ICEWS's.
#ifndef BILAT_APP_INGEST_TEXT_H_
#define BILAT_APP_INGEST_TEXT_H_

#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"

namespace bilat::app {

struct IngestTextOptions {
  std::string workspace = ".";
  std::vector<std::string> files;
};

struct TextDocumentOutcome {
  std::string file, doc_id;
  bool already_ingested = false;  // same document text seen before
  size_t items = 0;               // facts stored
  size_t events = 0;              // of which entered the event tables
};

struct IngestTextResult {
  std::vector<TextDocumentOutcome> documents;
  std::vector<std::string> issues;  // "file:line: reason" for refused inputs and warnings
  size_t files_refused = 0;
};

Result<IngestTextResult> IngestText(const IngestTextOptions& options, const CountryRegistry& countries);

}  // namespace bilat::app

#endif  // BILAT_APP_INGEST_TEXT_H_
