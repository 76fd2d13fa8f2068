// Trade and WDI ingest end to end: the real Comtrade and WDI samples stored
// with their lines, re-runs skipped, overlapping files not counted twice,
// refused files leaving nothing behind, BACI's reconciled flows as both
// sides' trade, and indicators read back from the store.
#include "app/ingest_trade.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "measure/trade_facts.h"
#include "store/trade_store.h"
#include "store/workspace.h"
#include "tests/app/test_workspace.h"

namespace bilat {
namespace {

using testing::Countries;
using testing::ReadAll;
using testing::TempWorkspace;
using testing::WriteAll;

const std::string kTrade = std::string(BILAT_SHARED_DIR) + "/data/trade";
const std::string kComtrade = kTrade + "/comtrade/comtrade_legacy_IDN_export_world_HS6_2014_2021.csv";
const std::string kWdiLong = kTrade + "/wdi/wdi_macro_long_2005_2024.csv";
const std::string kWdiWide = kTrade + "/wdi/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_10181232.csv";
const std::string kBaciCodes = kTrade + "/baci/country_codes_V202201.csv";

using State = app::TradeFileOutcome::State;

app::IngestTradeResult Ingest(const TempWorkspace& ws, const std::string& dataset, std::vector<std::string> files) {
  app::IngestTradeOptions o;
  o.workspace = ws.str();
  o.dataset = dataset;
  o.files = std::move(files);
  o.baci_countries = kBaciCodes;
  auto r = app::IngestTrade(o, Countries());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : app::IngestTradeResult{};
}

long long Count(const TempWorkspace& ws, const std::string& sql) { return testing::CountRows(ws.str(), sql); }

double Real(const TempWorkspace& ws, const std::string& sql) {
  auto w = store::Workspace::Open(ws.str());
  auto st = (*w)->db()->Prepare(sql);
  EXPECT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_TRUE(*st->Step()) << sql;
  return st->ColumnDouble(0);
}

// The first data line of the Comtrade sample, and its HS code and value.
std::string ComtradeHeader() {
  std::string text = ReadAll(kComtrade);
  return text.substr(0, text.find('\n') + 1);
}

TEST(IngestTrade, StoresTheRealComtradeSampleWithItsLines) {
  TempWorkspace ws;
  auto r = Ingest(ws, "comtrade", {kComtrade});
  ASSERT_EQ(r.files.size(), 1u);
  const auto& f = r.files[0];
  ASSERT_EQ(f.state, State::kStored) << f.error;
  EXPECT_EQ(f.layout, "comtrade-legacy");
  EXPECT_EQ(f.rows_read, 8706u);
  EXPECT_EQ(f.stored, 8706u);
  EXPECT_EQ(f.years, (std::vector<int>{2014, 2021}));
  // Line 2 of the file: live horses (HS 010129), 2014, US$ 9,653.
  EXPECT_EQ(Count(ws, "SELECT line FROM trade_flows WHERE year = 2014 AND product = '010129' AND flow = 'export'"), 2);
  EXPECT_DOUBLE_EQ(Real(ws, "SELECT value_usd FROM trade_flows WHERE year = 2014 AND product = '010129'"), 9653);
  // The derived world total is the sum of the stated world rows by product.
  EXPECT_NEAR(Real(ws, "SELECT value_usd FROM trade_totals WHERE year = 2021 AND country = 'IDN' AND "
                       "partner = 'WLD' AND flow = 'export'"),
              Real(ws, "SELECT SUM(value_usd) FROM trade_flows WHERE year = 2021 AND reporter = 'IDN' "
                       "AND partner = 'WLD' AND flow = 'export'"),
              1e-3);
}

TEST(IngestTrade, SkipsAFileSeenBeforeUnderAnyName) {
  TempWorkspace ws;
  ASSERT_EQ(Ingest(ws, "comtrade", {kComtrade}).files[0].state, State::kStored);
  EXPECT_EQ(Ingest(ws, "comtrade", {kComtrade}).files[0].state, State::kAlreadyIngested);
  std::string copy = (ws.dir() / "renamed.csv").string();
  WriteAll(copy, ReadAll(kComtrade));
  EXPECT_EQ(Ingest(ws, "comtrade", {copy}).files[0].state, State::kAlreadyIngested);
  EXPECT_EQ(Count(ws, "SELECT COUNT(*) FROM trade_flows"), 8706);
}

TEST(IngestTrade, AnOverlappingFileIsNotCountedTwice) {
  TempWorkspace ws;
  ASSERT_EQ(Ingest(ws, "comtrade", {kComtrade}).files[0].state, State::kStored);
  const double before = Real(ws, "SELECT value_usd FROM trade_totals WHERE year = 2014 AND country = 'IDN' AND "
                                 "partner = 'WLD' AND flow = 'export'");
  // Line 2 of the sample again (another value), and one new flow.
  std::string text = ReadAll(kComtrade);
  size_t l2 = text.find('\n') + 1;
  std::string line2 = text.substr(l2, text.find('\n', l2) + 1 - l2);
  std::string changed = line2;
  changed.replace(changed.find(",9653,"), 6, ",9999,");
  std::string fresh = line2;
  fresh.replace(fresh.find(",010129,"), 8, ",010199,");
  fresh.replace(fresh.find(",9653,"), 6, ",1000,");
  std::string overlap = (ws.dir() / "overlap.csv").string();
  WriteAll(overlap, ComtradeHeader() + changed + fresh);
  auto r = Ingest(ws, "comtrade", {overlap});
  ASSERT_EQ(r.files[0].state, State::kStored) << r.files[0].error;
  EXPECT_EQ(r.files[0].stored, 1u);
  EXPECT_EQ(r.files[0].duplicates, 1u);
  ASSERT_FALSE(r.files[0].sample_issues.empty());
  EXPECT_NE(r.files[0].sample_issues[0].find("overlap.csv:2: already stored from "
                                              "comtrade_legacy_IDN_export_world_HS6_2014_2021.csv line 2"),
            std::string::npos)
      << r.files[0].sample_issues[0];
  EXPECT_NE(r.files[0].sample_issues[0].find("9653 there, 9999 here"), std::string::npos);
  // The first value stands; the new flow adds to the total once.
  EXPECT_DOUBLE_EQ(Real(ws, "SELECT value_usd FROM trade_flows WHERE year = 2014 AND product = '010129'"), 9653);
  EXPECT_NEAR(Real(ws, "SELECT value_usd FROM trade_totals WHERE year = 2014 AND country = 'IDN' AND "
                       "partner = 'WLD' AND flow = 'export'"),
              before + 1000, 1e-3);
  EXPECT_EQ(Count(ws, "SELECT COUNT(*) FROM trade_issues"), 1);
}

TEST(IngestTrade, TotalsAreTheSameInOneFileOrTwo) {
  // The second half of a year is summed with the stored first half; one
  // file is summed as it is stored. Both must give the same totals.
  std::string text = ReadAll(kComtrade);
  std::string header = ComtradeHeader(), first = header, second = header;
  size_t pos = header.size(), n = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    end = end == std::string::npos ? text.size() : end + 1;
    (n++ % 2 ? second : first) += text.substr(pos, end - pos);
    pos = end;
  }
  TempWorkspace one, two;
  ASSERT_EQ(Ingest(one, "comtrade", {kComtrade}).files[0].state, State::kStored);
  WriteAll(two.dir() / "first.csv", first);
  WriteAll(two.dir() / "second.csv", second);
  auto r = Ingest(two, "comtrade", {(two.dir() / "first.csv").string(), (two.dir() / "second.csv").string()});
  ASSERT_EQ(r.files[1].state, State::kStored) << r.files[1].error;
  auto dump = [](const TempWorkspace& ws) {
    std::vector<std::string> out;
    auto w = store::Workspace::Open(ws.str());
    for (int year : {2014, 2021}) {
      EXPECT_TRUE(store::ForEachTotal((*w)->db(), "comtrade", year,
                                      [&](std::string_view c, std::string_view p, std::string_view f,
                                          std::string_view k, double v) {
                                        char buf[64];
                                        std::snprintf(buf, sizeof buf, "%.6f", v);
                                        out.push_back(std::string(c) + " " + std::string(p) + " " +
                                                      std::string(f) + " " + std::string(k) + " " + buf);
                                      })
                      .ok());
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<std::string> a = dump(one), b = dump(two);
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, b);
}

TEST(IngestTrade, RefusedFilesLeaveNothingBehind) {
  TempWorkspace ws;
  std::string unknown = (ws.dir() / "unknown.csv").string();
  WriteAll(unknown, "year,exporter,importer,value\n2020,CHN,KAZ,1\n");
  auto r = Ingest(ws, "comtrade", {unknown});
  ASSERT_EQ(r.files[0].state, State::kFailed);
  EXPECT_NE(r.files[0].error.find("year, exporter, importer, value"), std::string::npos) << r.files[0].error;
  // Binary data and an empty file: named as such, not as "columns found".
  std::string binary = (ws.dir() / "gz.csv").string();
  WriteAll(binary, std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10) + "abc");
  r = Ingest(ws, "wdi", {binary});
  ASSERT_EQ(r.files[0].state, State::kFailed);
  EXPECT_NE(r.files[0].error.find("binary data, not a World Bank WDI CSV"), std::string::npos) << r.files[0].error;
  std::string empty = (ws.dir() / "empty.csv").string();
  WriteAll(empty, "");
  r = Ingest(ws, "baci", {empty});
  ASSERT_EQ(r.files[0].state, State::kFailed);
  EXPECT_NE(r.files[0].error.find("empty file"), std::string::npos) << r.files[0].error;
  // Half the rows bad: above the 5% default, so nothing is stored.
  std::string text = ReadAll(kComtrade);
  size_t l2 = text.find('\n') + 1;
  std::string line2 = text.substr(l2, text.find('\n', l2) + 1 - l2);
  std::string bad = line2;
  bad.replace(bad.find(",9653,"), 6, ",-5,");
  std::string half = (ws.dir() / "half.csv").string();
  WriteAll(half, ComtradeHeader() + line2 + bad);
  r = Ingest(ws, "comtrade", {half});
  ASSERT_EQ(r.files[0].state, State::kTooManyIssues);
  EXPECT_EQ(r.files[0].issues, 1u);
  EXPECT_EQ(Count(ws, "SELECT COUNT(*) FROM trade_files"), 0);
  EXPECT_EQ(Count(ws, "SELECT COUNT(*) FROM trade_flows"), 0);
  EXPECT_EQ(Count(ws, "SELECT COUNT(*) FROM trade_issues"), 0);
}

TEST(IngestTrade, BaciFlowsAreBothSidesTrade) {
  TempWorkspace ws;
  // 156 China, 398 Kazakhstan, 643 Russia; v in thousands of dollars.
  std::string baci = (ws.dir() / "BACI_HS17_Y2021_V202201.csv").string();
  WriteAll(baci,
           "t,i,j,k,v,q\n"
           "2021,156,398,850440,100.000,1.5\n"
           "2021,156,398,870323,300.000,NA\n"
           "2021,398,156,270900,500.000,20\n"
           "2021,398,156,850440,50.000,0.1\n"
           "2021,643,398,270900,200.000,8\n"
           "2021,999,398,270900,1.000,1\n");
  auto r = Ingest(ws, "baci", {baci});
  ASSERT_EQ(r.files[0].state, State::kTooManyIssues) << "1 bad row of 6 is above 5%";
  app::IngestTradeOptions o;
  o.workspace = ws.str();
  o.dataset = "baci";
  o.files = {baci};
  o.baci_countries = kBaciCodes;
  o.max_issue_ratio = 0.2;
  auto ok = app::IngestTrade(o, Countries());
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok->files[0].state, State::kStored) << ok->files[0].error;
  EXPECT_EQ(ok->files[0].stored, 5u);
  ASSERT_EQ(ok->files[0].sample_issues.size(), 1u);
  EXPECT_NE(ok->files[0].sample_issues[0].find(":7:"), std::string::npos) << ok->files[0].sample_issues[0];
  EXPECT_NE(ok->files[0].sample_issues[0].find("999"), std::string::npos);

