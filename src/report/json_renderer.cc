#include <nlohmann/json.hpp>

#include "report/renderers.h"

namespace bilat::report {
namespace {

using nlohmann::ordered_json;

ordered_json ValueJson(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<long long>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return nullptr;
}

ordered_json RecordJson(const Record& r) {
  ordered_json j = ordered_json::object();
  for (size_t i = 0; i < r.kind->columns.size() && i < r.values.size(); ++i) {
    j[std::string(r.kind->columns[i].name)] = ValueJson(r.values[i]);
  }
  j["origin"] = r.Origin();
  return j;
}

std::string Ref(const Record* r) {
  return r ? std::string(r->kind->name) + "/" + r->Text("id") : std::string();
}

ordered_json CitationsJson(const std::vector<Citation>& cites) {
  ordered_json a = ordered_json::array();
  for (const Citation& c : cites) {
    a.push_back({{"source", c.source_number}, {"source_id", c.source_id}, {"record", c.record},
                 {"origin", c.origin}, {"locator", c.locator}});
  }
  return a;
}

ordered_json ProseJson(const Prose& prose) {
  std::string text;
  ordered_json figures = ordered_json::array();
  for (const Segment& s : prose) {
    if (s.figure || !s.cites.empty()) {
      figures.push_back({{"text", s.text}, {"offset", text.size()}, {"citations", CitationsJson(s.cites)}});
    }
    text += s.text;
  }
  return {{"text", text}, {"figures", figures}};
}

ordered_json DerivedJson(const measure::PairFacts& f) {
  ordered_json d;
  ordered_json trade = ordered_json::array();
  for (const auto& s : f.trade) {
    ordered_json pts = ordered_json::array();
    for (const auto& p : s.points) {
      ordered_json pj = {{"year", p.year}, {"value_usd", p.value_usd}, {"record", Ref(p.record)}};
      pj["computed_growth_pct"] = p.computed_growth_pct ? ordered_json(*p.computed_growth_pct) : ordered_json();
      pj["previous"] = p.previous ? ordered_json(Ref(p.previous)) : ordered_json();
      pj["stated_growth_pct"] = p.stated_growth_pct ? ordered_json(*p.stated_growth_pct) : ordered_json();
      pts.push_back(pj);
    }
    ordered_json alts = ordered_json::array();
    for (const Record* r : s.alternatives) alts.push_back(Ref(r));
    trade.push_back({{"reporter", s.reporter}, {"points", pts}, {"alternatives", alts}});
  }
  d["total_trade_by_reporter"] = trade;
  ordered_json gaps = ordered_json::array();
  for (const auto& g : f.mirror_gaps) {
    gaps.push_back({{"year", g.year}, {"a", Ref(g.a)}, {"b", Ref(g.b)}, {"gap_pct", g.gap_pct}});
  }
  d["mirror_gaps"] = gaps;
  ordered_json per_year = ordered_json::array();
  for (const auto& yc : f.exchanges_per_year) {
    ordered_json recs = ordered_json::array();
    for (const Record* r : yc.records) recs.push_back(Ref(r));
    per_year.push_back({{"year", yc.year}, {"count", yc.count}, {"records", recs}});
  }
  d["exchanges_per_year"] = per_year;
  ordered_json sectors = ordered_json::array();
  for (const auto& s : f.sectors) {
    sectors.push_back({{"sector", s.sector}, {"projects", s.projects}, {"with_value", s.with_value},
                       {"value_usd", s.value_usd}});
  }
  d["projects_by_sector"] = sectors;
  ordered_json targets = ordered_json::array();
  for (const auto& t : f.targets) {
    ordered_json tj = {{"target", Ref(t.target)}, {"latest", Ref(t.latest)}, {"latest_year", t.latest_year},
                       {"latest_value", t.latest_value}};
    tj["required_growth_pct"] = t.required_growth_pct ? ordered_json(*t.required_growth_pct) : ordered_json();
    tj["recent_growth_pct"] = t.recent_growth_pct ? ordered_json(*t.recent_growth_pct) : ordered_json();
    tj["recent_years"] = t.recent_years;
    tj["record_start"] = Ref(t.record_start);
    targets.push_back(tj);
  }
  d["targets"] = targets;
  ordered_json pulse = ordered_json::array();
  for (const auto& p : f.pulse) {
    auto series_json = [](const measure::EventSeries& s) {
      ordered_json rows = ordered_json::array();
      for (const auto& m : s.periods) {
        ordered_json r = {{"month", m.period}, {"events", m.events}, {"q1", m.q[0]}, {"q2", m.q[1]},
                          {"q3", m.q[2]}, {"q4", m.q[3]}, {"goldstein_mean", m.GoldsteinMean()},
                          {"net_cooperation", m.NetCooperation()}, {"mentions", m.mentions},
                          {"sources", m.sources}, {"articles", m.articles}};
        r["tone"] = m.Tone() ? ordered_json(*m.Tone()) : ordered_json();
        r["share_of_src"] = m.ShareOfSrc() ? ordered_json(*m.ShareOfSrc()) : ordered_json();
        r["share_of_dst"] = m.ShareOfDst() ? ordered_json(*m.ShareOfDst()) : ordered_json();
        rows.push_back(r);
      }
      return ordered_json{{"src", s.src}, {"dst", s.dst}, {"months", rows}};
    };
    ordered_json top = ordered_json::array();
    for (size_t i = 0; i < p.top.size(); ++i) {
      const auto& e = p.top[i];
      top.push_back({{"record", Ref(&p.top_records[i])}, {"origin", p.top_records[i].Origin()},
                     {"event_id", e.event_id}, {"date", e.date}, {"src", e.src}, {"dst", e.dst},
                     {"event_code", e.event_code}, {"goldstein", e.goldstein}, {"mentions", e.mentions},
                     {"sources", e.sources}, {"source_url", e.source_url}});
    }
    pulse.push_back({{"dataset", p.dataset}, {"source_id", p.source.Text("id")}, {"files", p.files},
                     {"a_to_b", series_json(p.ab)}, {"b_to_a", series_json(p.ba)}, {"top_events", top}});
  }
  d["event_pulse"] = pulse;
  return d;
}

}  // namespace

std::string RenderJson(const ReportModel& m, const measure::PairFacts& f) {
  ordered_json j;
  j["format"] = "bilat-report";
  j["format_version"] = 1;
  j["pair"] = {{"a", m.a}, {"b", m.b}, {"a_name", m.a_name}, {"b_name", m.b_name}};
  j["title"] = m.title;
  ordered_json sections = ordered_json::array();
  for (const Section& s : m.sections) {
    ordered_json blocks = ordered_json::array();
    for (const Block& b : s.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        ordered_json pj = {{"type", "paragraph"}};
        pj.update(ProseJson(p->prose));
        blocks.push_back(pj);
      } else if (const auto* a = std::get_if<AuthorsText>(&b)) {
        blocks.push_back({{"type", "authors_text"}, {"file", a->file}, {"markdown", a->markdown}});
      } else if (const auto* c = std::get_if<Chart>(&b)) {
        blocks.push_back({{"type", "chart"}, {"id", c->id}, {"title", c->title}});
      } else if (const auto* t = std::get_if<Table>(&b)) {
        ordered_json rows = ordered_json::array();
        for (const auto& row : t->rows) {
          ordered_json r = ordered_json::array();
          for (const Prose& cell : row) r.push_back(ProseJson(cell));
          rows.push_back(r);
        }
        blocks.push_back({{"type", "table"}, {"caption", t->caption}, {"header", t->header}, {"rows", rows}});
      }
    }
    sections.push_back({{"id", s.id}, {"title", s.title}, {"blocks", blocks}});
  }
  j["sections"] = sections;
  ordered_json facts;
  for (const auto& [kind, rows] : f.records) {
    ordered_json arr = ordered_json::array();
    for (const Record& r : rows) arr.push_back(RecordJson(r));
    facts[kind] = arr;
  }
  j["facts"] = facts;
  j["derived"] = DerivedJson(f);
  ordered_json sources = ordered_json::array();
  for (const SourceEntry& e : m.sources) {
    ordered_json sj = RecordJson(e.source);
    sj["number"] = e.number;
    ordered_json used = ordered_json::array();
    for (const Citation& c : e.used_by) used.push_back(c.record);
    sj["cited_by"] = used;
    sources.push_back(sj);
  }
  j["sources"] = sources;
  return j.dump(2) + "\n";
}

}  // namespace bilat::report
