// CEPII BACI loader: yearly files "t,i,j,k,v,q" (year, exporter, importer,
// HS6 product, value in thousands of US dollars, quantity in tonnes) with
// BACI's country code file (numeric code -> ISO alpha-3) and, optionally, its
// product code file. Built for full-size years (~11 million rows): one pass
// over large buffers, no allocation per row.
#ifndef BILAT_INGEST_TRADE_BACI_READER_H_
#define BILAT_INGEST_TRADE_BACI_READER_H_

#include <array>
#include <atomic>
#include <functional>
#include <string>
#include <unordered_map>

#include "core/status.h"
#include "ingest/trade/trade_types.h"

namespace bilat::ingest {

// BACI's dictionaries. Immutable once loaded; safe to share across threads.
class BaciCodes {
 public:
  // Reads a BACI country code file: "country_code,...,iso_3digit_alpha"
  // (V202201 and earlier) or "country_code,...,country_iso3" (V202301 on);
  // UTF-8 BOM allowed. A code whose ISO3 is "N/A" in BACI's own file (490
  // "Other Asia, nes" -- in practice Taiwan --, 697 "Europe EFTA, nes", 849
  // "US Misc. Pacific Isds") is kept under the placeholder "B" + its three
  // digits ("B490"), so world totals stay complete; the reader notes it once
  // per file. Errors name the file and line.
  static Result<BaciCodes> LoadCountries(const std::string& path, const std::string& label);

  // Adds BACI's product code file ("code,description[,...]"). Once loaded,
  // a row with a product not in it is reported (and kept).
  Status LoadProducts(const std::string& path, const std::string& label);

  // Maps `code` (0..999) to `iso3`; for tests and callers with their own tables.
  void SetCountry(int code, std::string iso3);

  // ISO alpha-3 for a BACI country code, or "" when unknown.
  const std::string& Country(int code) const;
  // Whether `code` maps to a placeholder ("B490"), and its name in the file.
  bool IsPlaceholder(int code) const { return code >= 0 && code < 1000 && placeholder_[code]; }
  const std::string& Name(int code) const { return names_[code]; }
  bool has_products() const { return !products_.empty(); }
  // Description of a six-digit product code, or nullptr.
  const std::string* Product(std::string_view code) const;
  size_t country_count() const;

 private:
  std::array<std::string, 1000> iso3_;
  std::array<std::string, 1000> names_;
  std::array<bool, 1000> placeholder_{};
  std::unordered_map<std::string, std::string> products_;
};

struct BaciOptions {
  std::string label;  // the file's name in issues; the path when empty
  LoadLimits limits;
  // When set and true, reading stops at the next buffer with Cancelled
  // (a caller that gave up on the file; checked once per 4 MiB or so).
  const std::atomic<bool>* cancel = nullptr;
};

// Streams the BACI file at `path`, calling `on_flow` for each good row (the
// reference lives until the callback returns). A row is one exporter ->
// importer flow, emitted as reporter = i, partner = j, flow = export;
// value_usd = v * 1000; quantity = q in tonnes ("t"), absent for "NA" or
// empty. `summary` gets the layout, rows_read and issues; its `flows` stay
// untouched.
//
// Issues (row skipped): wrong field count, impossible year, unknown country
// code (named), product not six digits, malformed or negative value,
// duplicate (t,i,j,k) of an earlier line (named). Kept with an issue: a
// five-digit product (leading zero restored), malformed or negative
// quantity (dropped), a product missing from the loaded product file.
//
// Errors: IoError (unreadable), InvalidArgument if the header is not
// t,i,j,k,v,q (naming the columns found).
Status ReadBaci(const std::string& path, const BaciCodes& codes,
                const std::function<void(const TradeFlow&)>& on_flow, TradeLoadResult* summary,
                const BaciOptions& options = {});

// ReadBaci collecting every flow into the result.
Result<TradeLoadResult> LoadBaci(const std::string& path, const BaciCodes& codes,
                                 const BaciOptions& options = {});

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_TRADE_BACI_READER_H_
