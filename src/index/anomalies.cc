#include "index/anomalies.h"

#include <algorithm>
#include <cmath>

namespace bilat::index {
namespace {

double Median(std::vector<double> x) {
  std::sort(x.begin(), x.end());
  const size_t n = x.size();
  return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

}  // namespace

std::optional<UnusualMonths> FindUnusualLowMonths(const std::vector<std::pair<std::string, double>>& values) {
  if (static_cast<int>(values.size()) < kMinMonthsForAnomalies) return std::nullopt;
  UnusualMonths out;
  out.months = static_cast<int>(values.size());
  std::vector<double> v;
  v.reserve(values.size());
  for (const auto& [month, value] : values) v.push_back(value);
  out.median = Median(v);
  for (double& x : v) x = std::fabs(x - out.median);
  out.spread = std::max(kAnomalySpreadFloor, 1.4826 * Median(v));
  for (const auto& [month, value] : values) {
    if ((value - out.median) / out.spread <= -kAnomalyRobustSds) out.low.push_back({month, value});
  }
  std::stable_sort(out.low.begin(), out.low.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
  return out;
}

}  // namespace bilat::index
