// The event series of a pair as JSON: what `bilat events --format json`
// prints and `/api/v1/pairs/A/B/events` answers (fields in docs/events.md).
#ifndef BILAT_APP_EVENTS_JSON_H_
#define BILAT_APP_EVENTS_JSON_H_

#include <string>

#include "app/query_events.h"

namespace bilat::app {

std::string EventsAnswerJson(const EventsAnswer& answer);

}  // namespace bilat::app

#endif  // BILAT_APP_EVENTS_JSON_H_
