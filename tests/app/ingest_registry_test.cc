// The ingest use case: refusal leaves the store untouched; --skip-invalid
// stores the good rows; re-ingest changes nothing.
#include <gtest/gtest.h>

#include "store/registry_store.h"
#include "store/workspace.h"
#include "tests/app/test_workspace.h"

namespace bilat {
namespace {

using testing::Countries;
using testing::TempWorkspace;
using testing::WriteAll;

long long CountRows(const std::string& ws, const std::string& table) {
  auto w = store::Workspace::Open(ws);
  EXPECT_TRUE(w.ok());
  auto n = (*w)->db()->QueryInt("SELECT count(*) FROM " + table);
  EXPECT_TRUE(n.ok());
  return *n;
}

void WriteRegistry(const std::filesystem::path& reg, const std::string& exchanges) {
  WriteAll(reg / "sources.csv", "id,title,publisher,url,published\ns1,T,P,https://example.org,2020\n");
  WriteAll(reg / "exchanges.csv", "id,date,kind,from,to,leader,source_id,locator\n" + exchanges);
}

TEST(IngestRegistry, InvalidBatchStoresNothing) {
  TempWorkspace ws;
  WriteRegistry(ws.dir() / "reg", "e1,2020-01-02,visit,CHN,KAZ,Xi,s1,p1\ne2,2020-13-01,visit,CHN,KAZ,Xi,s1,p1\n");
  auto r = app::IngestRegistry({ws.str(), (ws.dir() / "reg").string(), false}, Countries());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->stored);
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_EQ(r->issues[0].line, 3);
  EXPECT_EQ(CountRows(ws.str(), "exchanges"), 0);
  EXPECT_EQ(CountRows(ws.str(), "sources"), 0);
}

TEST(IngestRegistry, SkipInvalidStoresGoodRowsAndListsRejected) {
  TempWorkspace ws;
  WriteRegistry(ws.dir() / "reg", "e1,2020-01-02,visit,CHN,KAZ,Xi,s1,p1\ne2,2020-13-01,visit,CHN,Narnia,Xi,s1,p1\n");
  auto r = app::IngestRegistry({ws.str(), (ws.dir() / "reg").string(), true}, Countries());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->stored);
  EXPECT_EQ(r->rows_rejected, 1);
  EXPECT_EQ(r->issues.size(), 2u);  // bad month and unknown country, same row
  EXPECT_EQ(CountRows(ws.str(), "exchanges"), 1);
}

TEST(IngestRegistry, SameFilesTwiceChangeNothing) {
  TempWorkspace ws;
  WriteRegistry(ws.dir() / "reg", "e1,2020-01-02,visit,CHN,KAZ,Xi,s1,p1\n");
  auto first = app::IngestRegistry({ws.str(), (ws.dir() / "reg").string(), false}, Countries());
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->total.added, 2);
  auto second = app::IngestRegistry({ws.str(), (ws.dir() / "reg").string(), false}, Countries());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->total.added, 0);
  EXPECT_EQ(second->total.updated, 0);
  EXPECT_EQ(second->total.unchanged, 2);
  EXPECT_EQ(CountRows(ws.str(), "ingest_log"), 1);  // only the ingest that changed something
}

TEST(IngestRegistry, FileWithBrokenHeaderKeepsItsStoredRowsUnderSkipInvalid) {
  TempWorkspace ws;
  WriteRegistry(ws.dir() / "reg", "e1,2020-01-02,visit,CHN,KAZ,Xi,s1,p1\n");
  ASSERT_TRUE(app::IngestRegistry({ws.str(), (ws.dir() / "reg").string(), false}, Countries()).ok());
  WriteAll(ws.dir() / "reg" / "exchanges.csv", "id,dat,kind\ne1,2020,visit\n");
  auto r = app::IngestRegistry({ws.str(), (ws.dir() / "reg").string(), true}, Countries());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total.removed, 0);
  EXPECT_EQ(CountRows(ws.str(), "exchanges"), 1);
}

// A reviewed candidate folder inside the registry: its accepted rows join
// the curated ones; a row turned from accept to reject is removed again;
// unreviewed rows are never stored.
TEST(IngestRegistry, CandidateSubfolderStoresOnlyAcceptedRows) {
  TempWorkspace ws;
  const auto reg = ws.dir() / "reg";
  WriteRegistry(reg, "e1,2020-01-02,visit,CHN,KAZ,Xi,s1,p1\n");
  const std::string header = "review,id,date,kind,from,to,leader,source_id,locator,evidence\n";
  WriteAll(reg / "news" / "exchanges.csv", header +
                                               "accept,txt-a-v1,2023-05,visit,KAZ,CHN,Tokayev,s1,a.txt chars 0-40,x\n"
                                               "candidate,txt-a-v2,2023-06,visit,KAZ,CHN,Tokayev,s1,a.txt chars 41-80,y\n");
  auto r = app::IngestRegistry({ws.str(), reg.string(), false}, Countries());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->stored);
  EXPECT_EQ(r->rows_unreviewed, 1);
  ASSERT_EQ(r->unreviewed.size(), 1u);
  EXPECT_EQ(r->unreviewed[0].lines, std::vector<int>{3});
  EXPECT_EQ(CountRows(ws.str(), "exchanges"), 2);
  EXPECT_EQ(CountRows(ws.str(), "exchanges WHERE id = 'txt-a-v1' AND origin_file = 'news/exchanges.csv'"), 1);

  WriteAll(reg / "news" / "exchanges.csv", header +
                                               "reject,txt-a-v1,2023-05,visit,KAZ,CHN,Tokayev,s1,a.txt chars 0-40,x\n"
                                               "candidate,txt-a-v2,2023-06,visit,KAZ,CHN,Tokayev,s1,a.txt chars 41-80,y\n");
  r = app::IngestRegistry({ws.str(), reg.string(), false}, Countries());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total.removed, 1);
  EXPECT_EQ(r->rows_declined, 1);
  EXPECT_EQ(CountRows(ws.str(), "exchanges"), 1);  // the curated row stays
}

TEST(IngestRegistry, ExampleRegistryIsValid) {
  TempWorkspace ws;
  auto r = app::IngestRegistry({ws.str(), (testing::kExample / "registry").string(), false}, Countries());
  ASSERT_TRUE(r.ok());
  for (const auto& i : r->issues) ADD_FAILURE() << i.ToString();
  EXPECT_TRUE(r->stored);
  EXPECT_GT(r->rows_read, 250);  // 257 rows (the WDI series are ingested from macro/, not the registry)
}

}  // namespace
}  // namespace bilat
