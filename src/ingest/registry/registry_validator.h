// Registry validation: a folder of registry CSV files in, typed Records and
// a list of every problem out.
//
// The whole folder is read and checked before anything is stored, so a batch
// is either valid as a whole or its problems are all reported at once.
// Nothing here touches the workspace; app/ decides what to store.
#ifndef BILAT_INGEST_REGISTRY_REGISTRY_VALIDATOR_H_
#define BILAT_INGEST_REGISTRY_REGISTRY_VALIDATOR_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/record.h"
#include "ingest/registry/registry_issue.h"

namespace bilat::ingest {

// The review columns: any registry file may carry them (the candidate rows
// `bilat extract --format registry` writes do). They are read, never
// stored. `review` decides what happens to a row: `accept` validates and
// stores it; `reject` leaves it out; `candidate` or blank (not reviewed yet)
// leaves it out too and is counted in RegistryBatch::unreviewed, so that an
// unreviewed candidate never becomes a fact silently. The others
// (`confidence`, `extracted`, `to_check`, `evidence`) are the extractor's
// notes for the reviewer.
std::span<const std::string_view> ReviewColumns();

// Rows of one file left out because nobody has reviewed them yet.
struct UnreviewedRows {
  std::string file;        // as in issues: "registry/news/exchanges.csv"
  std::vector<int> lines;  // their lines, in file order
};

struct RegistryBatch {
  // Valid records per kind, in RegistryKinds() order. With rejected rows
  // present these are the good rows only.
  std::vector<std::vector<Record>> records;
  // Kinds whose file was present (so their stored rows can be synchronised).
  std::vector<const KindSpec*> files_present;
  // Present files that could not be read as a whole (bad quoting, bad
  // header): none of their rows is valid, and their stored rows must be left
  // alone rather than synchronised to nothing.
  std::vector<const KindSpec*> files_failed;
  std::vector<RegistryIssue> issues;
  int rows_read = 0;
  int rows_rejected = 0;  // rows with at least one issue
  int rows_declined = 0;  // review = reject: left out by the reviewer
  std::vector<UnreviewedRows> unreviewed;  // review = candidate or blank
  int RowsUnreviewed() const;
};

// Reads every known registry file in `dir` and in its immediate subfolders
// (see docs/formats/registry.md): a kind's rows are the union of its files,
// and ids must be unique across them. Records from a subfolder have
// origin_file "SUB/kind.csv". `display_dir` prefixes file names in issues
// (usually the path as the user typed it). Never fails as a whole: an
// unreadable folder is an issue too.
RegistryBatch ValidateRegistryDir(const std::string& dir,
                                  const std::string& display_dir,
                                  const CountryRegistry& countries);

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_REGISTRY_REGISTRY_VALIDATOR_H_
