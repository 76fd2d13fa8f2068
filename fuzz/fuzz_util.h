// What every fuzz target shares: a scratch folder in memory-backed /dev/shm
// (most readers take a path, as bilat's users give them files), the country
// registry and bilat's data folder, each set up once per process.
#ifndef BILAT_FUZZ_FUZZ_UTIL_H_
#define BILAT_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/country.h"

namespace bilat::fuzz {

// A folder private to this process, created on first use.
const std::string& ScratchDir();
// Writes `bytes` to ScratchDir()/name (replacing it) and returns the path.
std::string WriteScratchFile(const std::string& name, std::string_view bytes);
// The ISO 3166 registry (Debian's iso-codes), loaded once; aborts if missing,
// since a fuzzer without it would test nothing.
const CountryRegistry& Countries();
// bilat's data folder: $BILAT_DATA_DIR, else the checkout's data/.
std::string DataDir();

// Splits a fuzz input into a selector byte (which reader, which file name)
// and the rest, the file's bytes.
struct Selected {
  uint8_t selector = 0;
  std::string_view bytes;
};
Selected Select(const uint8_t* data, size_t size);

}  // namespace bilat::fuzz

#endif  // BILAT_FUZZ_FUZZ_UTIL_H_
