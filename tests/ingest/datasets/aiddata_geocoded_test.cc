#include <gtest/gtest.h>

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

constexpr char kFile[] = "aiddata_geocoded_chinese_official_finance_v1.1.1_locations.csv";
constexpr char kHeader[] =
    "\"id\",\"year\",\"country\",\"place\",\"sector\",\"title\",\"funder\",\"flow\",\"flow_class\",\"intent\","
    "\"usd_current\",\"latitude\",\"longitude\"\n";

const DatasetLoadResult& Real() {
  static const DatasetLoadResult r = [] {
    auto res = LoadAidDataGeocoded(SharedData(std::string("projects/aiddata_geocoded_v1.1.1/") + kFile), Ctx(kFile));
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    return res.ok() ? *res : DatasetLoadResult{};
  }();
  return r;
}

TEST(AidDataGeocoded, RealFileIsOneProjectPerId) {
  const DatasetLoadResult& r = Real();
  EXPECT_EQ(r.rows_read, 6116u);  // SOURCES.md: 6116 location rows, 3446 project ids
  EXPECT_EQ(r.scope, "aiddata111");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  // 3446 ids: 35 name several countries in one cell, 2 more give each of their
  // countries a row of its own (1130, 30197); both are regional projects.
  EXPECT_EQ(r.records.size(), 3446u - 35u - 2u);
  // SOURCES.md: 13 Kazakhstan rows (12 projects; 40154 has two places).
  EXPECT_EQ(testing_util::CountRecords(r, [](const Record& x) { return x.Text("host") == "KAZ"; }), 12u);
}

TEST(AidDataGeocoded, KazakhProjectsDecoded) {
  // 5290-5291: 40154,2007,"Kazakhstan","Almaty Oblysy" / "East Kazakhstan", "China grants 396,000 USD ...", Grant
  const Record* grant = FindRecord(Real(), "aiddata111:40154");
  ASSERT_NE(grant, nullptr);
  EXPECT_EQ(grant->kind->name, "projects");
  EXPECT_EQ(grant->Text("date"), "2007");
  EXPECT_EQ(grant->Text("name"), "China grants 396,000 USD in equipment for Kazakh Police");
  EXPECT_EQ(grant->Text("investor"), "CHN");
  EXPECT_EQ(grant->Text("host"), "KAZ");
  EXPECT_EQ(grant->Text("entity"), "Unspecified Chinese Government Institution, Government Agency");
  EXPECT_EQ(grant->Text("sector"), "Government and Civil Society");
  EXPECT_EQ(grant->Text("kind"), "grant");
  EXPECT_EQ(grant->Number("value"), 396000.0);
  EXPECT_EQ(grant->Text("currency"), "USD");
  EXPECT_EQ(grant->Text("scale"), "units");
  EXPECT_EQ(grant->Text("note"), "places: Almaty Oblysy; East Kazakhstan");
  EXPECT_EQ(grant->Text("source_id"), "aiddata111:source");
  EXPECT_EQ(grant->Text("locator"), std::string(kFile) + ":5290");
  // 5104: 39557, CDB loan for the Aktogay mine, 158420037 current US$.
  const Record* loan = FindRecord(Real(), "aiddata111:39557");
  ASSERT_NE(loan, nullptr);
  EXPECT_EQ(loan->Text("kind"), "loan");
  EXPECT_EQ(loan->Number("value"), 158420037.0);
  EXPECT_EQ(loan->Text("note"), "places: Aktogay mine");
  // 5288: 40151, "Export credits" with no amount.
  const Record* credit = FindRecord(Real(), "aiddata111:40151");
  ASSERT_NE(credit, nullptr);
  EXPECT_EQ(credit->Text("kind"), "loan");
  EXPECT_FALSE(credit->Number("value").has_value());
  // 5105: 39604, the Confucius Institute at Al-Farabi University, a grant.
  EXPECT_EQ(FindRecord(Real(), "aiddata111:39604")->Text("kind"), "grant");
}

TEST(AidDataGeocoded, RegionalProjectsAreSkippedOnPurpose) {
  const UnmappedName* mekong = FindUnmapped(Real(), "country", "Cambodia; Laos; Vietnam");
  ASSERT_NE(mekong, nullptr);
  EXPECT_TRUE(mekong->deliberate);
  EXPECT_EQ(mekong->why, "a regional project with several recipients");
  EXPECT_EQ(mekong->first_line, 6077u);
  EXPECT_EQ(mekong->rows, 3u);
  EXPECT_EQ(FindRecord(Real(), "aiddata111:47138"), nullptr);
  // Regression: 30197 (US$20m cotton agreement) has one row in each of four
  // countries; it was credited in full to Burkina Faso, its first row.
  EXPECT_EQ(FindRecord(Real(), "aiddata111:30197"), nullptr);
  const UnmappedName* cotton = FindUnmapped(Real(), "country", "Burkina Faso; Benin; Chad; Mali");
  ASSERT_NE(cotton, nullptr);
  EXPECT_TRUE(cotton->deliberate);
  EXPECT_EQ(cotton->first_line, 2036u);
  EXPECT_EQ(cotton->rows, 4u);
  EXPECT_EQ(FindRecord(Real(), "aiddata111:1130"), nullptr);  // leather training, eight countries
}

TEST(AidDataGeocoded, EveryCountryNameOfTheRealFileIsMappedOrDeclared) {
  EXPECT_EQ(UndeclaredNames(Real()), "");
  EXPECT_EQ(Real().ProblemRows(), 0u);
}

TEST(AidDataGeocoded, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string tail = ",\"Health\",\"Medical team\",\"Ministry\",\"Grant\",\"ODA-like\",\"Development\",100,1,2\n";
  std::string path = WriteTemp("geo.csv", std::string(kHeader) +
                                              "1,20x0,\"Mauritania\",\"Nouakchott\"" + tail +
                                              "\"\",2010,\"Mauritania\",\"Nouakchott\"" + tail +
                                              "2,2010,\"Mauritania\"\n" +
                                              "3,2010,\"Atlantis\",\"Poseidonia\"" + tail +
                                              "4,2010,\"Soviet Union\",\"Moscow\"" + tail +
                                              "5,2010,\"Mauritania\",\"Nouakchott\"" + tail +
                                              "5,2010,\"Mauritania\",\"S\xc3\xa9libaby\"" + tail);
  auto r = LoadAidDataGeocoded(path, Ctx("geo.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "geo.csv:2: '20x0' is not a year", "geo.csv:3: no project id",
                "geo.csv:4: row has 3 cells, the header 13 (the file may be cut short or a cell holds an unquoted "
                "comma)"}));
  const UnmappedName* atlantis = FindUnmapped(*r, "country", "Atlantis");
  ASSERT_NE(atlantis, nullptr);
  EXPECT_FALSE(atlantis->deliberate);
  EXPECT_EQ(atlantis->first_line, 5u);
  ASSERT_NE(FindUnmapped(*r, "country", "Soviet Union"), nullptr);
  EXPECT_TRUE(FindUnmapped(*r, "country", "Soviet Union")->deliberate);
  EXPECT_EQ(r->ProblemRows(), 4u);
  ASSERT_EQ(r->records.size(), 1u);
  EXPECT_EQ(r->records[0].Text("id"), "aiddata111:5");
  EXPECT_EQ(r->records[0].Text("note"), "places: Nouakchott; S\u00e9libaby");
  EXPECT_EQ(r->records[0].Text("host"), "MRT");
  EXPECT_EQ(r->rows_skipped, 1u);  // the second place of project 5
}

}  // namespace
}  // namespace bilat::ingest
