// `bilat report A B`.
#include <algorithm>
#include <iostream>

#include "app/use_cases.h"
#include "cli/command.h"

namespace bilat::cli {

void RegisterReportCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto opts = std::make_shared<app::ReportOptions>();
  auto formats = std::make_shared<std::string>("html,md,json");
  auto partners = std::make_shared<std::vector<std::string>>();
  opts->workspace = ".";
  CLI::App* sub = roots.root->add_subcommand(
      "report", "Write the country report for a pair: A-B.html (self-contained), A-B.md and A-B.json. Give "
                "several partners (bilat report CHN KAZ UZB KGZ) to write the whole series, one report each.");
  sub->add_option("A", opts->a, "First country (code or name, e.g. CHN or China)")->required();
  sub->add_option("B", *partners, "Partner country, or several for a series")->required()->expected(1, -1);
  sub->add_option("-w,--workspace", opts->workspace, "Workspace folder")->capture_default_str();
  sub->add_option("-o,--out", opts->out_dir, "Output folder (default: WORKSPACE/reports)");
  sub->add_option("-f,--format", *formats, "Comma-separated formats: html, md, json")->capture_default_str();
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [opts, formats, partners] {
    opts->formats.clear();
    std::string item;
    for (char c : *formats + ",") {
      if (c == ',') {
        if (!item.empty()) opts->formats.push_back(item);
        item.clear();
      } else if (c != ' ') {
        item += c;
      }
    }
    int exit_code = kExitOk;
    for (const std::string& partner : *partners) {
      opts->b = partner;
      auto r = app::WriteReport(*opts, Countries());
      if (!r.ok()) {
        exit_code = std::max(exit_code, Fail(r.status()));
        continue;  // the rest of the series still gets written
      }
      for (const std::string& l : r->lint) std::cerr << "bilat: warning: " << l << "\n";
      std::cerr << "report " << r->a << "-" << r->b << ": " << r->records << " records, " << r->sources
                << " sources cited\n";
      for (const std::string& f : r->files) std::cout << f << "\n";
      if (!r->lint.empty()) exit_code = std::max(exit_code, kExitError);
    }
    return exit_code;
  }});
}

}  // namespace bilat::cli
