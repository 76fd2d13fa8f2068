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

constexpr char kIsoFile[] = "esabin_aiddata_gcdf_country_year.csv";
constexpr char kCowFile[] = "odadata_cow_gcdf.csv";
constexpr char kGwFile[] = "odadata_gw_gcdf.csv";

DatasetLoadResult LoadReal(const char* name) {
  auto r = LoadGcdf(SharedData(std::string("projects/aiddata_gcdf3_aggregates/") + name), Ctx(name));
  EXPECT_TRUE(r.ok()) << name << ": " << r.status().ToString();
  return r.ok() ? *r : DatasetLoadResult{};
}

TEST(Gcdf, IsoFileGivesTotalsAndProjectCounts) {
  DatasetLoadResult r = LoadReal(kIsoFile);
  EXPECT_EQ(r.rows_read, 2525u);  // README
  EXPECT_EQ(r.scope, "gcdf3-iso");
  EXPECT_EQ(r.layout, "gcdf3-country-year");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  EXPECT_EQ(r.observations.size(), 2u * 2525u);
  // 2: AFG,2000,1,1283228.36439764,...
  const Observation* afg = FindObservation(r, "gcdf.usd_const_2021", "AFG", "CHN", "2000");
  ASSERT_NE(afg, nullptr);
  EXPECT_DOUBLE_EQ(*afg->value, 1283228.36439764);
  EXPECT_EQ(afg->line, 2u);
  EXPECT_EQ(afg->item, "");
  // 1095: KAZ,2008,9,12716419631.13639 (README: Kazakhstan 2008 12,716.4 m)
  const Observation* kaz = FindObservation(r, "gcdf.usd_const_2021", "KAZ", "CHN", "2008");
  ASSERT_NE(kaz, nullptr);
  EXPECT_NEAR(*kaz->value / 1e6, 12716.4, 0.05);
  EXPECT_EQ(kaz->line, 1095u);
  const Observation* projects = FindObservation(r, "gcdf.projects", "KAZ", "CHN", "2008");
  ASSERT_NE(projects, nullptr);
  EXPECT_EQ(projects->value, 9.0);
  ASSERT_EQ(r.sources.size(), 1u);
  EXPECT_EQ(r.sources[0].Text("id"), "gcdf3-iso:source");
}

TEST(Gcdf, CowFileGivesFlowClassesThatAddUpToTheIsoTotals) {
  DatasetLoadResult cow = LoadReal(kCowFile);
  DatasetLoadResult iso = LoadReal(kIsoFile);
  EXPECT_EQ(cow.rows_read, 2458u);  // README
  EXPECT_EQ(cow.scope, "gcdf3-cow");
  EXPECT_EQ(cow.layout, "gcdf3-cow-flow-class");
  EXPECT_TRUE(cow.issues.empty()) << ::testing::PrintToString(IssueTexts(cow));
  // 998: 705,2008,...: COW 705 is Kazakhstan; the adjusted amounts are used.
  const Observation* oof = FindObservation(cow, "gcdf.oof_like", "KAZ", "CHN", "2008");
  ASSERT_NE(oof, nullptr);
  EXPECT_DOUBLE_EQ(*oof->value, 12552952613.83346);
  EXPECT_EQ(oof->line, 998u);
  EXPECT_DOUBLE_EQ(*FindObservation(cow, "gcdf.oda_like", "KAZ", "CHN", "2008")->value, 11008425.108025303);
  EXPECT_DOUBLE_EQ(*FindObservation(cow, "gcdf.vague", "KAZ", "CHN", "2008")->value, 152458592.194905);
  // README: "the two files give identical totals in every year" for Kazakhstan.
  std::map<std::string, double> by_year;
  for (const Observation& o : cow.observations) {
    if (o.subject == "KAZ") by_year[o.period] += *o.value;
  }
  ASSERT_EQ(by_year.size(), 21u);  // 2000, 2002-2021
  for (const auto& [year, usd] : by_year) {
    const Observation* total = FindObservation(iso, "gcdf.usd_const_2021", "KAZ", "CHN", year);
    ASSERT_NE(total, nullptr) << year;
    EXPECT_NEAR(usd, *total->value, 1.0) << year;
  }
}

