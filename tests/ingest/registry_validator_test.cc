#include "ingest/registry/registry_validator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>

namespace bilat::ingest {
namespace {

namespace fs = std::filesystem;

const CountryRegistry& Countries() {
  static const std::shared_ptr<const CountryRegistry> reg = [] {
    auto r = CountryRegistry::LoadDefault();
    if (!r.ok()) {
      ADD_FAILURE() << r.status().ToString();
      std::abort();
    }
    return *r;
  }();
  return *reg;
}

size_t KindIndex(std::string_view name) {
  const auto kinds = RegistryKinds();
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (kinds[i].name == name) return i;
  }
  ADD_FAILURE() << "no kind " << name;
  return 0;
}

std::vector<std::string> IssueStrings(const RegistryBatch& batch) {
  std::vector<std::string> out;
  for (const RegistryIssue& i : batch.issues) out.push_back(i.ToString());
  return out;
}

bool Contains(const std::vector<const KindSpec*>& kinds, std::string_view name) {
  return std::any_of(kinds.begin(), kinds.end(),
                     [&](const KindSpec* k) { return k->name == name; });
}

using Strings = std::vector<std::string>;

// A registry folder under the system temp dir, removed at the end of the test.
class TempRegistry {
 public:
  TempRegistry() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() / ("bilat_registry_test_" + std::to_string(::getpid()) +
                                        "_" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~TempRegistry() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  TempRegistry& Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return *this;
  }
  // One source, "src-1", for fact files to cite.
  TempRegistry& WithSources() {
    return Write("sources.csv",
                 "id,title,publisher,url,published\n"
                 "src-1,Joint statement,MFA,https://example.org/a,2019-09-11\n");
  }
  // Validates with "reg" as the folder name shown in issues.
  RegistryBatch Validate(const std::string& display_dir = "reg") const {
    return ValidateRegistryDir(dir_.string(), display_dir, Countries());
  }

 private:
  fs::path dir_;
};

// exchanges.csv with the header below and one data row (line 2). Cells
// start at columns: id 1, date 6, kind 17, from 29, to 33, leader 37,
// source_id 48, locator 54 (for the default cells).
const char kExchangesHeader[] = "id,date,kind,from,to,leader,source_id,locator\n";
std::string ExchangeRow(std::string date = "2013-09-07", std::string kind = "state_visit",
                        std::string to = "KAZ", std::string source = "src-1") {
  return "ex-1," + date + "," + kind + ",CHN," + to + ",Xi Jinping," + source + ",p. 1\n";
}

// Validates a folder holding sources.csv and exchanges.csv with one row.
RegistryBatch ValidateExchangeRow(const std::string& row) {
  TempRegistry reg;
  reg.WithSources().Write("exchanges.csv", kExchangesHeader + row);
  return reg.Validate();
}

// ---------------------------------------------------------------------------
// The static valid fixture: tests/data/registry/valid/

class ValidFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    batch_ = new RegistryBatch(ValidateRegistryDir(
        std::string(BILAT_SOURCE_DIR) + "/tests/data/registry/valid", "valid", Countries()));
  }
  static void TearDownTestSuite() {
    delete batch_;
    batch_ = nullptr;
  }
  static const std::vector<Record>& Of(std::string_view kind) {
    return batch_->records[KindIndex(kind)];
  }
  static RegistryBatch* batch_;
};
RegistryBatch* ValidFixture::batch_ = nullptr;

TEST_F(ValidFixture, HasNoIssues) {
  EXPECT_EQ(IssueStrings(*batch_), Strings{});
  EXPECT_EQ(batch_->rows_read, 9);
  EXPECT_EQ(batch_->rows_rejected, 0);
  EXPECT_TRUE(batch_->files_failed.empty());
}

TEST_F(ValidFixture, ListsThePresentFilesInSchemaOrder) {
  std::vector<std::string> names;
  for (const KindSpec* k : batch_->files_present) names.emplace_back(k->name);
  EXPECT_EQ(names, (Strings{"sources", "exchanges", "agreements", "projects", "trade"}));
  ASSERT_EQ(batch_->records.size(), RegistryKinds().size());
  EXPECT_TRUE(Of("people").empty());
}

