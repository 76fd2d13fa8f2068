// EventLookups: the tables that turn event-data codes into bilat's terms.
//
//   cameo_country_iso.tsv  CAMEO actor country code -> ISO alpha-3 (regions
//                          and other non-state codes map to themselves)
//   fips_iso.tsv           FIPS 10-4 (GDELT geo country codes) -> ISO alpha-3
//   cameo_event_codes.tsv  CAMEO event code -> Goldstein value, QuadClass, name
//
// Loaded from bilat's data folder (docs/formats/event_lookups.md).
// Immutable after loading; safe to share between threads.
#ifndef BILAT_INGEST_EVENTS_EVENT_LOOKUPS_H_
#define BILAT_INGEST_EVENTS_EVENT_LOOKUPS_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace bilat::ingest {

struct CameoEventCode {
  std::string code;  // "0841": keeps its leading zeros
  double goldstein = 0;
  int quad_class = 0;
  std::string name;
};

class EventLookups {
 public:
  // Reads the three tables from `data_dir`; errors name the file and line.
  static Result<std::shared_ptr<const EventLookups>> Load(const std::string& data_dir);
  // From $BILAT_DATA_DIR or the source tree's data folder.
  static Result<std::shared_ptr<const EventLookups>> LoadDefault();

  // ISO alpha-3 for a CAMEO actor country code; the code itself when it is
  // a region or other non-state code (e.g. "EUR", "AFR") or unknown.
  std::string IsoForCameo(std::string_view cameo) const;
  // True when the CAMEO code names a country (not a region or group).
  bool CameoIsCountry(std::string_view cameo) const;
  // Every CAMEO code that maps to `iso3` (usually just one).
  std::vector<std::string> CameoForIso(std::string_view iso3) const;
  // ISO alpha-3 for a FIPS 10-4 code; empty when unknown.
  std::string IsoForFips(std::string_view fips) const;
  // The event code's entry, or nullptr.
  const CameoEventCode* Event(std::string_view code) const;

 private:
  std::unordered_map<std::string, std::string> cameo_iso_;  // country codes only
  std::unordered_map<std::string, std::string> fips_iso_;
  std::unordered_map<std::string, CameoEventCode> events_;
};

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_EVENTS_EVENT_LOOKUPS_H_
