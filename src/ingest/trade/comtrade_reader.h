// UN Comtrade CSV loader: the legacy 35-column bulk layout ("Classification,
// Year,Period,...,Trade Value (US$),...,Flag") and the column names of the
// current Comtrade API / bulk files ("typeCode,freqCode,refPeriodId,refYear,
// refMonth,period,reporterCode,reporterISO,...,primaryValue,...").
#ifndef BILAT_INGEST_TRADE_COMTRADE_READER_H_
#define BILAT_INGEST_TRADE_COMTRADE_READER_H_

#include <string>

#include "core/country.h"
#include "core/status.h"
#include "ingest/trade/trade_types.h"

namespace bilat::ingest {

// Reads the Comtrade CSV at `path` (named `label` in issues), detecting the
// layout from its header. Reporter and partner codes become ISO alpha-3 via
// `countries` (ISO column first, else the numeric code; 0/World -> "WLD").
// Values are US dollars in both layouts.
//
// Bad rows are issues, and the row is skipped: unknown country code, flow
// code not export/import/re-export/re-import, impossible year or a period
// outside it, malformed or negative value, a breakdown row (by second
// partner, customs procedure or mode of transport), and a duplicate of an
// earlier row (same reporter, partner, flow, product, year, period). Kept
// with an issue: a malformed or negative quantity (dropped), an odd-length
// numeric product code (a leading zero restored), and a quantity unit that
// differs from an earlier row of the same reporter, product and year.
//
// Errors: IoError (unreadable), InvalidArgument for a header of unknown
// layout (naming the columns found and the layouts expected) or malformed
// CSV quoting.
Result<TradeLoadResult> ReadComtradeCsv(const std::string& path, const std::string& label,
                                        const CountryRegistry& countries,
                                        const LoadLimits& limits = {});

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_TRADE_COMTRADE_READER_H_
