#include <gtest/gtest.h>

#include <map>

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

constexpr char kFile[] = "china_visa_requirements_2019_2025.csv";
constexpr char kHeader[] = "snapshot_date,passport,destination,requirement,coding_scheme,category,visa_free_days\n";

const DatasetLoadResult& Real() {
  static const DatasetLoadResult r = [] {
    auto res = LoadVisa(SharedData(std::string("people/passport_index/") + kFile), Ctx(kFile));
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    return res.ok() ? *res : DatasetLoadResult{};
  }();
  return r;
}

TEST(Visa, RealHistoryKazakhstanVisaFreeFromDecember2023) {
  const DatasetLoadResult& r = Real();
  EXPECT_EQ(r.rows_read, 20988u);  // README
  EXPECT_EQ(r.scope, "passport-index");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  // 15335: 2023-12-03,KAZ,CHN,30,text_2020_11,visa_free,30
  const Observation* kaz = FindObservation(r, "visa.requirement", "KAZ", "CHN", "2023-12-03");
  ASSERT_NE(kaz, nullptr);
  EXPECT_EQ(kaz->text, "visa_free");
  EXPECT_EQ(kaz->value, 30.0);
  EXPECT_EQ(kaz->line, 15335u);
  EXPECT_EQ(FindObservation(r, "visa.requirement", "CHN", "KAZ", "2023-12-03")->value, 30.0);
  // The release before: visa required, no number of days.
  const Observation* before = FindObservation(r, "visa.requirement", "KAZ", "CHN", "2023-11-06");
  ASSERT_NE(before, nullptr);
  EXPECT_EQ(before->text, "visa_required");
  EXPECT_FALSE(before->value.has_value());
  // README: France -> China visa required until Nov 2023, 15 days from Dec 2023, 30 from Dec 2024.
  EXPECT_EQ(FindObservation(r, "visa.requirement", "FRA", "CHN", "2023-11-06")->text, "visa_required");
  EXPECT_EQ(FindObservation(r, "visa.requirement", "FRA", "CHN", "2023-12-03")->value, 15.0);
  EXPECT_EQ(FindObservation(r, "visa.requirement", "FRA", "CHN", "2024-12-04")->value, 30.0);
}

TEST(Visa, CurrentReleasePassportsToChinaByCategory) {
  // README, 2025-01-12, passports -> China: 128 visa required; 58 x 30 days,
  // 4 x 90, 3 visa free, 1 x 15, 1 x 60 (67 visa free); 3 e-visa. Kosovo's
  // passport (XKX, not ISO) is one of the 128 and is skipped on purpose.
  std::map<std::string, size_t> by_category;
  std::map<double, size_t> by_days;
  for (const Observation& o : Real().observations) {
    if (o.period != "2025-01-12" || o.object != "CHN") continue;
    ++by_category[o.text];
    if (o.value) ++by_days[*o.value];
  }
  EXPECT_EQ(by_category, (std::map<std::string, size_t>{{"visa_required", 127}, {"visa_free", 67}, {"eta_or_evisa", 3}}));
  EXPECT_EQ(by_days, (std::map<double, size_t>{{15, 1}, {30, 58}, {60, 1}, {90, 4}}));
}

TEST(Visa, EveryCountryCodeOfTheRealFileIsMappedOrDeclared) {
  EXPECT_EQ(UndeclaredNames(Real()), "");
  EXPECT_EQ(Real().ProblemRows(), 0u);
  const UnmappedName* kosovo = FindUnmapped(Real(), "passport", "XKX");
  ASSERT_NE(kosovo, nullptr);
  EXPECT_TRUE(kosovo->deliberate);
}

TEST(Visa, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp("visa.csv", std::string(kHeader) +
                                               "2023-12,KAZ,CHN,30,text_2020_11,visa_free,30\n"
                                               "2023-02-30,KAZ,CHN,30,text_2020_11,visa_free,30\n"
                                               "2023-12-03,KAZ,CHN,maybe,text_2020_11,maybe,\n"
                                               "2023-12-03,KAZ,CHN\n"
                                               "2023-12-03,ZZZ,CHN,30,text_2020_11,visa_free,30\n"
                                               "2023-12-03,CHN,XKX,visa free,text_2020_11,visa_free,\n"
                                               "2023-12-03,KAZ,CHN,30,text_2020_11,visa_free,30\n");
  auto r = LoadVisa(path, Ctx("visa.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "visa.csv:2: '2023-12' is not a date YYYY-MM-DD",
                "visa.csv:3: '2023-02-30' is not a date YYYY-MM-DD",
                "visa.csv:4: 'maybe' is not a known category (visa_free, visa_on_arrival, eta_or_evisa, "
                "visa_required, covid_ban, no_admission or other)",
                "visa.csv:5: row has 3 cells, the header 7 (the file may be cut short or a cell holds an unquoted "
                "comma)"}));
  const UnmappedName* zzz = FindUnmapped(*r, "passport", "ZZZ");
  ASSERT_NE(zzz, nullptr);
  EXPECT_EQ(zzz->first_line, 6u);
  EXPECT_FALSE(zzz->deliberate);
  const UnmappedName* kosovo = FindUnmapped(*r, "destination", "XKX");
  ASSERT_NE(kosovo, nullptr);
  EXPECT_TRUE(kosovo->deliberate);
  EXPECT_EQ(r->ProblemRows(), 5u);
  ASSERT_EQ(r->observations.size(), 1u);
  EXPECT_EQ(r->observations[0].line, 8u);
}

}  // namespace
}  // namespace bilat::ingest
