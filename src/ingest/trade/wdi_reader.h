// World Bank WDI loaders: the wide bulk CSV ("API_<series>_DS2_en_csv_v2_*":
// preamble lines, UTF-8 BOM, every field quoted, one column per year, a
// trailing comma), a long format "country_code,Country,year,
// indicator_name,series,value", and the data frames of the World Bank's
// wbgapi library ("economy,SP.POP.TOTL,SP.POP.TOTL:T": per series a value
// column and a ":T" year column). All yield IndicatorObservations.
#ifndef BILAT_INGEST_TRADE_WDI_READER_H_
#define BILAT_INGEST_TRADE_WDI_READER_H_

#include <string>

#include "core/country.h"
#include "core/status.h"
#include "ingest/trade/trade_types.h"

namespace bilat::ingest {

// Reads a WDI file of either layout, detected from its header (for the wide
// layout, the first line starting "Country Name","Country Code"; lines before
// it are the preamble). Empty cells and ".." are missing values and yield
// nothing. Economy codes are kept as given; `is_country` is true for ISO
// alpha-3 codes `countries` knows and for Kosovo (XKX) and the Channel
// Islands (CHI), which WDI treats as economies, and false for aggregates
// ("WLD", "EAS", income groups).
//
// Issues (value skipped): malformed number, impossible year (a year column
// header or a year cell), empty economy or series code, and a duplicate of
// an earlier observation (same economy, series, year: the earlier line is
// named). Negative values are legitimate in WDI (growth rates) and accepted.
//
// Errors: IoError (unreadable), InvalidArgument when no WDI header is found
// (naming the columns of the first line and the layouts expected) or for
// malformed CSV quoting.
Result<IndicatorLoadResult> ReadWdiCsv(const std::string& path, const std::string& label,
                                       const CountryRegistry& countries,
                                       const LoadLimits& limits = {});

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_TRADE_WDI_READER_H_
