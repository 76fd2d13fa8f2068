// IMF Direction of Trade Statistics (DOTS) loader: the CSV extract
// reporter,partner,flow,year,value_usd_mn,estimated[,reporter_name,partner_name]
// (docs/formats/trade_sources.md), one annual all-goods figure per reporter,
// partner and direction, as each reporter states it: exports FOB (flow X)
// and imports CIF (flow M), in US$ millions.
#ifndef BILAT_INGEST_TRADE_DOTS_READER_H_
#define BILAT_INGEST_TRADE_DOTS_READER_H_

#include <string>

#include "core/country.h"
#include "core/status.h"
#include "ingest/trade/trade_types.h"

namespace bilat::ingest {

// Reads the DOTS CSV at `path` (named `label` in issues). Codes are ISO
// alpha-3; "_WLD" is the world ("WLD"). The IMF's other aggregates and
// former states ("_ADV", "_SUN", ... pseudo-codes starting with '_') are
// skipped on purpose and listed in `skipped_codes`, never added to country
// rows. Products are "TOTAL".
//
// Bad rows are issues and skipped: an unknown ISO code, a flow other than
// X or M, an impossible year, a malformed or negative value, and a second
// row for the same reporter, partner, flow and year.
Result<TradeLoadResult> ReadDotsCsv(const std::string& path, const std::string& label,
                                    const CountryRegistry& countries, const LoadLimits& limits = {});

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_TRADE_DOTS_READER_H_