TEST_F(ValidFixture, ResolvesCountryAliasesToAlpha3) {
  const auto& ex = Of("exchanges");
  ASSERT_EQ(ex.size(), 3u);
  EXPECT_EQ(ex[0].Text("to"), "KAZ");    // written "Kazakh"
  EXPECT_EQ(ex[1].Text("from"), "KAZ");  // written "Kazakhstan"
  EXPECT_EQ(ex[1].Text("to"), "CHN");    // written "PRC"
  EXPECT_EQ(ex[2].Text("to"), "KAZ");    // written "KZ"
}

TEST_F(ValidFixture, RecordsRememberTheirFileAndLine) {
  const auto& ex = Of("exchanges");
  ASSERT_EQ(ex.size(), 3u);
  EXPECT_EQ(ex[0].Origin(), "exchanges.csv:4");  // after two comment lines
  EXPECT_EQ(ex[1].Origin(), "exchanges.csv:5");
  EXPECT_EQ(ex[2].Origin(), "exchanges.csv:7");  // after a blank line
  EXPECT_EQ(Of("sources")[1].Origin(), "sources.csv:3");
}

TEST_F(ValidFixture, KeepsDatesAtTheirPrecisionAndFillsDefaults) {
  const auto& ex = Of("exchanges");
  ASSERT_EQ(ex.size(), 3u);
  EXPECT_EQ(ex[0].Text("date"), "2013-09-07");
  EXPECT_EQ(ex[1].Text("date"), "2019-09");
  EXPECT_EQ(ex[0].Text("status"), "actual");  // blank -> default
  EXPECT_EQ(ex[2].Text("status"), "planned");
  EXPECT_EQ(ex[2].Text("note"), "planned, per the statement");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(ex[0].values[ex[0].ColumnIndex("note")]));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(ex[0].values[ex[0].ColumnIndex("occasion")]));
}

TEST_F(ValidFixture, CountryListsAreResolvedAndDeduplicated) {
  const auto& ag = Of("agreements");
  ASSERT_EQ(ag.size(), 1u);
  EXPECT_EQ(ag[0].Text("parties"), "CHN;KAZ");  // written "CHN;Kazakh;China"
  EXPECT_EQ(ag[0].Text("status"), "signed");
}

TEST_F(ValidFixture, MoneyIsStoredInUnitsWithItsScale) {
  const auto& tr = Of("trade");
  ASSERT_EQ(tr.size(), 2u);
  EXPECT_DOUBLE_EQ(*tr[0].Number("value"), 31.17e9);
  EXPECT_EQ(tr[0].Text("scale"), "billions");
  EXPECT_EQ(tr[0].Text("currency"), "USD");
  EXPECT_DOUBLE_EQ(*tr[1].Number("value"), 41.03e9);
  EXPECT_EQ(tr[1].Text("scale"), "millions");
  EXPECT_EQ(tr[0].Int("year"), 2022);
  EXPECT_DOUBLE_EQ(*tr[0].Number("stated_growth_pct"), 34.1);
  EXPECT_EQ(tr[1].Number("stated_growth_pct"), std::nullopt);
  EXPECT_EQ(tr[0].Text("value_qualifier"), "exact");
}

TEST_F(ValidFixture, KeepsCountsAndQualifiers) {
  const auto& pr = Of("projects");
  ASSERT_EQ(pr.size(), 1u);
  EXPECT_EQ(pr[0].Int("count"), 55);
  EXPECT_EQ(pr[0].Text("value_qualifier"), "at_least");
  EXPECT_DOUBLE_EQ(*pr[0].Number("value"), 27.4e9);
  EXPECT_EQ(pr[0].Text("as_of"), "2023");
  EXPECT_EQ(pr[0].Text("kind"), "investment");
  EXPECT_EQ(pr[0].Text("status"), "unknown");
}

TEST_F(ValidFixture, SourcesKeepQuotedCommas) {
  const auto& src = Of("sources");
  ASSERT_EQ(src.size(), 2u);
  EXPECT_EQ(src[1].Text("title"), "China\xE2\x80\x93Kazakhstan trade, 2022\xE2\x80\x93" "2023");
  EXPECT_EQ(src[1].Text("citation"), "Statistical yearbook 2024, table 3");
  EXPECT_EQ(src[1].Text("published"), "2024");
}

