#include "app/atomic_write.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace bilat::app {

namespace {

// Writes `content` to `tmp` (the file's .tmp); on failure removes it and
// says why in terms of `path`.
Status WriteTmp(const std::string& path, const std::string& tmp, const std::string& content) {
  std::error_code ec;
  auto fail = [&](const std::string& what, int err) {
    std::filesystem::remove(tmp, ec);
    const std::string reason = err == ENOSPC ? "the disk is full" : err ? std::strerror(err) : "unknown error";
    return Status::IoError(path + ": " + what + " (" + reason + "); nothing was written");
  };
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return fail("cannot create " + tmp, errno);
  errno = 0;
  const size_t n = std::fwrite(content.data(), 1, content.size(), f);
  int err = errno;
  if (n != content.size()) {
    std::fclose(f);
    return fail("write failed", err);
  }
  if (std::fflush(f) != 0) {
    err = errno;
    std::fclose(f);
    return fail("write failed", err);
  }
  if (std::fclose(f) != 0) return fail("write failed", errno);
  return Status::Ok();
}

}  // namespace

Status WriteFilesAtomically(const std::vector<std::pair<std::string, std::string>>& files) {
  std::error_code ec;
  for (size_t i = 0; i < files.size(); ++i) {
    Status st = WriteTmp(files[i].first, files[i].first + ".tmp", files[i].second);
    if (!st.ok()) {
      for (size_t k = 0; k < i; ++k) std::filesystem::remove(files[k].first + ".tmp", ec);
      return st;
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& path = files[i].first;
    std::filesystem::rename(path + ".tmp", path, ec);
    if (ec) {
      const std::string reason = ec.message();
      for (size_t k = i; k < files.size(); ++k) std::filesystem::remove(files[k].first + ".tmp", ec);
      return Status::IoError(path + ": cannot replace the file (" + reason + ")");
    }
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  return WriteFilesAtomically({{path, content}});
}

}  // namespace bilat::app
