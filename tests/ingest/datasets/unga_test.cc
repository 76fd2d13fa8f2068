#include <gtest/gtest.h>

#include "ingest/datasets/adapters.h"
#include "tests/ingest/datasets/dataset_test_util.h"

namespace bilat::ingest {
namespace {

using testing_util::Ctx;
using testing_util::FindObservation;
using testing_util::FindUnmapped;
using testing_util::IssueTexts;
using testing_util::SharedData;
using testing_util::UndeclaredNames;
using testing_util::WriteTemp;

constexpr char kFile[] = "IdealpointestimatesAll_Jun2024.csv";
constexpr char kHeader[] =
    "\"\",\"ccode\",\"session\",\"NVotesAll\",\"IdealPointAll\",\"QO%All\",\"Q5%All\",\"Q10%All\",\"Q50%All\","
    "\"Q90%All\",\"Q95%All\",\"Q100%All\",\"iso3c\",\"Countryname\",\"USAgree\",\"RUSSAgree\",\"BrazilAgree\","
    "\"ChinaAgree\",\"IndiaAgree\",\"IsraelAgree\"\n";
constexpr char kQuantiles[] = "-1,-1,-1,-1,-1,-1,-1";

const DatasetLoadResult& Real() {
  static const DatasetLoadResult r = [] {
    auto res = LoadUnga(SharedData(std::string("political/unga_voeten/") + kFile), Ctx(kFile));
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    return res.ok() ? *res : DatasetLoadResult{};
  }();
  return r;
}

TEST(Unga, RealFileKazakhstanSession78) {
  const DatasetLoadResult& r = Real();
  EXPECT_EQ(r.rows_read, 11238u);  // README
  EXPECT_EQ(r.scope, "unga-voeten");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  // 9278: "9277",705,78,80,-0.508545,...,"KAZ","Kazakhstan",0.2531646,0.556962,0.9090909,0.7435897,0.7179487,0.2207792
  const Observation* agree = FindObservation(r, "unga.agree", "KAZ", "CHN", "2023", "session 78");
  ASSERT_NE(agree, nullptr);
  EXPECT_NEAR(*agree->value, 0.744, 0.0005);  // README: ChinaAgree 0.744
  EXPECT_DOUBLE_EQ(*agree->value, 0.7435897);
  EXPECT_EQ(agree->line, 9278u);
  EXPECT_DOUBLE_EQ(*FindObservation(r, "unga.ideal_point", "KAZ", "", "2023", "session 78")->value, -0.508545);
  EXPECT_EQ(FindObservation(r, "unga.votes", "KAZ", "", "2023", "session 78")->value, 80.0);
  EXPECT_DOUBLE_EQ(*FindObservation(r, "unga.agree", "KAZ", "RUS", "2023", "session 78")->value, 0.556962);
  EXPECT_DOUBLE_EQ(*FindObservation(r, "unga.agree", "KAZ", "USA", "2023", "session 78")->value, 0.2531646);
  EXPECT_DOUBLE_EQ(*FindObservation(r, "unga.agree", "KAZ", "ISR", "2023", "session 78")->value, 0.2207792);
  // README: China's ideal point in session 78 is -0.801; China's agreement with itself is not a fact.
  EXPECT_NEAR(*FindObservation(r, "unga.ideal_point", "CHN", "", "2023", "session 78")->value, -0.801, 0.0005);
  EXPECT_EQ(FindObservation(r, "unga.agree", "CHN", "CHN", "2023", "session 78"), nullptr);
  EXPECT_NE(FindObservation(r, "unga.agree", "CHN", "USA", "2023", "session 78"), nullptr);
  // ChinaAgree is NA before session 26 (1971): no value, not zero.
  EXPECT_EQ(FindObservation(r, "unga.agree", "USA", "CHN", "1946", "session 1"), nullptr);
  EXPECT_NE(FindObservation(r, "unga.agree", "USA", "RUS", "1946", "session 1"), nullptr);
}

TEST(Unga, YugoslaviasSeatIsSerbiasFromSession61) {
  // 3788: "3787",345,61,...,"YUG","Yugoslavia": 2006, after Montenegro's independence.
  const Observation* srb = FindObservation(Real(), "unga.ideal_point", "SRB", "", "2006", "session 61");
  ASSERT_NE(srb, nullptr);
  EXPECT_DOUBLE_EQ(*srb->value, 0.9801978);
  EXPECT_EQ(srb->line, 3788u);
  // Sessions 1-60 are the former state's, skipped on purpose.
  EXPECT_EQ(FindObservation(Real(), "unga.ideal_point", "SRB", "", "2005", "session 60"), nullptr);
  const UnmappedName* yug = FindUnmapped(Real(), "iso3c", "YUG");
  ASSERT_NE(yug, nullptr);
  EXPECT_TRUE(yug->deliberate);
  EXPECT_EQ(yug->why, "former state (Yugoslavia, sessions 1-60)");
  EXPECT_EQ(yug->rows, 52u);  // sessions it took part in
}

TEST(Unga, EveryCountryCodeOfTheRealFileIsMappedOrDeclared) {
  EXPECT_EQ(UndeclaredNames(Real()), "");
  EXPECT_EQ(Real().ProblemRows(), 0u);
  for (const char* former : {"DDR", "CSK", "YAR"}) {
    const UnmappedName* u = FindUnmapped(Real(), "iso3c", former);
    ASSERT_NE(u, nullptr) << former;
    EXPECT_TRUE(u->deliberate) << former;
  }
}

TEST(Unga, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string q = kQuantiles;
  std::string path = WriteTemp(
      "unga.csv", std::string(kHeader) +
                      "\"1\",705,abc,80,-0.5," + q + ",\"KAZ\",\"Kazakhstan\",0.25,0.55,0.9,0.74,0.71,0.22\n" +
                      "\"2\",705,0,80,-0.5," + q + ",\"KAZ\",\"Kazakhstan\",0.25,0.55,0.9,0.74,0.71,0.22\n" +
                      "\"3\",705,78,80,high," + q + ",\"KAZ\",\"Kazakhstan\",0.25,0.55,0.9,0.74,0.71,0.22\n" +
                      "\"4\",705,78,80\n" +
                      "\"5\",999,78,80,-0.5," + q + ",\"ZZZ\",\"Atlantis\",0.25,0.55,0.9,0.74,0.71,0.22\n" +
                      "\"6\",705,77,80,-0.7," + q + ",NA,\"Kazakhstan\",NA,NA,NA,0.76,NA,NA\n" +
                      "\"7\",265,40,80,-0.7," + q + ",\"DDR\",\"German Democratic Republic\",NA,NA,NA,NA,NA,NA\n");
  auto r = LoadUnga(path, Ctx("unga.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "unga.csv:2: 'abc' is not a session", "unga.csv:3: '0' is not a session",
                "unga.csv:4: 'high' is not a number",
                "unga.csv:5: row has 4 cells, the header 20 (the file may be cut short or a cell holds an unquoted "
                "comma)"}));
  EXPECT_EQ(r->issues[2].field, "IdealPointAll");
  // The other values of line 4 stand.
  EXPECT_NE(FindObservation(*r, "unga.agree", "KAZ", "CHN", "2023", "session 78"), nullptr);
  const UnmappedName* zzz = FindUnmapped(*r, "iso3c", "ZZZ");
  ASSERT_NE(zzz, nullptr);
  EXPECT_EQ(zzz->first_line, 6u);
  EXPECT_FALSE(zzz->deliberate);
  // No ISO code: the COW code says who it is.
  const Observation* cow = FindObservation(*r, "unga.agree", "KAZ", "CHN", "2022", "session 77");
  ASSERT_NE(cow, nullptr);
  EXPECT_EQ(cow->value, 0.76);
  EXPECT_EQ(FindObservation(*r, "unga.agree", "KAZ", "USA", "2022", "session 77"), nullptr);  // NA
  ASSERT_NE(FindUnmapped(*r, "iso3c", "DDR"), nullptr);
  EXPECT_TRUE(FindUnmapped(*r, "iso3c", "DDR")->deliberate);
  EXPECT_EQ(r->ProblemRows(), 5u);
}

}  // namespace
}  // namespace bilat::ingest