TEST(Gcdf, EveryCountryCodeOfTheRealFilesIsMappedOrDeclared) {
  for (const char* name : {kIsoFile, kCowFile}) {
    DatasetLoadResult r = LoadReal(name);
    EXPECT_EQ(UndeclaredNames(r), "") << name;
    EXPECT_EQ(r.ProblemRows(), 0u) << name;
  }
}

TEST(Gcdf, GleditschWardFileIsRefusedNotReadAsUnknownCountries) {
  // Regression: the gwcode file has neither Country Code nor ccode; it was
  // read as the COW layout with every row an unknown country "(empty)".
  auto r = LoadGcdf(SharedData(std::string("projects/aiddata_gcdf3_aggregates/") + kGwFile), Ctx(kGwFile));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "odadata_gw_gcdf.csv:1: not an AidData GCDF aggregate (expected Country Code,year,... or "
            "ccode,year,oof_amt,oof_adj,oda_amt,oda_adj,vof_amt,vof_adj)");
}

TEST(Gcdf, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp("gcdf.csv",
                               "Country Code,year,projects,usd_const_2021,share_amount_estimated,log1p_usd_const_2021\n"
                               "KAZ,20x8,9,12716419631.13,0.3,23.2\n"
                               "KAZ,2008,nine,-5,0.3,23.2\n"
                               "KAZ,2009,8\n"
                               "ZZZ,2010,1,100,0,4.6\n"
                               "XKX,2010,1,100,0,4.6\n"
                               "KAZ,2011,NA,,0,4.6\n");
  auto r = LoadGcdf(path, Ctx("gcdf.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "gcdf.csv:2: '20x8' is not a year",
                "gcdf.csv:3: '-5' is not an amount (constant 2021 US dollars, e.g. 1283228.36)",
                "gcdf.csv:3: 'nine' is not an amount (constant 2021 US dollars, e.g. 1283228.36)",
                "gcdf.csv:4: row has 3 cells, the header 6 (the file may be cut short or a cell holds an unquoted "
                "comma)"}));
  const UnmappedName* zzz = FindUnmapped(*r, "Country Code", "ZZZ");
  ASSERT_NE(zzz, nullptr);
  EXPECT_FALSE(zzz->deliberate);
  EXPECT_EQ(zzz->first_line, 5u);
  const UnmappedName* kosovo = FindUnmapped(*r, "Country Code", "XKX");
  ASSERT_NE(kosovo, nullptr);
  EXPECT_TRUE(kosovo->deliberate);
  EXPECT_EQ(r->ProblemRows(), 5u);
  EXPECT_TRUE(r->observations.empty());  // NA and empty cells are no value, not zero
}

TEST(Gcdf, CowCodesMapThroughTheCowTable) {
  std::string path = WriteTemp("cow.csv",
                               "ccode,year,oof_amt,oof_adj,oda_amt,oda_adj,vof_amt,vof_adj\n"
                               "710,2010,1,1,2,2,3,3\n"
                               "9999,2010,1,1,2,2,3,3\n"
                               "705,2010,1,1,2,2,NA,NA\n");
  auto r = LoadGcdf(path, Ctx("cow.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->scope, "gcdf3-cow");
  ASSERT_NE(FindUnmapped(*r, "ccode", "9999"), nullptr);
  EXPECT_EQ(FindUnmapped(*r, "ccode", "9999")->first_line, 3u);
  EXPECT_EQ(FindObservation(*r, "gcdf.oof_like", "CHN", "CHN", "2010")->value, 1.0);  // COW 710 is China
  EXPECT_EQ(FindObservation(*r, "gcdf.oda_like", "KAZ", "CHN", "2010")->value, 2.0);
  EXPECT_EQ(FindObservation(*r, "gcdf.vague", "KAZ", "CHN", "2010"), nullptr);
}

}  // namespace
}  // namespace bilat::ingest
