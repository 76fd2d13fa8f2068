#include "cli/command.h"

#include <cstdlib>
#include <iostream>

namespace bilat::cli {

int Fail(const Status& st) {
  std::cerr << "bilat: " << st.message() << "\n";
  if (st.code() == StatusCode::kBusy) return kExitBusy;
  return st.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitError;
}

int ExitCodeForFileError(StatusCode code) {
  switch (code) {
    case StatusCode::kBusy: return kExitBusy;
    case StatusCode::kIoError:
    case StatusCode::kInternal: return kExitError;
    default: return kExitBadInput;
  }
}

const CountryRegistry& Countries() {
  static std::shared_ptr<const CountryRegistry> registry = [] {
    auto r = CountryRegistry::LoadDefault();
    if (!r.ok()) {
      std::cerr << "bilat: " << r.status().message() << "\n";
      std::exit(kExitError);
    }
    return *r;
  }();
  return *registry;
}

}  // namespace bilat::cli
