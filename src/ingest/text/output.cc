#include "ingest/text/output.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace bilat::text {
namespace {

using Json = nlohmann::ordered_json;

Json Str(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json DateJson(const TextDate& d) { return d.IsSet() ? Json(d.Iso()) : Json(nullptr); }

// Whole numbers print as integers ("55", not "55.0"); others keep their digits.
Json Num(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return Json(static_cast<long long>(v));
  return Json(v);
}

Json EvidenceJson(const Evidence& e) {
  return Json{{"doc", e.doc_id}, {"begin", e.begin}, {"end", e.end}, {"text", e.text()}};
}

double Confidence(double c) { return std::round(c * 100) / 100; }

Json CameoJson(const CameoCoding& c) {
  return Json{{"code", c.code}, {"goldstein", c.goldstein}, {"source", Str(c.source)}, {"target", Str(c.target)}};
}

Json VisitJson(const Visit& v) {
  Json j{{"visitor_country", v.visitor_country}, {"visitor", Str(v.visitor)}, {"host_country", v.host_country},
         {"date", DateJson(v.date)}, {"kind", v.kind}, {"status", v.status}};
  j["cameo"] = CameoJson(v.cameo);
  j["confidence"] = Confidence(v.confidence);
  j["evidence"] = EvidenceJson(v.evidence);
  return j;
}

Json EventJson(const Event& e) {
  Json j{{"date", DateJson(e.date)}, {"kind", e.kind}, {"parties", e.parties}, {"what", Str(e.what)},
         {"status", e.status}};
  j["cameo"] = CameoJson(e.cameo);
  j["confidence"] = Confidence(e.confidence);
  j["evidence"] = EvidenceJson(e.evidence);
  return j;
}

Json TradeJson(const TradeFigure& t) {
  Json year = t.year == 0 ? Json(nullptr)
                          : (t.end_year ? Json(std::to_string(t.year) + "/" + std::to_string(t.end_year)) : Json(t.year));
  Json j{{"year", year},
         {"period", Str(t.period)},
         {"value", Num(t.value)},
         {"unit", t.unit},
         {"flow", t.flow},
         {"reporter_or_direction", Str(t.reporter_or_direction)},
         {"yoy_pct", t.yoy_pct ? Num(*t.yoy_pct) : Json(nullptr)},
         {"qualifier", Str(t.qualifier)},
         {"source", Str(t.source)}};
  j["confidence"] = Confidence(t.confidence);
  j["evidence"] = EvidenceJson(t.evidence);
  return j;
}

Json QuantityJson(const Quantity& q) {
  Json j{{"what", Str(q.what)}, {"value", Num(q.value)}, {"unit", q.unit}, {"date", DateJson(q.date)},
         {"qualifier", Str(q.qualifier)}};
  j["confidence"] = Confidence(q.confidence);
  j["evidence"] = EvidenceJson(q.evidence);
  return j;
}

Json MoneyJson(const Money& m) {
  Json j{{"what", Str(m.what)}, {"value", Num(m.value)}, {"unit", m.unit}, {"date", DateJson(m.date)},
         {"qualifier", Str(m.qualifier)}};
  j["confidence"] = Confidence(m.confidence);
  j["evidence"] = EvidenceJson(m.evidence);
  return j;
}

Json PercentageJson(const Percentage& p) {
  Json j{{"what", Str(p.what)}, {"value_low", Num(p.value_low)}, {"value_high", Num(p.value_high)},
         {"date", DateJson(p.date)}, {"qualifier", Str(p.qualifier)}};
  j["confidence"] = Confidence(p.confidence);
  j["evidence"] = EvidenceJson(p.evidence);
  return j;
}

std::string FormatNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace

std::string GoldJson(const Extraction& x) {
  Json j;
  j["doc_id"] = x.doc_id;
  j["url"] = Str(x.url);
  j["text_file"] = Str(x.text_file);
  j["country_pair"] = x.country_pair;
  j["other_countries"] = x.other_countries;
  j["doc_date"] = DateJson(x.doc_date);
  j["doc_date_source"] = Str(x.doc_date_source);
  j["visits"] = Json::array();
  for (const Visit& v : x.visits) j["visits"].push_back(VisitJson(v));
  j["meetings_and_events"] = Json::array();
  for (const Event& e : x.events) j["meetings_and_events"].push_back(EventJson(e));
  j["trade_figures"] = Json::array();
  for (const TradeFigure& t : x.trade) j["trade_figures"].push_back(TradeJson(t));
  j["quantities"] = Json::array();
  for (const Quantity& q : x.quantities) j["quantities"].push_back(QuantityJson(q));
  j["money"] = Json::array();
  for (const Money& m : x.money) j["money"].push_back(MoneyJson(m));
  j["percentages"] = Json::array();
  for (const Percentage& p : x.percentages) j["percentages"].push_back(PercentageJson(p));
  j["sentences"] = x.sentences;
  return j.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string JsonLines(const Extraction& x) {
  std::string out;
  auto line = [&](const char* kind, Json item) {
    Json j{{"doc", x.doc_id}, {"type", kind}};
    for (auto& [k, v] : item.items()) j[k] = v;
    out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
    out += '\n';
  };
  for (const Visit& v : x.visits) line("visit", VisitJson(v));
  for (const Event& e : x.events) line("event", EventJson(e));
  for (const TradeFigure& t : x.trade) line("trade", TradeJson(t));
  for (const Quantity& q : x.quantities) line("quantity", QuantityJson(q));
  for (const Money& m : x.money) line("money", MoneyJson(m));
  for (const Percentage& p : x.percentages) line("percentage", PercentageJson(p));
  return out;
}

std::string Table(const Extraction& x) {
  std::string out;
  auto row = [&](const std::string& kind, const std::string& date, const std::string& what, const Evidence& e) {
    char span[48];
    std::snprintf(span, sizeof span, "%zu-%zu", e.begin, e.end);
    out += x.doc_id + "\t" + kind + "\t" + (date.empty() ? "-" : date) + "\t" + what + "\t" + span + "\n";
  };
  for (const Visit& v : x.visits) {
    row("visit", v.date.Iso(), v.visitor_country + " -> " + v.host_country + " (" + v.kind + ", " + v.status + ")" +
        (v.visitor.empty() ? "" : " " + v.visitor), v.evidence);
  }
  for (const Event& e : x.events) {
    std::string parties;
    for (const std::string& p : e.parties) parties += (parties.empty() ? "" : ",") + p;
    row("event", e.date.Iso(), e.kind + " [" + parties + "] " + e.what, e.evidence);
  }
  for (const TradeFigure& t : x.trade) {
    std::string when = std::to_string(t.year) + (t.period.empty() ? "" : " " + t.period);
    row("trade", when, t.flow + " " + FormatNumber(t.value) + " " + t.unit + " " + t.reporter_or_direction +
        (t.yoy_pct ? " yoy " + FormatNumber(*t.yoy_pct) + "%" : ""), t.evidence);
  }
  for (const Quantity& q : x.quantities) row("quantity", q.date.Iso(), FormatNumber(q.value) + " " + q.unit + ": " + q.what, q.evidence);
  for (const Money& m : x.money) row("money", m.date.Iso(), FormatNumber(m.value) + " " + m.unit + ": " + m.what, m.evidence);
  for (const Percentage& p : x.percentages) {
    std::string v = FormatNumber(p.value_low) + (p.value_high != p.value_low ? "-" + FormatNumber(p.value_high) : "");
    row("percent", p.date.Iso(), v + "%: " + p.what, p.evidence);
  }
  return out;
}

}  // namespace bilat::text
