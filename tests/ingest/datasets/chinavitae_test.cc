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

constexpr char kFile[] = "chinavitae_leader_engagements_2003_2018.csv";

const DatasetLoadResult& Real() {
  static const DatasetLoadResult r = [] {
    auto res = LoadChinaVitae(SharedData(std::string("political/chinavitae/") + kFile), Ctx(kFile));
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    return res.ok() ? *res : DatasetLoadResult{};
  }();
  return r;
}

std::string Loc(int line) { return std::string(kFile) + ":" + std::to_string(line); }

constexpr char kHeader[] = "\"date\",\"year\",\"country\",\"leader\",\"text\"\n";

TEST(ChinaVitae, RealFileReadsEveryRecordAndCitesTheDataset) {
  const DatasetLoadResult& r = Real();
  EXPECT_EQ(r.rows_read, 5705u);  // README (shared/data/SOURCES.md): 5705 records
  EXPECT_EQ(r.scope, "chinavitae");
  // The one problem row: "Wang Yi travelled to Yunnan Province, Malipo" filed
  // under Mali names nobody met.
  EXPECT_EQ(IssueTexts(r), (std::vector<std::string>{
                               std::string(kFile) +
                               ":3562: a meeting in China that names no foreign participant (the row is skipped: an "
                               "exchange needs the leader on each side)"}));
  ASSERT_EQ(r.sources.size(), 1u);
  EXPECT_EQ(r.sources[0].Text("id"), "chinavitae:source");
  EXPECT_EQ(r.sources[0].Text("url"), "https://www.chinavitae.com/");
  for (const Record& rec : r.records) {
    EXPECT_EQ(rec.kind->name, "exchanges");
    EXPECT_EQ(rec.Text("source_id"), "chinavitae:source");
    EXPECT_EQ(rec.Text("locator"), Loc(rec.origin_line)) << rec.Text("id");
  }
}

TEST(ChinaVitae, TripToTheRowsCountryIsAVisitFromChina) {
  // 09/07/13 Xi Jinping "travelled to Kazakhstan, Astana"
  const Record* r = FindRecord(Real(), "chinavitae:752");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->Text("date"), "2013-09-07");
  EXPECT_EQ(r->Text("kind"), "visit");
  EXPECT_EQ(r->Text("from"), "CHN");
  EXPECT_EQ(r->Text("to"), "KAZ");
  EXPECT_EQ(r->Text("location"), "Astana");
  EXPECT_EQ(r->Text("leader"), "Xi Jinping");
  EXPECT_EQ(r->Text("role"), "President");
  EXPECT_EQ(r->Text("counterpart"), "");
  EXPECT_EQ(r->Text("locator"), Loc(752));
  EXPECT_EQ(r->origin_line, 752);
  // 05/07/15: the person met whose role names the country is the counterpart.
  const Record* v = FindRecord(Real(), "chinavitae:441");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->Text("kind"), "visit");
  EXPECT_EQ(v->Text("counterpart"), "Nursultan Nazarbayev");
  // 2004: Li Zhaoxing was Foreign Minister, Xi Jinping not yet in office.
  const Record* li = FindRecord(Real(), "chinavitae:5426");
  ASSERT_NE(li, nullptr);
  EXPECT_EQ(li->Text("role"), "Foreign Minister");
  EXPECT_EQ(li->Text("date"), "2004-10-22");
}

TEST(ChinaVitae, MeetingInChinaIsCodedFromTheForeignSide) {
  // 09/01/15 "Xi Jinping was in Beijing Municipality and met with ... Nursultan Nazarbayev (President of Kazakhstan)"
  const Record* r = FindRecord(Real(), "chinavitae:410");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->Text("kind"), "meeting");
  EXPECT_EQ(r->Text("from"), "KAZ");
  EXPECT_EQ(r->Text("to"), "CHN");
  EXPECT_EQ(r->Text("location"), "Beijing");
  EXPECT_EQ(r->Text("leader"), "Nursultan Nazarbayev");
  EXPECT_EQ(r->Text("role"), "President of Kazakhstan");
  EXPECT_EQ(r->Text("counterpart"), "Xi Jinping");
  // "travelled to Shanghai Municipality" is in China as well.
  const Record* sh = FindRecord(Real(), "chinavitae:625");
  ASSERT_NE(sh, nullptr);
  EXPECT_EQ(sh->Text("from"), "KAZ");
  EXPECT_EQ(sh->Text("location"), "Shanghai");
}

