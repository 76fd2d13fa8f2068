#include "ingest/events/line_reader.h"

namespace bilat::ingest {

LineReader::LineReader(std::unique_ptr<ByteSource> src, size_t max_line_bytes)
    : src_(std::move(src)), max_(max_line_bytes) {}

Result<bool> LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + (1 << 20));
  BILAT_ASSIGN_OR_RETURN(size_t got, src_->Read(buf_.data() + old, 1 << 20));
  buf_.resize(old + got);
  bytes_read_ += got;
  if (got == 0) eof_ = true;
  return got > 0;
}

Result<bool> LineReader::Next(Line* line) {
  while (true) {
    size_t nl = buf_.find('\n', pos_);
    if (nl == std::string::npos && buf_.size() - pos_ > max_) {
      // Over-long: report a cut line, then drop bytes up to the next newline.
      line->text = std::string_view(buf_).substr(pos_, 300);
      line->number = ++number_;
      line->byte_offset = offset_;
      line->too_long = true;
      std::string head(line->text);
      while (true) {
        size_t at = buf_.find('\n', pos_);
        if (at != std::string::npos) {
          offset_ += at + 1 - pos_;
          pos_ = at + 1;
          break;
        }
        offset_ += buf_.size() - pos_;
        pos_ = buf_.size();
        BILAT_ASSIGN_OR_RETURN(bool more, Fill());
        if (!more) break;
      }
      buf_.insert(0, head);  // keep the cut text alive for the caller
      pos_ += head.size();
      line->text = std::string_view(buf_).substr(0, head.size());
      return true;
    }
    if (nl == std::string::npos && !eof_) {
      BILAT_ASSIGN_OR_RETURN(bool more, Fill());
      (void)more;
      continue;
    }
    if (nl == std::string::npos && pos_ >= buf_.size()) return false;
    size_t end = nl == std::string::npos ? buf_.size() : nl;
    size_t begin = pos_;
    if (first_) {
      first_ = false;
      if (buf_.compare(begin, 3, "\xEF\xBB\xBF") == 0) begin += 3;
    }
    size_t text_end = end > begin && buf_[end - 1] == '\r' ? end - 1 : end;
    line->text = std::string_view(buf_).substr(begin, text_end - begin);
    line->number = ++number_;
    line->byte_offset = offset_;
    line->too_long = false;
    size_t consumed = (nl == std::string::npos ? end : end + 1) - pos_;
    offset_ += consumed;
    pos_ += consumed;
    return true;
  }
}

}  // namespace bilat::ingest
