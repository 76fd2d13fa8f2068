// RegistryIssue: one problem found in a registry file, with its place.
#ifndef BILAT_INGEST_REGISTRY_REGISTRY_ISSUE_H_
#define BILAT_INGEST_REGISTRY_REGISTRY_ISSUE_H_

#include <string>

namespace bilat::ingest {

struct RegistryIssue {
  std::string file;  // as the user named it: "registry/exchanges.csv"
  int line = 0;      // 1-based; 0 when the issue concerns the whole file
  int column = 0;    // 1-based character column; 0 when not known
  std::string message;  // what is wrong
  std::string hint;     // how to fix it; may be empty

  // "file:line:column: message (hint)", omitting unknown parts.
  std::string ToString() const;
};

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_REGISTRY_REGISTRY_ISSUE_H_
