// `bilat changes A --since YEAR`: the largest moves across A's series.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/query_changes.h"
#include "cli/command.h"
#include "cli/output.h"

namespace bilat::cli {
namespace {

struct ChangesCommandOptions {
  app::ChangesQuery query;
  std::string format = "table";
};

}  // namespace

void RegisterChangesCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto o = std::make_shared<ChangesCommandOptions>();
  CLI::App* sub = roots.root->add_subcommand(
      "changes",
      "The largest moves across A's series since a year, each with its evidence: rank changes on both axes of "
      "the relations index (since YEAR to the index's default year), months whose event balance fell far below "
      "the pair's own median, new agreements, partnership upgrades and downgrades, visa rule changes, Belt and "
      "Road joinings and exits.");
  sub->add_option("A", o->query.a, "The series' country (name or ISO code)")->required();
  sub->add_option("-w,--workspace", o->query.workspace, "Workspace folder")->capture_default_str();
  sub->add_option("--since", o->query.since, "First year considered")->required();
  sub->add_option("--top", o->query.top, "Rank changes and event months shown per kind, largest first")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  sub->add_option("--weights", o->query.weights_path, "Index settings and weights file (see bilat index)");
  sub->add_option("--format", o->format, "table, csv or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "csv", "json"}));
  sub->footer("Kinds: weight_rank, warmth_rank (value: places moved up, positive = higher), event_month (value: "
              "the month's balance), agreement, partnership (value: the new ladder level), visa, bri. Evidence: "
              "file:line of the stored row, or the command that shows it.\n" +
              std::string(kExitCodesHelp));
  commands->push_back({sub, [o] {
    auto answer = app::QueryChanges(o->query, Countries());
    if (!answer.ok()) return Fail(answer.status());
    const app::ChangesAnswer& t = *answer;
    if (o->format == "json") {
      nlohmann::json out = nlohmann::json::array();
      for (const app::Change& c : t.changes) {
        out.push_back({{"date", c.date},
                       {"partner", c.partner},
                       {"kind", c.kind},
                       {"what", c.what},
                       {"value", c.value ? nlohmann::json(*c.value) : nlohmann::json(nullptr)},
                       {"evidence", c.evidence}});
      }
      std::cout << out.dump(2) << "\n";
      return kExitOk;
    }
    std::vector<std::vector<std::string>> table = {{"date", "partner", "kind", "what", "evidence"}};
    for (const app::Change& c : t.changes) table.push_back({c.date, c.partner, c.kind, c.what, c.evidence});
    if (o->format == "csv") {
      PrintCsv(table);
    } else {
      std::cout << "Changes across " << t.a << "'s series since " << t.since << " (index ranks to " << t.until
                << "): " << t.changes.size() << " items\n\n";
      PrintTable(table);
    }
    return kExitOk;
  }});
}

}  // namespace bilat::cli
