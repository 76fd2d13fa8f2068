// Growth arithmetic used across indicators and the outlook. Pure functions;
// each returns nullopt when the inputs do not define a rate (non-positive
// values, zero or negative spans).
#ifndef BILAT_MEASURE_GROWTH_H_
#define BILAT_MEASURE_GROWTH_H_

#include <optional>

namespace bilat::measure {

// Year-on-year growth in percent: 100 * (current / previous - 1).
std::optional<double> GrowthPct(double previous, double current);

// Compound annual growth in percent from `start` to `end` over `years`:
// 100 * ((end / start)^(1 / years) - 1).
std::optional<double> CompoundAnnualGrowthPct(double start, double end, double years);

// The constant annual growth in percent that takes `latest` (observed in
// `latest_year`) to `target` in `target_year`. Same formula as
// CompoundAnnualGrowthPct with years = target_year - latest_year.
std::optional<double> RequiredAnnualGrowthPct(double latest, int latest_year, double target,
                                              int target_year);

}  // namespace bilat::measure

#endif  // BILAT_MEASURE_GROWTH_H_
