#include <gtest/gtest.h>

#include <cmath>
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

constexpr char kCombined[] = "aei_cgit/china_investments_2005_2018.csv";
constexpr char kInvestments2019[] = "aei_cgit_2019/cgit_2019fall_investments.csv";
constexpr char kConstruction2019[] = "aei_cgit_2019/cgit_2019fall_construction_contracts.csv";
constexpr char kTroubled2019[] = "aei_cgit_2019/cgit_2019fall_troubled_transactions.csv";
constexpr char kConverted2021[] = "aei_cgit_2021/cgit_2021fall_dataset1plus2_utf8.csv";
constexpr char kVerbatim2021[] = "aei_cgit_2021/China-Global-Investment-Tracker-2021-Fall-FINAL-2022.2.21-update.up.csv";

DatasetLoadResult LoadReal(const char* rel) {
  std::string path = SharedData(std::string("projects/") + rel);
  auto r = LoadAei(path, Ctx(path.substr(path.rfind('/') + 1)));
  EXPECT_TRUE(r.ok()) << rel << ": " << r.status().ToString();
  return r.ok() ? *r : DatasetLoadResult{};
}

// US$ millions per year of the projects hosted by Kazakhstan.
std::map<std::string, double> KazakhMillionsByYear(const std::vector<const DatasetLoadResult*>& loads) {
  std::map<std::string, double> out;
  for (const DatasetLoadResult* r : loads) {
    for (const Record& rec : r->records) {
      if (rec.Text("host") == "KAZ") out[rec.Text("date").substr(0, 4)] += *rec.Number("value") / 1e6;
    }
  }
  return out;
}

TEST(Aei, Combined2005To2018SheetWithBom) {
  DatasetLoadResult r = LoadReal(kCombined);
  EXPECT_EQ(r.rows_read, 2908u);  // SOURCES.md: 2908 rows, 35 Kazakhstan rows
  EXPECT_EQ(r.scope, "aei2018-all");
  EXPECT_EQ(r.layout, "aei-cgit-all");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  EXPECT_EQ(testing_util::CountRecords(r, [](const Record& x) { return x.Text("host") == "KAZ"; }), 35u);
  // 21: 2005,August,CNPC,4200,0.67,PetroKazakhstan,Energy,Oil,Kazakhstan,West Asia,0
  const Record* p = FindRecord(r, "aei2018-all:21");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->kind->name, "projects");
  EXPECT_EQ(p->Text("date"), "2005-08");
  EXPECT_EQ(p->Text("name"), "CNPC \u2013 PetroKazakhstan");
  EXPECT_EQ(p->Text("investor"), "CHN");
  EXPECT_EQ(p->Text("host"), "KAZ");
  EXPECT_EQ(p->Text("entity"), "CNPC");
  EXPECT_EQ(p->Text("counterpart"), "PetroKazakhstan");
  EXPECT_EQ(p->Text("sector"), "Energy");
  EXPECT_EQ(p->Text("subsector"), "Oil");
  EXPECT_EQ(p->Text("kind"), "investment_or_construction");  // the sheet mixes both
  EXPECT_EQ(p->Number("value"), 4200e6);
  EXPECT_EQ(p->Text("currency"), "USD");
  EXPECT_EQ(p->Text("scale"), "millions");
  EXPECT_EQ(p->Number("share_pct"), 67.0);  // the sheet writes shares as fractions
  EXPECT_EQ(p->Text("source_id"), "aei2018-all:source");
  EXPECT_EQ(p->Text("locator"), "china_investments_2005_2018.csv:21");
  ASSERT_EQ(r.sources.size(), 1u);
  EXPECT_EQ(r.sources[0].Text("id"), "aei2018-all:source");
  EXPECT_EQ(r.sources[0].Text("published"), "2018");
}