  auto w = store::Workspace::Open(ws.str());
  ASSERT_TRUE(w.ok());
  auto t = measure::LoadTradeYear((*w)->db(), "baci", 2021, "KAZ");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  measure::PartnerIndicators p = measure::PairIndicators(*t, "KAZ", "CHN");
  EXPECT_DOUBLE_EQ(p.totals.exports, 550e3);
  EXPECT_DOUBLE_EQ(p.totals.imports, 400e3);  // China's exports to Kazakhstan
  EXPECT_EQ(p.standing->rank, 1);             // CHN 950k before RUS 200k
  EXPECT_NEAR(p.standing->share_pct, 100.0 * 950 / 1150, 1e-9);
  // 8504.40 both ways (50 and 100), the rest one way: 1 - (50 + 300 + 500) / 950.
  EXPECT_NEAR(*p.grubel_lloyd, 1.0 - 850.0 / 950.0, 1e-12);
  EXPECT_FALSE(p.mirror_exports);  // BACI: one figure, no mirror
  auto readings = measure::LoadTradeReadings((*w)->db(), "CHN", "KAZ");
  ASSERT_TRUE(readings.ok());
  ASSERT_EQ(readings->size(), 1u);
  EXPECT_EQ((*readings)[0].dataset, "baci");
  EXPECT_DOUBLE_EQ((*readings)[0].ab.totals.exports, 400e3);
  ASSERT_EQ((*readings)[0].files.size(), 1u);
  EXPECT_EQ((*readings)[0].files[0].path, baci);
}

