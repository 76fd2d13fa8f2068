// Shared helpers for the trade loader tests.
#ifndef BILAT_TESTS_INGEST_TRADE_TEST_UTIL_H_
#define BILAT_TESTS_INGEST_TRADE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "core/country.h"
#include "ingest/trade/trade_types.h"

namespace bilat::ingest::testing_util {

inline std::string SharedTrade(const std::string& rel) {
  return std::string(BILAT_SHARED_DIR) + "/data/trade/" + rel;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Writes `text` to a fresh file in the test temp dir and returns its path.
inline std::string WriteTemp(const std::string& name, const std::string& text) {
  // ctest runs test cases in parallel processes: make the name unique.
  static int counter = 0;
  std::string path = ::testing::TempDir() + "/bilat-" + std::to_string(::getpid()) + "-" +
                     std::to_string(counter++) + "-" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

inline const CountryRegistry& Countries() {
  static std::shared_ptr<const CountryRegistry> reg = [] {
    auto r = CountryRegistry::LoadDefault();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return *r;
  }();
  return *reg;
}

// All issues, one per line, for failure messages.
template <typename R>
std::string Issues(const R& r) {
  std::string out;
  for (const auto& i : r.issues) out += i.ToString() + "\n";
  return out;
}

}  // namespace bilat::ingest::testing_util

#endif  // BILAT_TESTS_INGEST_TRADE_TEST_UTIL_H_