TEST(Aei, Investments2019SheetKeepsShareGreenfieldAndBri) {
  DatasetLoadResult r = LoadReal(kInvestments2019);
  EXPECT_EQ(r.rows_read, 1635u);
  EXPECT_EQ(r.scope, "aei2019-investments");
  EXPECT_EQ(r.records.size(), 1635u);
  // 1079: 2016,August,China Energy Engineering,180,0.7,Darnak,Real estate,Construction,Kazakhstan,West Asia,1,G
  const Record* p = FindRecord(r, "aei2019-investments:1079");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->Text("kind"), "investment");
  EXPECT_EQ(p->Number("value"), 180e6);
  EXPECT_EQ(p->Number("share_pct"), 70.0);
  EXPECT_EQ(p->Text("note"), "greenfield; BRI country");
  EXPECT_EQ(FindRecord(r, "aei2019-investments:9")->Number("share_pct"), 67.0);
  // 41: "45%, 35%, 20%" for three investors is not one share.
  const Record* several = FindRecord(r, "aei2019-investments:41");
  ASSERT_NE(several, nullptr);
  EXPECT_EQ(several->Text("entity"), "Zijin Mining, China Nonferrous, Xiamen C&D");
  EXPECT_FALSE(several->Number("share_pct").has_value());
}

TEST(Aei, Construction2019AndKazakhTotalsOfTheEdition) {
  DatasetLoadResult inv = LoadReal(kInvestments2019);
  DatasetLoadResult con = LoadReal(kConstruction2019);
  EXPECT_EQ(con.rows_read, 1700u);
  EXPECT_EQ(con.scope, "aei2019-construction");
  EXPECT_EQ(con.records.size(), 1700u);
  const Record* p = FindRecord(con, "aei2019-construction:14");  // 2005,October,China Nonferrous,300,...
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->Text("kind"), "construction");
  EXPECT_EQ(p->Text("entity"), "China Nonferrous");
  // README: Kazakhstan, investments + construction, US$ m.
  std::map<std::string, double> kaz = KazakhMillionsByYear({&inv, &con});
  EXPECT_DOUBLE_EQ(kaz["2005"], 4500);
  EXPECT_DOUBLE_EQ(kaz["2009"], 3540);
  EXPECT_DOUBLE_EQ(kaz["2013"], 5300);
  EXPECT_DOUBLE_EQ(kaz["2017"], 3650);
  EXPECT_DOUBLE_EQ(kaz["2019"], 1170);
}

TEST(Aei, Troubled2019TransactionsAreTheirOwnTable) {
  DatasetLoadResult r = LoadReal(kTroubled2019);
  EXPECT_EQ(r.rows_read, 290u);
  EXPECT_EQ(r.scope, "aei2019-troubled");
  EXPECT_EQ(r.layout, "aei-cgit-troubled");
  EXPECT_EQ(r.records.size(), 290u);
  // 4: 2006,July,CNPC,1390,KazMunaiGaz,Energy,Gas,Kazakhstan,West Asia,,
  const Record* p = FindRecord(r, "aei2019-troubled:4");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->Text("status"), "troubled");
  EXPECT_EQ(p->Text("kind"), "investment_or_construction");
  EXPECT_EQ(p->Text("name"), "CNPC \u2013 KazMunaiGaz");
  EXPECT_EQ(p->Number("value"), 1390e6);
  EXPECT_FALSE(p->Number("share_pct").has_value());  // the sheet has no share column
  EXPECT_EQ(FindRecord(r, "aei2019-troubled:155")->Text("note"), "BRI country");
}

