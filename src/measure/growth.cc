#include "measure/growth.h"

#include <cmath>

namespace bilat::measure {

std::optional<double> GrowthPct(double previous, double current) {
  if (!(previous > 0) || current < 0) return std::nullopt;
  return 100.0 * (current / previous - 1.0);
}

std::optional<double> CompoundAnnualGrowthPct(double start, double end, double years) {
  if (!(start > 0) || !(end > 0) || !(years > 0)) return std::nullopt;
  return 100.0 * (std::pow(end / start, 1.0 / years) - 1.0);
}

std::optional<double> RequiredAnnualGrowthPct(double latest, int latest_year, double target,
                                              int target_year) {
  return CompoundAnnualGrowthPct(latest, target, target_year - latest_year);
}

}  // namespace bilat::measure