// ---------------------------------------------------------------------------
// One test per error kind, pinning the message, line and column.

TEST(RegistryValidator, ReportsUnknownCountryWithSuggestion) {
  RegistryBatch b = ValidateExchangeRow(ExchangeRow("2013-09-07", "state_visit", "Kazakhstn"));
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:2:33: column 'to': unknown country "
                                     "'Kazakhstn' (did you mean Kazakhstan, KAZ?)"});
  EXPECT_EQ(b.rows_rejected, 1);
  EXPECT_TRUE(b.records[KindIndex("exchanges")].empty());
}

TEST(RegistryValidator, ReportsUnknownCountryInList) {
  TempRegistry reg;
  reg.WithSources().Write("agreements.csv",
                          "id,date,kind,parties,title,source_id,locator\n"
                          "ag-1,2019-09-11,agreement,CHN;Kazakhstn,Visa waiver,src-1,p. 2\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/agreements.csv:2:27: column 'parties': unknown country 'Kazakhstn' "
                    "(did you mean Kazakhstan, KAZ?) (separate countries with ';')"});
}

TEST(RegistryValidator, ReportsCountryListNamingNoCountry) {
  TempRegistry reg;
  reg.WithSources().Write("agreements.csv",
                          "id,date,kind,parties,title,source_id,locator\n"
                          "ag-1,2019-09-11,agreement,; ;,Visa waiver,src-1,p. 2\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/agreements.csv:2:27: column 'parties' names no country"});
}

TEST(RegistryValidator, ReportsBadDateForm) {
  RegistryBatch b = ValidateExchangeRow(ExchangeRow("2013/09/07"));
  EXPECT_EQ(IssueStrings(b),
            Strings{"reg/exchanges.csv:2:6: column 'date': '2013/09/07' is not a date "
                    "(write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2013-09-07)"});
}

TEST(RegistryValidator, ReportsImpossibleDate) {
  RegistryBatch b = ValidateExchangeRow(ExchangeRow("2023-02-30"));
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:2:6: column 'date': '2023-02-30': "
                                     "February 2023 has 28 days, not 30"});
}

TEST(RegistryValidator, ReportsMonthThirteen) {
  RegistryBatch b = ValidateExchangeRow(ExchangeRow("2013-13"));
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:2:6: column 'date': '2013-13': "
                                     "month 13 is not between 1 and 12"});
}

const char kTradeHeader[] = "id,year,partner_a,partner_b,flow,value,source_id,locator\n";

TEST(RegistryValidator, ReportsDecimalCommaWithHint) {
  TempRegistry reg;
  reg.WithSources().Write("trade.csv", std::string(kTradeHeader) +
                                           "tr-1,2023,CHN,KAZ,total,\"21,43\",src-1,t. 3\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/trade.csv:2:25: malformed number '21,43' in column 'value' (a comma is "
                    "not allowed in numbers: write 21.43 rather than 21,43 and 19863 rather "
                    "than 19,863)"});
}

TEST(RegistryValidator, ReportsNumberWithUnitWithHint) {
  TempRegistry reg;
  reg.WithSources().Write("trade.csv",
                          std::string(kTradeHeader) + "tr-1,2023,CHN,KAZ,total,$21.4,src-1,t. 3\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/trade.csv:2:25: malformed number '$21.4' in column 'value' (write the "
                    "bare number; the unit belongs in its own column)"});
}

TEST(RegistryValidator, ReportsMalformedNumberWithGeneralHint) {
  TempRegistry reg;
  reg.WithSources().Write("trade.csv", std::string(kTradeHeader) +
                                           "tr-1,2023,CHN,KAZ,total,21.4bn,src-1,t. 3\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/trade.csv:2:25: malformed number '21.4bn' in column 'value' (write "
                    "digits with '.' for decimals and no thousands separators, e.g. 27400.5)"});
}

