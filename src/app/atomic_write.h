// Writing an output file so that no reader ever sees half of it: the bytes
// go to "PATH.tmp" beside it, which is renamed over PATH only when all of
// them are written. On any failure the .tmp is removed and PATH is left as
// it was; a full disk is named as such.
#ifndef BILAT_APP_ATOMIC_WRITE_H_
#define BILAT_APP_ATOMIC_WRITE_H_

#include <string>

#include "core/status.h"

namespace bilat::app {

Status WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace bilat::app

#endif  // BILAT_APP_ATOMIC_WRITE_H_
