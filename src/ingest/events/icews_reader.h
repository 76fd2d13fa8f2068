// ICEWS event files: tab-separated with a header row (Harvard Dataverse
// layout; "NA" or empty for missing values), read into the same ScanResult
// the GDELT scanner fills, so that storage and aggregation are shared.
//
// Actor countries are names ("Russian Federation"), resolved to ISO alpha-3
// with the CountryRegistry; every ICEWS event counts as a root event with one
// source and one article, and carries no tone (mentions = 0).
#ifndef BILAT_INGEST_EVENTS_ICEWS_READER_H_
#define BILAT_INGEST_EVENTS_ICEWS_READER_H_

#include "core/country.h"
#include "ingest/events/event_lookups.h"
#include "ingest/events/event_scan.h"

namespace bilat::ingest {

// `options.followed` holds ISO alpha-3 pairs. A file without the expected
// columns is an error naming the columns found and those expected.
Result<std::unique_ptr<ScanResult>> ReadIcewsFile(const std::string& path, const ScanOptions& options,
                                                  const CountryRegistry& countries, const EventLookups& lookups,
                                                  const ProgressFn& progress = {});

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_EVENTS_ICEWS_READER_H_
