// `bilat index A [B]`: the relations index of A's series, or one pair.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/query_index.h"
#include "index/index_export.h"
#include "cli/command.h"
#include "cli/output.h"
#include "report/format.h"

namespace bilat::cli {
namespace {

using index::AxisScore;
using index::IndexRow;

struct IndexCommandOptions {
  app::IndexQuery query;
  std::vector<std::string> countries;
  std::string format = "table";
  bool monthly = false;
};

std::string Score(const std::optional<double>& v) { return v ? report::FormatFixed(*v, 2) : "-"; }

std::string Band(const AxisScore& s) {
  if (!s.score) return "-";
  return report::FormatFixed(s.low, 2) + ".." + report::FormatFixed(s.high, 2);
}

std::string RankText(const AxisScore& s) {
  if (!s.rank) return "-";
  std::string out = std::to_string(*s.rank);
  if (s.rank_change && *s.rank_change) out += " (" + std::string(*s.rank_change > 0 ? "+" : "") + std::to_string(*s.rank_change) + ")";
  return out;
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

void PrintText(const app::IndexAnswer& t) {
  const index::RelationsIndex& ix = t.index;
  const bool pair = !t.b.empty();
  std::cout << "Relations index of " << t.a << (pair ? " and " + t.b : std::string(" with each partner")) << ", "
            << (pair ? std::to_string(t.rows.front()->year) + "-" + std::to_string(t.rows.back()->year)
                     : std::to_string(t.year))
            << ". Scores: "
            << (ix.settings.normalisation == index::Normalisation::kZScore
                    ? "standard deviations from the average partner-year of the series"
                    : "0 (lowest partner-year) to 1 (highest)")
            << "; band = leaving out one component; rank (change on the year before).\n\n";
  std::vector<std::vector<std::string>> table = {
      {pair ? "year" : "partner", "weight", "band", "rank", "warmth", "band", "rank", "reading", "used", "missing"}};
  for (const IndexRow* r : t.rows) {
    auto reading = index::ReadWarmth(r->warmth, ix.settings.normalisation);
    table.push_back({pair ? std::to_string(r->year) : r->partner, Score(r->weight.score), Band(r->weight),
                     RankText(r->weight), Score(r->warmth.score), Band(r->warmth), RankText(r->warmth),
                     reading ? (reading->level > 0 ? "+" : "") + std::to_string(reading->level) + " " + reading->name
                             : "-",
                     std::to_string(r->weight.components) + "+" + std::to_string(r->warmth.components),
                     Join(r->missing, ",")});
  }
  PrintTable(table);
  std::cout << "\nWeights: " << (ix.settings.path.empty() ? "built-in defaults" : ix.settings.path)
            << ". Sources of each component: bilat index " << t.a << " --format json, or docs/index.md.\n";
}

}  // namespace

void RegisterIndexCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto o = std::make_shared<IndexCommandOptions>();
  CLI::App* sub = roots.root->add_subcommand(
      "index",
      "The relations index: every partner of A placed on two axes, the weight of the relationship (trade, "
      "investment, finance, high-level exchanges, diplomatic posts, people-to-people ties) and its warmth (UN "
      "votes, event balance, tone, partnership level, visa openness, Belt and Road membership), never averaged "
      "into one. For A and B: the pair across the years. Method: docs/index.md.");
  sub->add_option("COUNTRIES", o->countries, "A, or A and B (names or ISO codes)")->required()->expected(1, 2);
  sub->add_option("-w,--workspace", o->query.workspace, "Workspace folder")->capture_default_str();
  sub->add_option("--year", o->query.year, "A alone: the year (default: the latest year most partners are scored)");
  sub->add_option("--weights", o->query.weights_path,
                  "Settings and weights file (default: bilat's data/index_weights.tsv)");
  sub->add_option("--format", o->format, "table, csv or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "csv", "json"}));
  sub->add_flag("--monthly", o->monthly, "A and B: the monthly event balance instead of the yearly rows");
  sub->footer("JSON: an array of objects (partner, year, weight, warmth, their bands, ranks and rank changes, "
              "warmth_level and warmth_reading, components by id with raw value, unit, normalised value, weight, "
              "carried_from and rows, missing); format in docs/formats/index_json.md.\n" +
              std::string(kExitCodesHelp));
  commands->push_back({sub, [o] {
    app::IndexQuery q = o->query;
    q.a = o->countries[0];
    q.b = o->countries.size() == 2 ? o->countries[1] : "";
    if (o->monthly && q.b.empty()) return Fail(Status::InvalidArgument("--monthly needs two countries, A and B"));
    auto answer = app::QueryIndex(q, Countries());
    if (!answer.ok()) return Fail(answer.status());
    const app::IndexAnswer& t = **answer;
    if (o->monthly) {
      if (o->format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& m : t.months) {
          out.push_back({{"partner", t.b}, {"month", m.month}, {"component", "events"}, {"raw", m.raw},
                         {"normalised", m.normalised}, {"days", m.rows}});
        }
        std::cout << out.dump(2) << "\n";
        return kExitOk;
      }
      std::vector<std::vector<std::string>> table = {{"month", "event_balance", "normalised", "days"}};
      for (const auto& m : t.months) {
        table.push_back({m.month, report::FormatFixed(m.raw, 4), report::FormatFixed(m.normalised, 4),
                         std::to_string(m.rows)});
      }
      if (o->format == "csv") {
        PrintCsv(table);
      } else {
        PrintTable(table);
      }
      return kExitOk;
    }
    if (o->format == "json") {
      std::cout << index::IndexRowsJson(t.rows, t.index.settings.normalisation) << "\n";
    } else if (o->format == "csv") {
      PrintCsv(index::IndexRowsTable(t.rows, t.index.settings.normalisation));
    } else {
      PrintText(t);
    }
    return kExitOk;
  }});
}

}  // namespace bilat::cli
