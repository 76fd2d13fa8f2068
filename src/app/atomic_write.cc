#include "app/atomic_write.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace bilat::app {

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp";
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
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    const int rename_err = ec.value();
    return fail("cannot replace the file", rename_err);
  }
  return Status::Ok();
}

}  // namespace bilat::app
