// Trade indicators for a country and its partners, computed from the flows
// of one dataset and one year.
//
// Two steps. TotalsBuilder derives, from every flow of the year, each
// country's trade with the world by product and in total, and with each
// partner in total (the store keeps these as trade_totals, so that a query
// for one country does not re-read the whole year). TradeYear indexes those
// totals with the product-level flows of the pairs asked about; the
// indicator functions read it. Formulas: docs/trade_indicators.md; tests
// against hand-computed values: tests/measure/trade_indicators_test.cc.
//
// Values are US dollars. A flow is as its reporter states it (exports to a
// partner, or imports from it), except in a reconciled dataset (BACI), which
// gives one figure per exporter -> importer flow: there, an exporter's export
// is also its partner's import, and mirror gaps do not exist.
#ifndef BILAT_MEASURE_TRADE_INDICATORS_H_
#define BILAT_MEASURE_TRADE_INDICATORS_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bilat::measure {

enum class TradeFlowKind { kExport, kImport };
// "export" -> kExport, anything else ("import") -> kImport: the store's words.
inline TradeFlowKind FlowKindOf(std::string_view flow) {
  return flow == "export" ? TradeFlowKind::kExport : TradeFlowKind::kImport;
}

inline constexpr std::string_view kWorldPartner = "WLD";
inline constexpr std::string_view kAllProducts = "TOTAL";

// Small dense ids for codes (countries, products), looked up by view.
class CodeIds {
 public:
  int Intern(std::string_view code);
  int Find(std::string_view code) const;  // -1 if unknown
  const std::string& Code(int id) const { return codes_[id]; }
  int size() const { return static_cast<int>(codes_.size()); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, Hash, std::equal_to<>> ids_;
  std::vector<std::string> codes_;
};

struct FlowRow {
  std::string reporter, partner;  // ISO alpha-3; "WLD" for the world
  TradeFlowKind flow = TradeFlowKind::kExport;
  std::string product;  // HS code ("TOTAL" for all goods)
  double value_usd = 0;
};

// Derives totals from the flows of one dataset and year, fed one at a time.
// The rows out are (country, "WLD", flow, product) for every product and
// (country, partner or "WLD", flow, "TOTAL"). A figure the data state
// directly (a "WLD" partner or a "TOTAL" product row) wins over a sum. Sums
// over products use the most detailed HS level present for that country,
// partner and flow (so a file with chapters and their subheadings is not
// counted twice); a world total with no products given is the sum over
// partners' totals.
class TotalsBuilder {
 public:
  explicit TotalsBuilder(bool reconciled);
  void Add(std::string_view reporter, std::string_view partner, TradeFlowKind flow, std::string_view product,
           double value_usd);
  std::vector<FlowRow> Finish();

 private:
  struct LevelSums {
    double sum[16] = {};
    uint16_t levels = 0;  // bit n: some product of n digits was added
    void Add(size_t code_length, double value);
    double Finest() const;
  };
  // `slot` 0 for the row as given, 1 for its reconciled mirror (each keeps
  // its own last-pair cache).
  void AddOne(int reporter, int partner, int flow, int product, size_t product_len, double value, int slot);

  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  bool reconciled_;
  CodeIds countries_, products_;
  int world_ = 0, total_ = 0;
  std::string last_reporter_, last_partner_;
  int last_r_ = -1, last_p_ = -1;
  std::unordered_map<uint64_t, double> stated_;        // (country, partner, flow, product): a WLD or TOTAL row
  std::vector<std::vector<double>> summed_;            // [country * 2 + flow][product]: sums over partners; NaN = none
  std::unordered_map<uint64_t, LevelSums> pair_sums_;  // (country, partner, flow): bilateral products
  uint64_t last_pair_key_[2] = {~0ull, ~0ull};
  LevelSums* last_pair_[2] = {nullptr, nullptr};
};

// All flows of a year through a TotalsBuilder.
std::vector<FlowRow> DeriveTotals(const std::vector<FlowRow>& flows, bool reconciled);

// One dataset's year, indexed for the indicator functions. `totals` are a
// TotalsBuilder's rows for every country of the year (partners are ranked,
// and world sums taken, over them); `bilateral` are product-level flows of
// the pairs whose product indicators (Grubel-Lloyd, concentration) are
// wanted: those reported by the country asked about, and those reported by
// others with it as partner.
class TradeYear {
 public:
  // Built row by row (AddTotal, AddBilateral, then Finish), or from vectors.
  explicit TradeYear(bool reconciled);
  TradeYear(bool reconciled, const std::vector<FlowRow>& totals, const std::vector<FlowRow>& bilateral);
  void AddTotal(std::string_view country, std::string_view partner, TradeFlowKind flow, std::string_view product,
                double value_usd);
  void AddBilateral(std::string_view reporter, std::string_view partner, TradeFlowKind flow,
                    std::string_view product, double value_usd);
  void Finish();  // call once, after the last Add
  // Every flow of the year: derives the totals itself (for tests and small data).
  static TradeYear FromFlows(bool reconciled, const std::vector<FlowRow>& flows);

