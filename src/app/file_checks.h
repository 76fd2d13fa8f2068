// Checks the ingest use cases make on an input file before a loader reads it.
#ifndef BILAT_APP_FILE_CHECKS_H_
#define BILAT_APP_FILE_CHECKS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/status.h"

namespace bilat::app {

// Refuses binary data before a loader prints its bytes as "columns found":
// a NUL byte, or more than 1% control characters, in the first 64 KiB.
// `expected` names what the file should be ("a UN Comtrade CSV"). Text in
// another encoding than UTF-8 is left to the loaders.
Status CheckLooksLikeText(const std::string& path, const std::string& expected);

// What the checks before a file's ingest decided.
struct InputFile {
  enum class Verdict { kRead, kAlreadyIngested, kRefused };
  Verdict verdict = Verdict::kRefused;
  // kRefused: why, naming the file: InvalidArgument for input that is not
  // what was expected (empty, binary), IoError for a file that cannot be read.
  Status error;
  uint64_t size = 0;         // kRead: the file's stat and content hash
  int64_t mtime_ns = 0;
  std::string content_hash;
};

// Lookups of a store's files: whether a file with this path, size and
// modification time, or with this content hash, is already stored.
using SeenByStatFn = std::function<Result<std::optional<int64_t>>(const std::string&, uint64_t, int64_t)>;
using SeenByHashFn = std::function<Result<std::optional<int64_t>>(const std::string&)>;

// The checks every ingest makes, in order: the file can be read; it is not
// stored already (same path, size and time: no need to hash it); it is not
// empty or binary (`expected` names what it should be); its content hash
// is not stored already. A store error is returned as such.
Result<InputFile> CheckInputFile(const std::string& path, const std::string& expected, const SeenByStatFn& seen_by_stat,
                                 const SeenByHashFn& seen_by_hash);

}  // namespace bilat::app

#endif  // BILAT_APP_FILE_CHECKS_H_