TEST(IngestTrade, StoresWdiObservationsWithTheirLines) {
  TempWorkspace ws;
  auto r = Ingest(ws, "wdi", {kWdiLong, kWdiWide});
  ASSERT_EQ(r.files.size(), 2u);
  ASSERT_EQ(r.files[0].state, State::kStored) << r.files[0].error;
  ASSERT_EQ(r.files[1].state, State::kStored) << r.files[1].error;
  auto w = store::Workspace::Open(ws.str());
  auto gdp = store::LoadIndicatorSeries((*w)->db(), "NY.GDP.MKTP.CD", "KAZ");
  ASSERT_TRUE(gdp.ok());
  ASSERT_FALSE(gdp->empty());
  EXPECT_EQ(gdp->back().year, 2024);
  EXPECT_NEAR(gdp->back().value, 291480274648.826, 1e-3);
  EXPECT_EQ(gdp->back().path, kWdiLong);
  // The line holding it in the file.
  std::string text = ReadAll(kWdiLong);
  size_t at = text.find("KAZ,Kazakhstan,2024,GDP_CURRENT");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(gdp->back().line, 1 + static_cast<uint64_t>(std::count(text.begin(), text.begin() + at, '\n')));
  // The same observation from another file is reported, not stored twice.
  std::string again = (ws.dir() / "again.csv").string();
  WriteAll(again, "country_code,Country,year,indicator_name,series,value\n"
                  "KAZ,Kazakhstan,2024,GDP_CURRENT,NY.GDP.MKTP.CD,1\n");
  auto d = Ingest(ws, "wdi", {again});
  ASSERT_EQ(d.files[0].state, State::kStored) << d.files[0].error;
  EXPECT_EQ(d.files[0].stored, 0u);
  EXPECT_EQ(d.files[0].duplicates, 1u);
  ASSERT_EQ(d.files[0].sample_issues.size(), 1u);
  EXPECT_NE(d.files[0].sample_issues[0].find("already stored from wdi_macro_long_2005_2024.csv line"),
            std::string::npos)
      << d.files[0].sample_issues[0];
  gdp = store::LoadIndicatorSeries((*w)->db(), "NY.GDP.MKTP.CD", "KAZ");
  EXPECT_NEAR(gdp->back().value, 291480274648.826, 1e-3);
}

}  // namespace
}  // namespace bilat