TEST(RegistryValidator, ReportsYearOutOfRange) {
  TempRegistry reg;
  reg.WithSources().Write("trade.csv",
                          std::string(kTradeHeader) + "tr-1,23,CHN,KAZ,total,21.4,src-1,t. 3\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/trade.csv:2:6: column 'year': '23' is not a year between 1900 and 2100"});
}

TEST(RegistryValidator, ReportsNegativeTradeAmount) {
  TempRegistry reg;
  reg.WithSources().Write("trade.csv",
                          std::string(kTradeHeader) + "tr-1,2023,CHN,KAZ,total,-5,src-1,t. 3\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/trade.csv:2:25: column 'value': negative amount -5 (amounts of trade, "
                    "projects and finance are never negative)"});
}

TEST(RegistryValidator, ReportsPercentOutOfRange) {
  TempRegistry reg;
  reg.WithSources().Write(
      "trade.csv",
      "id,year,partner_a,partner_b,flow,value,stated_growth_pct,source_id,locator\n"
      "tr-1,2023,CHN,KAZ,total,21.4,2360,src-1,t. 3\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/trade.csv:2:30: column 'stated_growth_pct': 2360% is out of range "
                    "(percentages are written as 23.6, not 0.236)"});
}

TEST(RegistryValidator, ReportsBadCurrencyAndScale) {
  TempRegistry reg;
  reg.WithSources().Write(
      "trade.csv",
      "id,year,partner_a,partner_b,flow,value,currency,scale,source_id,locator\n"
      "tr-1,2023,CHN,KAZ,total,21.4,usd,billion,src-1,t. 3\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            (Strings{"reg/trade.csv:2:30: column 'currency': 'usd' is not an ISO 4217 currency "
                     "code (e.g. USD, CNY, KZT)",
                     "reg/trade.csv:2:34: column 'scale': 'billion' is not a scale (use units, "
                     "thousands, millions or billions)"}));
  EXPECT_EQ(reg.Validate().rows_rejected, 1);  // two issues, one row
}

TEST(RegistryValidator, ReportsMissingSource) {
  RegistryBatch b = ValidateExchangeRow(ExchangeRow("2013-09-07", "state_visit", "KAZ", ""));
  EXPECT_EQ(IssueStrings(b),
            Strings{"reg/exchanges.csv:2:48: missing source (column 'source_id' is empty) "
                    "(every row must cite a source listed in sources.csv)"});
}

TEST(RegistryValidator, ReportsSourceNotInSourcesCsv) {
  RegistryBatch b = ValidateExchangeRow(ExchangeRow("2013-09-07", "state_visit", "KAZ", "src-9"));
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:2:48: source 'src-9' is not in "
                                     "sources.csv (add it to sources.csv, or fix the id)"});
}

TEST(RegistryValidator, ReportsEveryCitationWhenSourcesCsvIsMissing) {
  TempRegistry reg;
  reg.Write("exchanges.csv", kExchangesHeader + ExchangeRow());
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/exchanges.csv:2:48: source 'src-1' is not in sources.csv (sources.csv "
                    "is missing or has no valid rows)"});
}

TEST(RegistryValidator, InvalidSourceRowCannotBeCited) {
  TempRegistry reg;
  reg.Write("sources.csv",
            "id,title,publisher,url,published\n"
            "src-1,Joint statement,MFA,https://example.org/a,2019-02-30\n")
      .Write("exchanges.csv", kExchangesHeader + ExchangeRow());
  EXPECT_EQ(IssueStrings(reg.Validate()),
            (Strings{"reg/sources.csv:2:49: column 'published': '2019-02-30': February 2019 "
                     "has 28 days, not 30",
                     "reg/exchanges.csv:2:48: source 'src-1' is not stored: its row on line 2 of "
                     "reg/sources.csv has problems, listed above (fix them)"}));
}

TEST(RegistryValidator, ReportsSourceWithoutUrlOrCitation) {
  TempRegistry reg;
  reg.Write("sources.csv",
            "id,title,publisher,url,citation,published\n"
            "src-1,Joint statement,MFA,,,2019-09-11\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/sources.csv:2:1: source has neither url nor citation (give the URL, or "
                    "a citation for a printed source)"});
}

