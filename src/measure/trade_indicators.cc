#include "measure/trade_indicators.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace bilat::measure {
namespace {

constexpr int F(TradeFlowKind k) { return k == TradeFlowKind::kExport ? 0 : 1; }
constexpr TradeFlowKind kFlows[] = {TradeFlowKind::kExport, TradeFlowKind::kImport};

uint64_t CellKey(int country, int partner, int flow, int product) {
  return (static_cast<uint64_t>(country) << 42) | (static_cast<uint64_t>(partner) << 25) |
         (static_cast<uint64_t>(flow) << 24) | static_cast<uint64_t>(product);
}
uint64_t PairKey(int country, int partner, int flow) {
  return (static_cast<uint64_t>(country) << 20) | (static_cast<uint64_t>(partner) << 1) |
         static_cast<uint64_t>(flow);
}

}  // namespace

int CodeIds::Intern(std::string_view code) {
  auto it = ids_.find(code);
  if (it != ids_.end()) return it->second;
  int id = static_cast<int>(codes_.size());
  codes_.emplace_back(code);
  ids_.emplace(std::string(code), id);
  return id;
}

int CodeIds::Find(std::string_view code) const {
  auto it = ids_.find(code);
  return it == ids_.end() ? -1 : it->second;
}

// ---------------------------------------------------------------- totals

void TotalsBuilder::LevelSums::Add(size_t code_length, double value) {
  size_t n = std::min<size_t>(code_length, 15);
  sum[n] += value;
  levels |= static_cast<uint16_t>(1u << n);
}

double TotalsBuilder::LevelSums::Finest() const {
  for (int n = 15; n >= 0; --n) {
    if (levels & (1u << n)) return sum[n];
  }
  return 0;
}

TotalsBuilder::TotalsBuilder(bool reconciled) : reconciled_(reconciled) {
  world_ = countries_.Intern(kWorldPartner);
  total_ = products_.Intern(kAllProducts);
}

void TotalsBuilder::Add(std::string_view reporter, std::string_view partner, TradeFlowKind flow,
                        std::string_view product, double value_usd) {
  // Sorted input (BACI, most Comtrade files) repeats reporter and partner
  // for many rows: remember the last two lookups.
  if (last_r_ < 0 || reporter != last_reporter_) {
    last_reporter_.assign(reporter);
    last_r_ = countries_.Intern(reporter);
  }
  if (last_p_ < 0 || partner != last_partner_) {
    last_partner_.assign(partner);
    last_p_ = countries_.Intern(partner);
  }
  const int r = last_r_, p = last_p_, k = products_.Intern(product);
  AddOne(r, p, F(flow), k, product.size(), value_usd, 0);
  // A reconciled flow is the exporter's export and the importer's import.
  if (reconciled_ && flow == TradeFlowKind::kExport && p != world_) {
    AddOne(p, r, F(TradeFlowKind::kImport), k, product.size(), value_usd, 1);
  }
}

void TotalsBuilder::AddOne(int r, int p, int f, int k, size_t product_len, double v, int slot) {
  if (p == world_ || k == total_) {
    stated_[CellKey(r, p, f, k)] += v;
    return;
  }
  const size_t row = static_cast<size_t>(r) * 2 + static_cast<size_t>(f);
  if (row >= summed_.size()) summed_.resize(row + 1);
  std::vector<double>& sums = summed_[row];
  if (static_cast<size_t>(k) >= sums.size()) sums.resize(products_.size(), kNone);
  double& cell = sums[static_cast<size_t>(k)];
  cell = std::isnan(cell) ? v : cell + v;
  const uint64_t key = PairKey(r, p, f);
  if (key != last_pair_key_[slot]) {
    last_pair_key_[slot] = key;
    last_pair_[slot] = &pair_sums_[key];  // node-based: the address survives rehashing
  }
  last_pair_[slot]->Add(product_len, v);
}

