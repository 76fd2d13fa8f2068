// The components of the relations index: what each one measures, where its
// values come from, and how they are read out of a workspace for every
// partner of one country at once (one query per component, so the whole
// series costs a few queries, not a report per partner).
//
// Only the bulk datasets feed the index, never curated registry rows: every
// partner is then measured from the same sources, and a partner an analyst
// happened to curate does not score higher for it. docs/index.md gives the
// formula of each component and the reasons.
#ifndef BILAT_INDEX_COMPONENTS_H_
#define BILAT_INDEX_COMPONENTS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sqlite_db.h"

namespace bilat::index {

enum class Axis { kWeight, kWarmth };
std::string_view AxisName(Axis axis);  // "weight", "warmth"

// How a raw value becomes comparable across partners before normalisation.
enum class Transform {
  kIdentity,   // shares, balances, levels
  kLog1p,      // counts: log10(1 + x)
  kLog1pUsdM,  // amounts in USD: log10(1 + x / 1e6)
};

// Which partner-years have a value when the dataset has no row for them.
enum class Coverage {
  // The dataset lists every country: within its years, no row means zero
  // (no project, no visit, not a member).
  kEveryCountry,
  // The dataset covers only the countries it lists: a country it never
  // names is missing, a listed one without a row that year is zero.
  kListedCountries,
  // Only rows are values; no row is missing.
  kRowsOnly,
};

struct ComponentSpec {
  std::string id;      // "trade", "unga", ... (the weights file's name)
  Axis axis = Axis::kWeight;
  std::string label;   // "trade both ways"
  std::string unit;    // of the raw value: "USD", "count", "share", "level"
  Transform transform = Transform::kIdentity;
  Coverage coverage = Coverage::kEveryCountry;
  // A state (a partnership level, posts in an edition) holds until the next
  // observation, at most this many years; flows (trade, visits) hold 0.
  int carry_years = 0;
  std::string measures;  // what it is computed from, for docs and output
};

// Every component, in display order (weight first, then warmth).
const std::vector<ComponentSpec>& ComponentSpecs();
const ComponentSpec* FindComponent(const std::string& id);

// One partner-year value of one component.
struct Cell {
  double value = 0;
  int rows = 0;          // stored rows behind it (0 for a zero by coverage)
  bool carried = false;  // a state carried forward from an earlier year
  int from_year = 0;     // the year of the observation it rests on
};

struct ComponentValues {
  const ComponentSpec* spec = nullptr;
  // partner -> year -> value, after coverage and carrying forward.
  std::map<std::string, std::map<int, Cell>> cells;
  int first_year = 0, last_year = 0;  // the years the sources cover (0 when none)
  std::set<std::string> files;        // the stored files the values come from
};

// The monthly reading of a component that has monthly data (partner ->
// "YYYY-MM" -> value).
struct MonthlyValues {
  std::string id;  // "events"
  std::map<std::string, std::map<std::string, Cell>> cells;
  std::set<std::string> files;
};

struct SeriesComponents {
  std::string country;                  // alpha-3 of the series' country
  std::vector<std::string> partners;    // every partner, sorted
  std::vector<ComponentValues> components;  // parallel to ComponentSpecs()
  std::vector<MonthlyValues> monthly;
  // GDP in current USD of every country the workspace's WDI files hold
  // (country -> year -> value), for forecasting GDP targets; not a component.
  std::map<std::string, std::map<int, double>> gdp;
  std::set<std::string> gdp_files;
};

// Reads every component for `country` against each of its partners.
Result<SeriesComponents> LoadSeriesComponents(store::SqliteDb* db, const std::string& country);

}  // namespace bilat::index

#endif  // BILAT_INDEX_COMPONENTS_H_