TEST(RegistryValidator, ReportsDuplicateIdWithFirstLine) {
  RegistryBatch b = ValidateExchangeRow(ExchangeRow() + "# a comment line\n" + ExchangeRow());
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:4:1: duplicate id 'ex-1' (first used on "
                                     "line 2; ids must be unique within the file)"});
  EXPECT_EQ(b.records[KindIndex("exchanges")].size(), 1u);  // the first is kept
  EXPECT_EQ(b.rows_rejected, 1);
}

TEST(RegistryValidator, ReportsInvalidId) {
  RegistryBatch b = ValidateExchangeRow("Ex 1,2013-09-07,state_visit,CHN,KAZ,Xi,src-1,p. 1\n");
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:2:1: id 'Ex 1' is not a valid id (use "
                                     "1-64 characters from a-z, 0-9, '-', '_' and '.')"});
}

TEST(RegistryValidator, ReportsIdLongerThan64Characters) {
  const std::string id(65, 'a');
  RegistryBatch b = ValidateExchangeRow(id + ",2013-09-07,state_visit,CHN,KAZ,Xi,src-1,p. 1\n");
  ASSERT_EQ(b.issues.size(), 1u);
  EXPECT_EQ(b.issues[0].message, "id '" + id + "' is not a valid id");
  // 64 characters are fine.
  EXPECT_TRUE(ValidateExchangeRow(std::string(64, 'a') +
                                  ",2013-09-07,state_visit,CHN,KAZ,Xi,src-1,p. 1\n")
                  .issues.empty());
}

TEST(RegistryValidator, ReportsUnknownColumnAndTheMissingOneItReplaces) {
  TempRegistry reg;
  reg.WithSources().Write("exchanges.csv",
                          "id,date,kind,from,to,leeder,source_id,locator\n" + ExchangeRow());
  RegistryBatch b = reg.Validate();
  EXPECT_EQ(IssueStrings(b),
            (Strings{"reg/exchanges.csv:1:22: unknown column 'leeder' (columns of exchanges.csv "
                     "are: id, date, kind, from, to, location, leader, role, counterpart, "
                     "occasion, status, source_id, locator, note)",
                     "reg/exchanges.csv:1:1: required column 'leader' is missing (add it to the "
                     "header; see docs/formats/registry.md)"}));
  // A file with a bad header is read no further, and marked failed so that
  // its stored rows are kept.
  EXPECT_EQ(b.rows_read, 1);  // the source row only
  EXPECT_TRUE(Contains(b.files_present, "exchanges"));
  EXPECT_TRUE(Contains(b.files_failed, "exchanges"));
  EXPECT_FALSE(Contains(b.files_failed, "sources"));
}

TEST(RegistryValidator, ReportsMissingRequiredColumn) {
  TempRegistry reg;
  reg.WithSources().Write("exchanges.csv",
                          "# exchanges\nid,date,kind,from,to,leader,source_id\n"
                          "ex-1,2013-09-07,state_visit,CHN,KAZ,Xi Jinping,src-1\n");
  RegistryBatch b = reg.Validate();
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:2:1: required column 'locator' is "
                                     "missing (add it to the header; see "
                                     "docs/formats/registry.md)"});
  EXPECT_TRUE(Contains(b.files_failed, "exchanges"));
}

// Regression: the BOM shifts line-1 columns by one (fixed).
TEST(RegistryValidator, HeaderIssueInFileWithByteOrderMarkPointsAtTheCell) {
  TempRegistry reg;
  reg.WithSources().Write("exchanges.csv",
                          "\xEF\xBB\xBFid,date,kind,from,to,leeder,leader,source_id,locator\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/exchanges.csv:1:22: unknown column 'leeder' (columns of exchanges.csv "
                    "are: id, date, kind, from, to, location, leader, role, counterpart, "
                    "occasion, status, source_id, locator, note)"});
}

TEST(RegistryValidator, ReportsColumnThatAppearsTwice) {
  TempRegistry reg;
  reg.WithSources().Write("exchanges.csv",
                          "id,date,kind,from,to,leader,source_id,locator,date\n" + ExchangeRow());
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/exchanges.csv:1:47: column 'date' appears twice"});
}

