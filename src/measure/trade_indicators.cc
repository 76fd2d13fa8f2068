#include "measure/trade_indicators.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace bilat::measure {
namespace {

constexpr int F(TradeFlowKind k) { return k == TradeFlowKind::kExport ? 0 : 1; }
const std::string kTotal = "TOTAL";
const std::string kWorld = "WLD";

}  // namespace

FlowTable::FlowTable(const std::vector<FlowRow>& rows) {
  // Reported totals first; sums fill in only where a total is not reported.
  std::map<std::tuple<int, std::string, std::string, int, std::string>, double> sums;
  for (const FlowRow& r : rows) {
    values_[{r.year, r.reporter, r.partner, F(r.flow), r.product}] += r.value_usd;
  }
  for (const auto& [k, v] : values_) {
    const auto& [year, reporter, partner, flow, product] = k;
    if (product != kTotal) sums[{year, reporter, partner, flow, kTotal}] += v;
  }
  for (const auto& [k, v] : sums) values_.emplace(k, v);
  sums.clear();
  for (const auto& [k, v] : values_) {
    const auto& [year, reporter, partner, flow, product] = k;
    if (partner != kWorld) sums[{year, reporter, kWorld, flow, product}] += v;
  }
  for (const auto& [k, v] : sums) values_.emplace(k, v);
}

double FlowTable::Value(int year, const std::string& reporter, const std::string& partner, TradeFlowKind flow,
                        const std::string& product) const {
  auto it = values_.find({year, reporter, partner, F(flow), product});
  return it == values_.end() ? 0 : it->second;
}

bool FlowTable::Has(int year, const std::string& reporter, TradeFlowKind flow) const {
  return values_.count({year, reporter, kWorld, F(flow), kTotal}) > 0;
}

std::vector<std::string> FlowTable::Products(int year, const std::string& reporter, const std::string& partner,
                                             TradeFlowKind flow) const {
  std::vector<std::string> out;
  auto lo = values_.lower_bound({year, reporter, partner, F(flow), std::string()});
  for (auto it = lo; it != values_.end(); ++it) {
    const auto& [y, r, p, f, product] = it->first;
    if (y != year || r != reporter || p != partner || f != F(flow)) break;
    if (product != kTotal) out.push_back(product);
  }
  return out;
}