  bool reconciled() const { return reconciled_; }
  // `country`'s trade with `partner` ("WLD": the world) in all goods; 0 when
  // nothing is reported.
  double Total(std::string_view country, std::string_view partner, TradeFlowKind flow) const;
  // `country`'s trade with the world in `product`.
  double WorldProduct(std::string_view country, TradeFlowKind flow, std::string_view product) const;
  // `country`'s trade with `partner` in `product` (from the bilateral rows).
  double BilateralProduct(std::string_view country, std::string_view partner, TradeFlowKind flow,
                          std::string_view product) const;
  // Whether the data give `country`'s trade with the world for that flow.
  bool Reports(std::string_view country, TradeFlowKind flow) const;
  // Whether the data give `country`'s trade with `partner` for that flow
  // (stated, or summed from products); a zero from absence is not a figure.
  bool HasTotal(std::string_view country, std::string_view partner, TradeFlowKind flow) const;
  // Partners of `country` (either flow), and every country with totals.
  std::vector<std::string> Partners(std::string_view country) const;
  std::vector<std::string> Countries() const;

  // Internals the indicator functions share.
  using ProductValues = std::vector<std::pair<int, double>>;  // product id, value; ascending ids
  int CountryId(std::string_view code) const;                // -1 if unknown
  int ProductId(std::string_view code) const;                // -1 if unknown
  const std::string& ProductCode(int id) const { return products_.Code(id); }
  const std::string& CountryCode(int id) const { return countries_.Code(id); }
  int product_count() const { return products_.size(); }
  const ProductValues* WorldProducts(int country, TradeFlowKind flow) const;
  const ProductValues* BilateralProducts(int country, int partner, TradeFlowKind flow) const;
  const std::vector<std::pair<int, double>>* PartnerTotals(int country, TradeFlowKind flow) const;
  double WorldSum(TradeFlowKind flow) const { return world_sum_[static_cast<int>(flow)]; }
  double WorldExportsOf(int product) const;  // sum over countries of exports of `product`
  double TotalById(int country, int partner, TradeFlowKind flow) const;
  // Sum of a country's world trade over its products (the finest HS level),
  // and of every country's exports over products: the bases of the product
  // indicators, so that their shares cover the same goods.
  double ProductSum(int country, TradeFlowKind flow) const;
  double WorldProductExports() const { return world_product_exports_; }

 private:
  static uint64_t Key(int country, int partner, int flow) {
    return (static_cast<uint64_t>(country) << 20) | (static_cast<uint64_t>(partner) << 1) | flow;
  }

