#include "ingest/trade/wdi_reader.h"

#include <gtest/gtest.h>

#include "tests/ingest/trade/test_util.h"

namespace bilat::ingest {
namespace {

using testing_util::Countries;
using testing_util::Issues;
using testing_util::SharedTrade;
using testing_util::WriteTemp;

const IndicatorObservation* FindObs(const IndicatorLoadResult& r, const std::string& country,
                                    int year) {
  for (const auto& o : r.observations) {
    if (o.country == country && o.year == year) return &o;
  }
  return nullptr;
}

TEST(WdiReader, ReadsWideBulkSample) {
  auto r = ReadWdiCsv(SharedTrade("wdi/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_10181232.csv"), "gdppc.csv",
                      Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->layout, "wdi-wide");
  EXPECT_EQ(r->rows_read, 264u);
  EXPECT_EQ(r->observations.size(), 11774u);
  EXPECT_TRUE(r->issues.empty()) << Issues(*r);
  // Line 124: "Kazakhstan","KAZ","GDP per capita (current
  // US$)","NY.GDP.PCAP.CD",...,"8837.45730230661",
  const IndicatorObservation* kaz = FindObs(*r, "KAZ", 2017);
  ASSERT_NE(kaz, nullptr);
  EXPECT_EQ(kaz->series, "NY.GDP.PCAP.CD");
  EXPECT_DOUBLE_EQ(kaz->value, 8837.45730230661);
  EXPECT_EQ(kaz->line, 124u);
  EXPECT_TRUE(kaz->is_country);
  const IndicatorObservation* wld = FindObs(*r, "WLD", 2017);
  ASSERT_NE(wld, nullptr);
  EXPECT_DOUBLE_EQ(wld->value, 10714.4659540052);
  EXPECT_FALSE(wld->is_country);
  const IndicatorObservation* eas = FindObs(*r, "EAS", 2017);
  ASSERT_NE(eas, nullptr);
  EXPECT_FALSE(eas->is_country);
  const IndicatorObservation* xkx = FindObs(*r, "XKX", 2017);
  ASSERT_NE(xkx, nullptr);
  EXPECT_TRUE(xkx->is_country);
}

TEST(WdiReader, ReadsLongSample) {
  auto r = ReadWdiCsv(SharedTrade("wdi/wdi_macro_long_2005_2024.csv"), "macro.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->layout, "wdi-long");
  EXPECT_EQ(r->rows_read, 4900u);
  EXPECT_EQ(r->observations.size(), 4257u);  // 643 empty values are missing, not issues
  EXPECT_TRUE(r->issues.empty()) << Issues(*r);
  // Line 1927: KAZ,Kazakhstan,2010,GDP_CURRENT,NY.GDP.MKTP.CD,148047348240.643
  const IndicatorObservation* kaz = nullptr;
  for (const auto& o : r->observations) {
    if (o.line == 1927) kaz = &o;
  }
  ASSERT_NE(kaz, nullptr);
  EXPECT_EQ(kaz->country, "KAZ");
  EXPECT_EQ(kaz->year, 2010);
  EXPECT_EQ(kaz->series, "NY.GDP.MKTP.CD");
  EXPECT_DOUBLE_EQ(kaz->value, 148047348240.643);
  EXPECT_TRUE(kaz->is_country);
}

TEST(WdiReader, ReportsBadLongRowsByLine) {
  std::string path = WriteTemp("long_bad.csv",
                               "country_code,Country,year,indicator_name,series,value\n"
                               "KAZ,Kazakhstan,2010,GDP,NY.GDP.MKTP.CD,1.5e11\n"
                               "KAZ,Kazakhstan,2010,GDP,NY.GDP.MKTP.CD,1.6e11\n"
                               "KAZ,Kazakhstan,3010,GDP,NY.GDP.MKTP.CD,1\n"
                               "KAZ,Kazakhstan,2011,GDP,NY.GDP.MKTP.CD,1.2.3\n"
                               "KAZ,Kazakhstan,2012,GROWTH,NY.GDP.MKTP.KD.ZG,-2.5\n"
                               "EAS,East Asia,2012,GROWTH,NY.GDP.MKTP.KD.ZG,..\n");
  auto r = ReadWdiCsv(path, "long_bad.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->issues.size(), 3u) << Issues(*r);
  EXPECT_EQ(r->issues[0].ToString(),
            "long_bad.csv:3: duplicate observation: KAZ NY.GDP.MKTP.CD 2010 already given at line "
            "2; value skipped");
  EXPECT_EQ(r->issues[1].ToString(),
            "long_bad.csv:4: impossible year '3010'; row skipped (expected a year between 1900 "
            "and 2100)");
  EXPECT_EQ(r->issues[2].ToString(),
            "long_bad.csv:5: malformed number '1.2.3' for KAZ NY.GDP.MKTP.CD 2011; value skipped");
  ASSERT_EQ(r->observations.size(), 2u);
  EXPECT_DOUBLE_EQ(r->observations[1].value, -2.5);  // negative growth is fine
}

TEST(WdiReader, ReportsBadWideCellsByLine) {
  std::string path = WriteTemp(
      "wide_bad.csv",
      "\xEF\xBB\xBF\"Data Source\",\"World Development Indicators\",\n\n"
      "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2016\",\"2017\",\n"
      "\"Kazakhstan\",\"KAZ\",\"GDP\",\"NY.GDP.MKTP.CD\",\"1\",\"n/a\",\n"
      "\"World\",\"WLD\",\"GDP\",\"NY.GDP.MKTP.CD\",\"3\",\"\",\n");
  auto r = ReadWdiCsv(path, "wide_bad.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->layout, "wdi-wide");
  ASSERT_EQ(r->issues.size(), 1u) << Issues(*r);
  EXPECT_EQ(r->issues[0].ToString(),
            "wide_bad.csv:4: malformed number 'n/a' for KAZ NY.GDP.MKTP.CD 2017; value skipped");
  EXPECT_EQ(r->issues[0].field, "2017");
  ASSERT_EQ(r->observations.size(), 2u);
  EXPECT_EQ(r->observations[1].line, 5u);
}

TEST(WdiReader, ReadsWbgapiDataFrames) {
  // The shared SP.POP.TOTL_2020.csv: "economy,SP.POP.TOTL,SP.POP.TOTL:T".
  auto r = ReadWdiCsv(SharedTrade("wdi/SP.POP.TOTL_2020.csv"), "pop.csv", Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->layout, "wdi-api");
  EXPECT_EQ(r->rows_read, 265u);
  EXPECT_TRUE(r->issues.empty()) << Issues(*r);
  // Line 121: KAZ,18754440.0,2020
  const IndicatorObservation* kaz = FindObs(*r, "KAZ", 2020);
  ASSERT_NE(kaz, nullptr);
  EXPECT_EQ(kaz->series, "SP.POP.TOTL");
  EXPECT_DOUBLE_EQ(kaz->value, 18754440.0);
  EXPECT_EQ(kaz->line, 121u);
  EXPECT_TRUE(kaz->is_country);
  EXPECT_FALSE(FindObs(*r, "WLD", 2020)->is_country);
  // wbgapi's "YR2020" years, a bad year and an empty value.
  std::string path = WriteTemp("wb.csv", "economy,NY.GDP.MKTP.CD,NY.GDP.MKTP.CD:T\nKAZ,5,YR2019\nCHN,,2019\n"
                                         "UZB,7,19\n");
  auto w = ReadWdiCsv(path, "wb.csv", Countries());
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  ASSERT_EQ(w->observations.size(), 1u);
  EXPECT_EQ(w->observations[0].year, 2019);
  ASSERT_EQ(w->issues.size(), 1u);
  EXPECT_EQ(w->issues[0].ToString(), "wb.csv:4: impossible year '19'; value skipped");
}

TEST(WdiReader, RefusesUnknownLayoutNamingColumns) {
  std::string path = WriteTemp("wdi_odd.csv", "iso_code,indicator,date,value\nKAZ,GDP (current US$),01/01/2019,1\n");
  auto r = ReadWdiCsv(path, "wdi_odd.csv", Countries());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "wdi_odd.csv:1: unknown WDI layout; columns found: iso_code, indicator, date, value; layouts "
            "expected: wdi-wide (Country Name, Country Code, Indicator Name, Indicator Code, 1960, 1961, ...), "
            "wdi-long (country_code, Country, year, indicator_name, series, value), wdi-api (economy, SERIES, "
            "SERIES:T, ... as the World Bank's wbgapi writes it)");
}

}  // namespace
}  // namespace bilat::ingest