std::vector<std::string> FlowTable::Partners(int year, const std::string& reporter, TradeFlowKind flow) const {
  std::set<std::string> out;
  for (const auto& [k, v] : values_) {
    const auto& [y, r, p, f, product] = k;
    if (y == year && r == reporter && f == F(flow) && p != kWorld && product == kTotal) out.insert(p);
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> FlowTable::Reporters(int year) const {
  std::set<std::string> out;
  for (const auto& [k, v] : values_) {
    if (std::get<0>(k) == year) out.insert(std::get<1>(k));
  }
  return {out.begin(), out.end()};
}

BilateralTotals Bilateral(const FlowTable& t, int year, const std::string& a, const std::string& b) {
  return {t.Value(year, a, b, TradeFlowKind::kExport), t.Value(year, a, b, TradeFlowKind::kImport)};
}

std::optional<PartnerStanding> Standing(const FlowTable& t, int year, const std::string& a, const std::string& b) {
  double world = t.Value(year, a, kWorld, TradeFlowKind::kExport) + t.Value(year, a, kWorld, TradeFlowKind::kImport);
  if (!(world > 0)) return std::nullopt;
  std::set<std::string> partners;
  for (auto f : {TradeFlowKind::kExport, TradeFlowKind::kImport}) {
    for (const std::string& p : t.Partners(year, a, f)) partners.insert(p);
  }
  std::vector<std::pair<double, std::string>> totals;
  for (const std::string& p : partners) totals.push_back({Bilateral(t, year, a, p).total(), p});
  std::sort(totals.begin(), totals.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  PartnerStanding s;
  s.partners = static_cast<int>(totals.size());
  for (size_t i = 0; i < totals.size(); ++i) {
    if (totals[i].second == b) s.rank = static_cast<int>(i) + 1;
  }
  if (!s.rank) return std::nullopt;
  s.share_pct = 100.0 * Bilateral(t, year, a, b).total() / world;
  return s;
}

std::optional<double> TradeIntensity(const FlowTable& t, int year, const std::string& a, const std::string& b) {
  double x_ab = t.Value(year, a, b, TradeFlowKind::kExport);
  double x_a = t.Value(year, a, kWorld, TradeFlowKind::kExport);
  double m_b = t.Value(year, b, kWorld, TradeFlowKind::kImport);
  double m_w = 0;
  for (const std::string& r : t.Reporters(year)) m_w += t.Value(year, r, kWorld, TradeFlowKind::kImport);
  double m_a = t.Value(year, a, kWorld, TradeFlowKind::kImport);
  if (!(x_a > 0) || !(m_b > 0) || !(m_w - m_a > 0)) return std::nullopt;
  return (x_ab / x_a) / (m_b / (m_w - m_a));
}

std::optional<double> RevealedComparativeAdvantage(const FlowTable& t, int year, const std::string& exporter,
                                                   const std::string& product) {
  double x_ak = t.Value(year, exporter, kWorld, TradeFlowKind::kExport, product);
  double x_a = t.Value(year, exporter, kWorld, TradeFlowKind::kExport);
  double x_wk = 0, x_w = 0;
  for (const std::string& r : t.Reporters(year)) {
    x_wk += t.Value(year, r, kWorld, TradeFlowKind::kExport, product);
    x_w += t.Value(year, r, kWorld, TradeFlowKind::kExport);
  }
  if (!(x_a > 0) || !(x_wk > 0) || !(x_w > 0)) return std::nullopt;
  return (x_ak / x_a) / (x_wk / x_w);
}

std::optional<double> TradeComplementarity(const FlowTable& t, int year, const std::string& a, const std::string& b) {
  double x_a = t.Value(year, a, kWorld, TradeFlowKind::kExport);
  double m_b = t.Value(year, b, kWorld, TradeFlowKind::kImport);
  if (!(x_a > 0) || !(m_b > 0)) return std::nullopt;
  std::set<std::string> products;
  for (const auto& p : t.Products(year, a, kWorld, TradeFlowKind::kExport)) products.insert(p);
  for (const auto& p : t.Products(year, b, kWorld, TradeFlowKind::kImport)) products.insert(p);
  if (products.empty()) return std::nullopt;
  double sum = 0;
  for (const std::string& k : products) {
    sum += std::fabs(t.Value(year, b, kWorld, TradeFlowKind::kImport, k) / m_b -
                     t.Value(year, a, kWorld, TradeFlowKind::kExport, k) / x_a);
  }
  return 100.0 * (1.0 - sum / 2.0);
}

std::optional<double> GrubelLloyd(const FlowTable& t, int year, const std::string& a, const std::string& b) {
  std::set<std::string> products;
  for (auto f : {TradeFlowKind::kExport, TradeFlowKind::kImport}) {
    for (const auto& p : t.Products(year, a, b, f)) products.insert(p);
  }
  double diff = 0, sum = 0;
  for (const std::string& k : products) {
    double x = t.Value(year, a, b, TradeFlowKind::kExport, k), m = t.Value(year, a, b, TradeFlowKind::kImport, k);
    diff += std::fabs(x - m);
    sum += x + m;
  }
  if (!(sum > 0)) return std::nullopt;
  return 1.0 - diff / sum;
}

std::optional<Concentration> ExportConcentration(const FlowTable& t, int year, const std::string& a,
                                                 const std::string& b, size_t top) {
  std::vector<std::string> products = t.Products(year, a, b, TradeFlowKind::kExport);
  double total = 0;
  for (const auto& k : products) total += t.Value(year, a, b, TradeFlowKind::kExport, k);
  if (!(total > 0)) return std::nullopt;
  Concentration c;
  std::map<std::string, double> chapters;
  for (const auto& k : products) {
    double s = t.Value(year, a, b, TradeFlowKind::kExport, k) / total;
    c.hhi += s * s;
    chapters[k.substr(0, 2)] += s;
  }
  for (const auto& [ch, s] : chapters) c.top_chapters.push_back({ch, s});
  std::sort(c.top_chapters.begin(), c.top_chapters.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  if (c.top_chapters.size() > top) c.top_chapters.resize(top);
  return c;
}

std::optional<Mirror> MirrorGap(const FlowTable& t, int year, const std::string& a, const std::string& b) {
  if (!t.Has(year, a, TradeFlowKind::kExport) || !t.Has(year, b, TradeFlowKind::kImport)) return std::nullopt;
  Mirror m;
  m.exports_reported_by_a = t.Value(year, a, b, TradeFlowKind::kExport);
  m.imports_reported_by_b = t.Value(year, b, a, TradeFlowKind::kImport);
  if (!(m.imports_reported_by_b > 0)) return std::nullopt;
  m.gap_pct = 100.0 * (m.exports_reported_by_a / m.imports_reported_by_b - 1.0);
  return m;
}

}  // namespace bilat::measure
