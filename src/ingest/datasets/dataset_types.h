// Plain result types of the dataset adapters: what one file of a bulk
// dataset (China Vitae, AEI, UNGA votes, ...) becomes in bilat's terms.
//
// An adapter maps each usable row either to a registry-kind Record (an
// exchange, a project, an agreement, a people-to-people institution), which
// then lives beside the curated registry rows, or to an Observation (a value
// of a measure for a country or a pair in a period: UN voting agreement,
// diplomatic posts, visa rules, finance sums). Both keep the file and line
// they came from. No storage concerns here: store/dataset_store maps these to
// tables.
#ifndef BILAT_INGEST_DATASETS_DATASET_TYPES_H_
#define BILAT_INGEST_DATASETS_DATASET_TYPES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/record.h"
#include "ingest/trade/trade_types.h"

namespace bilat::ingest {

// One value of a measure. `subject` is the country the value belongs to (the
// sender of a diplomatic post, a passport's country, the recipient of
// finance); `object` the other country of a pair, "" for a country-level
// value (an ideal point). `period` is "YYYY", "YYYY-MM" or "YYYY-MM-DD".
// `item` tells apart several values with the same key (two consulates in one
// country): the key is (scope, measure, subject, object, period, item).
struct Observation {
  std::string measure;  // "unga.agree", "lowy.post", "visa.requirement", ... (docs/formats/datasets.md)
  std::string subject, object;
  std::string period;
  std::string item;
  std::optional<double> value;
  std::string text;  // a categorical value ("visa_required") or a label ("Embassy")
  uint64_t line = 0;
};

// A country name or code the adapter could not map to ISO 3166-1, with the
// first line it appears on and how many rows carry it. `deliberate` names are
// regions, aggregates or former states the dataset lists beside countries
// ("Soviet Union", "_ADV Advanced Economies"): their rows are skipped on
// purpose and reported as such, not as problems.
struct UnmappedName {
  std::string field;  // column
  std::string name;
  uint64_t first_line = 0;
  uint64_t rows = 0;
  bool deliberate = false;
  std::string why;  // for deliberate names: "region", "former state", ...
};

struct DatasetLoadResult {
  std::string dataset;  // adapter name: "chinavitae", "aei", ...
  // Records of this file get ids "<scope>:<own id>", and a later file of the
  // same scope replaces them (a new release of the same table). Different
  // tables of one dataset (AEI's investments and troubled transactions) have
  // different scopes.
  std::string scope;
  std::string layout;            // e.g. "aei-2019-troubled"
  std::vector<Record> sources;   // sources-kind Records the records cite (ids "<scope>:...")
  std::vector<Record> records;   // registry-kind Records
  std::vector<Observation> observations;
  std::vector<LoadIssue> issues;                 // problem rows (skipped unless the message says kept)
  std::map<std::string, UnmappedName> unmapped;  // by field + name
  uint64_t rows_read = 0;        // data rows seen
  uint64_t rows_skipped = 0;     // rows deliberately not used (regions, out of scope), not problems
  uint64_t issues_suppressed = 0;

  // Rows with problems: issues plus rows of names that are not deliberate.
  uint64_t ProblemRows() const;
};

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_DATASETS_DATASET_TYPES_H_
