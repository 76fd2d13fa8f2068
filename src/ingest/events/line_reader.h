// LineReader: whole lines from a ByteSource with their number and byte
// offset, for the event readers that are not on the hot path (ICEWS,
// mentions). Memory stays within one buffer: a line longer than
// `max_line_bytes` is reported as such and skipped.
#ifndef BILAT_INGEST_EVENTS_LINE_READER_H_
#define BILAT_INGEST_EVENTS_LINE_READER_H_

#include <memory>
#include <string>
#include <string_view>

#include "ingest/events/byte_source.h"

namespace bilat::ingest {

struct Line {
  std::string_view text;  // without '\n' or '\r\n'; valid until the next Next()
  uint64_t number = 0;    // 1-based
  uint64_t byte_offset = 0;
  bool too_long = false;  // text is cut; the line exceeded the limit
};

class LineReader {
 public:
  LineReader(std::unique_ptr<ByteSource> src, size_t max_line_bytes = 1 << 20);
  // Next line; false at the end. A leading UTF-8 byte-order mark is dropped.
  Result<bool> Next(Line* line);
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  Result<bool> Fill();
  std::unique_ptr<ByteSource> src_;
  size_t max_;
  std::string buf_;
  size_t pos_ = 0;     // start of unread data in buf_
  uint64_t offset_ = 0;  // file offset of buf_[pos_]
  uint64_t number_ = 0;
  uint64_t bytes_read_ = 0;
  bool eof_ = false;
  bool first_ = true;
};

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_EVENTS_LINE_READER_H_
