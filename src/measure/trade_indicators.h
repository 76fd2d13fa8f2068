// Trade indicators for a country pair, computed from reported flows.
//
// Pure functions over a FlowTable (no storage), each documented with its
// formula in docs/trade_indicators.md and tested against hand-computed values
// in tests/measure/trade_indicators_test.cc. Values are US dollars. A flow is
// as a reporter states it: exports to a partner, or imports from it.
#ifndef BILAT_MEASURE_TRADE_INDICATORS_H_
#define BILAT_MEASURE_TRADE_INDICATORS_H_

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace bilat::measure {

enum class TradeFlowKind { kExport, kImport };

struct FlowRow {
  int year = 0;
  std::string reporter, partner;  // ISO alpha-3; "WLD" for the world
  TradeFlowKind flow = TradeFlowKind::kExport;
  std::string product;            // HS code ("TOTAL" for all goods)
  double value_usd = 0;
};

// Indexed flows of one year. Lookups sum over matching rows.
class FlowTable {
 public:
  explicit FlowTable(const std::vector<FlowRow>& rows);
  // What `reporter` reports for `flow` with `partner` ("WLD": all partners)
  // in `product` ("TOTAL": all products); 0 when nothing is reported.
  double Value(int year, const std::string& reporter, const std::string& partner, TradeFlowKind flow,
               const std::string& product = "TOTAL") const;
  // Whether the reporter reported anything for that year and flow.
  bool Has(int year, const std::string& reporter, TradeFlowKind flow) const;
  // Products (not "TOTAL") that `reporter` reports with `partner` in `year`.
  std::vector<std::string> Products(int year, const std::string& reporter, const std::string& partner,
                                    TradeFlowKind flow) const;
  // Partners of `reporter` in `year` (not "WLD").
  std::vector<std::string> Partners(int year, const std::string& reporter, TradeFlowKind flow) const;
  // Reporters present in `year`.
  std::vector<std::string> Reporters(int year) const;

 private:
  // (year, reporter, partner, flow, product) -> value; totals are filled in
  // for "TOTAL" products and "WLD" partners when the data do not give them.
  std::map<std::tuple<int, std::string, std::string, int, std::string>, double> values_;
};

// a's exports to b, imports from b, total and balance, as a reports them.
struct BilateralTotals {
  double exports = 0, imports = 0;
  double total() const { return exports + imports; }
  double balance() const { return exports - imports; }
};
BilateralTotals Bilateral(const FlowTable& t, int year, const std::string& a, const std::string& b);

// b's share, in percent, of a's total trade (exports + imports) with the
// world, and b's rank among a's partners by that total (1 = largest).
struct PartnerStanding {
  double share_pct = 0;
  int rank = 0;
  int partners = 0;
};
std::optional<PartnerStanding> Standing(const FlowTable& t, int year, const std::string& a, const std::string& b);

// Trade intensity of a's exports to b: (x_ab / X_a) / (M_b / (M_w - M_a)),
// where M_w is world imports (sum over reporters). 1 = as much as b's weight
// in world imports predicts.
std::optional<double> TradeIntensity(const FlowTable& t, int year, const std::string& a, const std::string& b);

// Balassa revealed comparative advantage of `exporter` in `product`:
// (x_ak / X_a) / (x_wk / X_w), world = all reporters' exports.
std::optional<double> RevealedComparativeAdvantage(const FlowTable& t, int year, const std::string& exporter,
                                                   const std::string& product);

// Trade complementarity of a's exports with b's imports, 0..100:
// 100 * (1 - sum_k |m_bk / M_b - x_ak / X_a| / 2).
std::optional<double> TradeComplementarity(const FlowTable& t, int year, const std::string& a, const std::string& b);

// Grubel-Lloyd intra-industry trade of a with b over products, 0..1:
// 1 - sum_k |x_k - m_k| / sum_k (x_k + m_k).
std::optional<double> GrubelLloyd(const FlowTable& t, int year, const std::string& a, const std::string& b);

// Herfindahl-Hirschman concentration of a's exports to b over products,
// sum of squared shares (0..1), with the largest HS chapters (2 digits).
struct Concentration {
  double hhi = 0;
  std::vector<std::pair<std::string, double>> top_chapters;  // chapter, share of the total, largest first
};
std::optional<Concentration> ExportConcentration(const FlowTable& t, int year, const std::string& a,
                                                 const std::string& b, size_t top = 5);

// Mirror statistics: a's reported exports to b against b's reported imports
// from a. gap_pct = 100 * (exports_by_a / imports_by_b - 1). Imports are
// usually valued CIF (with freight and insurance), exports FOB, so imports
// tend to exceed the mirror exports by a few percent even when both are right.
struct Mirror {
  double exports_reported_by_a = 0;
  double imports_reported_by_b = 0;
  double gap_pct = 0;
};
std::optional<Mirror> MirrorGap(const FlowTable& t, int year, const std::string& a, const std::string& b);

}  // namespace bilat::measure

#endif  // BILAT_MEASURE_TRADE_INDICATORS_H_
