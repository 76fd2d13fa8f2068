// Helpers shared by the trade loaders; not part of the library's interface.
#ifndef BILAT_INGEST_TRADE_LOAD_UTIL_H_
#define BILAT_INGEST_TRADE_LOAD_UTIL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "ingest/trade/trade_types.h"

namespace bilat::ingest::trade_internal {

// Appends issues for one file, up to `limits.max_issues`.
class IssueSink {
 public:
  IssueSink(std::string file, const LoadLimits& limits, std::vector<LoadIssue>* issues,
            uint64_t* suppressed)
      : file_(std::move(file)), limits_(limits), issues_(issues), suppressed_(suppressed) {}

  void Add(uint64_t line, std::string field, std::string message, std::string hint = "");
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  LoadLimits limits_;
  std::vector<LoadIssue>* issues_;
  uint64_t* suppressed_;
};

std::string_view TrimView(std::string_view s);

// Whole-field decimal number (optional sign, fraction, exponent); surrounding
// blanks allowed. False for anything else, including "" and "NA".
bool ParseNumber(std::string_view text, double* out);
bool ParseInt(std::string_view text, int64_t* out);

// "refYear", "Partner ISO", ... joined with ", " for messages.
std::string JoinNames(const std::vector<std::string>& names);

// Resolves a trade source's country code to ISO alpha-3: an alpha-3 code the
// registry knows, a numeric code (ISO 3166-1, or one of the UN Comtrade
// numbers that differ from ISO: 842 USA, 251 FRA, 699 IND, 757 CHE, 579 NOR,
// 381 ITA, 58 BEL), and the world ("0", "WLD", "W00", "World"). Returns
// nullopt when the code is none of these.
std::optional<std::string> ResolveTradeCountry(const CountryRegistry& countries,
                                               std::string_view code);

}  // namespace bilat::ingest::trade_internal

#endif  // BILAT_INGEST_TRADE_LOAD_UTIL_H_
