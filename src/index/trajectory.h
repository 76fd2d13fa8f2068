// Where each relationship of a series is heading: forecasts of both index
// axes, of trade totals and of the monthly event balance, for every partner,
// with the backtest that says how far to trust them. docs/forecasts.md
// gives the method; docs/index.md what each series is.
#ifndef BILAT_INDEX_TRAJECTORY_H_
#define BILAT_INDEX_TRAJECTORY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/components.h"
#include "index/forecast.h"
#include "index/relations_index.h"

namespace bilat::index {

// The pair series, and each country's GDP (for GDP targets; "partner" is
// then the country itself).
enum class SeriesKind { kWeight, kWarmth, kTrade, kEvents, kGdp };
std::string_view SeriesKindName(SeriesKind kind);  // "weight", "warmth", "trade", "events", "gdp"
// Trade and GDP are modelled as log10 of USD.
bool IsLogUsd(SeriesKind kind);

// One partner's series of one kind: its latest run of consecutive periods
// (a gap ends the run), on the scale it is modelled on: axis scores as
// they are, trade as log10 of USD, the event balance as it is.
struct PartnerSeries {
  std::string partner;
  std::vector<std::string> periods;  // "2004" or "2019-04"
  std::vector<double> values;
  BacktestErrors backtest;
  Forecast forecast;
  std::vector<std::string> forecast_periods;  // parallel to forecast.points
};

struct KindTrajectories {
  SeriesKind kind = SeriesKind::kWeight;
  bool monthly = false;
  int horizons = 0;       // forecast (and backtest) horizons: 3 years, 10 for trade, 6 months
  int min_train = 0;      // observations before the first backtest origin
  IntervalModel intervals;
  SetSummary summary;     // the whole set's backtest
  std::vector<PartnerSeries> series;  // by partner; series too short to forecast are left out

  const PartnerSeries* Of(const std::string& partner) const;
};

struct Trajectories {
  std::vector<KindTrajectories> kinds;  // weight, warmth, trade, events, gdp
  const KindTrajectories& Of(SeriesKind kind) const { return kinds[static_cast<size_t>(kind)]; }
};

// Builds every partner's series, backtests each, learns the intervals of
// each kind from all of them, and forecasts.
Trajectories ComputeTrajectories(const SeriesComponents& components, const RelationsIndex& index);

// Trade series values are log10(USD); these convert.
double TradeUsd(double modelled);
double TradeModelled(double usd);

}  // namespace bilat::index

#endif  // BILAT_INDEX_TRAJECTORY_H_
