#include "ingest/trade/baci_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "tests/ingest/trade/test_util.h"

namespace bilat::ingest {
namespace {

using testing_util::Issues;
using testing_util::SharedTrade;
using testing_util::WriteTemp;

const BaciCodes& Codes() {
  static const BaciCodes codes = [] {
    auto c = BaciCodes::LoadCountries(SharedTrade("baci/country_codes_V202201.csv"), "cc.csv");
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return *c;
  }();
  return codes;
}

TEST(BaciCodes, LoadsCountryFileWithBom) {
  const BaciCodes& c = Codes();
  EXPECT_EQ(c.Country(4), "AFG");    // first row, right after the BOM header
  EXPECT_EQ(c.Country(842), "USA");  // BACI's own code for the USA
  EXPECT_EQ(c.Country(398), "KAZ");
  // ISO3 "N/A" in BACI's own file: kept under a placeholder.
  EXPECT_EQ(c.Country(849), "B849");
  EXPECT_TRUE(c.IsPlaceholder(490));
  EXPECT_FALSE(c.IsPlaceholder(398));
  EXPECT_EQ(c.Name(490), "Other Asia, nes");
  EXPECT_EQ(c.country_count(), 238u);
}

TEST(BaciReader, KeepsCodesWithoutIsoUnderAPlaceholderNotedOnce) {
  std::string path = WriteTemp("baci490.csv",
                               "t,i,j,k,v,q\n"
                               "2019,490,156,854231,1000,1\n"
                               "2019,490,398,854231,10,1\n"
                               "2019,156,490,270900,20,1\n");
  auto r = LoadBaci(path, Codes(), {"baci490.csv", {}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->flows.size(), 3u);  // every row kept
  EXPECT_EQ(r->flows[0].reporter, "B490");
  EXPECT_EQ(r->flows[2].partner, "B490");
  ASSERT_EQ(r->issues.size(), 1u) << Issues(*r);
  EXPECT_EQ(r->issues[0].line, 2u);
  EXPECT_NE(r->issues[0].message.find("BACI code 490 (Other Asia, nes) has no ISO 3166 code"), std::string::npos);
  EXPECT_NE(r->issues[0].message.find("kept under B490"), std::string::npos);
  EXPECT_NE(r->issues[0].hint.find("Taiwan"), std::string::npos);
}

TEST(BaciCodes, LoadsProductFile) {
  BaciCodes c = Codes();
  ASSERT_TRUE(c.LoadProducts(SharedTrade("baci/product_codes_HS17_with_bec.csv"), "p.csv").ok());
  ASSERT_NE(c.Product("010121"), nullptr);
  EXPECT_EQ(*c.Product("010121"), "Horses: live, pure-bred breeding animals");
  EXPECT_EQ(c.Product("999998"), nullptr);
}

TEST(BaciReader, ReadsSmallFile) {
  std::string path = WriteTemp("baci.csv",
                               "t,i,j,k,v,q\n"
                               "2019,398,156,270900,1234.5,2000.25\n"
                               "2019,156,398,010121,7.148,           NA\n"
                               "2019,842,860,847130,0.001,\n");
  auto r = LoadBaci(path, Codes(), {"baci.csv", {}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->layout, "baci");
  EXPECT_EQ(r->rows_read, 3u);
  EXPECT_TRUE(r->issues.empty()) << Issues(*r);
  ASSERT_EQ(r->flows.size(), 3u);
  const TradeFlow& a = r->flows[0];
  EXPECT_EQ(a.year, 2019);
  EXPECT_EQ(a.reporter, "KAZ");
  EXPECT_EQ(a.partner, "CHN");
  EXPECT_EQ(a.flow, TradeFlow::Flow::kExport);
  EXPECT_EQ(a.product, "270900");
  EXPECT_DOUBLE_EQ(a.value_usd, 1234500);
  ASSERT_TRUE(a.quantity.has_value());
  EXPECT_DOUBLE_EQ(*a.quantity, 2000.25);
  EXPECT_EQ(a.quantity_unit, "t");
  EXPECT_EQ(a.line, 2u);
  EXPECT_EQ(r->flows[1].product, "010121");
  EXPECT_FALSE(r->flows[1].quantity.has_value());
  EXPECT_EQ(r->flows[2].reporter, "USA");
  EXPECT_FALSE(r->flows[2].quantity.has_value());
  EXPECT_EQ(r->flows[2].line, 4u);
}

TEST(BaciReader, CallbackSeesEveryFlowWithoutCollecting) {
  std::string path = WriteTemp("baci_cb.csv",
                               "t,i,j,k,v,q\r\n2019,398,156,270900,1,1\r\n"
                               "2019,398,156,270910,2,1");  // no final newline
  TradeLoadResult summary;
  double total = 0;
  ASSERT_TRUE(ReadBaci(
                  path, Codes(), [&](const TradeFlow& f) { total += f.value_usd; }, &summary)
                  .ok());
  EXPECT_DOUBLE_EQ(total, 3000);
  EXPECT_EQ(summary.rows_read, 2u);
  EXPECT_TRUE(summary.flows.empty());
  EXPECT_TRUE(summary.issues.empty()) << Issues(summary);
}

TEST(BaciReader, RefusesUnknownLayoutNamingColumns) {
  std::string path = WriteTemp("baci_odd.csv", "year,exporter,importer,hs6,value\n");
  auto r = LoadBaci(path, Codes(), {"baci_odd.csv", {}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "baci_odd.csv:1: unknown BACI layout; columns found: year, exporter, importer, hs6, "
            "value; layout expected: baci (t, i, j, k, v, q)");
}

struct BadCase {
  std::string row;
  std::string message;
};
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.row; }
class BaciBadRow : public ::testing::TestWithParam<BadCase> {};

TEST_P(BaciBadRow, ReportsOnLineThreeAndKeepsGoodRows) {
  std::string text =
      "t,i,j,k,v,q\n2019,398,156,270900,1,1\n" + GetParam().row + "\n2019,398,156,270910,1,1\n";
  auto r = LoadBaci(WriteTemp("bad_baci.csv", text), Codes(), {"b.csv", {}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->issues.size(), 1u) << Issues(*r);
  EXPECT_EQ(r->issues[0].ToString(), GetParam().message);
  EXPECT_EQ(r->issues[0].line, 3u);
  EXPECT_EQ(r->rows_read, 3u);
  ASSERT_GE(r->flows.size(), 2u);
  EXPECT_EQ(r->flows.back().line, 4u);
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, BaciBadRow,
    ::testing::Values(
        BadCase{"2019,398,999,270900,1,1",
                "b.csv:3: unknown importer code 999 (not in the BACI country code file); row "
                "skipped (use the country code file of the same BACI release)"},
        BadCase{"2019,111,156,270900,1,1",
                "b.csv:3: unknown exporter code 111 (not in the BACI country code file); row "
                "skipped (use the country code file of the same BACI release)"},
        BadCase{"2019,398,156,270900,5,1",
                "b.csv:3: duplicate row: same t, i, j, k as line 2; row skipped"},
        BadCase{"2019,398,156,270901,-5,1", "b.csv:3: negative value -5; row skipped"},
        BadCase{"2019,398,156,270901,1e,1",
                "b.csv:3: malformed value '1e'; row skipped (v is thousands of US dollars, a "
                "plain decimal number)"},
        BadCase{"19,398,156,270901,1,1", "b.csv:3: impossible year '19'; row skipped"},
        BadCase{"2019,398,156,270901,1",
                "b.csv:3: 5 fields where t,i,j,k,v,q needs 6; row skipped"},
        BadCase{"2019,398,156,27090A,1,1",
                "b.csv:3: product '27090A' is not a six-digit HS code; row skipped"},
        BadCase{"2019,398,156,90210,1,1",
                "b.csv:3: product '90210' has five digits; read as '090210'; row kept (a tool "
                "probably read k as a number: keep HS codes as text)"},
        BadCase{"2019,398,156,270901,1,x",
                "b.csv:3: malformed quantity 'x'; row kept without quantity"}));

TEST(BaciReader, FlagsProductMissingFromProductFile) {
  BaciCodes c = Codes();
  ASSERT_TRUE(c.LoadProducts(SharedTrade("baci/product_codes_HS17_with_bec.csv"), "p.csv").ok());
  auto r =
      LoadBaci(WriteTemp("bp.csv", "t,i,j,k,v,q\n2019,398,156,999998,1,1\n"), c, {"bp.csv", {}});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_EQ(r->issues[0].ToString(),
            "bp.csv:2: product 999998 is not in the product code file; row kept");
  EXPECT_EQ(r->flows.size(), 1u);
}

TEST(BaciReader, CapsIssuesAndCountsTheRest) {
  std::string text = "t,i,j,k,v,q\n";
  for (int n = 0; n < 50; ++n) text += "2019,398,999,270900,1,1\n";
  LoadLimits limits;
  limits.max_issues = 10;
  auto r = LoadBaci(WriteTemp("cap.csv", text), Codes(), {"cap.csv", limits});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->issues.size(), 10u);
  EXPECT_EQ(r->issues_suppressed, 40u);
}

// The hand-rolled parser against an obviously right one (istringstream and
// std::stod) on random files: unsorted (hash path), sorted like BACI (with
// adjacent repeats) and sorted then unsorted (later rows repeating sorted
// ones). The largest file is over 8 MiB, so buffer boundaries fall mid-line.
TEST(BaciReader, MatchesReferenceOnRandomFiles) {
  std::mt19937 rng(12345);
  const int kCodes[] = {4, 8, 156, 398, 417, 762, 795, 842, 860, 999};
  for (int round = 0; round < 3; ++round) {
    int rows = round == 1 ? 320000 : 40000;
    std::vector<std::pair<std::tuple<int, int, int, int>, std::string>> lines;
    for (int n = 0; n < rows; ++n) {
      int t = 2015 + static_cast<int>(rng() % 3), i = kCodes[rng() % 10], j = kCodes[rng() % 10];
      int k = static_cast<int>(rng() % 1000) * 100;
      char line[128];
      std::snprintf(line, sizeof line, "%d,%d,%d,%06d,%.3f,%s\n", t, i, j, k,
                    std::exp((rng() % 2000) / 100.0) * ((rng() % 50) == 0 ? -1 : 1),
                    rng() % 4 == 0 ? "NA" : std::to_string(rng() % 1000).c_str());
      lines.push_back({{t, i, j, k}, line});
    }
    if (round == 1)
      std::stable_sort(lines.begin(), lines.end(),
                       [](auto& a, auto& b) { return a.first < b.first; });
    if (round == 2) {
      std::stable_sort(lines.begin(), lines.begin() + rows * 7 / 10,
                       [](auto& a, auto& b) { return a.first < b.first; });
    }
    std::string text = "t,i,j,k,v,q\n";
    for (const auto& l : lines) text += l.second;
    auto r = LoadBaci(WriteTemp("rand.csv", text), Codes(), {"rand.csv", {1u << 30}});
    ASSERT_TRUE(r.ok());
    // Reference.
    std::istringstream in(text);
    std::string row;
    std::getline(in, row);
    std::set<std::tuple<int, int, int, int>> seen;
    size_t good = 0, bad = 0, at = 0;
    uint64_t line = 1;
    while (std::getline(in, row)) {
      ++line;
      std::istringstream fs(row);
      std::string t, i, j, k, v, q;
      std::getline(fs, t, ',');
      std::getline(fs, i, ',');
      std::getline(fs, j, ',');
      std::getline(fs, k, ',');
      std::getline(fs, v, ',');
      std::getline(fs, q, ',');
      int ii = std::stoi(i), jj = std::stoi(j);
      double vv = std::stod(v);
      if (Codes().Country(ii).empty() || Codes().Country(jj).empty() || vv < 0 ||
          !seen.insert({std::stoi(t), ii, jj, std::stoi(k)}).second) {
        ++bad;
        continue;
      }
      ++good;
      ASSERT_LT(at, r->flows.size());
      const TradeFlow& f = r->flows[at++];
      ASSERT_EQ(f.line, line);
      EXPECT_EQ(f.year, std::stoi(t));
      EXPECT_EQ(f.reporter, Codes().Country(ii));
      EXPECT_EQ(f.partner, Codes().Country(jj));
      EXPECT_EQ(f.product, k);
      EXPECT_DOUBLE_EQ(f.value_usd, vv * 1000);
      if (q == "NA") {
        EXPECT_FALSE(f.quantity.has_value());
      } else {
        ASSERT_TRUE(f.quantity.has_value());
        EXPECT_DOUBLE_EQ(*f.quantity, std::stod(q));
      }
    }
    EXPECT_EQ(r->flows.size(), good);
    EXPECT_EQ(r->issues.size(), bad);
    EXPECT_EQ(r->rows_read, static_cast<uint64_t>(rows));
  }
}

}  // namespace
}  // namespace bilat::ingest
