// Use case: ingest trade statistics (UN Comtrade, CEPII BACI, IMF DOTS) and macro
// indicators (World Bank WDI) into a workspace, one transaction per file.
#ifndef BILAT_APP_INGEST_TRADE_H_
#define BILAT_APP_INGEST_TRADE_H_

#include <functional>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"

namespace bilat::app {

struct IngestTradeOptions {
  std::string workspace;
  std::vector<std::string> files;
  std::string dataset = "comtrade";  // "comtrade", "baci", "imf_dots" or "wdi"
  // BACI's country code file (required for BACI) and product code file
  // (optional). Empty: a country_codes_*.csv / product_codes_*.csv beside
  // the first data file.
  std::string baci_countries, baci_products;
  // A file with a larger share of problem rows is not stored at all.
  double max_issue_ratio = 0.05;
};

struct TradeFileOutcome {
  enum class State { kStored, kAlreadyIngested, kTooManyIssues, kFailed };
  std::string path;
  State state = State::kFailed;
  std::string error;   // for kFailed
  // for kFailed: InvalidArgument when the input was refused (its layout,
  // its bytes), IoError for reading or storing (a full disk), Busy for a
  // workspace another process holds; the CLI maps each to its exit code.
  StatusCode error_code = StatusCode::kOk;
  std::string layout;  // "comtrade-legacy", "comtrade-api", "baci", "wdi-wide", "wdi-long"
  uint64_t rows_read = 0;
  uint64_t stored = 0;      // flows or observations stored
  uint64_t duplicates = 0;  // already stored from another file: not stored again
  uint64_t issues = 0;      // problems found (loader's and duplicates), all stored in trade_issues
  uint64_t missing = 0;     // WDI: empty or ".." cells (no observation; not a problem)
  uint64_t rows_skipped = 0;               // on purpose: aggregates, former states (IMF DOTS)
  std::vector<std::string> skipped_codes;  // what was skipped, one line per code
  std::vector<std::string> sample_issues;  // the first few, "file:line: message (hint)"
  std::vector<int> years;                  // years with stored flows
  double seconds = 0, seconds_totals = 0;  // in all; rebuilding the derived totals
};

struct IngestTradeResult {
  std::vector<TradeFileOutcome> files;
  bool all_stored() const;
};

// Called while loading with (file index, rows read so far in that file).
using TradeProgressFn = std::function<void(size_t, uint64_t)>;

Result<IngestTradeResult> IngestTrade(const IngestTradeOptions& options, const CountryRegistry& countries,
                                      const TradeProgressFn& progress = {});

}  // namespace bilat::app

#endif  // BILAT_APP_INGEST_TRADE_H_