std::vector<FlowRow> TotalsBuilder::Finish() {
  std::vector<FlowRow> out;
  auto flow_of = [](int f) { return f == 0 ? TradeFlowKind::kExport : TradeFlowKind::kImport; };
  std::unordered_map<uint64_t, LevelSums> world_stated;  // (country, world, flow): stated world figures by product
  std::unordered_map<uint64_t, double> partner_sum;      // (country, world, flow): sum of partners' totals
  std::set<uint64_t> world_totals_stated, pairs_stated;
  auto world_product = [&](int r, int f, int k, double v) {
    out.push_back({countries_.Code(r), countries_.Code(world_), flow_of(f), products_.Code(k), v});
  };
  for (const auto& [key, v] : stated_) {
    int r = static_cast<int>(key >> 42), p = static_cast<int>((key >> 25) & 0x1FFFF);
    int f = static_cast<int>((key >> 24) & 1), k = static_cast<int>(key & 0xFFFFFF);
    if (k == total_) {
      out.push_back({countries_.Code(r), countries_.Code(p), flow_of(f), products_.Code(k), v});
      if (p == world_) {
        world_totals_stated.insert(PairKey(r, world_, f));
      } else {
        pairs_stated.insert(PairKey(r, p, f));
        partner_sum[PairKey(r, world_, f)] += v;
      }
      continue;
    }
    // A stated world figure for a product wins over the sum over partners.
    world_product(r, f, k, v);
    world_stated[PairKey(r, world_, f)].Add(products_.Code(k).size(), v);
  }
  for (size_t row = 0; row < summed_.size(); ++row) {
    const int r = static_cast<int>(row / 2), f = static_cast<int>(row % 2);
    for (size_t k = 0; k < summed_[row].size(); ++k) {
      double v = summed_[row][k];
      if (std::isnan(v) || stated_.count(CellKey(r, world_, f, static_cast<int>(k)))) continue;
      world_product(r, f, static_cast<int>(k), v);
    }
  }
  for (const auto& [key, sums] : pair_sums_) {
    if (pairs_stated.count(key)) continue;
    int r = static_cast<int>(key >> 20), p = static_cast<int>((key >> 1) & 0x7FFFF), f = static_cast<int>(key & 1);
    double v = sums.Finest();
    out.push_back({countries_.Code(r), countries_.Code(p), flow_of(f), products_.Code(total_), v});
    partner_sum[PairKey(r, world_, f)] += v;
  }
  // Every (country, flow) with world trade: stated by product, or through partners.
  std::set<uint64_t> world_keys;
  for (const auto& [key, s] : world_stated) world_keys.insert(key);
  for (const auto& [key, s] : partner_sum) world_keys.insert(key);
  for (uint64_t key : world_keys) {
    if (world_totals_stated.count(key)) continue;
    int r = static_cast<int>(key >> 20), f = static_cast<int>(key & 1);
    // Stated world figures by product sum to the total; otherwise the
    // partners' totals do (they include partners given only in total).
    auto st = world_stated.find(key);
    double v = st != world_stated.end() ? st->second.Finest() : partner_sum[key];
    out.push_back({countries_.Code(r), countries_.Code(world_), flow_of(f), products_.Code(total_), v});
  }
  return out;
}

std::vector<FlowRow> DeriveTotals(const std::vector<FlowRow>& flows, bool reconciled) {
  TotalsBuilder b(reconciled);
  for (const FlowRow& r : flows) b.Add(r.reporter, r.partner, r.flow, r.product, r.value_usd);
  return b.Finish();
}

// ---------------------------------------------------------------- index

TradeYear::TradeYear(bool reconciled) : reconciled_(reconciled) { world_ = countries_.Intern(kWorldPartner); }

void TradeYear::AddTotal(std::string_view country, std::string_view partner, TradeFlowKind flow,
                         std::string_view product, double value) {
  int c = countries_.Intern(country), p = countries_.Intern(partner), f = F(flow);
  if (product == kAllProducts) {
    totals_[Key(c, p, f)] += value;
    if (p != world_) partner_totals_[Key(c, world_, f)].push_back({p, value});
  } else if (p == world_) {
    world_products_[Key(c, world_, f)].push_back({products_.Intern(product), value});
  }
}

