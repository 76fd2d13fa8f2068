#include "app/file_checks.h"

#include <fstream>

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

}  // namespace bilat::app