TEST(RegistryValidator, ReportsMissingRequiredValue) {
  RegistryBatch b =
      ValidateExchangeRow("ex-1,2013-09-07,state_visit,CHN,KAZ,,src-1,p. 1\n");
  EXPECT_EQ(IssueStrings(b),
            Strings{"reg/exchanges.csv:2:37: missing value for required column 'leader' (fill "
                    "in the cell; see docs/formats/registry.md)"});
}

TEST(RegistryValidator, ShortRowReportsTheAbsentRequiredCells) {
  RegistryBatch b = ValidateExchangeRow("ex-1,2013-09-07,state_visit,CHN,KAZ,Xi,src-1\n");
  EXPECT_EQ(IssueStrings(b),
            Strings{"reg/exchanges.csv:2:1: missing value for required column 'locator' (fill "
                    "in the cell; see docs/formats/registry.md)"});
}

TEST(RegistryValidator, ReportsUnknownEnumValueWithChoices) {
  RegistryBatch b = ValidateExchangeRow(ExchangeRow("2013-09-07", "state-visit"));
  EXPECT_EQ(IssueStrings(b),
            Strings{"reg/exchanges.csv:2:17: column 'kind': 'state-visit' is not a known value "
                    "(use one of: state_visit, official_visit, working_visit, visit, meeting, "
                    "summit, phone_call, video_call)"});
}

TEST(RegistryValidator, ReportsRowWithTooManyCells) {
  // An unquoted comma in the leader's name splits the cell in two.
  RegistryBatch b =
      ValidateExchangeRow("ex-1,2013-09-07,state_visit,CHN,KAZ,Xi, Jinping,src-1,p. 1\n");
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:2:55: row has 9 cells but the header "
                                     "has 8 (quote cells that contain commas)"});
  EXPECT_EQ(b.rows_rejected, 1);
}

TEST(RegistryValidator, ReportsMisnamedRegistryFileWithGuess) {
  TempRegistry reg;
  reg.WithSources().Write("exchange.csv", kExchangesHeader + ExchangeRow());
  RegistryBatch b = reg.Validate();
  EXPECT_EQ(IssueStrings(b),
            Strings{"reg/exchange.csv: not a registry file name (did you mean exchanges.csv?)"});
  EXPECT_FALSE(Contains(b.files_present, "exchanges"));
}

TEST(RegistryValidator, ReportsUnrelatedCsvFileWithTheListOfNames) {
  TempRegistry reg;
  reg.WithSources().Write("notes.csv", "a,b\n").Write("README.md", "not a CSV file\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/notes.csv: not a registry file name (registry files are: sources.csv, "
                    "exchanges.csv, agreements.csv, projects.csv, connectivity.csv, finance.csv, "
                    "people.csv, trade.csv, indicators.csv, targets.csv)"});
}

TEST(RegistryValidator, ReportsInvalidUtf8Cell) {
  RegistryBatch b =
      ValidateExchangeRow("ex-1,2013-09-07,state_visit,CHN,KAZ,Xi \xFF\xFE,src-1,p. 1\n");
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:2:37: column 'leader' is not valid "
                                     "UTF-8 (save the file as UTF-8)"});
}

TEST(RegistryValidator, ColumnsAfterMultiByteTextCountCharacters) {
  // "习近平" is 3 characters in 9 bytes: source_id starts at column 41.
  RegistryBatch b = ValidateExchangeRow(
      "ex-1,2013-09-07,state_visit,CHN,KAZ,\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3,src-9,p. 1\n");
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:2:41: source 'src-9' is not in "
                                     "sources.csv (add it to sources.csv, or fix the id)"});
}

TEST(RegistryValidator, ReportsPartnershipLevelWithoutLevel) {
  TempRegistry reg;
  reg.WithSources().Write("agreements.csv",
                          "id,date,kind,parties,title,level,source_id,locator\n"
                          "ag-1,2019-09-11,partnership_level,CHN;KAZ,Joint statement,,src-1,p. 1\n"
                          "ag-2,2019-09-11,partnership_level,CHN;KAZ,Joint statement,"
                          "comprehensive strategic partnership,src-1,p. 1\n");
  RegistryBatch b = reg.Validate();
  EXPECT_EQ(IssueStrings(b),
            Strings{"reg/agreements.csv:2:1: a partnership_level row needs the 'level' it "
                    "establishes (e.g. comprehensive strategic partnership)"});
  EXPECT_EQ(b.records[KindIndex("agreements")].size(), 1u);
}