TEST(Aei, Converted2021SheetTakesTheKindFromTheHelperColumn) {
  DatasetLoadResult r = LoadReal(kConverted2021);
  EXPECT_EQ(r.rows_read, 3752u);
  EXPECT_EQ(r.scope, "aei2021-all");
  EXPECT_EQ(r.records.size(), 3752u);
  // 3682: 2021,August,China General Nuclear Power,440,49%,Kazatomprom,Energy,,Kazakhstan,West Asia,1,,not_in_2019fall_years
  const Record* p = FindRecord(r, "aei2021-all:3682");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->Text("date"), "2021-08");
  EXPECT_EQ(p->Text("entity"), "China General Nuclear Power");
  EXPECT_EQ(p->Text("counterpart"), "Kazatomprom");
  EXPECT_EQ(p->Text("host"), "KAZ");
  EXPECT_EQ(p->Number("value"), 440e6);
  EXPECT_EQ(p->Number("share_pct"), 49.0);
  EXPECT_EQ(p->Text("note"), "BRI country");
  EXPECT_EQ(p->Text("kind"), "investment_or_construction");
  EXPECT_EQ(p->Text("subsector"), "");
  EXPECT_EQ(p->Text("locator"), "cgit_2021fall_dataset1plus2_utf8.csv:3682");
  EXPECT_EQ(FindRecord(r, "aei2021-all:19")->Text("kind"), "investment");   // CNPC-PetroKazakhstan
  EXPECT_EQ(FindRecord(r, "aei2021-all:25")->Text("kind"), "construction");  // China Nonferrous 2005
  EXPECT_EQ(FindRecord(r, "aei2021-all:1642")->Text("kind"), "investment_or_construction");  // unmatched
  EXPECT_EQ(FindRecord(r, "aei2021-all:2058")->Text("counterpart"), "Fiagril Participa\u00e7\u00f5e");
  // README: Kazakhstan totals of the 2021 edition, US$ m.
  std::map<std::string, double> kaz = KazakhMillionsByYear({&r});
  EXPECT_DOUBLE_EQ(kaz["2005"], 4500);
  EXPECT_DOUBLE_EQ(kaz["2009"], 3540);
  EXPECT_DOUBLE_EQ(kaz["2013"], 5300);
  EXPECT_DOUBLE_EQ(kaz["2017"], 3100);
  EXPECT_DOUBLE_EQ(kaz["2019"], 1850);
  EXPECT_DOUBLE_EQ(kaz["2020"], 320);
  EXPECT_DOUBLE_EQ(kaz["2021"], 1050);
}

TEST(Aei, Verbatim2021ExportReadsLikeTheConvertedFile) {
  // Windows-1252, CRLF, padded header, amounts "$1,740 ".
  DatasetLoadResult v = LoadReal(kVerbatim2021);
  DatasetLoadResult c = LoadReal(kConverted2021);
  EXPECT_EQ(v.rows_read, 3752u);
  EXPECT_EQ(v.scope, "aei2021-all");
  EXPECT_TRUE(v.issues.empty()) << ::testing::PrintToString(IssueTexts(v));
  ASSERT_EQ(v.records.size(), c.records.size());
  for (size_t i = 0; i < v.records.size(); ++i) {
    const Record& a = v.records[i];
    const Record& b = c.records[i];
    ASSERT_EQ(a.Text("id"), b.Text("id"));
    for (const char* col : {"date", "name", "host", "entity", "counterpart", "sector", "subsector", "note"}) {
      EXPECT_EQ(a.Text(col), b.Text(col)) << a.Text("id") << " " << col;
    }
    EXPECT_EQ(a.Number("value"), b.Number("value")) << a.Text("id");
    EXPECT_EQ(a.Number("share_pct"), b.Number("share_pct")) << a.Text("id");
  }
  const Record* p = FindRecord(v, "aei2021-all:2058");  // "Fiagril Participa\xe7\xf5e" in Windows-1252
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->Text("counterpart"), "Fiagril Participa\u00e7\u00f5e");
  EXPECT_EQ(FindRecord(v, "aei2021-all:3682")->Number("value"), 440e6);  // "$440 "
  EXPECT_EQ(FindRecord(v, "aei2021-all:3")->Number("value"), 1740e6);    // "$1,740 "
}

TEST(Aei, EveryCountryNameOfEachRealSheetIsMappedOrDeclared) {
  for (const char* rel : {kCombined, kInvestments2019, kConstruction2019, kTroubled2019, kConverted2021, kVerbatim2021}) {
    DatasetLoadResult r = LoadReal(rel);
    EXPECT_EQ(UndeclaredNames(r), "") << rel;
    EXPECT_EQ(r.ProblemRows(), 0u) << rel;
  }
}

constexpr char kVerbatimHeader[] =
    "Year,Month,Investor, Quantity in Millions ,Share Size,Transaction Party,Sector,Subsector,Country,Region,BRI,"
    "Greenfield\r\n";

