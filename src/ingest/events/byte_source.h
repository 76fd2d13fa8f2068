// ByteSource: a sequential stream of a file's bytes, decompressing .gz and
// .zip (first entry) on the fly, so that readers never hold a whole file.
// One stream per thread.
#ifndef BILAT_INGEST_EVENTS_BYTE_SOURCE_H_
#define BILAT_INGEST_EVENTS_BYTE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Content hashes are computed over fixed 16 MiB blocks of the file as stored
// (compressed files as they are): XXH3-128 of each block, then XXH3-128 of
// the block digests and the file size. Fixed blocks make the hash the same
// whether the file is read in one pass or by several threads, so the GDELT
// scanner can hash while it scans instead of reading the file twice.
inline constexpr uint64_t kHashBlockBytes = uint64_t{16} << 20;

struct BlockDigest {
  uint64_t high = 0, low = 0;
};

// Streaming XXH3-128 of one block. Not thread-safe; one per block.
class BlockHasher {
 public:
  BlockHasher();
  ~BlockHasher();
  BlockHasher(const BlockHasher&) = delete;
  BlockHasher& operator=(const BlockHasher&) = delete;
  void Update(const char* data, size_t n);
  BlockDigest Digest() const;

 private:
  void* state_;  // XXH3_state_t, kept out of this header
};

// 32 hex digits: the identity under which an ingested file is remembered,
// whatever its name.
std::string CombineBlockDigests(const std::vector<BlockDigest>& blocks, uint64_t file_size);

// The content hash of a file (see above), reading it once.
Result<std::string> FileContentHash(const std::string& path);

// XXH3-128 of a string, 32 hex digits (e.g. a document's text).
std::string ContentHash(std::string_view bytes);

// A file as found on disk, by which a re-run recognises it without reading
// it: its size and modification time (nanoseconds). nullopt if it cannot be
// stat'ed.
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};
std::optional<FileStamp> StatFile(const std::string& path);

// The first line of the (decompressed) file, up to 1 MiB, for sniffing.
Result<std::string> ReadFirstLine(const std::string& path);

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_EVENTS_BYTE_SOURCE_H_
