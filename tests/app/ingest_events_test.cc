// Event ingest end to end: idempotent by content hash, refusal above the
// reject ratio, events deduplicated by id, and kill -9 at any moment.
#include "app/ingest_events.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "measure/event_series.h"
#include "store/event_store.h"
#include "store/workspace.h"
#include "tests/app/run_bilat.h"
#include "tests/app/test_workspace.h"

namespace bilat {
namespace {

using testing::Countries;
using testing::ReadAll;
using testing::TempWorkspace;
using testing::WriteAll;

const std::string kV2 = std::string(BILAT_SHARED_DIR) + "/data/gdelt/v2/20151027220000.export.CSV";

long long Count(const std::string& ws, const std::string& sql) { return testing::CountRows(ws, sql); }

// A file of the real sample's rows with fresh GLOBALEVENTIDs from `first_id`.
std::string Renumbered(int64_t first_id, int copies) {
  std::string text = ReadAll(kV2), out;
  int64_t id = first_id;
  for (int c = 0; c < copies; ++c) {
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      size_t tab = text.find('\t', pos);
      out += std::to_string(id++) + text.substr(tab, nl - tab) + "\n";
      pos = nl + 1;
    }
  }
  return out;
}

TEST(IngestEvents, SameContentTwiceIsSkippedEvenUnderAnotherName) {
  TempWorkspace ws;
  ASSERT_TRUE(app::FollowPair(ws.str(), "USA", "CHN", Countries()).ok());
  std::string copy = (ws.dir() / "renamed.CSV").string();
  WriteAll(copy, ReadAll(kV2));
  auto first = app::IngestEvents({ws.str(), {kV2}, "gdelt", 1, 0.01}, Countries());
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->files[0].state, app::EventFileOutcome::State::kStored);
  long long events = Count(ws.str(), "SELECT sum(events) FROM dyad_months");
  EXPECT_EQ(events, 499);
  auto again = app::IngestEvents({ws.str(), {copy, kV2}, "gdelt", 1, 0.01}, Countries());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->files[0].state, app::EventFileOutcome::State::kAlreadyIngested);
  EXPECT_EQ(again->files[1].state, app::EventFileOutcome::State::kAlreadyIngested);
  EXPECT_EQ(Count(ws.str(), "SELECT sum(events) FROM dyad_months"), events);
  EXPECT_EQ(Count(ws.str(), "SELECT count(*) FROM event_files"), 1);
}

TEST(IngestEvents, MapsCodesToIsoAndKeepsFollowedEventsWithFipsPlaceMapped) {
  TempWorkspace ws;
  ASSERT_TRUE(app::FollowPair(ws.str(), "United States", "China", Countries()).ok());
  ASSERT_TRUE(app::IngestEvents({ws.str(), {kV2}, "gdelt", 1, 0.01}, Countries()).ok());
  auto w = store::Workspace::Open(ws.str()).value();
  auto events = *store::LoadEvents(w->db(), "gdelt", "USA", "CHN");
  ASSERT_FALSE(events.empty());
  const store::StoredEvent* e = nullptr;
  for (const auto& x : events) {
    if (x.event_id == 479493109) e = &x;
  }
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->date, "2015-10-27");
  EXPECT_EQ(e->place_country, "AFG");  // FIPS AF
  EXPECT_EQ(e->line, 1871u);
  EXPECT_TRUE(e->avg_tone.has_value());
}

TEST(IngestEvents, FileAboveRejectRatioStoresNothing) {
  TempWorkspace ws;
  std::string text = ReadAll(kV2);
  std::string bad = text.substr(0, text.find('\n')) + "\nbroken\tline\n";
  std::string path = (ws.dir() / "bad.CSV").string();
  WriteAll(path, bad + bad + text.substr(0, text.find('\n', 5000) + 1));  // whole lines
  auto r = app::IngestEvents({ws.str(), {path}, "gdelt", 1, 0.01}, Countries());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->files[0].state, app::EventFileOutcome::State::kTooManyRejects);
  EXPECT_FALSE(r->all_stored());
  EXPECT_EQ(Count(ws.str(), "SELECT count(*) FROM event_files"), 0);
  EXPECT_EQ(Count(ws.str(), "SELECT count(*) FROM dyad_months"), 0);
  // With a tolerant ratio the good rows go through and the rejects are kept.
  auto ok = app::IngestEvents({ws.str(), {path}, "gdelt", 1, 0.9}, Countries());
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->files[0].state, app::EventFileOutcome::State::kStored);
  EXPECT_EQ(Count(ws.str(), "SELECT count(*) FROM event_rejects WHERE reason = 'column count'"), 2);
  EXPECT_EQ(Count(ws.str(), "SELECT min(line) FROM event_rejects"), 2);
}

