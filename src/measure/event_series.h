// Event series: the monthly (or yearly) "temperature" of a dyad from event
// data, in both directions, with the measures analysts read.
//
//   net cooperation = (q1 + q2 - q3 - q4) / events, in [-1, 1]: the balance
//                     of cooperative (verbal, material) over conflictual
//                     (verbal, material) events; 0 when they are even.
//   goldstein mean  = goldstein_sum / events, in [-10, 10].
//   tone            = sum(AvgTone * NumMentions) / sum(NumMentions)
//                     (mention-weighted; absent for ICEWS, which has no tone).
//   share of A      = dyad events / events naming A as either actor that
//                     month: how much of A's event volume the dyad is, so that
//                     the growth of news volume does not read as warmer or
//                     colder relations. Same for B.
//
// Filters: root events only; and, where whole events are stored (followed
// pairs), a minimum number of sources and a one-a-day filter that keeps one
// event per (day, dyad, event code).
#ifndef BILAT_MEASURE_EVENT_SERIES_H_
#define BILAT_MEASURE_EVENT_SERIES_H_

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/event_store.h"

namespace bilat::measure {

struct EventPeriod {
  int period = 0;  // YYYYMM for monthly, YYYY for yearly
  uint64_t events = 0, q[4] = {0, 0, 0, 0};
  double goldstein_sum = 0;
  uint64_t mentions = 0, sources = 0, articles = 0;
  double tone_x_mentions = 0;
  uint64_t src_total = 0, dst_total = 0;  // events naming src / dst that period

  double NetCooperation() const;
  double GoldsteinMean() const;
  std::optional<double> Tone() const;
  std::optional<double> ShareOfSrc() const;
  std::optional<double> ShareOfDst() const;
};

struct EventSeriesOptions {
  std::string dataset = "gdelt";
  bool yearly = false;
  bool root_only = false;
  int min_sources = 0;      // > 1 needs whole events (a followed pair)
  bool one_a_day = false;   // needs whole events
};

struct EventSeries {
  std::string src, dst;  // ISO alpha-3, ordered: src acts on dst
  std::string dataset;
  bool from_whole_events = false;  // computed from stored events (filters applied)
  std::vector<EventPeriod> periods;  // ascending
  uint64_t TotalEvents() const;
};

// The series src -> dst. Filters that need whole events fail with
// FailedPrecondition naming `bilat follow` when the pair is not followed.
Result<EventSeries> LoadEventSeries(store::SqliteDb* db, const std::string& src, const std::string& dst,
                                    const EventSeriesOptions& options);

// Folds monthly periods into calendar years (for tests and yearly views).
std::vector<EventPeriod> ToYearly(const std::vector<EventPeriod>& monthly);

// The most-reported stored events of the pair (both directions) in `year`
// (0 = all years): by mentions, then sources, then id.
Result<std::vector<store::StoredEvent>> TopEvents(store::SqliteDb* db, const std::string& dataset,
                                                  const std::string& a, const std::string& b, int year, size_t limit);

}  // namespace bilat::measure

#endif  // BILAT_MEASURE_EVENT_SERIES_H_