TEST(RegistryValidator, ReportsSameCountryTwiceInAPair) {
  RegistryBatch b = ValidateExchangeRow(ExchangeRow("2013-09-07", "state_visit", "PRC"));
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:2:1: 'from' and 'to' are the same "
                                     "country (CHN) (a bilateral fact needs two different "
                                     "countries)"});
}

TEST(RegistryValidator, ReportsProjectWithNeitherDateNorAsOf) {
  TempRegistry reg;
  reg.WithSources().Write("projects.csv",
                          "id,date,name,investor,host,sector,source_id,locator\n"
                          "pr-1,,Shymkent refinery,CHN,KAZ,Energy,src-1,p. 4\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/projects.csv:2:1: neither 'date' nor 'as_of' is given (give the date "
                    "of the deal, or as_of: the date at which the source reports it)"});
}

TEST(RegistryValidator, ReportsCountBelowOne) {
  TempRegistry reg;
  reg.WithSources().Write("people.csv",
                          "id,kind,name,host,partner,count,source_id,locator\n"
                          "pe-1,confucius_institute,Confucius Institutes,KAZ,CHN,0,src-1,p. 5\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/people.csv:2:55: column 'count': '0' is not a whole number of at "
                    "least 1"});
}

TEST(RegistryValidator, ReportsTargetRangeUpsideDown) {
  TempRegistry reg;
  reg.WithSources().Write("targets.csv",
                          "id,stated,country,indicator,target_value,target_value_high,source_id,"
                          "locator\n"
                          "tg-1,2023-09,KAZ,gdp_growth_pct,7,6,src-1,p. 6\n");
  EXPECT_EQ(IssueStrings(reg.Validate()),
            Strings{"reg/targets.csv:2:1: target_value_high is below target_value"});
}

TEST(RegistryValidator, MalformedCsvFailsTheFileOnly) {
  TempRegistry reg;
  reg.WithSources().Write("exchanges.csv",
                          kExchangesHeader + ExchangeRow() +
                              "ex-2,2013-09-08,state_visit,CHN,KAZ,\"Xi Jinping,src-1,p. 1\n");
  RegistryBatch b = reg.Validate();
  EXPECT_EQ(IssueStrings(b), Strings{"reg/exchanges.csv:3:37: a quoted cell is never closed (add "
                                     "the closing double quote)"});
  EXPECT_TRUE(Contains(b.files_failed, "exchanges"));
  EXPECT_TRUE(b.records[KindIndex("exchanges")].empty());
  EXPECT_EQ(b.records[KindIndex("sources")].size(), 1u);
}

TEST(RegistryValidator, ReportsFolderThatDoesNotExist) {
  RegistryBatch b = ValidateRegistryDir("/nonexistent/registry", "my/registry", Countries());
  EXPECT_EQ(IssueStrings(b), Strings{"my/registry: not a folder (give the folder that holds the "
                                     "registry CSV files)"});
  EXPECT_TRUE(b.files_present.empty());
}

// ---------------------------------------------------------------------------
// The batch as a whole.

TEST(RegistryValidator, ReportsAllErrorsAtOnce) {
  RegistryBatch b = ValidateExchangeRow(
      "ex-1,2013-09-07,state_visit,CHN,KAZ,Xi Jinping,src-1,p. 1\n"
      "ex-2,2023-02-30,state_visit,CHN,KAZ,Xi Jinping,src-1,p. 1\n"
      "ex-3,2013-09-07,state_visit,CHN,Atlantis,Xi Jinping,src-1,p. 1\n"
      "ex-4,2013-09-07,trip,CHN,KAZ,Xi Jinping,src-1,p. 1\n");
  ASSERT_EQ(b.issues.size(), 3u) << ::testing::PrintToString(IssueStrings(b));
  EXPECT_EQ(b.issues[0].line, 3);
  EXPECT_EQ(b.issues[0].column, 6);
  EXPECT_EQ(b.issues[1].line, 4);
  EXPECT_EQ(b.issues[1].column, 33);
  EXPECT_EQ(b.issues[2].line, 5);
  EXPECT_EQ(b.issues[2].column, 17);
  EXPECT_EQ(b.rows_read, 5);  // one source and four exchanges
  EXPECT_EQ(b.rows_rejected, 3);
  const auto& good = b.records[KindIndex("exchanges")];
  ASSERT_EQ(good.size(), 1u);
  EXPECT_EQ(good[0].Text("id"), "ex-1");
  EXPECT_EQ(good[0].origin_file, "exchanges.csv");
}

