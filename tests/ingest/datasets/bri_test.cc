#include <gtest/gtest.h>

#include <map>
#include <set>

#include "ingest/datasets/adapters.h"
#include "tests/ingest/datasets/dataset_test_util.h"

namespace bilat::ingest {
namespace {

using testing_util::Ctx;
using testing_util::FindObservation;
using testing_util::FindRecord;
using testing_util::FindUnmapped;
using testing_util::IssueTexts;
using testing_util::SharedData;
using testing_util::UndeclaredNames;
using testing_util::WriteTemp;

constexpr char kFile[] = "bri_countries_gfdc_2025_05.csv";
constexpr char kHeader[] = "country,iso3,region,income_group,likely_date_joining,likely_date_exit\n";

const DatasetLoadResult& Real() {
  static const DatasetLoadResult r = [] {
    auto res = LoadBri(SharedData(std::string("political/bri_countries/") + kFile), Ctx(kFile));
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    return res.ok() ? *res : DatasetLoadResult{};
  }();
  return r;
}

TEST(Bri, RealListJoiningMemorandaExitsAndUncertainMembers) {
  const DatasetLoadResult& r = Real();
  EXPECT_EQ(r.rows_read, 152u);  // README: 152 countries
  EXPECT_EQ(r.scope, "bri-gfdc");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  // 68: Kazakhstan,KAZ,...,2015-08-01,
  const Record* kaz = FindRecord(r, "bri-gfdc:join-kaz");
  ASSERT_NE(kaz, nullptr);
  EXPECT_EQ(kaz->kind->name, "agreements");
  EXPECT_EQ(kaz->Text("kind"), "memorandum");
  EXPECT_EQ(kaz->Text("date"), "2015-08");
  EXPECT_EQ(kaz->Text("parties"), "CHN;KAZ");
  EXPECT_EQ(kaz->Text("title"), "Belt and Road cooperation document (joining the initiative)");
  EXPECT_EQ(kaz->Text("source_id"), "bri-gfdc:source");
  EXPECT_EQ(kaz->Text("locator"), "bri_countries_gfdc_2025_05.csv:68");
  // README: Italy exited 2023-06-12, Panama 2025-05-04.
  const Record* ita = FindRecord(r, "bri-gfdc:exit-ita");
  ASSERT_NE(ita, nullptr);
  EXPECT_EQ(ita->Text("kind"), "milestone");
  EXPECT_EQ(ita->Text("date"), "2023-06");
  EXPECT_EQ(ita->Text("title"), "Exit from the Belt and Road Initiative");
  EXPECT_EQ(FindRecord(r, "bri-gfdc:join-ita")->Text("date"), "2019-03");
  EXPECT_EQ(FindRecord(r, "bri-gfdc:exit-pan")->Text("date"), "2025-05");
  // README: Central Asia and Afghanistan.
  EXPECT_EQ(FindRecord(r, "bri-gfdc:join-kgz")->Text("date"), "2013-12");
  EXPECT_EQ(FindRecord(r, "bri-gfdc:join-uzb")->Text("date"), "2015-06");
  EXPECT_EQ(FindRecord(r, "bri-gfdc:join-tkm")->Text("date"), "2017-06");
  EXPECT_EQ(FindRecord(r, "bri-gfdc:join-tjk")->Text("date"), "2018-10");
  EXPECT_EQ(FindRecord(r, "bri-gfdc:join-afg")->Text("date"), "2023-05");
  // "uncertain" joining dates (Austria, DR Congo, Niger, Russia) are
  // observations, never dated agreements.
  std::set<std::string> uncertain;
  for (const Observation& o : r.observations) {
    EXPECT_EQ(o.measure, "bri.member");
    EXPECT_EQ(o.text, "uncertain");
    EXPECT_EQ(o.object, "CHN");
    uncertain.insert(o.subject);
  }
  EXPECT_EQ(uncertain, (std::set<std::string>{"AUT", "COD", "NER", "RUS"}));
  EXPECT_EQ(FindRecord(r, "bri-gfdc:join-rus"), nullptr);
  EXPECT_EQ(r.records.size(), 152u - 4u + 2u);
}

TEST(Bri, JoiningYearsAreTheReadmes) {
  std::map<std::string, int> by_year;
  for (const Record& rec : Real().records) {
    if (rec.Text("kind") == "memorandum") ++by_year[rec.Text("date").substr(0, 4)];
  }
  EXPECT_EQ(by_year, (std::map<std::string, int>{{"2013", 8}, {"2014", 1},  {"2015", 18}, {"2016", 5},
                                                 {"2017", 24}, {"2018", 63}, {"2019", 15}, {"2020", 1},
                                                 {"2021", 5},  {"2022", 4},  {"2023", 3},  {"2025", 1}}));
}

TEST(Bri, EveryCountryOfTheRealFileIsMappedOrDeclared) {
  EXPECT_EQ(UndeclaredNames(Real()), "");
  EXPECT_EQ(Real().ProblemRows(), 0u);
}

TEST(Bri, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp("bri.csv", std::string(kHeader) +
                                              "Kazakhstan,KAZ,Europe & Central Asia,Upper middle income,2015-13-01,\n"
                                              "Italy,ITA,Europe & Central Asia,High income,2019-03-01,June 2023\n"
                                              "Kazakhstan,KAZ,Europe & Central Asia\n"
                                              "Atlantis,ZZZ,Europe & Central Asia,High income,2019-03-01,\n"
                                              "Kyrgyz Republic,,Europe & Central Asia,Lower middle income,2013-12-01,\n"
                                              "Niger,NER,Sub-Saharan Africa,Low income,,\n");
  auto r = LoadBri(path, Ctx("bri.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "bri.csv:2: '2015-13-01' is not a date (YYYY-MM-DD, or 'uncertain')",
                "bri.csv:3: 'June 2023' is not a date (YYYY-MM-DD, or 'uncertain')",
                "bri.csv:4: row has 3 cells, the header 6 (the file may be cut short or a cell holds an unquoted "
                "comma)"}));
  EXPECT_EQ(r->issues[1].field, "likely_date_exit");
  const UnmappedName* zzz = FindUnmapped(*r, "iso3", "ZZZ");
  ASSERT_NE(zzz, nullptr);
  EXPECT_EQ(zzz->first_line, 5u);
  EXPECT_FALSE(zzz->deliberate);
  // Italy's joining stands although its exit date is bad.
  ASSERT_NE(FindRecord(*r, "bri-gfdc:join-ita"), nullptr);
  EXPECT_EQ(FindRecord(*r, "bri-gfdc:exit-ita"), nullptr);
  // No code: the country's name is mapped instead.
  ASSERT_NE(FindRecord(*r, "bri-gfdc:join-kgz"), nullptr);
  // An empty joining date is not a date either: uncertain.
  ASSERT_NE(FindObservation(*r, "bri.member", "NER", "CHN", ""), nullptr);
  EXPECT_EQ(r->records.size(), 2u);
}

}  // namespace
}  // namespace bilat::ingest
