#include "fuzz/fuzz_util.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace bilat::fuzz {

const std::string& ScratchDir() {
  static const std::string dir = [] {
    std::string base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
    std::string d = base + "/bilat-fuzz-" + std::to_string(getpid());
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

std::string WriteScratchFile(const std::string& name, std::string_view bytes) {
  std::string path = ScratchDir() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

const CountryRegistry& Countries() {
  static std::shared_ptr<const CountryRegistry> registry = [] {
    auto r = CountryRegistry::LoadDefault();
    if (!r.ok()) {
      std::fprintf(stderr, "fuzz: cannot load the country registry: %s\n", r.status().ToString().c_str());
      std::abort();
    }
    return *std::move(r);
  }();
  return *registry;
}

std::string DataDir() {
  if (const char* d = std::getenv("BILAT_DATA_DIR")) return d;
  return BILAT_FUZZ_DATA_DIR;
}

Selected Select(const uint8_t* data, size_t size) {
  if (size == 0) return {};
  return {data[0], std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1)};
}

}  // namespace bilat::fuzz