void TradeYear::AddBilateral(std::string_view reporter, std::string_view partner, TradeFlowKind flow,
                             std::string_view product, double value) {
  if (product == kAllProducts || partner == kWorldPartner) return;
  int c = countries_.Intern(reporter), p = countries_.Intern(partner), k = products_.Intern(product);
  bilateral_[Key(c, p, F(flow))].push_back({k, value});
  if (reconciled_ && flow == TradeFlowKind::kExport) {
    bilateral_[Key(p, c, F(TradeFlowKind::kImport))].push_back({k, value});
  }
}

TradeYear::TradeYear(bool reconciled, const std::vector<FlowRow>& totals, const std::vector<FlowRow>& bilateral)
    : TradeYear(reconciled) {
  for (const FlowRow& r : totals) AddTotal(r.reporter, r.partner, r.flow, r.product, r.value_usd);
  for (const FlowRow& r : bilateral) AddBilateral(r.reporter, r.partner, r.flow, r.product, r.value_usd);
  Finish();
}

void TradeYear::Finish() {
  auto tidy = [](ProductValues& v) {
    std::sort(v.begin(), v.end());
    // Merge repeats (the same product given twice sums).
    size_t o = 0;
    for (size_t i = 0; i < v.size(); ++i) {
      if (o > 0 && v[o - 1].first == v[i].first) {
        v[o - 1].second += v[i].second;
      } else {
        v[o++] = v[i];
      }
    }
    v.resize(o);
  };
  // Keep the finest HS level of each list, as the totals do: a file with
  // chapter 01 and its subheadings must not count the goods twice.
  auto finest = [this](ProductValues& v) {
    size_t longest = 0;
    for (const auto& [k, value] : v) longest = std::max(longest, products_.Code(k).size());
    v.erase(std::remove_if(v.begin(), v.end(),
                           [&](const std::pair<int, double>& e) { return products_.Code(e.first).size() != longest; }),
            v.end());
  };
  for (auto& [k, v] : world_products_) {
    tidy(v);
    finest(v);
  }
  for (auto& [k, v] : bilateral_) {
    tidy(v);
    finest(v);
  }
  world_exports_by_product_.assign(products_.size(), 0);
  world_product_exports_ = 0;
  for (const auto& [key, v] : world_products_) {
    if ((key & 1) != 0) continue;
    for (const auto& [k, value] : v) {
      world_exports_by_product_[k] += value;
      world_product_exports_ += value;
    }
  }
  world_sum_[0] = world_sum_[1] = 0;
  for (const auto& [key, v] : totals_) {
    if (static_cast<int>((key >> 1) & 0x7FFFF) == world_) world_sum_[key & 1] += v;
  }
}

TradeYear TradeYear::FromFlows(bool reconciled, const std::vector<FlowRow>& flows) {
  return TradeYear(reconciled, DeriveTotals(flows, reconciled), flows);
}

int TradeYear::ProductId(std::string_view code) const { return products_.Find(code); }

int TradeYear::CountryId(std::string_view code) const { return countries_.Find(code); }

double TradeYear::TotalById(int country, int partner, TradeFlowKind flow) const {
  if (country < 0 || partner < 0) return 0;
  auto it = totals_.find(Key(country, partner, F(flow)));
  return it == totals_.end() ? 0 : it->second;
}

double TradeYear::Total(std::string_view country, std::string_view partner, TradeFlowKind flow) const {
  return TotalById(CountryId(country), CountryId(partner), flow);
}

bool TradeYear::Reports(std::string_view country, TradeFlowKind flow) const {
  int c = CountryId(country);
  return c >= 0 && totals_.count(Key(c, world_, F(flow))) > 0;
}

namespace {
double Find(const TradeYear::ProductValues* v, int product) {
  if (!v) return 0;
  auto it = std::lower_bound(v->begin(), v->end(), std::make_pair(product, -HUGE_VAL));
  return it != v->end() && it->first == product ? it->second : 0;
}
}  // namespace

const TradeYear::ProductValues* TradeYear::WorldProducts(int country, TradeFlowKind flow) const {
  if (country < 0) return nullptr;
  auto it = world_products_.find(Key(country, world_, F(flow)));
  return it == world_products_.end() ? nullptr : &it->second;
}

