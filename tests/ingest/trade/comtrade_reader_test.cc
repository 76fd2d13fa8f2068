#include "ingest/trade/comtrade_reader.h"

#include <gtest/gtest.h>

#include "tests/ingest/trade/test_util.h"

namespace bilat::ingest {
namespace {

using testing_util::Countries;
using testing_util::Issues;
using testing_util::SharedTrade;
using testing_util::WriteTemp;

const char kLegacyHeader[] =
    "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,"
    "Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,"
    "2nd Partner Code,2nd Partner,2nd Partner ISO,Customs Proc. Code,Customs,"
    "Mode of Transport Code,Mode of Transport,Commodity Code,Commodity,Qty Unit Code,Qty Unit,"
    "Qty,Alt Qty Unit Code,Alt Qty Unit,Alt Qty,Netweight (kg),Gross weight (kg),"
    "Trade Value (US$),CIF Trade Value (US$),FOB Trade Value (US$),Flag\n";

// A legacy row: reporter 398/KAZ to partner 156/CHN, export unless `flow`.
std::string LegacyRow(const std::string& year, const std::string& product, const std::string& value,
                      const std::string& flow = "2",
                      const std::string& qty_unit = "Weight in kilograms",
                      const std::string& qty = "100",
                      const std::string& partner = "156,China,CHN") {
  return "H4," + year + "," + year + "," + year + ",6,1," + flow + ",Export,398,Kazakhstan,KAZ," +
         partner + ",,,,,,,," + product + ",\"Some, goods\",8," + qty_unit + "," + qty + ",,,,,," +
         value + ",,,0\n";
}

const char kApiHeader[] =
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,"
    "flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,"
    "classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,"
    "aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,"
    "qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,"
    "isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,"
    "legacyEstimationFlag,isReported,isAggregate\n";

std::string ApiRow(const std::string& freq, const std::string& year, const std::string& period,
                   const std::string& flow, const std::string& partner_code,
                   const std::string& partner_iso, const std::string& cmd, const std::string& value,
                   const std::string& mot = "0") {
  return "C," + freq + ",20230101," + year + ",52," + period + ",156,CHN,China," + flow +
         ",Export," + partner_code + "," + partner_iso + ",Partner,0,W00,World,H6,HS,True," + cmd +
         ",\"Goods, all\",6,True,C00,TOTAL CPC,0," + mot + ",TOTAL MOT,8,kg,2500,False,,,,,2500," +
         "False,,,," + value + "," + value + ",0,False,False\n";
}

TEST(ComtradeReader, ReadsLegacySample) {
  auto r =
      ReadComtradeCsv(SharedTrade("comtrade/comtrade_legacy_IDN_export_world_HS6_2014_2021.csv"),
                      "idn.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->layout, "comtrade-legacy");
  EXPECT_EQ(r->rows_read, 8706u);
  EXPECT_EQ(r->flows.size(), 8706u) << Issues(*r);
  EXPECT_TRUE(r->issues.empty()) << Issues(*r);
  // Line 3979: H4,2014,...,Indonesia,IDN,0,World,WLD,...,520100,Cotton; not
  // carded or combed,8,Weight in kilograms,1472211,...,1997232,,,0
  const TradeFlow* cotton = nullptr;
  for (const auto& f : r->flows) {
    if (f.line == 3979) cotton = &f;
  }
  ASSERT_NE(cotton, nullptr);
  EXPECT_EQ(cotton->year, 2014);
  EXPECT_EQ(cotton->period, "");
  EXPECT_EQ(cotton->reporter, "IDN");
  EXPECT_EQ(cotton->partner, "WLD");
  EXPECT_EQ(cotton->flow, TradeFlow::Flow::kExport);
  EXPECT_EQ(cotton->product, "520100");
  EXPECT_DOUBLE_EQ(cotton->value_usd, 1997232);
  ASSERT_TRUE(cotton->quantity.has_value());
  EXPECT_DOUBLE_EQ(*cotton->quantity, 1472211);
  EXPECT_EQ(cotton->quantity_unit, "Weight in kilograms");
  // First data row keeps the leading zero and has no quantity.
  EXPECT_EQ(r->flows[0].line, 2u);
  EXPECT_EQ(r->flows[0].product, "010129");
  EXPECT_FALSE(r->flows[0].quantity.has_value());
  EXPECT_EQ(r->flows.back().year, 2021);
}

TEST(ComtradeReader, ReadsApiLayout) {
  std::string path = WriteTemp(
      "api.csv", std::string(kApiHeader) +
                     ApiRow("A", "2022", "2022", "X", "398", "KAZ", "TOTAL", "8234000000.5") +
                     ApiRow("A", "2022", "2022", "M", "0", "W00", "270900", "12") +
                     ApiRow("M", "2022", "202203", "RX", "860", "UZB", "010121", "7"));
  auto r = ReadComtradeCsv(path, "api.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->layout, "comtrade-api");
  ASSERT_EQ(r->flows.size(), 3u) << Issues(*r);
  EXPECT_TRUE(r->issues.empty()) << Issues(*r);
  const TradeFlow& a = r->flows[0];
  EXPECT_EQ(a.reporter, "CHN");
  EXPECT_EQ(a.partner, "KAZ");
  EXPECT_EQ(a.flow, TradeFlow::Flow::kExport);
  EXPECT_EQ(a.product, "TOTAL");
  EXPECT_DOUBLE_EQ(a.value_usd, 8234000000.5);
  EXPECT_EQ(a.quantity_unit, "kg");
  EXPECT_EQ(a.line, 2u);
  EXPECT_EQ(r->flows[1].partner, "WLD");
  EXPECT_EQ(r->flows[1].flow, TradeFlow::Flow::kImport);
  EXPECT_EQ(r->flows[2].period, "202203");
  EXPECT_EQ(r->flows[2].flow, TradeFlow::Flow::kReExport);
  EXPECT_EQ(r->flows[2].product, "010121");
}

TEST(ComtradeReader, ReadsMinimalApiColumnsWithFlowDesc) {
  std::string path =
      WriteTemp("api_min.csv",
                "refYear,flowDesc,reporterISO,reporterDesc,partnerISO,partnerDesc,cmdCode,cmdDesc,"
                "primaryValue,qty,qtyUnitAbbr\n"
                "2023,Import,USA,United States,KAZ,Kazakhstan,8542,Circuits,600,0,N/A\n");
  auto r = ReadComtradeCsv(path, "api_min.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->flows.size(), 1u) << Issues(*r);
  EXPECT_EQ(r->flows[0].flow, TradeFlow::Flow::kImport);
  EXPECT_FALSE(r->flows[0].quantity.has_value());
}

TEST(ComtradeReader, RefusesUnknownLayoutNamingColumns) {
  std::string path = WriteTemp("odd.csv", "year,exporter,importer,value\n2020,KAZ,CHN,5\n");
  auto r = ReadComtradeCsv(path, "odd.csv", Countries());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("odd.csv:1: unknown UN Comtrade layout; columns found: year, exporter, "
                   "importer, value; layouts expected: comtrade-legacy (needs Year, Period"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("comtrade-api (needs refYear/period, flowCode/flowDesc"), std::string::npos)
      << m;
}

// Each bad-input kind: its message and line.
struct BadCase {
  std::string row;
  std::string message;
};
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.row; }

class ComtradeBadRow : public ::testing::TestWithParam<BadCase> {};

TEST_P(ComtradeBadRow, ReportsOnLineThreeAndKeepsGoodRows) {
  std::string text = std::string(kLegacyHeader) + LegacyRow("2020", "520100", "1000") +
                     GetParam().row + LegacyRow("2020", "520200", "5");
  auto r = ReadComtradeCsv(WriteTemp("bad.csv", text), "bad.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->issues.size(), 1u) << Issues(*r);
  EXPECT_EQ(r->issues[0].ToString(), GetParam().message);
  EXPECT_EQ(r->issues[0].line, 3u);
  EXPECT_EQ(r->rows_read, 3u);
  EXPECT_GE(r->flows.size(), 2u);
  EXPECT_EQ(r->flows.back().line, 4u);
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, ComtradeBadRow,
    ::testing::Values(
        BadCase{LegacyRow("2020", "520300", "-40"),
                "bad.csv:3: negative trade value -40; row skipped (trade values are never negative; correct the "
                "value where the file came from)"},
        BadCase{LegacyRow("20200", "520300", "40"),
                "bad.csv:3: impossible year '20200'; row skipped (expected a year between 1900 "
                "and 2100)"},
        BadCase{LegacyRow("2020", "520300", "1.5.2"),
                "bad.csv:3: malformed trade value '1.5.2'; row skipped (expected a number of US "
                "dollars, without thousands separators)"},
        BadCase{LegacyRow("2020", "520300", "abc"),
                "bad.csv:3: malformed trade value 'abc'; row skipped (expected a number of US "
                "dollars, without thousands separators)"},
        BadCase{LegacyRow("2020", "520100", "7"),
                "bad.csv:3: duplicate row: same reporter, partner, flow, product, year and period "
                "as line 2; row skipped (remove one of the two rows, or load them from separate "
                "files)"},
        BadCase{LegacyRow("2020", "520100", "7", "2", "Number of items", "3", "860,Uzbekistan,UZB"),
                "bad.csv:3: mixed quantity units for KAZ product 520100 in 2020: 'Number of "
                "items' here, 'Weight in kilograms' at line 2; row kept (quantities in different "
                "units cannot be added)"},
        BadCase{
            LegacyRow("2020", "520300", "7", "2", "Weight in kilograms", "100", "999,Atlantis,ATL"),
            "bad.csv:3: unknown partner code '999' (ISO 'ATL') 'Atlantis'; row skipped (only "
            "countries with an ISO 3166-1 code, and the world (0), are loaded)"},
        BadCase{LegacyRow("2020", "520300", "7", "9"),
                "bad.csv:3: flow '9' is not export, import, re-export or re-import; row skipped "
                "(legacy Trade Flow Code is 1 import, 2 export, 3 re-export, 4 re-import)"},
        BadCase{LegacyRow("2020", "20300", "7"),
                "bad.csv:3: commodity code '20300' has an odd number of digits; read as '020300'; "
                "row kept (a spreadsheet probably dropped the leading zero: keep HS codes as "
                "text)"},
        BadCase{LegacyRow("2020", "520300", "7", "2", "Weight in kilograms", "-1"),
                "bad.csv:3: negative quantity -1; row kept without quantity"}));

TEST(ComtradeReader, ReportsBreakdownRowsAndPeriodOutsideYear) {
  std::string path = WriteTemp(
      "api_bad.csv", std::string(kApiHeader) +
                         ApiRow("A", "2022", "2022", "X", "398", "KAZ", "TOTAL", "1", "1000") +
                         ApiRow("M", "2022", "202303", "X", "398", "KAZ", "TOTAL", "1") +
                         ApiRow("A", "2022", "2022", "DX", "398", "KAZ", "TOTAL", "1"));
  auto r = ReadComtradeCsv(path, "api_bad.csv", Countries());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->issues.size(), 3u) << Issues(*r);
  EXPECT_EQ(r->issues[0].ToString(),
            "api_bad.csv:2: row is a breakdown by motCode '1000'; row skipped (download totals: "
            "second partner World (0), customs C00, all modes of transport (0))");
  EXPECT_EQ(r->issues[1].ToString(),
            "api_bad.csv:3: period '202303' is not in year 2022; row skipped");
  EXPECT_EQ(r->issues[2].line, 4u);
  EXPECT_EQ(r->issues[2].field, "flowCode");
  EXPECT_TRUE(r->flows.empty());
}

TEST(ComtradeReader, CountsLinesAcrossQuotedNewlinesAndCrlf) {
  std::string text = std::string(kLegacyHeader) + LegacyRow("2020", "520100", "1");
  text +=
      "H4,2020,2020,2020,6,1,2,Export,398,Kazakhstan,KAZ,156,China,CHN,,,,,,,,520200,"
      "\"two\r\nlines\",8,kg,1,,,,,,1,,,0\r\n";
  text += LegacyRow("2020", "520300", "-1");
  auto r = ReadComtradeCsv(WriteTemp("nl.csv", text), "nl.csv", Countries());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->flows.size(), 2u);
  EXPECT_EQ(r->flows[1].line, 3u);
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_EQ(r->issues[0].line, 5u);
}

TEST(ComtradeReader, UnclosedQuoteIsErrorWithLine) {
  std::string text = std::string(kLegacyHeader) + LegacyRow("2020", "520100", "1") +
                     "H4,2020,\"2020,2020\n";
  auto r = ReadComtradeCsv(WriteTemp("q.csv", text), "q.csv", Countries());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "q.csv:3: a quoted cell is never closed (add the closing double quote)");
}

TEST(ComtradeReader, MissingFileIsIoError) {
  auto r = ReadComtradeCsv("/nonexistent/x.csv", "x.csv", Countries());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
}

TEST(ComtradeReader, ALineCutShortIsSkippedNotReadAsAValue) {
  // The sample's header and first row, the second row cut inside its value.
  std::string text = testing_util::ReadFile(SharedTrade("comtrade/comtrade_legacy_IDN_export_world_HS6_2014_2021.csv"));
  size_t l2 = text.find('\n') + 1, l3 = text.find('\n', l2) + 1, l4 = text.find('\n', l3) + 1;
  std::string row3 = text.substr(l3, l4 - l3);
  std::string cut = text.substr(0, l3) + row3.substr(0, row3.rfind(",2750,") + 3);  // "...,27"
  auto r = ReadComtradeCsv(WriteTemp("cut.csv", cut), "cut.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->flows.size(), 1u);
  ASSERT_EQ(r->issues.size(), 1u) << Issues(*r);
  EXPECT_NE(r->issues[0].ToString().find("cut.csv:3: 32 fields where the header has 35; row skipped"), std::string::npos)
      << r->issues[0].ToString();
}

}  // namespace
}  // namespace bilat::ingest