TEST(IngestEvents, RefusesUnknownLayoutWithTheFieldCount) {
  TempWorkspace ws;
  std::string path = (ws.dir() / "x.csv").string();
  WriteAll(path, "a,b,c\n1,2,3\n");
  auto r = app::IngestEvents({ws.str(), {path}, "gdelt", 1, 0.01}, Countries());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->files[0].state, app::EventFileOutcome::State::kFailed);
  EXPECT_NE(r->files[0].error.find("its first line has 1 tab-separated fields; expected 57 or 58"), std::string::npos);
}

TEST(IngestEvents, SameEventIdInTwoFilesIsStoredOnce) {
  TempWorkspace ws;
  ASSERT_TRUE(app::FollowPair(ws.str(), "USA", "CHN", Countries()).ok());
  std::string a = (ws.dir() / "a.CSV").string(), b = (ws.dir() / "b.CSV").string();
  std::string text = ReadAll(kV2);
  WriteAll(a, text);
  WriteAll(b, text + text.substr(0, text.find('\n') + 1));  // different bytes, same events
  auto r = app::IngestEvents({ws.str(), {a, b}, "gdelt", 1, 0.01}, Countries());
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->files[0].events_kept, 0u);
  EXPECT_EQ(r->files[1].events_kept, 0u);
  EXPECT_EQ(r->files[1].events_duplicate, r->files[0].events_kept);
}

// kill -9 at random moments while ingesting several files; after each kill
// the workspace must be consistent, and a final run must give exactly the
// aggregates of a clean ingest: nothing lost, nothing counted twice.
TEST(IngestEvents, KillNineAtAnyMomentThenRerunLosesAndDuplicatesNothing) {
  auto killed_ws = std::make_unique<TempWorkspace>();
  TempWorkspace clean;
  std::vector<std::string> files;
  for (int i = 0; i < 12; ++i) {
    std::string p = (clean.dir() / ("f" + std::to_string(i) + ".export.CSV")).string();
    WriteAll(p, Renumbered(1000000 + i * 100000, 10));
    files.push_back(p);
  }
  for (auto* ws : {killed_ws.get(), &clean}) ASSERT_TRUE(app::FollowPair(ws->str(), "USA", "CHN", Countries()).ok());
  ASSERT_TRUE(app::IngestEvents({clean.str(), files, "gdelt", 1, 0.01}, Countries()).ok());

  auto run = [&](const std::string& ws, int kill_after_ms) {
    std::vector<std::string> args = {"ingest", "gdelt", "-w", ws, "-j", "1"};
    args.insert(args.end(), files.begin(), files.end());
    return testing::RunBilat(std::move(args), kill_after_ms);
  };
  // Time one uninterrupted run to spread the kills over it.
  TempWorkspace probe;
  ASSERT_TRUE(app::FollowPair(probe.str(), "USA", "CHN", Countries()).ok());
  auto t0 = std::chrono::steady_clock::now();
  run(probe.str(), -1);
  const int full_ms = static_cast<int>(
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  std::mt19937 rng(7);
  int interrupted = 0;
  int window_ms = std::max(1, full_ms * 4 / 5);
  // Kills spread over the first 80% of a full run; rounds continue (up to
  // 24) until at least one kill has landed mid-ingest. If a run finishes
  // before its kill while none has landed yet (the probe ran on a busier
  // machine than the rounds), start again on a fresh workspace with half
  // the window.
  for (int round = 0; round < 24 && (round < 8 || interrupted == 0); ++round) {
    run(killed_ws->str(), static_cast<int>(rng() % window_ms));
    long long stored = Count(killed_ws->str(), "SELECT count(*) FROM event_files");
    if (stored < 12) ++interrupted;
    if (stored == 12 && interrupted == 0) {
      killed_ws = std::make_unique<TempWorkspace>();
      ASSERT_TRUE(app::FollowPair(killed_ws->str(), "USA", "CHN", Countries()).ok());
      window_ms = std::max(1, window_ms / 2);
      continue;
    }
    EXPECT_EQ(Count(killed_ws->str(), "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), 0);
    // A file is either wholly in or wholly out.
    EXPECT_EQ(Count(killed_ws->str(), "SELECT count(*) FROM event_files WHERE rows_ok != 21160"), 0);
    EXPECT_EQ(Count(killed_ws->str(), "SELECT coalesce(sum(events), 0) FROM dyad_months"),
              4990 * Count(killed_ws->str(), "SELECT count(*) FROM event_files"));
  }
  EXPECT_GT(interrupted, 0) << "no kill landed before the end of the ingest (" << full_ms << " ms)";
  int status = run(killed_ws->str(), -1);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  for (const char* sql : {"SELECT sum(events) FROM dyad_months", "SELECT sum(mentions) FROM dyad_months",
                          "SELECT count(*) FROM dyad_months", "SELECT sum(events) FROM country_months",
                          "SELECT count(*) FROM events", "SELECT count(*) FROM event_files"}) {
    EXPECT_EQ(Count(killed_ws->str(), sql), Count(clean.str(), sql)) << sql;
  }
  EXPECT_EQ(Count(clean.str(), "SELECT sum(events) FROM dyad_months"), 12 * 4990);
}

}  // namespace
}  // namespace bilat
