#include "app/file_checks.h"

#include <fstream>

#include "ingest/events/byte_source.h"

namespace bilat::app {

Status CheckLooksLikeText(const std::string& path, const std::string& expected) {
  std::ifstream in(path, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  size_t control = 0;
  for (unsigned char c : head) control += c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  if (head.find('\0') != std::string::npos || control * 100 > head.size()) {
    return Status::InvalidArgument(path + ": binary data, not " + expected +
                                   " (the files are UTF-8 text; unpack .zip or .gz downloads first)");
  }
  return Status::Ok();
}

Result<InputFile> CheckInputFile(const std::string& path, const std::string& expected, const SeenByStatFn& seen_by_stat,
                                 const SeenByHashFn& seen_by_hash) {
  InputFile f;
  const std::optional<ingest::FileStamp> stamp = ingest::StatFile(path);
  if (!stamp) {
    f.error = Status::IoError(path + ": cannot read the file");
    return f;
  }
  f.size = stamp->size;
  f.mtime_ns = stamp->mtime_ns;
  BILAT_ASSIGN_OR_RETURN(std::optional<int64_t> seen_stat, seen_by_stat(path, f.size, f.mtime_ns));
  if (seen_stat) {
    f.verdict = InputFile::Verdict::kAlreadyIngested;
    return f;
  }
  if (f.size == 0) {
    f.error = Status::InvalidArgument(path + ": empty file (expected " + expected + ")");
    return f;
  }
  if (Status text = CheckLooksLikeText(path, expected); !text.ok()) {
    f.error = text;
    return f;
  }
  Result<std::string> hash = ingest::FileContentHash(path);
  if (!hash.ok()) {
    f.error = hash.status();
    return f;
  }
  BILAT_ASSIGN_OR_RETURN(std::optional<int64_t> seen, seen_by_hash(*hash));
  f.verdict = seen ? InputFile::Verdict::kAlreadyIngested : InputFile::Verdict::kRead;
  f.content_hash = std::move(*hash);
  return f;
}

}  // namespace bilat::app