  bool reconciled_;
  CodeIds countries_, products_;
  int world_ = 0;
  std::unordered_map<uint64_t, double> totals_;                 // (country, partner, flow)
  std::unordered_map<uint64_t, ProductValues> world_products_;  // (country, world, flow)
  std::unordered_map<uint64_t, ProductValues> bilateral_;       // (country, partner, flow)
  std::unordered_map<uint64_t, std::vector<std::pair<int, double>>> partner_totals_;  // (country, world, flow)
  std::vector<double> world_exports_by_product_;
  double world_product_exports_ = 0;
  double world_sum_[2] = {0, 0};
};

// a's exports to b, imports from b, total and balance, as a reports them.
struct BilateralTotals {
  double exports = 0, imports = 0;
  double total() const { return exports + imports; }
  double balance() const { return exports - imports; }
};
BilateralTotals Bilateral(const TradeYear& t, std::string_view a, std::string_view b);

// b's share, in percent, of a's total trade (exports + imports) with the
// world, and b's rank among a's partners by that total (1 = largest).
struct PartnerStanding {
  double share_pct = 0;
  int rank = 0;
  int partners = 0;
};
std::optional<PartnerStanding> Standing(const TradeYear& t, std::string_view a, std::string_view b);

// Trade intensity of a's exports to b: (x_ab / X_a) / (M_b / (M_w - M_a)),
// where M_w is world imports (sum over countries). 1 = as much as b's weight
// in world imports predicts. None unless the data give x_ab.
std::optional<double> TradeIntensity(const TradeYear& t, std::string_view a, std::string_view b);

// Balassa revealed comparative advantage of `exporter` in `product`:
// (x_ak / X_a) / (x_wk / X_w), world = all countries' exports; X_a and X_w
// are sums over products (the finest HS level), so that countries giving
// only totals do not weigh in the world's side alone.
std::optional<double> RevealedComparativeAdvantage(const TradeYear& t, std::string_view exporter,
                                                   std::string_view product);

// Trade complementarity of a's exports with b's imports, 0..100:
// 100 * (1 - sum_k |m_bk / M_b - x_ak / X_a| / 2), M_b and X_a the sums over
// products (so the shares each add up to one).
std::optional<double> TradeComplementarity(const TradeYear& t, std::string_view a, std::string_view b);

// Grubel-Lloyd intra-industry trade of a with b over products, 0..1:
// 1 - sum_k |x_k - m_k| / sum_k (x_k + m_k). None unless the data give a's
// trade both ways (a missing direction is not zero trade).
std::optional<double> GrubelLloyd(const TradeYear& t, std::string_view a, std::string_view b);

// Herfindahl-Hirschman concentration of a's exports to b over products,
// sum of squared shares (0..1), with the largest HS chapters (2 digits).
struct Concentration {
  double hhi = 0;
  int products = 0;
  std::vector<std::pair<std::string, double>> top_chapters;  // chapter, share of the total, largest first
};
std::optional<Concentration> ExportConcentration(const TradeYear& t, std::string_view a, std::string_view b,
                                                 size_t top = 5);

// Mirror statistics: a's reported exports to b against b's reported imports
// from a. gap_pct = 100 * (exports_by_a / imports_by_b - 1). Imports are
// usually valued CIF (with freight and insurance), exports FOB, so imports
// tend to exceed the mirror exports by a few percent even when both are right.
// None in a reconciled dataset, where the two are one figure, and unless
// both statements are in the data.
struct Mirror {
  double exports_reported_by_a = 0;
  double imports_reported_by_b = 0;
  double gap_pct = 0;
};
std::optional<Mirror> MirrorStatistics(const TradeYear& t, std::string_view a, std::string_view b);

// Every indicator of `a` against one partner.
struct PartnerIndicators {
  std::string partner;
  BilateralTotals totals;
  bool reports_exports = false, reports_imports = false;  // whether the data give a's exports / imports at all
  std::optional<PartnerStanding> standing;          // b in a's trade
  std::optional<PartnerStanding> partner_standing;  // a in b's trade
  std::optional<double> intensity;                  // of a's exports to b
  std::optional<double> complementarity;            // a's exports with b's imports
  std::optional<double> grubel_lloyd;
  std::optional<Concentration> concentration;       // a's exports to b
  std::optional<Mirror> mirror_exports;             // a's exports vs b's imports from a
  std::optional<Mirror> mirror_imports;             // b's exports vs a's imports from b
};

// `a` against each of its partners, largest total trade first.
std::vector<PartnerIndicators> AllPartners(const TradeYear& t, std::string_view a);
// `a` against `b` only.
PartnerIndicators PairIndicators(const TradeYear& t, std::string_view a, std::string_view b);

// a's exports by HS chapter: value, share of a's exports, and the chapter's
// revealed comparative advantage; largest first.
struct ChapterExport {
  std::string chapter;
  double value_usd = 0, share = 0;
  std::optional<double> rca;
};
std::vector<ChapterExport> ExportChapters(const TradeYear& t, std::string_view a, size_t top = 5);

}  // namespace bilat::measure

#endif  // BILAT_MEASURE_TRADE_INDICATORS_H_
