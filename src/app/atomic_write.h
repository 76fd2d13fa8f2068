// Writing an output file so that no reader ever sees half of it: the bytes
// go to "PATH.tmp" beside it, which is renamed over PATH only when all of
// them are written. On any failure the .tmp is removed and PATH is left as
// it was; a full disk is named as such.
#ifndef BILAT_APP_ATOMIC_WRITE_H_
#define BILAT_APP_ATOMIC_WRITE_H_

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace bilat::app {

Status WriteFileAtomically(const std::string& path, const std::string& content);

// Several files that belong together (a report's HTML, Markdown and JSON):
// every .tmp is written first, and the renames start only when all of them
// are complete. A failed write removes every .tmp and leaves all the old
// files, so a set is never half new and half old. (The renames themselves
// are not one atomic step; each is, and they follow each other at once.)
Status WriteFilesAtomically(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace bilat::app

#endif  // BILAT_APP_ATOMIC_WRITE_H_