TEST(RegistryValidator, RowWithSeveralIssuesCountsAsOneRejectedRow) {
  RegistryBatch b = ValidateExchangeRow(ExchangeRow("2013-13", "trip", "Atlantis", "nope"));
  EXPECT_EQ(b.issues.size(), 4u) << ::testing::PrintToString(IssueStrings(b));
  EXPECT_EQ(b.rows_rejected, 1);
}

TEST(RegistryValidator, EmptyFolderIsValidAndEmpty) {
  TempRegistry reg;
  RegistryBatch b = reg.Validate();
  EXPECT_TRUE(b.issues.empty());
  EXPECT_TRUE(b.files_present.empty());
  EXPECT_EQ(b.rows_read, 0);
}

TEST(RegistryValidator, HeaderOnlyFileIsPresentWithNoRows) {
  TempRegistry reg;
  reg.WithSources().Write("exchanges.csv", kExchangesHeader);
  RegistryBatch b = reg.Validate();
  EXPECT_TRUE(b.issues.empty()) << ::testing::PrintToString(IssueStrings(b));
  EXPECT_TRUE(Contains(b.files_present, "exchanges"));
  EXPECT_FALSE(Contains(b.files_failed, "exchanges"));
  EXPECT_TRUE(b.records[KindIndex("exchanges")].empty());
}

TEST(RegistryValidator, ColumnsMayComeInAnyOrder) {
  TempRegistry reg;
  reg.WithSources().Write("exchanges.csv",
                          "locator,source_id,leader,to,from,kind,date,id\n"
                          "p. 1,src-1,Xi Jinping,Kazakh,China,visit,2013-09,ex-1\n");
  RegistryBatch b = reg.Validate();
  ASSERT_TRUE(b.issues.empty()) << ::testing::PrintToString(IssueStrings(b));
  const auto& ex = b.records[KindIndex("exchanges")];
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_EQ(ex[0].Text("id"), "ex-1");
  EXPECT_EQ(ex[0].Text("from"), "CHN");
  EXPECT_EQ(ex[0].Text("to"), "KAZ");
  EXPECT_EQ(ex[0].Text("date"), "2013-09");
  EXPECT_EQ(ex[0].values.size(), FindKind("exchanges")->columns.size());
}

TEST(RegistryValidator, DisplayDirWithTrailingSlashIsNotDoubled) {
  TempRegistry reg;
  reg.Write("exchange.csv", "a\n");
  RegistryBatch b = reg.Validate("reg/");
  ASSERT_EQ(b.issues.size(), 1u);
  EXPECT_EQ(b.issues[0].file, "reg/exchange.csv");
  RegistryBatch bare = reg.Validate("");
  ASSERT_EQ(bare.issues.size(), 1u);
  EXPECT_EQ(bare.issues[0].file, "exchange.csv");
}

TEST(RegistryIssue, ToStringOmitsUnknownParts) {
  EXPECT_EQ((RegistryIssue{"r/a.csv", 3, 7, "bad", "fix it"}).ToString(),
            "r/a.csv:3:7: bad (fix it)");
  EXPECT_EQ((RegistryIssue{"r/a.csv", 3, 0, "bad", ""}).ToString(), "r/a.csv:3: bad");
  EXPECT_EQ((RegistryIssue{"r/a.csv", 0, 7, "bad", ""}).ToString(), "r/a.csv: bad");
  EXPECT_EQ((RegistryIssue{"", 3, 7, "r/a.csv:3:7: bad", "ignored"}).ToString(),
            "r/a.csv:3:7: bad");
}

}  // namespace
}  // namespace bilat::ingest
