// ByteSource: a sequential stream of a file's bytes, decompressing .gz and
// .zip (first entry) on the fly, so that readers never hold a whole file.
// One stream per thread.
#ifndef BILAT_INGEST_EVENTS_BYTE_SOURCE_H_
#define BILAT_INGEST_EVENTS_BYTE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace bilat::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; 0 at the end. Errors are I/O or corrupt archives.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// Opens `path`, recognising zip and gzip by their magic bytes; anything else
// is read as plain bytes.
Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path);
// Bytes [begin, end) of a plain file (pread), for parallel scans.
Result<std::unique_ptr<ByteSource>> OpenRangeSource(const std::string& path, uint64_t begin, uint64_t end);
// True unless the file starts with a zip or gzip signature.
bool IsPlainFile(const std::string& path);

// XXH3-128 of the file's bytes as stored (compressed files are hashed as
// they are), 32 hex digits: the identity under which an ingested file is
// remembered, whatever its name.
Result<std::string> FileContentHash(const std::string& path);

// XXH3-128 of a string, 32 hex digits (e.g. a document's text).
std::string ContentHash(std::string_view bytes);

// The first line of the (decompressed) file, up to 1 MiB, for sniffing.
Result<std::string> ReadFirstLine(const std::string& path);

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_EVENTS_BYTE_SOURCE_H_
