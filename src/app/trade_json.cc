#include "app/trade_json.h"

#include <nlohmann/json.hpp>

namespace bilat::app {
namespace {

nlohmann::json OptJson(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json StandingJson(const std::optional<measure::PartnerStanding>& s) {
  if (!s) return nullptr;
  return {{"share_pct", s->share_pct}, {"rank", s->rank}, {"partners", s->partners}};
}

nlohmann::json MirrorJson(const std::optional<measure::Mirror>& m) {
  if (!m) return nullptr;
  return {{"exports_reported", m->exports_reported_by_a},
          {"imports_reported_by_partner", m->imports_reported_by_b},
          {"gap_pct", m->gap_pct}};
}

nlohmann::json IndicatorsJson(const measure::PartnerIndicators& p) {
  nlohmann::json chapters = nlohmann::json::array();
  if (p.concentration) {
    for (const auto& [ch, share] : p.concentration->top_chapters) {
      chapters.push_back({{"chapter", ch}, {"share_pct", 100.0 * share}});
    }
  }
  return {{"partner", p.partner},
          {"exports_usd", p.reports_exports ? nlohmann::json(p.totals.exports) : nlohmann::json(nullptr)},
          {"imports_usd", p.reports_imports ? nlohmann::json(p.totals.imports) : nlohmann::json(nullptr)},
          {"total_usd", p.reports_exports && p.reports_imports ? nlohmann::json(p.totals.total()) : nlohmann::json(nullptr)},
          {"balance_usd",
           p.reports_exports && p.reports_imports ? nlohmann::json(p.totals.balance()) : nlohmann::json(nullptr)},
          {"partner_in_country_trade", StandingJson(p.standing)},   // B's share of A's trade, B's rank
          {"country_in_partner_trade", StandingJson(p.partner_standing)},  // A's share of B's trade, A's rank
          {"intensity", OptJson(p.intensity)},
          {"complementarity", OptJson(p.complementarity)},
          {"grubel_lloyd", OptJson(p.grubel_lloyd)},
          {"hhi", p.concentration ? nlohmann::json(p.concentration->hhi) : nlohmann::json(nullptr)},
          {"top_chapters", chapters},
          {"mirror_exports", MirrorJson(p.mirror_exports)},
          {"mirror_imports", MirrorJson(p.mirror_imports)}};
}

const Record* MirrorWith(const StatedTradeFigure& s) {
  if (!s.mirror) return nullptr;
  return s.mirror->a == s.record ? s.mirror->b : s.mirror->a;
}

nlohmann::json StatedJson(const TradeAnswer& t, const StatedTradeFigure& s) {
  auto text = [](const std::string& v) { return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v); };
  auto id = [](const Record* r) { return r ? nlohmann::json(r->Text("id")) : nlohmann::json(nullptr); };
  return {{"dataset", kStatedDataset},
          {"country", t.a},
          {"partner", t.b},
          {"id", s.record->Text("id")},
          {"year", s.year},
          {"period", text(s.period)},
          {"reporter", text(s.reporter)},
          {"flow", s.flow},
          {"exporter", text(s.exporter)},
          {"importer", text(s.importer)},
          {"value", s.value},
          {"currency", s.currency},
          {"qualifier", s.qualifier},
          {"stated_growth_pct", OptJson(s.stated_growth_pct)},
          {"computed_growth_pct", OptJson(s.computed_growth_pct)},
          {"computed_growth_from", id(s.growth_from)},
          {"mirror_gap_pct", s.mirror ? nlohmann::json(s.mirror->gap_pct) : nlohmann::json(nullptr)},
          {"mirror_gap_with", id(MirrorWith(s))},
          {"source_id", s.record->Text("source_id")},
          {"locator", s.record->Text("locator")},
          {"registry", s.record->Origin()}};
}

}  // namespace

std::string TradeAnswerJson(const TradeAnswer& t) {
  nlohmann::json out = nlohmann::json::array();
  for (const TradeIndicatorRow& r : t.rows) {
    nlohmann::json j = IndicatorsJson(r.p);
    j["dataset"] = r.dataset;
    j["year"] = r.year;
    j["country"] = t.a;
    j["total_growth_pct"] = OptJson(r.total_growth_pct);
    out.push_back(j);
  }
  for (const StatedTradeFigure& s : t.stated) out.push_back(StatedJson(t, s));
  return out.dump(2);
}

}  // namespace bilat::app
