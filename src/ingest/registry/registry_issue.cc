#include "ingest/registry/registry_issue.h"

namespace bilat::ingest {

std::string RegistryIssue::ToString() const {
  if (file.empty()) return message;  // message already says where
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  out += ": " + message;
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

}  // namespace bilat::ingest
