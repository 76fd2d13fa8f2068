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

constexpr char kFile[] = "gdelt_china_dyad_daily_score_2018_2024.csv";

// The file has 160k rows: loaded once for the checks that need it.
TEST(GdeltTone, RealSeriesDecodedAndEveryPartnerCodeMapped) {
  auto res = LoadGdeltTone(SharedData(std::string("gdelt/derived_china_dyad_daily/") + kFile), Ctx(kFile));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  const DatasetLoadResult& r = *res;
  EXPECT_EQ(r.rows_read, 159589u);  // README
  EXPECT_EQ(r.observations.size(), 159589u);
  EXPECT_EQ(r.scope, "gdelt-china-score");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  EXPECT_EQ(UndeclaredNames(r), "");
  EXPECT_EQ(r.ProblemRows(), 0u);
  // 2: 2018-01-01,AFG,69.8726937609145
  const Observation* afg = FindObservation(r, "gdelt.china_score", "CHN", "AFG", "2018-01-01");
  ASSERT_NE(afg, nullptr);
  EXPECT_DOUBLE_EQ(*afg->value, 69.8726937609145);
  EXPECT_EQ(afg->line, 2u);
  // README: Kazakhstan non-zero on 1,436 days; June 2018 sums to 1,766.
  size_t kaz_days = 0;
  double june_2018 = 0;
  for (const Observation& o : r.observations) {
    if (o.object != "KAZ") continue;
    ++kaz_days;
    if (o.period.rfind("2018-06", 0) == 0) june_2018 += *o.value;
  }
  EXPECT_EQ(kaz_days, 1436u);
  EXPECT_NEAR(june_2018, 1766, 0.5);
  EXPECT_DOUBLE_EQ(*FindObservation(r, "gdelt.china_score", "CHN", "KAZ", "2018-01-01")->value, -22.03254156769596);
}

TEST(GdeltTone, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp("g.csv",
                               "date,partner_iso3,edge_score\n"
                               "2018-01,KAZ,1.5\n"
                               "2018-01-02,KAZ,strong\n"
                               "2018-01-03,KAZ\n"
                               "2018-01-04,ZZZ,1.5\n"
                               "2018-01-05,ZZZ,1.5\n"
                               "2018-01-06,KAZ,-2.25\n");
  auto r = LoadGdeltTone(path, Ctx("g.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "g.csv:2: '2018-01' is not a date YYYY-MM-DD", "g.csv:3: 'strong' is not a number",
                "g.csv:4: row has 2 cells, the header 3 (the file may be cut short or a cell holds an unquoted "
                "comma)"}));
  const UnmappedName* zzz = FindUnmapped(*r, "partner_iso3", "ZZZ");
  ASSERT_NE(zzz, nullptr);
  EXPECT_EQ(zzz->first_line, 5u);
  EXPECT_EQ(zzz->rows, 2u);
  EXPECT_FALSE(zzz->deliberate);
  EXPECT_EQ(r->ProblemRows(), 5u);
  ASSERT_EQ(r->observations.size(), 1u);
  EXPECT_EQ(r->observations[0].period, "2018-01-06");
  EXPECT_EQ(r->observations[0].value, -2.25);
  EXPECT_EQ(r->observations[0].line, 7u);
}

}  // namespace
}  // namespace bilat::ingest
