// Use case: the largest moves across a country's series since a year
// (`bilat changes A --since YEAR`): rank changes on the relations index,
// months whose event balance stands out against the pair's own history,
// new agreements, partnership upgrades, visa rule changes, Belt and Road
// joinings and exits; each with the evidence it rests on.
#ifndef BILAT_APP_QUERY_CHANGES_H_
#define BILAT_APP_QUERY_CHANGES_H_

#include <optional>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"

namespace bilat::app {

struct ChangesQuery {
  std::string workspace = ".";
  std::string a;
  int since = 0;             // first year considered
  int top = 20;              // rank changes shown per axis, largest first
  std::string weights_path;  // index settings; "" for the default file
};

struct Change {
  std::string date;     // "2021", "2022-04", "2023-06-15"
  std::string partner;  // alpha-3
  std::string kind;     // "weight_rank", "warmth_rank", "event_month", "agreement", "partnership", "visa", "bri"
  std::string what;     // one line, in words
  std::optional<double> value;  // the move: rank places, balance, new level
  std::string evidence;  // file:line, record id or the command that shows it
};

struct ChangesAnswer {
  std::string a;
  int since = 0, until = 0;  // until: the index's default year
  std::vector<Change> changes;  // by kind, then size of the move or date
};

Result<ChangesAnswer> QueryChanges(const ChangesQuery& q, const CountryRegistry& countries);

}  // namespace bilat::app

#endif  // BILAT_APP_QUERY_CHANGES_H_
