// Use cases: read event series and top events for a pair.
#ifndef BILAT_APP_QUERY_EVENTS_H_
#define BILAT_APP_QUERY_EVENTS_H_

#include <string>
#include <vector>

#include "core/country.h"
#include "measure/event_series.h"

namespace bilat::app {

struct EventsQuery {
  std::string workspace = ".";
  std::string a, b;  // any country code or name
  measure::EventSeriesOptions series;
};

struct EventsAnswer {
  measure::EventSeries ab, ba;  // a -> b and b -> a
};

Result<EventsAnswer> QueryEvents(const EventsQuery& query, const CountryRegistry& countries);

struct TopEventsQuery {
  std::string workspace = ".";
  std::string a, b;
  int year = 0;
  std::string dataset = "gdelt";
  size_t limit = 10;
};

struct TopEvent {
  store::StoredEvent event;
  std::string event_name;  // CAMEO name of the event code
  std::string file;        // the event file it came from
};

struct TopEventsAnswer {
  std::vector<TopEvent> events;
};

// Fails with FailedPrecondition when the pair is not followed (no whole
// events are kept for it).
Result<TopEventsAnswer> QueryTopEvents(const TopEventsQuery& query, const CountryRegistry& countries);

}  // namespace bilat::app

#endif  // BILAT_APP_QUERY_EVENTS_H_
