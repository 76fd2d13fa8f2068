#include <gtest/gtest.h>

#include <map>

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

constexpr char kFile[] = "confucius_institutes.csv";
constexpr char kHeader[] =
    "id,confucius_institute,partner_uni,date_est,location_name,nearest_city,country,status,ci_webpage,sources,gl3_id,"
    "country_id\n";

const DatasetLoadResult& Real() {
  static const DatasetLoadResult r = [] {
    auto res = LoadConfucius(SharedData(std::string("people/confucius_institutes/") + kFile), Ctx(kFile));
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    return res.ok() ? *res : DatasetLoadResult{};
  }();
  return r;
}

TEST(Confucius, RealListGivesEveryInstituteItsHostCountry) {
  const DatasetLoadResult& r = Real();
  EXPECT_EQ(r.rows_read, 665u);  // README: 665 rows (some cells span lines)
  EXPECT_EQ(r.records.size(), 665u);
  EXPECT_EQ(r.scope, "confucius");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  // README counts per country.
  std::map<std::string, size_t> by_host;
  for (const Record& rec : r.records) ++by_host[rec.Text("host")];
  EXPECT_EQ(by_host["USA"], 203u);
  EXPECT_EQ(by_host["GBR"], 29u);
  EXPECT_EQ(by_host["KOR"], 23u);
  EXPECT_EQ(by_host["DEU"], 19u);
  EXPECT_EQ(by_host["RUS"], 19u);
  EXPECT_EQ(by_host["JPN"], 15u);
  EXPECT_EQ(by_host["AUS"], 14u);
  EXPECT_EQ(by_host["KAZ"], 5u);
  EXPECT_EQ(by_host["PAK"], 5u);
  EXPECT_EQ(by_host["KGZ"], 4u);
  EXPECT_EQ(by_host["TJK"], 2u);
  EXPECT_EQ(by_host["UZB"], 2u);
  EXPECT_EQ(by_host.count("TKM"), 0u);
}

TEST(Confucius, KazakhInstitutesDatedByTheirEstablishment) {
  // 292: 223,Confucius Institute at L. N. Gumilyov Eurasian National University,,12/1/07,...,Astana,Kazakhstan,Closed
  const Record* enu = FindRecord(Real(), "confucius:223");
  ASSERT_NE(enu, nullptr);
  EXPECT_EQ(enu->kind->name, "people");
  EXPECT_EQ(enu->Text("kind"), "confucius_institute");
  EXPECT_EQ(enu->Text("name"), "Confucius Institute at L. N. Gumilyov Eurasian National University");
  EXPECT_EQ(enu->Text("host"), "KAZ");
  EXPECT_EQ(enu->Text("partner"), "CHN");
  EXPECT_EQ(enu->Text("date"), "2007-12-01");
  EXPECT_EQ(enu->Text("as_of"), "");
  EXPECT_EQ(enu->Text("note"), "city: Astana");
  EXPECT_EQ(enu->Text("status"), "");  // the list's open/closed flag is not used
  EXPECT_EQ(enu->Text("source_id"), "confucius:source");
  EXPECT_EQ(enu->Text("locator"), "confucius_institutes.csv:292");
  EXPECT_EQ(FindRecord(Real(), "confucius:222")->Text("date"), "2009-02-23");  // Kazakh National University
  EXPECT_EQ(FindRecord(Real(), "confucius:220")->Text("date"), "2012-11-27");  // Karaganda
  EXPECT_EQ(FindRecord(Real(), "confucius:221")->Text("date"), "2017-04-24");  // Ablai Khan
  // 287: Aktobe has no date: as of the list (April 2022). Its row spans two
  // lines, so Karaganda (220) is on line 289.
  const Record* aktobe = FindRecord(Real(), "confucius:219");
  ASSERT_NE(aktobe, nullptr);
  EXPECT_EQ(aktobe->Text("date"), "");
  EXPECT_EQ(aktobe->Text("as_of"), "2022-04");
  EXPECT_EQ(aktobe->Text("locator"), "confucius_institutes.csv:287");
  EXPECT_EQ(FindRecord(Real(), "confucius:220")->Text("locator"), "confucius_institutes.csv:289");
}

TEST(Confucius, EveryCountryNameOfTheRealFileIsMappedOrDeclared) {
  EXPECT_EQ(UndeclaredNames(Real()), "");
  EXPECT_EQ(Real().ProblemRows(), 0u);
}

TEST(Confucius, BadRowsAreReportedWithTheirLine) {
  std::string path = WriteTemp("ci.csv", std::string(kHeader) +
                                             "1,,,1/2/10,U,Almaty,Kazakhstan,Closed,,,1,2\n"
                                             "2,Confucius Institute at U,,13/45/10,U,Almaty,Kazakhstan,Closed,,,1,2\n"
                                             "3,Confucius Institute at V,,1/2/10\n"
                                             "4,Confucius Institute at W,,1/2/10,W,,Atlantis,Open,,,1,2\n"
                                             "5,Confucius Institute at X,,2/3/2011,X,,Kazakhstan,Open,,,1,2\n");
  auto r = LoadConfucius(path, Ctx("ci.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "ci.csv:2: no institute name",
                "ci.csv:3: '13/45/10' is not a date M/D/YY (the institute is kept without its date)",
                "ci.csv:4: row has 4 cells, the header 12 (the file may be cut short or a cell holds an unquoted "
                "comma)"}));
  const UnmappedName* atlantis = FindUnmapped(*r, "country", "Atlantis");
  ASSERT_NE(atlantis, nullptr);
  EXPECT_EQ(atlantis->first_line, 5u);
  EXPECT_FALSE(atlantis->deliberate);
  ASSERT_EQ(r->records.size(), 2u);
  // Kept without its date, as of the list.
  EXPECT_EQ(r->records[0].Text("id"), "confucius:2");
  EXPECT_EQ(r->records[0].Text("date"), "");
  EXPECT_EQ(r->records[0].Text("as_of"), "2022-04");
  EXPECT_EQ(r->records[0].Text("note"), "city: Almaty");
  EXPECT_EQ(r->records[1].Text("date"), "2011-02-03");  // a four-digit year is read as written
  EXPECT_EQ(r->records[1].Text("note"), "");
}

}  // namespace
}  // namespace bilat::ingest
