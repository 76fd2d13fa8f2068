// Use case: `bilat extract FILES...` — read texts, extract visits, events,
// trade figures, quantities, money and percentages with their evidence, and
// write them in the scoring schema (one JSON file per document), as JSON
// Lines, or as a table. Returns what it did as data; cli prints.
#ifndef BILAT_APP_EXTRACT_TEXT_H_
#define BILAT_APP_EXTRACT_TEXT_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"
#include "ingest/text/document.h"
#include "ingest/text/extractor.h"
#include "ingest/text/items.h"

namespace bilat::app {

struct ExtractOptions {
  std::vector<std::string> files;
  std::string format = "gold";  // gold, jsonl, table or registry
  // gold: one <document>.json per document in this folder (created if
  // needed); jsonl/table: one file, extract.jsonl or extract.tsv, in it;
  // registry: candidate registry CSV files and README.md
  // (app/extract_to_registry.h), required, and refused when it already
  // holds registry files. Empty: everything goes to `out` instead.
  std::string out_dir;
  std::string data_dir;  // empty: $BILAT_DATA_DIR or the source tree's data/
  size_t max_document_bytes = size_t{16} << 20;
};

struct ExtractSummary {
  std::vector<std::string> written;          // files written, in input order
  std::vector<text::ReadIssue> issues;       // refused inputs and warnings
  size_t files_refused = 0;                  // inputs that yielded nothing
  size_t documents = 0;
  size_t sentences = 0;
  size_t items = 0;
  // registry: candidate rows written (sources not counted), and items with
  // no registry home by type.
  size_t candidate_rows = 0;
  std::map<std::string, size_t> unmapped;
};

// Errors are for what stops the whole run (unloadable dictionaries, an
// unwritable output folder, an unknown format); a bad input file is an issue
// and the others still go through.
Result<ExtractSummary> ExtractText(const ExtractOptions& options, const CountryRegistry& countries,
                                   std::ostream* out);

// One document through the extractor as `bilat extract` runs it: its
// text_file set to `file`, and a warning in `issues` when it gave the most
// items one document may.
text::Extraction ExtractDocument(const text::Extractor& extractor, const text::Document& doc,
                                 const std::string& file, std::vector<text::ReadIssue>* issues);

// The facts of every document in one file as data, read and extracted as
// `bilat extract` does (plain text, HTML, JSON Lines), for callers that
// keep them in memory (the Python module). A file refused whole is the
// error, its message naming the file (NotFound when it does not exist);
// problems with single JSON Lines records, and warnings, go to `issues`.
Result<std::vector<text::Extraction>> ExtractFileFacts(const text::Extractor& extractor, const std::string& file,
                                                       std::vector<text::ReadIssue>* issues,
                                                       size_t max_document_bytes = size_t{16} << 20);

// A text held in memory. Without url and date it is read as a plain-text
// file is (its own "URL:" line and "date" marker count); with either, as a
// JSON Lines record giving them.
struct TextInput {
  std::string text;
  std::string id = "text";  // the document id items carry
  std::string url;          // "" if unknown
  std::string date;         // "" for the text's own (dateline, url); else YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY
};
// Extracts the facts of one text.
// InvalidArgument for a date that is none of the forms above, or for text
// that is binary data.
Result<text::Extraction> ExtractTextFacts(const text::Extractor& extractor, const TextInput& input,
                                          std::vector<text::ReadIssue>* issues);

}  // namespace bilat::app

#endif  // BILAT_APP_EXTRACT_TEXT_H_
