#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "ingest/datasets/adapters.h"
#include "tests/ingest/datasets/dataset_test_util.h"

namespace bilat::ingest {
namespace {

using testing_util::Ctx;
using testing_util::FindRecord;
using testing_util::FindUnmapped;
using testing_util::IssueTexts;
using testing_util::SharedData;
using testing_util::UndeclaredNames;
using testing_util::WriteTemp;

constexpr char kFile[] = "who_where_when_v1.1_visits.csv";
constexpr char kHeader[] = "Year,Name,Level,Country,Continent,Developed country,Communist country,Developing country\n";

const DatasetLoadResult& Real() {
  static const DatasetLoadResult r = [] {
    auto res = LoadCeias(SharedData(std::string("political/ceias_leader_travel/") + kFile), Ctx(kFile));
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    return res.ok() ? *res : DatasetLoadResult{};
  }();
  return r;
}

TEST(Ceias, RealFileVisitsAreDatedToTheYear) {
  const DatasetLoadResult& r = Real();
  EXPECT_EQ(r.rows_read, 595u);  // README: 595 visits
  EXPECT_EQ(r.scope, "ceias");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  // 441: 2013,Xi Jinping,President,Kazakhstan
  const Record* xi = FindRecord(r, "ceias:441");
  ASSERT_NE(xi, nullptr);
  EXPECT_EQ(xi->kind->name, "exchanges");
  EXPECT_EQ(xi->Text("date"), "2013");
  EXPECT_EQ(xi->Text("kind"), "visit");
  EXPECT_EQ(xi->Text("from"), "CHN");
  EXPECT_EQ(xi->Text("to"), "KAZ");
  EXPECT_EQ(xi->Text("leader"), "Xi Jinping");
  EXPECT_EQ(xi->Text("role"), "President");
  EXPECT_EQ(xi->Text("source_id"), "ceias:source");
  EXPECT_EQ(xi->Text("locator"), std::string(kFile) + ":441");
}

TEST(Ceias, KazakhstanVisitsAreTheTenTheReadmeLists) {
  std::set<std::pair<std::string, std::string>> kaz;
  for (const Record& rec : Real().records) {
    if (rec.Text("to") == "KAZ") kaz.insert({rec.Text("date"), rec.Text("leader")});
  }
  EXPECT_EQ(kaz, (std::set<std::pair<std::string, std::string>>{
                     {"1994", "Li Peng"}, {"2000", "Zhu Rongji"}, {"2003", "Hu Jintao"}, {"2008", "Wen Jiabao"},
                     {"2010", "Hu Jintao"}, {"2013", "Xi Jinping"}, {"2014", "Li Keqiang"}, {"2015", "Xi Jinping"},
                     {"2016", "Li Keqiang"}, {"2017", "Xi Jinping"}}));
}

TEST(Ceias, FormerStatesAreSkippedOnPurpose) {
  const DatasetLoadResult& r = Real();
  const UnmappedName* ussr = FindUnmapped(r, "Country", "Soviet Union");
  ASSERT_NE(ussr, nullptr);
  EXPECT_TRUE(ussr->deliberate);
  EXPECT_EQ(ussr->first_line, 2u);  // 1949, Mao Zedong
  EXPECT_EQ(ussr->rows, 11u);
  uint64_t former = 0;
  for (const char* name : {"Soviet Union", "Czechoslovakia", "Yugoslavia", "Germany, East"}) {
    const UnmappedName* u = FindUnmapped(r, "Country", name);
    ASSERT_NE(u, nullptr) << name;
    EXPECT_TRUE(u->deliberate) << name;
    former += u->rows;
  }
  EXPECT_EQ(former, 15u);
  EXPECT_EQ(r.records.size(), 595u - former);
}

TEST(Ceias, EveryCountryNameOfTheRealFileIsMappedOrDeclared) {
  EXPECT_EQ(UndeclaredNames(Real()), "");
  EXPECT_EQ(Real().ProblemRows(), 0u);
}

TEST(Ceias, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp("ceias.csv", std::string(kHeader) +
                                                "19x9,Mao Zedong,President,Russia,Europe,0,1,0\n"
                                                "1850,Mao Zedong,President,Russia,Europe,0,1,0\n"
                                                "1957,,President,Russia,Europe,0,1,0\n"
                                                "1957,Mao Zedong,President,Russia\n"
                                                "1957,Mao Zedong,President,Atlantis,Europe,0,1,0\n"
                                                "1957,Mao Zedong,President,Soviet Union,Europe,0,1,0\n"
                                                "2019,Xi Jinping,President,Russia,Europe,0,0,0\n");
  auto r = LoadCeias(path, Ctx("ceias.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r), (std::vector<std::string>{
                                "ceias.csv:2: '19x9' is not a year",
                                "ceias.csv:3: '1850' is not a year",
                                "ceias.csv:4: no leader named",
                                "ceias.csv:5: row has 4 cells, the header 8 (the file may be cut short or a cell "
                                "holds an unquoted comma)",
                            }));
  const UnmappedName* atlantis = FindUnmapped(*r, "Country", "Atlantis");
  ASSERT_NE(atlantis, nullptr);
  EXPECT_FALSE(atlantis->deliberate);
  EXPECT_EQ(atlantis->first_line, 6u);
  EXPECT_EQ(atlantis->rows, 1u);
  ASSERT_NE(FindUnmapped(*r, "Country", "Soviet Union"), nullptr);
  EXPECT_EQ(r->ProblemRows(), 5u);  // four issues and Atlantis; not the Soviet Union
  ASSERT_EQ(r->records.size(), 1u);
  EXPECT_EQ(r->records[0].Text("id"), "ceias:8");
  EXPECT_EQ(r->records[0].Text("to"), "RUS");
}

}  // namespace
}  // namespace bilat::ingest