TEST(ChinaVitae, MeetingInChinaWithTheLeadersNameBlankIsStillAMeeting) {
  // Regression: 12/21/06 "  was in Beijing Municipality and met with the following:
  // Nursultan Nazarbayev (President of Kazakhstan) Others Attending: Wen Jiabao"
  // (row of Wen Jiabao) was not read as a meeting in China.
  const Record* r = FindRecord(Real(), "chinavitae:3038");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->Text("kind"), "meeting");
  EXPECT_EQ(r->Text("from"), "KAZ");
  EXPECT_EQ(r->Text("to"), "CHN");
  EXPECT_EQ(r->Text("location"), "Beijing");
  EXPECT_EQ(r->Text("leader"), "Nursultan Nazarbayev");
  EXPECT_EQ(r->Text("counterpart"), "Wen Jiabao");
  const Record* tokayev = FindRecord(Real(), "chinavitae:5117");
  ASSERT_NE(tokayev, nullptr);
  EXPECT_EQ(tokayev->Text("leader"), "Kasymzhomart Kemelevich Tokayev");
  EXPECT_EQ(tokayev->Text("counterpart"), "Li Zhaoxing");
}

TEST(ChinaVitae, MeetingInAChineseProvinceIsPlacedInItsCity) {
  // 04/06/13 "travelled to Hainan Province, Sanya City": the city, as for a place abroad.
  const Record* r = FindRecord(Real(), "chinavitae:830");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->Text("kind"), "meeting");
  EXPECT_EQ(r->Text("from"), "KAZ");
  EXPECT_EQ(r->Text("location"), "Sanya");
}

TEST(ChinaVitae, MeetingInAThirdCountryIsFromChinaWithTheVenue) {
  // 06/16/04 Hu Jintao "travelled to Uzbekistan, Tashkent and met with ... Nursultan Nazarbayev"
  const Record* r = FindRecord(Real(), "chinavitae:1855");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->Text("kind"), "meeting");
  EXPECT_EQ(r->Text("from"), "CHN");
  EXPECT_EQ(r->Text("to"), "KAZ");
  EXPECT_EQ(r->Text("location"), "Tashkent, Uzbekistan");
  EXPECT_EQ(r->Text("leader"), "Hu Jintao");
  EXPECT_EQ(r->Text("counterpart"), "Nursultan Nazarbayev");
}

TEST(ChinaVitae, SameEngagementUnderAnotherLeaderIsKeptOnce) {
  // Line 5691 (Li Zhaoxing) repeats line 1999 (Hu Jintao) word for word.
  ASSERT_NE(FindRecord(Real(), "chinavitae:1999"), nullptr);
  EXPECT_EQ(FindRecord(Real(), "chinavitae:5691"), nullptr);
  EXPECT_EQ(FindRecord(Real(), "chinavitae:4545"), nullptr);  // repeats 2841
  EXPECT_GT(Real().rows_skipped, 0u);
}

TEST(ChinaVitae, NewsHeadlineIsAVisitOnlyWhenPlacedInTheRowsCountry) {
  // 06/08/17 "Xi visits Chinese pavilion at Astana Expo, ... (Kazakhstan, Astana)"
  const Record* r = FindRecord(Real(), "chinavitae:187");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->Text("kind"), "visit");
  EXPECT_EQ(r->Text("to"), "KAZ");
  EXPECT_EQ(r->Text("location"), "Astana");
  // 05/10/04 England row, "(United Kingdom, London)": the same country by its code.
  const Record* uk = FindRecord(Real(), "chinavitae:3367");
  ASSERT_NE(uk, nullptr);
  EXPECT_EQ(uk->Text("kind"), "visit");
  EXPECT_EQ(uk->Text("to"), "GBR");
  EXPECT_EQ(uk->Text("location"), "London");
  // Messages, interviews and calls from Beijing are not exchanges: "President
  // Xi's joint written interview ... (Beijing Municipality)", "Chinese president
  // congratulates Kazakhstan's Nazarbayev on reelection (Beijing Municipality)".
  EXPECT_EQ(FindRecord(Real(), "chinavitae:762"), nullptr);
  EXPECT_EQ(FindRecord(Real(), "chinavitae:1079"), nullptr);
  // "sends messages of condolence to Malaysian, Dutch leaders (Argentina, Buenos Aires)" under Malaysia.
  EXPECT_EQ(FindRecord(Real(), "chinavitae:578"), nullptr);
}

TEST(ChinaVitae, KazakhstanEngagementsCount) {
  // README: 91 Kazakhstan records; 15 repeat another leader's record and 6
  // are headlines placed in Beijing (lines 762, 1079, 1463, 1766, 3131, 3465).
  size_t kaz = testing_util::CountRecords(Real(), [](const Record& r) {
    return r.Text("from") == "KAZ" || r.Text("to") == "KAZ";
  });
  EXPECT_EQ(kaz, 91u - 15u - 6u);
}

TEST(ChinaVitae, EveryCountryNameOfTheRealFileIsMappedOrDeclared) {
  EXPECT_EQ(UndeclaredNames(Real()), "");
  EXPECT_EQ(Real().ProblemRows(), 1u);  // line 3562 (above), not a name
}

