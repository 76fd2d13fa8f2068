// Helpers for end-to-end tests: a temporary workspace seeded from a registry
// folder, removed when the test ends.
#ifndef BILAT_TESTS_APP_TEST_WORKSPACE_H_
#define BILAT_TESTS_APP_TEST_WORKSPACE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include "app/use_cases.h"
#include "app/write_report.h"
#include "core/country.h"
#include "store/workspace.h"

namespace bilat::testing {

namespace fs = std::filesystem;

inline std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

inline void WriteAll(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

class TempWorkspace {
 public:
  TempWorkspace() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("bilat-test-" + std::to_string(rd()) + std::to_string(rd()));
    auto r = app::InitWorkspace(dir_.string());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
  }
  ~TempWorkspace() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const fs::path& dir() const { return dir_; }
  std::string str() const { return dir_.string(); }

 private:
  fs::path dir_;
};

inline const CountryRegistry& Countries() {
  static std::shared_ptr<const CountryRegistry> reg = [] {
    auto r = CountryRegistry::LoadDefault();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return *r;
  }();
  return *reg;
}

// The first column of the first row of `sql` on the workspace in `dir`, as
// an integer; -1 (and a test failure) if it cannot be read.
inline long long CountRows(const std::string& dir, const std::string& sql) {
  auto w = store::Workspace::Open(dir);
  EXPECT_TRUE(w.ok()) << w.status().ToString();
  if (!w.ok()) return -1;
  auto n = (*w)->db()->QueryInt(sql);
  EXPECT_TRUE(n.ok()) << n.status().ToString() << " in " << sql;
  return n.ok() ? *n : -1;
}

// Rows per table of the workspace in `dir`, and "(integrity problems)":
// the rows SQLite's integrity check reports. What an ingest stored, in a
// form two workspaces can be compared by (ids and times differ between
// runs; counts must not). Used by the kill -9 and fault-injection tests.
inline std::map<std::string, long long> TableRowCounts(const std::string& dir) {
  std::map<std::string, long long> out;
  auto ws = store::Workspace::OpenForReading(dir);
  EXPECT_TRUE(ws.ok()) << ws.status().ToString();
  if (!ws.ok()) return out;
  auto tables = (*ws)->db()->Prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  std::vector<std::string> names;
  while (*tables->Step()) names.push_back(tables->ColumnText(0));
  for (const auto& t : names) out[t] = *(*ws)->db()->QueryInt("SELECT count(*) FROM \"" + t + "\"");
  out["(integrity problems)"] =
      *(*ws)->db()->QueryInt("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'");
  return out;
}

inline const fs::path kExample = fs::path(BILAT_SOURCE_DIR) / "examples" / "chn-kaz";

}  // namespace bilat::testing

#endif  // BILAT_TESTS_APP_TEST_WORKSPACE_H_
