// Plain result types shared by the trade and macro loaders (Comtrade, BACI,
// WDI): one reported flow, one indicator observation, one problem found in a
// file. No storage concerns: the store maps these to its tables.
#ifndef BILAT_INGEST_TRADE_TRADE_TYPES_H_
#define BILAT_INGEST_TRADE_TRADE_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilat::ingest {

// One problem in a trade or indicator file. The row it concerns is skipped
// unless the message says it was kept.
struct LoadIssue {
  std::string file;     // as the caller named it
  uint64_t line = 0;    // 1-based physical line; 0 = the whole file
  std::string field;    // column name the issue concerns; may be empty
  std::string message;  // what is wrong
  std::string hint;     // how to fix it; may be empty

  // "file:line: message (hint)", omitting unknown parts.
  std::string ToString() const;
};

// One reported flow: `reporter` declares it traded `value_usd` of `product`
// with `partner` in `year` (and `period` when sub-annual).
struct TradeFlow {
  enum class Flow { kExport, kImport, kReExport, kReImport };

  int year = 0;
  std::string period;             // "" = the calendar year; else as the source gives it ("201403")
  std::string reporter, partner;  // ISO alpha-3; "WLD" for the world
  Flow flow = Flow::kExport;
  std::string product;   // HS code as text, leading zeros kept; "TOTAL" = all products
  double value_usd = 0;  // normalised to US dollars (units, not thousands)
  std::optional<double> quantity;
  std::string quantity_unit;  // as the source names it ("kg", "t", "Weight in kilograms")
  uint64_t line = 0;          // 1-based line in the file
};

// "export", "import", "re-export", "re-import".
std::string_view FlowName(TradeFlow::Flow flow);

struct TradeLoadResult {
  std::string layout;  // "comtrade-legacy", "comtrade-api", "baci"
  std::vector<TradeFlow> flows;
  std::vector<LoadIssue> issues;
  uint64_t rows_read = 0;          // data rows seen (header and blank lines excluded)
  uint64_t issues_suppressed = 0;  // issues past LoadLimits::max_issues, counted only
  // Rows skipped on purpose, not problems: a dataset's aggregates and former
  // states (IMF DOTS "_ADV Advanced Economies"), one line each naming the
  // code, its rows and the first line.
  uint64_t rows_skipped = 0;
  std::vector<std::string> skipped_codes;
};

// One value of one indicator series for one economy and year.
struct IndicatorObservation {
  std::string country;  // the source's code: ISO alpha-3, or a WDI aggregate ("EAS")
  int year = 0;
  std::string series;      // WDI series code: "NY.GDP.MKTP.CD"
  double value = 0;        // in the series' own unit (see the series definition)
  uint64_t line = 0;       // 1-based line in the file
  bool is_country = true;  // false for WDI aggregates (regions, income groups, "WLD")
};

struct IndicatorLoadResult {
  std::string layout;  // "wdi-wide", "wdi-long", "wdi-api"
  std::vector<IndicatorObservation> observations;
  std::vector<LoadIssue> issues;
  uint64_t rows_read = 0;
  uint64_t missing_values = 0;  // empty and ".." cells: no observation, not an issue
  uint64_t issues_suppressed = 0;
};

// Caps the issue list so a file of garbage cannot exhaust memory; issues past
// the cap are counted in `issues_suppressed`. Loading never stops early for
// bad rows: the caller decides whether the issues are acceptable.
struct LoadLimits {
  size_t max_issues = 10000;
};

// Years a trade or macro figure can have; others are reported as impossible.
inline constexpr int kMinTradeYear = 1900;
inline constexpr int kMaxTradeYear = 2100;

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_TRADE_TRADE_TYPES_H_
