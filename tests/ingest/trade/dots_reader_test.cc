#include "ingest/trade/dots_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/ingest/trade/test_util.h"

namespace bilat::ingest {
namespace {

using testing_util::Countries;
using testing_util::Issues;
using testing_util::SharedTrade;
using testing_util::WriteTemp;

constexpr char kHeader[] = "reporter,partner,flow,year,value_usd_mn,estimated\n";

const TradeFlow* FindFlow(const TradeLoadResult& r, std::string_view reporter, std::string_view partner,
                          TradeFlow::Flow flow, int year) {
  for (const TradeFlow& f : r.flows) {
    if (f.reporter == reporter && f.partner == partner && f.flow == flow && f.year == year) return &f;
  }
  return nullptr;
}

std::vector<std::string> IssueTexts(const TradeLoadResult& r) {
  std::vector<std::string> out;
  for (const LoadIssue& i : r.issues) out.push_back(i.ToString());
  return out;
}

// The China file (34,545 rows); the all-pairs file (1.35 M rows) is left to benchmarks.
TEST(DotsReader, RealChinaFileChinaKazakhstan) {
  auto r = ReadDotsCsv(SharedTrade("imf_dots/dots_china_mainland_all_years.csv"), "dots_china.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->layout, "imf-dots");
  EXPECT_EQ(r->rows_read, 34545u);  // README
  EXPECT_TRUE(r->issues.empty()) << Issues(*r);
  // 9336: CHN,KAZ,X,2015,8426.734091 (README: China-Kazakhstan 2015 exports 8,427 m)
  const TradeFlow* x = FindFlow(*r, "CHN", "KAZ", TradeFlow::Flow::kExport, 2015);
  ASSERT_NE(x, nullptr);
  EXPECT_DOUBLE_EQ(x->value_usd, 8426.734091e6);
  EXPECT_NEAR(x->value_usd / 1e6, 8427, 0.5);
  EXPECT_EQ(x->product, "TOTAL");
  EXPECT_EQ(x->period, "");
  EXPECT_EQ(x->line, 9336u);
  EXPECT_NEAR(FindFlow(*r, "CHN", "KAZ", TradeFlow::Flow::kImport, 2015)->value_usd / 1e6, 5840, 0.5);
  // Kazakhstan's own report, 2020: X 9,004, M 6,346.
  EXPECT_NEAR(FindFlow(*r, "KAZ", "CHN", TradeFlow::Flow::kExport, 2020)->value_usd / 1e6, 9004, 0.5);
  EXPECT_NEAR(FindFlow(*r, "KAZ", "CHN", TradeFlow::Flow::kImport, 2020)->value_usd / 1e6, 6346, 0.5);
  // README checks: China-Kazakhstan totals as China reports them, US$ bn.
  auto total = [&](int year) {
    return (FindFlow(*r, "CHN", "KAZ", TradeFlow::Flow::kExport, year)->value_usd +
            FindFlow(*r, "CHN", "KAZ", TradeFlow::Flow::kImport, year)->value_usd) / 1e9;
  };
  EXPECT_NEAR(total(2016), 13.07, 0.005);
  EXPECT_NEAR(total(2017), 17.99, 0.005);
  EXPECT_NEAR(total(2019), 22.07, 0.005);
  EXPECT_NEAR(total(2020), 21.43, 0.005);
  // "_WLD" is the world: China's exports 2020, 2,598 bn.
  const TradeFlow* world = FindFlow(*r, "CHN", "WLD", TradeFlow::Flow::kExport, 2020);
  ASSERT_NE(world, nullptr);
  EXPECT_NEAR(world->value_usd / 1e9, 2598, 0.5);
  EXPECT_EQ(world->line, 18713u);
}

TEST(DotsReader, RealChinaFileSkipsAggregatesFormerStatesAndKosovoOnPurpose) {
  auto r = ReadDotsCsv(SharedTrade("imf_dots/dots_china_mainland_all_years.csv"), "dots_china.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows_skipped, 4010u);
  EXPECT_EQ(r->flows.size(), 34545u - 4010u);
  auto has = [&](const std::string& line) {
    return std::find(r->skipped_codes.begin(), r->skipped_codes.end(), line) != r->skipped_codes.end();
  };
  EXPECT_TRUE(has("_SUN: 50 rows from line 18435 (an IMF aggregate or former state)"))
      << ::testing::PrintToString(r->skipped_codes);
  EXPECT_TRUE(has("_ADV: 210 rows from line 16743 (an IMF aggregate or former state)"));
  EXPECT_TRUE(has("XKX: 18 rows from line 32077 (Kosovo: XKX is a user code, not ISO 3166-1)"));
  EXPECT_EQ(r->skipped_codes.size(), 32u);  // 31 '_' codes besides _WLD, and XKX
  EXPECT_EQ(FindFlow(*r, "CHN", "_SUN", TradeFlow::Flow::kExport, 1990), nullptr);
}

TEST(DotsReader, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp("dots.csv", std::string(kHeader) +
                                               "CHN,ZZZ,X,2015,1.5,0\n"
                                               "CH,KAZ,X,2015,1.5,0\n"
                                               "CHN,KAZ,T,2015,1.5,0\n"
                                               "CHN,KAZ,X,2015.5,1.5,0\n"
                                               "CHN,KAZ,X,1850,1.5,0\n"
                                               "CHN,KAZ,X,2015,-1,0\n"
                                               "CHN,KAZ,X,2015,\"1,234\",0\n"
                                               "CHN,KAZ,X,2015\n"
                                               "CHN,KAZ,X,2015,8426.734091,0\n"
                                               "CHN,KAZ,X,2015,8000,0\n");
  auto r = ReadDotsCsv(path, "dots.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "dots.csv:2: unknown country code 'ZZZ' (DOTS uses ISO alpha-3 codes, and '_'-prefixed codes for "
                "aggregates)",
                "dots.csv:3: unknown country code 'CH' (DOTS uses ISO alpha-3 codes, and '_'-prefixed codes for "
                "aggregates)",
                "dots.csv:4: flow 'T' is neither X (exports) nor M (imports)",
                "dots.csv:5: '2015.5' is not a year",
                "dots.csv:6: '1850' is not a year",
                "dots.csv:7: '-1' is not a value in US$ millions (trade values are never negative)",
                "dots.csv:8: '1,234' is not a value in US$ millions (write digits with '.' for decimals)",
                "dots.csv:9: row has 4 cells, the header 6 (the file may be cut short)",
                "dots.csv:11: a second row for CHN X KAZ 2015 (the first one stands)"}));
  EXPECT_EQ(r->issues[0].field, "partner");
  EXPECT_EQ(r->issues[1].field, "reporter");
  EXPECT_EQ(r->rows_read, 10u);
  ASSERT_EQ(r->flows.size(), 1u);
  EXPECT_EQ(r->flows[0].line, 10u);
  EXPECT_DOUBLE_EQ(r->flows[0].value_usd, 8426.734091e6);
}

TEST(DotsReader, IssuesPastTheLimitAreCountedNotKept) {
  std::string text = kHeader;
  for (int i = 0; i < 5; ++i) text += "CHN,KAZ,T,2015,1,0\n";
  LoadLimits limits;
  limits.max_issues = 2;
  auto r = ReadDotsCsv(WriteTemp("dots.csv", text), "dots.csv", Countries(), limits);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->issues.size(), 2u);
  EXPECT_EQ(r->issues_suppressed, 3u);
}

TEST(DotsReader, WrongHeaderIsRefusedNamingTheMissingColumn) {
  auto r = ReadDotsCsv(WriteTemp("dots.csv", "reporter,partner,flow,year,value\nCHN,KAZ,X,2015,1\n"), "dots.csv",
                       Countries());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "dots.csv:1: not an IMF DOTS extract: no column 'value_usd_mn' (expected "
            "reporter,partner,flow,year,value_usd_mn,estimated; found reporter,partner,flow,year,value)");
}

TEST(DotsReader, EmptyFileIsRefused) {
  auto r = ReadDotsCsv(WriteTemp("dots.csv", ""), "dots.csv", Countries());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "dots.csv: empty file (expected an IMF DOTS CSV with a header)");
}

TEST(DotsReader, ExtraNameColumnsAreAllowed) {
  auto r = ReadDotsCsv(WriteTemp("dots.csv",
                                 "reporter,partner,flow,year,value_usd_mn,estimated,reporter_name,partner_name\n"
                                 "KAZ,CHN,M,2020,6346.496276,0,\"Kazakhstan, Rep. of\",\"China, P.R.: Mainland\"\n"),
                       "dots.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->flows.size(), 1u);
  EXPECT_EQ(r->flows[0].flow, TradeFlow::Flow::kImport);
  EXPECT_EQ(r->flows[0].reporter, "KAZ");
  EXPECT_EQ(r->flows[0].partner, "CHN");
}

}  // namespace
}  // namespace bilat::ingest
