// Registry validation: a folder of registry CSV files in, typed Records and
// a list of every problem out.
//
// The whole folder is read and checked before anything is stored, so a batch
// is either valid as a whole or its problems are all reported at once.
// Nothing here touches the workspace; app/ decides what to store.
#ifndef BILAT_INGEST_REGISTRY_REGISTRY_VALIDATOR_H_
#define BILAT_INGEST_REGISTRY_REGISTRY_VALIDATOR_H_

#include <string>
#include <vector>

#include "core/country.h"
#include "core/record.h"
#include "ingest/registry/registry_issue.h"

namespace bilat::ingest {

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
};

// Reads every known registry file in `dir` (see docs/formats/registry.md).
// `display_dir` prefixes file names in issues (usually the path as the user
// typed it). Never fails as a whole: an unreadable folder is an issue too.
RegistryBatch ValidateRegistryDir(const std::string& dir,
                                  const std::string& display_dir,
                                  const CountryRegistry& countries);

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_REGISTRY_REGISTRY_VALIDATOR_H_
