// End to end through app::IngestDatasets on the real shared CEIAS file: a
// file of a table already stored replaces it only with `replace`, the
// registry and the datasets never remove each other's rows, and a report of
// a pair nobody curated is filled from dataset rows alone.
#include "app/ingest_datasets.h"

#include <gtest/gtest.h>

#include "measure/pair_facts.h"
#include "store/sqlite_db.h"
#include "tests/app/test_workspace.h"

namespace bilat::app {
namespace {

using testing::Countries;
using testing::TempWorkspace;
using testing::WriteAll;

const std::string kCeias = std::string(BILAT_SHARED_DIR) +
                           "/data/political/ceias_leader_travel/who_where_when_v1.1_visits.csv";

long long Count(const TempWorkspace& ws, const std::string& sql) {
  auto w = store::Workspace::Open(ws.str());
  EXPECT_TRUE(w.ok());
  auto n = (*w)->db()->QueryInt(sql);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return n.ok() ? *n : -1;
}

Result<IngestDatasetResult> Ingest(const TempWorkspace& ws, const std::string& dataset, const std::string& file,
                                   bool replace = false) {
  IngestDatasetOptions o;
  o.workspace = ws.str();
  o.dataset = dataset;
  o.files = {file};
  o.data_dir = std::string(BILAT_SOURCE_DIR) + "/data";
  o.replace = replace;
  return IngestDatasets(o, Countries());
}

TEST(IngestDatasets, StoresOnceAndSkipsTheSameFile) {
  TempWorkspace ws;
  auto first = Ingest(ws, "ceias", kCeias);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->files.size(), 1u);
  EXPECT_EQ(first->files[0].state, DatasetFileOutcome::State::kStored) << first->files[0].error;
  EXPECT_EQ(first->files[0].records_added, 580);
  EXPECT_EQ(Count(ws, "SELECT count(*) FROM exchanges WHERE id LIKE 'ceias:%'"), 580);
  auto again = Ingest(ws, "ceias", kCeias);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->files[0].state, DatasetFileOutcome::State::kAlreadyIngested);
}

TEST(IngestDatasets, AnotherFileOfTheSameTableReplacesOnlyWhenAsked) {
  TempWorkspace ws;
  ASSERT_TRUE(Ingest(ws, "ceias", kCeias).ok());
  const std::string small = (ws.dir() / "small.csv").string();
  WriteAll(small, "Year,Name,Level,Country\n2013,Xi Jinping,President,Kazakhstan\n");
  auto refused = Ingest(ws, "ceias", small);
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->files[0].state, DatasetFileOutcome::State::kWouldReplace);
  EXPECT_NE(refused->files[0].replaces.find("who_where_when_v1.1_visits.csv (580 records"), std::string::npos)
      << refused->files[0].replaces;
  EXPECT_EQ(Count(ws, "SELECT count(*) FROM exchanges WHERE id LIKE 'ceias:%'"), 580);  // untouched

  auto replaced = Ingest(ws, "ceias", small, /*replace=*/true);
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(replaced->files[0].state, DatasetFileOutcome::State::kStored);
  EXPECT_EQ(replaced->files[0].records_removed, 580);  // line 2 of the release is the Soviet Union: skipped
  EXPECT_EQ(replaced->files[0].records_added, 1);
  EXPECT_EQ(Count(ws, "SELECT count(*) FROM exchanges WHERE id LIKE 'ceias:%'"), 1);
  // The first release is no longer current: it can be brought back.
  auto back = Ingest(ws, "ceias", kCeias, /*replace=*/true);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->files[0].state, DatasetFileOutcome::State::kStored);
  EXPECT_EQ(Count(ws, "SELECT count(*) FROM exchanges WHERE id LIKE 'ceias:%'"), 580);
}

TEST(IngestDatasets, RegistryIngestLeavesDatasetRowsAlone) {
  TempWorkspace ws;
  ASSERT_TRUE(Ingest(ws, "ceias", kCeias).ok());
  IngestRegistryOptions o;
  o.workspace = ws.str();
  o.registry_dir = std::string(BILAT_SOURCE_DIR) + "/examples/chn-kaz/registry";
  auto r = IngestRegistry(o, Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->stored);
  EXPECT_EQ(Count(ws, "SELECT count(*) FROM exchanges WHERE id LIKE 'ceias:%'"), 580);
  EXPECT_GT(Count(ws, "SELECT count(*) FROM exchanges WHERE instr(id, ':') = 0"), 60);
  // Ingesting the registry again (unchanged) removes nothing either.
  auto again = IngestRegistry(o, Countries());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->total.removed, 0);
  EXPECT_EQ(Count(ws, "SELECT count(*) FROM exchanges WHERE id LIKE 'ceias:%'"), 580);
}

TEST(IngestDatasets, ARefusedFileStoresNothing) {
  TempWorkspace ws;
  const std::string bad = (ws.dir() / "bad.csv").string();
  WriteAll(bad, "Year,Name,Level,Country\n20x3,Xi,President,Kazakhstan\n2014,Li,Premier,Atlantis\n");
  auto r = Ingest(ws, "ceias", bad);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->files[0].state, DatasetFileOutcome::State::kTooManyIssues);
  ASSERT_EQ(r->files[0].unmapped.size(), 1u);
  EXPECT_NE(r->files[0].unmapped[0].find("bad.csv:3: Country 'Atlantis': 1 row"), std::string::npos)
      << r->files[0].unmapped[0];
  EXPECT_EQ(Count(ws, "SELECT count(*) FROM exchanges"), 0);
  EXPECT_EQ(Count(ws, "SELECT count(*) FROM dataset_files"), 0);
}

TEST(IngestDatasets, CeiasVisitJoinsTheCuratedTripOfThatYear) {
  // The example registry has Xi Jinping in Kazakhstan on 7-10 September 2013
  // (from China Vitae); CEIAS has him there in 2013, dated to the year: one
  // trip, citing both.
  TempWorkspace ws;
  IngestRegistryOptions o;
  o.workspace = ws.str();
  o.registry_dir = std::string(BILAT_SOURCE_DIR) + "/examples/chn-kaz/registry";
  ASSERT_TRUE(IngestRegistry(o, Countries()).ok());
  ASSERT_TRUE(Ingest(ws, "ceias", kCeias).ok());
  auto w = store::Workspace::Open(ws.str());
  ASSERT_TRUE(w.ok());
  auto f = measure::LoadPairFacts((*w)->db(), "CHN", "KAZ");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  const measure::ExchangeEpisode* xi2013 = nullptr;
  for (const auto& e : f->episodes) {
    if (e.leader == "Xi Jinping" && e.start.year() == 2013 && e.from == "CHN") xi2013 = &e;
  }
  ASSERT_NE(xi2013, nullptr);
  bool curated = false, ceias = false;
  for (const Record* r : xi2013->records) {
    curated = curated || r->Text("id").find(':') == std::string::npos;
    ceias = ceias || r->Text("id").rfind("ceias:", 0) == 0;
  }
  EXPECT_TRUE(curated);
  EXPECT_TRUE(ceias);
  int trips_2013 = 0;
  for (const auto& e : f->episodes) trips_2013 += e.leader == "Xi Jinping" && e.start.year() == 2013 && e.from == "CHN";
  EXPECT_EQ(trips_2013, 1);
}

}  // namespace
}  // namespace bilat::app