TEST(Aei, Windows1252BytesBecomeUtf8) {
  std::string path = WriteTemp("aei.csv", std::string(kVerbatimHeader) +
                                              "2016,May,Shanghai Pengxin,$290 ,57%,Fiagril Participa\xe7\xf5"
                                              "es \x96 \x93" "Agro\x94,Agriculture,,Brazil,South America,0,\r\n"
                                              "2019,June,Caf\xe9 Group,\"$1,020 \",,,Energy,,Cura\xe7" "ao,"
                                              "North America,0,G\r\n");
  auto r = LoadAei(path, Ctx("aei.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->issues.empty()) << ::testing::PrintToString(IssueTexts(*r));
  ASSERT_EQ(r->records.size(), 2u);
  EXPECT_EQ(r->records[0].Text("counterpart"), "Fiagril Participa\u00e7\u00f5es \u2013 \u201cAgro\u201d");
  EXPECT_EQ(r->records[0].Text("name"), "Shanghai Pengxin \u2013 Fiagril Participa\u00e7\u00f5es \u2013 \u201cAgro\u201d");
  EXPECT_EQ(r->records[1].Text("entity"), "Caf\u00e9 Group");
  EXPECT_EQ(r->records[1].Text("host"), "CUW");
  EXPECT_EQ(r->records[1].Text("name"), "Caf\u00e9 Group in Cura\u00e7ao");
  EXPECT_EQ(r->records[1].Number("value"), 1020e6);
  EXPECT_EQ(r->records[1].Text("note"), "greenfield");
  EXPECT_EQ(r->scope, "aei2019-all");  // "$" amounts: the 2021-style combined sheet
}

TEST(Aei, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp(
      "aei.csv",
      "Year,Month,Investor,Quantity in Millions,Share Size,Transaction Party,Sector,Subsector,Country,Region,BRI,"
      "Greenfield\n"
      "20x5,May,CNPC,100,,,Energy,,Kazakhstan,West Asia,,\n"
      "2015,May,CNPC,n/a,,,Energy,,Kazakhstan,West Asia,,\n"
      "2015,May,CNPC,-5,,,Energy,,Kazakhstan,West Asia,,\n"
      "2015,May,CNPC,100,,,Energy\n"
      "2015,May,CNPC,100,,,Energy,,Atlantis,West Asia,,\n"
      "2015,May,CNPC,100,,,Energy,,Atlantis,West Asia,,\n"
      "2015,Spring,CNPC,100,,,,,Kazakhstan,West Asia,,\n");
  auto r = LoadAei(path, Ctx("aei.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "aei.csv:2: '20x5' is not a year",
                "aei.csv:3: 'n/a' is not an amount (AEI gives US$ millions, e.g. 1740)",
                "aei.csv:4: '-5' is not an amount (AEI gives US$ millions, e.g. 1740)",
                "aei.csv:5: row has 7 cells, the header 12 (the file may be cut short or a cell holds an unquoted "
                "comma)"}));
  EXPECT_EQ(r->issues[1].field, "Quantity in Millions");
  const UnmappedName* atlantis = FindUnmapped(*r, "Country", "Atlantis");
  ASSERT_NE(atlantis, nullptr);
  EXPECT_EQ(atlantis->first_line, 6u);
  EXPECT_EQ(atlantis->rows, 2u);
  EXPECT_FALSE(atlantis->deliberate);
  EXPECT_EQ(r->ProblemRows(), 6u);
  ASSERT_EQ(r->records.size(), 1u);
  EXPECT_EQ(r->records[0].Text("id"), "aei2015-investments:8");
  EXPECT_EQ(r->records[0].Text("date"), "2015");  // "Spring" is not a month: dated to the year
  EXPECT_EQ(r->records[0].Text("sector"), "Unspecified");
  EXPECT_EQ(r->records[0].Text("name"), "CNPC in Kazakhstan");
}

TEST(Aei, SheetWithoutAnEntityOrAmountColumnIsRefused) {
  std::string path = WriteTemp("aei.csv", "Year,Month,Sector,Country,Amount\n2019,May,Energy,Kazakhstan,100\n");
  auto r = LoadAei(path, Ctx("aei.csv"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "aei.csv:1: not an AEI China Global Investment Tracker sheet (expected the columns Year, Month, "
            "Investor/Contractor/Chinese Entity, Quantity in Millions, Sector, Country)");
}

}  // namespace
}  // namespace bilat::ingest
