// kill -9 at any moment of every ingest kind, then a re-run: the workspace
// stays consistent after every kill, a file that is stored in one
// transaction is wholly in or wholly out, and the re-run ends exactly where
// an uninterrupted ingest ends (nothing lost, nothing stored twice). The
// GDELT ingest has its own, multi-file version in ingest_events_test.cc.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "store/workspace.h"
#include "tests/app/run_bilat.h"
#include "tests/app/test_workspace.h"

namespace bilat {
namespace {

using testing::TempWorkspace;

const std::string kData = std::string(BILAT_SHARED_DIR) + "/data/";

struct IngestKind {
  const char* name;                 // test name
  std::vector<std::string> args;    // after "bilat ingest"; the workspace is added
  bool one_transaction = true;      // the whole input is stored in one transaction
};

void PrintTo(const IngestKind& k, std::ostream* os) { *os << k.name; }

// "text" then the development corpus's texts, in name order.
std::vector<std::string> TextArgs() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(BILAT_SHARED_DIR) + "/corpus/dev/texts")) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  files.insert(files.begin(), "text");
  return files;
}

std::map<std::string, long long> Fingerprint(const std::string& dir) { return testing::TableRowCounts(dir); }

std::string Describe(const std::map<std::string, long long>& f) {
  std::string s;
  for (const auto& [t, n] : f) {
    if (n) s += t + "=" + std::to_string(n) + " ";
  }
  return s;
}

// Runs `bilat ingest ARGS -w WS`, killing it after `kill_after_ms` (never
// when negative). Returns the wait status.
int RunIngest(const IngestKind& kind, const std::string& ws, int kill_after_ms) {
  std::vector<std::string> args = {"ingest"};
  args.insert(args.end(), kind.args.begin(), kind.args.end());
  args.insert(args.end(), {"-w", ws});
  return testing::RunBilat(std::move(args), kill_after_ms);
}

class KillNine : public ::testing::TestWithParam<IngestKind> {};

TEST_P(KillNine, AtAnyMomentThenRerunLosesAndDuplicatesNothing) {
  const IngestKind& kind = GetParam();
  TempWorkspace clean;
  const auto empty = Fingerprint(clean.str());
  auto t0 = std::chrono::steady_clock::now();
  int status = RunIngest(kind, clean.str(), -1);
  const int full_ms = static_cast<int>(
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0) << "an uninterrupted ingest must succeed";
  const auto full = Fingerprint(clean.str());
  ASSERT_NE(full, empty) << "the ingest stored nothing";

  auto killed = std::make_unique<TempWorkspace>();
  std::mt19937 rng(11);
  int window_ms = std::max(2, full_ms * 9 / 10);
  int interrupted = 0;
  // Kills spread over a run; rounds go on (up to 20) until two have landed
  // mid-ingest. A run that finished before its kill on a fresh workspace
  // means the window was too wide (a busier machine): halve it.
  for (int round = 0; round < 20 && (round < 6 || interrupted < 2); ++round) {
    RunIngest(kind, killed->str(), static_cast<int>(rng() % window_ms));
    const auto now = Fingerprint(killed->str());
    EXPECT_EQ(now.at("(integrity problems)"), 0) << "round " << round;
    if (now != full) ++interrupted;
    if (kind.one_transaction) {
      EXPECT_TRUE(now == empty || now == full)
          << "round " << round << ": half a file is stored: " << Describe(now) << " (whole: " << Describe(full) << ")";
    }
    if (now == full && interrupted == 0) {
      killed = std::make_unique<TempWorkspace>();
      window_ms = std::max(2, window_ms / 2);
    }
  }
  EXPECT_GT(interrupted, 0) << "no kill landed before the end of the ingest (" << full_ms << " ms)";
  status = RunIngest(kind, killed->str(), -1);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(Describe(Fingerprint(killed->str())), Describe(full));
  // And a further run changes nothing.
  RunIngest(kind, killed->str(), -1);
  EXPECT_EQ(Describe(Fingerprint(killed->str())), Describe(full));
}

INSTANTIATE_TEST_SUITE_P(
    EveryIngestKind, KillNine,
    ::testing::Values(
        IngestKind{"registry", {"registry", std::string(BILAT_SOURCE_DIR) + "/examples/chn-kaz/registry"}},
        IngestKind{"icews", {"icews", kData + "icews/events.2018.sample.tab"}},
        IngestKind{"comtrade", {"comtrade", kData + "trade/comtrade/comtrade_legacy_IDN_export_world_HS6_2014_2021.csv"}},
        IngestKind{"imf_dots", {"imf-dots", kData + "trade/imf_dots/dots_china_mainland_all_years.csv"}},
        IngestKind{"wdi", {"wdi", kData + "trade/wdi/wdi_macro_long_2005_2024.csv"}},
        IngestKind{"unga", {"unga", kData + "political/unga_voeten/IdealpointestimatesAll_Jun2024.csv"}},
        IngestKind{"lowy", {"lowy", kData + "political/lowy_diplomacy_index/lowy_gdi_posts.csv"}},
        IngestKind{"chinavitae", {"chinavitae", kData + "political/chinavitae/chinavitae_leader_engagements_2003_2018.csv"}},
        // One transaction per document: several documents may be in after a kill.
        IngestKind{"text", TextArgs(), false}),
    [](const ::testing::TestParamInfo<IngestKind>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace bilat