const TradeYear::ProductValues* TradeYear::BilateralProducts(int country, int partner, TradeFlowKind flow) const {
  if (country < 0 || partner < 0) return nullptr;
  auto it = bilateral_.find(Key(country, partner, F(flow)));
  return it == bilateral_.end() ? nullptr : &it->second;
}

const std::vector<std::pair<int, double>>* TradeYear::PartnerTotals(int country, TradeFlowKind flow) const {
  if (country < 0) return nullptr;
  auto it = partner_totals_.find(Key(country, world_, F(flow)));
  return it == partner_totals_.end() ? nullptr : &it->second;
}

double TradeYear::WorldProduct(std::string_view country, TradeFlowKind flow, std::string_view product) const {
  int k = products_.Find(product);
  return k < 0 ? 0 : Find(WorldProducts(CountryId(country), flow), k);
}

double TradeYear::BilateralProduct(std::string_view country, std::string_view partner, TradeFlowKind flow,
                                   std::string_view product) const {
  int k = products_.Find(product);
  return k < 0 ? 0 : Find(BilateralProducts(CountryId(country), CountryId(partner), flow), k);
}

double TradeYear::WorldExportsOf(int product) const {
  return product >= 0 && product < static_cast<int>(world_exports_by_product_.size())
             ? world_exports_by_product_[product]
             : 0;
}

double TradeYear::ProductSum(int country, TradeFlowKind flow) const {
  const ProductValues* v = WorldProducts(country, flow);
  double s = 0;
  if (v) {
    for (const auto& [k, value] : *v) s += value;
  }
  return s;
}

bool TradeYear::HasTotal(std::string_view country, std::string_view partner, TradeFlowKind flow) const {
  int c = CountryId(country), p = CountryId(partner);
  return c >= 0 && p >= 0 && totals_.count(Key(c, p, F(flow))) > 0;
}

