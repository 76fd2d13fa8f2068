// Checks the ingest use cases make on an input file before a loader reads it.
#ifndef BILAT_APP_FILE_CHECKS_H_
#define BILAT_APP_FILE_CHECKS_H_

#include <string>

#include "core/status.h"

namespace bilat::app {

// Refuses binary data before a loader prints its bytes as "columns found":
// a NUL byte, or more than 1% control characters, in the first 64 KiB.
// `expected` names what the file should be ("a UN Comtrade CSV"). Text in
// another encoding than UTF-8 is left to the loaders.
Status CheckLooksLikeText(const std::string& path, const std::string& expected);

}  // namespace bilat::app

#endif  // BILAT_APP_FILE_CHECKS_H_
