// Small event files read whole: one read of the file, its content hash from
// the bytes in memory (the scheme of byte_source.h, so a file is recognised
// whichever way it was read), and .zip or .gz inflated in one call with
// libdeflate. GDELT's feed (a file every 15 minutes, under a megabyte
// zipped) goes this way, where opening a stream per file cost more than the
// scan; large files keep streaming (byte_source.h).
#ifndef BILAT_INGEST_EVENTS_WHOLE_FILE_H_
#define BILAT_INGEST_EVENTS_WHOLE_FILE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace bilat::ingest {

// Files larger than this as stored, or whose first entry inflates to more
// than kWholeFileMaxInflated, are streamed instead.
inline constexpr uint64_t kWholeFileMaxStored = uint64_t{64} << 20;
inline constexpr uint64_t kWholeFileMaxInflated = uint64_t{512} << 20;

struct WholeFile {
  std::string content_hash;  // of the file as stored (byte_source.h)
  bool compressed = false;
  // The plain bytes: `size` of them, then `padding` zero bytes (the scanner
  // reads up to 64 bytes past the end). Not zero-filled first: a feed of
  // small files would spend its time in memset.
  std::unique_ptr<char[]> buffer;
  size_t size = 0, padding = 0;
  std::string_view bytes() const { return std::string_view(buffer.get(), size); }
};

// Reads `path` whole. nullopt when it is too large to hold (see above): the
// caller streams it instead. Errors: the file cannot be read (IoError,
// NotFound), or a .zip/.gz is corrupt or truncated (Corruption, naming the
// file and what failed). A zip's first entry is read, as OpenByteSource does.
Result<std::optional<WholeFile>> ReadWholeFile(const std::string& path, size_t padding = 64);

// The content hash of bytes held in memory: equal to FileContentHash() of a
// file with these bytes.
std::string ContentHashOfBytes(std::string_view file_bytes);

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_EVENTS_WHOLE_FILE_H_