TEST(ChinaVitae, RowNamingSeveralCountriesIsOneEngagementWithEach) {
  std::string path = WriteTemp("cv.csv", std::string(kHeader) +
                                             "\"03/01/12\",\"2012\",\"Cambodia; Laos\",\"Wen Jiabao\","
                                             "\"Wen Jiabao travelled to Cambodia, Phnom Penh\"\n");
  auto r = LoadChinaVitae(path, Ctx("cv.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->records.size(), 2u);
  EXPECT_EQ(r->records[0].Text("id"), "chinavitae:2-1");
  EXPECT_EQ(r->records[0].Text("kind"), "visit");
  EXPECT_EQ(r->records[0].Text("to"), "KHM");
  EXPECT_EQ(r->records[1].Text("id"), "chinavitae:2-2");
  EXPECT_EQ(r->records[1].Text("kind"), "meeting");  // in Cambodia, with Laos
  EXPECT_EQ(r->records[1].Text("to"), "LAO");
  EXPECT_EQ(r->records[1].Text("location"), "Phnom Penh, Cambodia");
}

TEST(ChinaVitae, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp(
      "cv.csv", std::string(kHeader) +
                    "\"2013-09-07\",\"2013\",\"Kazakhstan\",\"Xi Jinping\",\"Xi Jinping travelled to Kazakhstan, Astana\"\n"
                    "\"02/30/13\",\"2013\",\"Kazakhstan\",\"Xi Jinping\",\"Xi Jinping travelled to Kazakhstan, Astana\"\n"
                    "\"09/07/13\",\"2013\",\"Kazakhstan\",\"\",\"Xi Jinping travelled to Kazakhstan, Astana\"\n"
                    "\"09/07/13\",\"2013\",\"Kazakhstan\",\"Xi Jinping\"\n"
                    "\"09/01/15\",\"2015\",\"Kazakhstan\",\"Xi Jinping\",\"Xi Jinping was in Beijing Municipality\"\n"
                    "\"09/07/13\",\"2013\",\"Kazakhstan\",\"Xi Jinping\",\"Xi Jinping travelled to Kazakhstan, Astana\"\n");
  auto r = LoadChinaVitae(path, Ctx("cv.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "cv.csv:2: '2013-09-07' is not a date MM/DD/YY (China Vitae dates are written 12/07/18)",
                "cv.csv:3: '02/30/13' is not a date MM/DD/YY (China Vitae dates are written 12/07/18)",
                "cv.csv:4: no leader named",
                "cv.csv:5: row has 4 cells, the header 5 (the file may be cut short or a cell holds an unquoted "
                "comma)",
                "cv.csv:6: a meeting in China that names no foreign participant (the row is skipped: an exchange "
                "needs the leader on each side)"}));
  EXPECT_EQ(r->issues[0].field, "date");
  EXPECT_EQ(r->rows_read, 6u);
  ASSERT_EQ(r->records.size(), 1u);  // the good row goes through
  EXPECT_EQ(r->records[0].Text("id"), "chinavitae:7");
  EXPECT_EQ(r->ProblemRows(), 5u);
}

TEST(ChinaVitae, UnknownCountryIsListedWithFirstLineAndRowsAndFormerStateIsDeliberate) {
  std::string row_tail = "\"Hu Jintao\",\"Hu Jintao travelled to Atlantis, Poseidonia\"\n";
  std::string path = WriteTemp("cv.csv", std::string(kHeader) + "\"01/02/05\",\"2005\",\"Atlantis\"," + row_tail +
                                             "\"01/03/05\",\"2005\",\"Soviet Union\"," + row_tail +
                                             "\"01/04/05\",\"2005\",\"Atlantis\"," + row_tail);
  auto r = LoadChinaVitae(path, Ctx("cv.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->records.empty());
  ASSERT_EQ(r->unmapped.size(), 2u);
  const UnmappedName* atlantis = FindUnmapped(*r, "country", "Atlantis");
  ASSERT_NE(atlantis, nullptr);
  EXPECT_EQ(atlantis->first_line, 2u);
  EXPECT_EQ(atlantis->rows, 2u);
  EXPECT_FALSE(atlantis->deliberate);
  const UnmappedName* ussr = FindUnmapped(*r, "country", "Soviet Union");
  ASSERT_NE(ussr, nullptr);
  EXPECT_TRUE(ussr->deliberate);
  EXPECT_EQ(ussr->why, "former state (Soviet Union)");
  EXPECT_EQ(ussr->first_line, 3u);
  EXPECT_EQ(r->ProblemRows(), 2u);  // Atlantis only
}

}  // namespace
}  // namespace bilat::ingest