std::vector<std::string> TradeYear::Partners(std::string_view country) const {
  std::set<std::string> out;
  int c = CountryId(country);
  for (TradeFlowKind f : kFlows) {
    if (const auto* v = PartnerTotals(c, f)) {
      for (const auto& [p, value] : *v) out.insert(countries_.Code(p));
    }
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> TradeYear::Countries() const {
  std::set<std::string> out;
  for (const auto& [key, v] : totals_) out.insert(countries_.Code(static_cast<int>(key >> 20)));
  return {out.begin(), out.end()};
}

// ---------------------------------------------------------------- indicators

BilateralTotals Bilateral(const TradeYear& t, std::string_view a, std::string_view b) {
  return {t.Total(a, b, TradeFlowKind::kExport), t.Total(a, b, TradeFlowKind::kImport)};
}

std::optional<PartnerStanding> Standing(const TradeYear& t, std::string_view a, std::string_view b) {
  int ia = t.CountryId(a), ib = t.CountryId(b), w = t.CountryId(kWorldPartner);
  double world = t.TotalById(ia, w, TradeFlowKind::kExport) + t.TotalById(ia, w, TradeFlowKind::kImport);
  if (!(world > 0) || ib < 0) return std::nullopt;
  std::map<int, double> by_partner;
  for (TradeFlowKind f : kFlows) {
    if (const auto* v = t.PartnerTotals(ia, f)) {
      for (const auto& [p, value] : *v) by_partner[p] += value;
    }
  }
  auto own = by_partner.find(ib);
  if (own == by_partner.end()) return std::nullopt;
  PartnerStanding s;
  s.partners = static_cast<int>(by_partner.size());
  s.rank = 1;
  for (const auto& [p, value] : by_partner) {
    // Ties rank by code, as a stable order for equal totals.
    if (value > own->second || (value == own->second && t.CountryCode(p) < t.CountryCode(ib))) ++s.rank;
  }
  s.share_pct = 100.0 * own->second / world;
  return s;
}

std::optional<double> TradeIntensity(const TradeYear& t, std::string_view a, std::string_view b) {
  if (!t.HasTotal(a, b, TradeFlowKind::kExport)) return std::nullopt;
  double x_ab = t.Total(a, b, TradeFlowKind::kExport);
  double x_a = t.Total(a, kWorldPartner, TradeFlowKind::kExport);
  double m_b = t.Total(b, kWorldPartner, TradeFlowKind::kImport);
  double m_w = t.WorldSum(TradeFlowKind::kImport);
  double m_a = t.Total(a, kWorldPartner, TradeFlowKind::kImport);
  if (!(x_a > 0) || !(m_b > 0) || !(m_w - m_a > 0)) return std::nullopt;
  return (x_ab / x_a) / (m_b / (m_w - m_a));
}

std::optional<double> RevealedComparativeAdvantage(const TradeYear& t, std::string_view exporter,
                                                   std::string_view product) {
  double x_ak = t.WorldProduct(exporter, TradeFlowKind::kExport, product);
  double x_a = t.ProductSum(t.CountryId(exporter), TradeFlowKind::kExport);
  double x_w = t.WorldProductExports();
  double x_wk = t.WorldExportsOf(t.ProductId(product));
  if (!(x_a > 0) || !(x_wk > 0) || !(x_w > 0)) return std::nullopt;
  return (x_ak / x_a) / (x_wk / x_w);
}

std::optional<double> TradeComplementarity(const TradeYear& t, std::string_view a, std::string_view b) {
  int ia = t.CountryId(a), ib = t.CountryId(b);
  const auto* xs = t.WorldProducts(ia, TradeFlowKind::kExport);
  const auto* ms = t.WorldProducts(ib, TradeFlowKind::kImport);
  double x_a = t.ProductSum(ia, TradeFlowKind::kExport);
  double m_b = t.ProductSum(ib, TradeFlowKind::kImport);
  if (!(x_a > 0) || !(m_b > 0) || !xs || !ms) return std::nullopt;
  // Sum of |q_k - p_k| over the union of both product lists, walking a's
  // list only: products only b imports add their q_k, which together are
  // one (the shares' sum) less the part a's products cover.
  double sum = 0, covered = 0;
  for (const auto& [k, x] : *xs) {
    double q = Find(ms, k) / m_b;
    sum += std::fabs(q - x / x_a);
    covered += q;
  }
  sum += std::max(0.0, 1.0 - covered);
  return 100.0 * (1.0 - sum / 2.0);
}

std::optional<double> GrubelLloyd(const TradeYear& t, std::string_view a, std::string_view b) {
  if (!t.Reports(a, TradeFlowKind::kExport) || !t.Reports(a, TradeFlowKind::kImport)) return std::nullopt;
  int ia = t.CountryId(a), ib = t.CountryId(b);
  const auto* xs = t.BilateralProducts(ia, ib, TradeFlowKind::kExport);
  const auto* ms = t.BilateralProducts(ia, ib, TradeFlowKind::kImport);
  static const TradeYear::ProductValues kNone;
  if (!xs) xs = &kNone;
  if (!ms) ms = &kNone;
  double diff = 0, sum = 0;
  size_t i = 0, j = 0;
  while (i < xs->size() || j < ms->size()) {
    double x = 0, m = 0;
    if (j >= ms->size() || (i < xs->size() && (*xs)[i].first < (*ms)[j].first)) {
      x = (*xs)[i++].second;
    } else if (i >= xs->size() || (*ms)[j].first < (*xs)[i].first) {
      m = (*ms)[j++].second;
    } else {
      x = (*xs)[i++].second;
      m = (*ms)[j++].second;
    }
    diff += std::fabs(x - m);
    sum += x + m;
  }
  if (!(sum > 0)) return std::nullopt;
  return 1.0 - diff / sum;
}

std::optional<Concentration> ExportConcentration(const TradeYear& t, std::string_view a, std::string_view b,
                                                 size_t top) {
  const auto* xs = t.BilateralProducts(t.CountryId(a), t.CountryId(b), TradeFlowKind::kExport);
  if (!xs) return std::nullopt;
  double total = 0;
  for (const auto& [k, v] : *xs) total += v;
  if (!(total > 0)) return std::nullopt;
  Concentration c;
  c.products = static_cast<int>(xs->size());
  std::map<std::string, double> chapters;
  for (const auto& [k, v] : *xs) {
    double s = v / total;
    c.hhi += s * s;
    chapters[t.ProductCode(k).substr(0, 2)] += s;
  }
  for (const auto& [ch, s] : chapters) c.top_chapters.push_back({ch, s});
  std::sort(c.top_chapters.begin(), c.top_chapters.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  if (c.top_chapters.size() > top) c.top_chapters.resize(top);
  return c;
}

std::optional<Mirror> MirrorStatistics(const TradeYear& t, std::string_view a, std::string_view b) {
  if (t.reconciled()) return std::nullopt;
  if (!t.HasTotal(a, b, TradeFlowKind::kExport) || !t.HasTotal(b, a, TradeFlowKind::kImport)) return std::nullopt;
  Mirror m;
  m.exports_reported_by_a = t.Total(a, b, TradeFlowKind::kExport);
  m.imports_reported_by_b = t.Total(b, a, TradeFlowKind::kImport);
  if (!(m.imports_reported_by_b > 0)) return std::nullopt;
  m.gap_pct = 100.0 * (m.exports_reported_by_a / m.imports_reported_by_b - 1.0);
  return m;
}

PartnerIndicators PairIndicators(const TradeYear& t, std::string_view a, std::string_view b) {
  PartnerIndicators p;
  p.partner = std::string(b);
  p.totals = Bilateral(t, a, b);
  p.reports_exports = t.Reports(a, TradeFlowKind::kExport);
  p.reports_imports = t.Reports(a, TradeFlowKind::kImport);
  p.standing = Standing(t, a, b);
  p.partner_standing = Standing(t, b, a);
  p.intensity = TradeIntensity(t, a, b);
  p.complementarity = TradeComplementarity(t, a, b);
  p.grubel_lloyd = GrubelLloyd(t, a, b);
  p.concentration = ExportConcentration(t, a, b);
  p.mirror_exports = MirrorStatistics(t, a, b);
  p.mirror_imports = MirrorStatistics(t, b, a);
  return p;
}

std::vector<PartnerIndicators> AllPartners(const TradeYear& t, std::string_view a) {
  std::vector<PartnerIndicators> out;
  for (const std::string& b : t.Partners(a)) out.push_back(PairIndicators(t, a, b));
  std::sort(out.begin(), out.end(), [](const PartnerIndicators& x, const PartnerIndicators& y) {
    return x.totals.total() != y.totals.total() ? x.totals.total() > y.totals.total() : x.partner < y.partner;
  });
  return out;
}

std::vector<ChapterExport> ExportChapters(const TradeYear& t, std::string_view a, size_t top) {
  int ia = t.CountryId(a);
  const auto* xs = t.WorldProducts(ia, TradeFlowKind::kExport);
  double x_a = t.ProductSum(ia, TradeFlowKind::kExport);
  double x_w = t.WorldProductExports();
  if (!xs || !(x_a > 0)) return {};
  std::map<std::string, std::pair<double, double>> chapters;  // a's value, world value
  for (const auto& [k, v] : *xs) chapters[t.ProductCode(k).substr(0, 2)].first += v;
  for (int k = 0; k < t.product_count(); ++k) {
    auto it = chapters.find(t.ProductCode(k).substr(0, 2));
    if (it != chapters.end()) it->second.second += t.WorldExportsOf(k);
  }
  std::vector<ChapterExport> out;
  for (const auto& [ch, vw] : chapters) {
    ChapterExport e;
    e.chapter = ch;
    e.value_usd = vw.first;
    e.share = vw.first / x_a;
    if (vw.second > 0 && x_w > 0) e.rca = e.share / (vw.second / x_w);
    out.push_back(e);
  }
  std::sort(out.begin(), out.end(), [](const ChapterExport& x, const ChapterExport& y) {
    return x.value_usd != y.value_usd ? x.value_usd > y.value_usd : x.chapter < y.chapter;
  });
  if (out.size() > top) out.resize(top);
  return out;
}

}  // namespace bilat::measure
