// Months that stand out against a pair's own history: the rule the report's
// risks section and `bilat changes` share. A month is unusual when its value
// lies at least three robust standard deviations below the median of all
// the pair's months, the robust standard deviation being 1.4826 times the
// median absolute deviation (the standard deviation for normal data),
// floored at 0.1 so that a series sitting near +1 month after month does not
// flag a dip to 0.9.
#ifndef BILAT_INDEX_ANOMALIES_H_
#define BILAT_INDEX_ANOMALIES_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bilat::index {

inline constexpr int kMinMonthsForAnomalies = 24;
inline constexpr double kAnomalyRobustSds = 3;
inline constexpr double kAnomalySpreadFloor = 0.1;

struct UnusualMonths {
  double median = 0;
  double spread = 0;  // the robust standard deviation used (after the floor)
  int months = 0;     // values considered
  std::vector<std::pair<std::string, double>> low;  // unusual months, lowest first
};

// `values`: (month, value) pairs; nullopt with fewer than
// kMinMonthsForAnomalies of them.
std::optional<UnusualMonths> FindUnusualLowMonths(const std::vector<std::pair<std::string, double>>& values);

}  // namespace bilat::index

#endif  // BILAT_INDEX_ANOMALIES_H_
