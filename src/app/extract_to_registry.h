// Use case: `bilat extract --format registry -o DIR` — extracted items as
// candidate rows of the registry's own CSV files, for an analyst to review
// in a spreadsheet before `bilat ingest registry` stores them.
//
// Visits and meetings become exchanges.csv rows; signings, entries into
// force, partnerships and announcements agreements.csv; openings and launches
// of crossings, railways, roads, pipelines, routes and hubs connectivity.csv,
// other openings and construction starts projects.csv; trade figures
// trade.csv; trade targets in money targets.csv; every document cited a
// sources.csv row. Each row carries the review columns (review = candidate,
// confidence, extracted, to_check, evidence; see ingest/registry/
// registry_validator.h) and its provenance: source_id names the document,
// locator the file and character span of the evidence. Format:
// docs/formats/registry_candidates.md. Not thread-safe; one per run.
#ifndef BILAT_APP_EXTRACT_TO_REGISTRY_H_
#define BILAT_APP_EXTRACT_TO_REGISTRY_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/registry_schema.h"
#include "core/status.h"
#include "ingest/text/items.h"

namespace bilat::app {

// The candidate rows of one registry kind: the header (review column first,
// the kind's columns in schema order, then the other review columns) and
// the rows, cells as plain text in the registry's conventions.
struct CandidateFile {
  const KindSpec* kind = nullptr;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

class RegistryCandidates {
 public:
  RegistryCandidates();

  // Adds the items of one document. `x.text_file` names the file it was read
  // from (for the locator); `x.url`, `x.doc_date` fill its sources row.
  void Add(const text::Extraction& x);

  // The files with at least one row, sources first, in RegistryKinds() order.
  std::vector<const CandidateFile*> Files() const;
  // How many items had no registry home, by the item's type ("quantity",
  // "percentage", "money", "event: summit", ...).
  const std::map<std::string, size_t>& Unmapped() const { return unmapped_; }
  size_t CandidateRows() const;

  // Checks that `dir` holds none of the registry files (a reviewed file
  // there would be overwritten): an InvalidArgument error naming it.
  static Status CheckOutputDir(const std::string& dir);
  // Writes one CSV per file with rows and README.md (the review step) into
  // `dir` (created if needed), each atomically. Returns the paths written.
  Result<std::vector<std::string>> Write(const std::string& dir) const;

 private:
  struct Doc {
    std::string source_id;
    std::string locator_prefix;  // "a.txt" or "news.jsonl id 7"
    std::string stated;          // the document's date, registry form
    std::vector<std::string> pair;
  };
  Doc Register(const text::Extraction& x);
  // Appends a row to `kind`'s file: `cells` by column name (registry and
  // review columns); unnamed columns stay blank.
  void AddRow(std::string_view kind, std::map<std::string, std::string> cells);
  void AddVisit(const Doc& doc, const text::Visit& v, size_t n);
  void AddEvent(const Doc& doc, const text::Event& e, size_t n);
  void AddTrade(const Doc& doc, const text::TradeFigure& t, size_t n);
  bool AddTarget(const Doc& doc, const text::Money& m, size_t n);
  // The cells every candidate row has: id, source, locator, review columns.
  std::map<std::string, std::string> Common(const Doc& doc, const std::string& id, double confidence,
                                            const std::string& extracted, const text::Evidence& ev) const;
  // "likely the same as <id>" when an earlier row had the same `key`, else "".
  std::string SameAs(const std::string& key, const std::string& id);
  // The same for exchanges, which match on their sides and nested dates.
  std::string SameExchange(const std::string& from, const std::string& to, const std::string& date,
                           const std::string& id);

  std::vector<CandidateFile> files_;  // one per kind, RegistryKinds() order
  std::map<std::string, size_t> unmapped_;
  std::set<std::string> slugs_;
  std::map<std::string, std::string> first_with_key_;
  struct Exchange {
    std::string from, to, date, id;
  };
  std::vector<Exchange> exchanges_;
};

}  // namespace bilat::app

#endif  // BILAT_APP_EXTRACT_TO_REGISTRY_H_
