// `bilat report A B`.
#include <iostream>

#include "app/use_cases.h"
#include "cli/command.h"

namespace bilat::cli {

void RegisterReportCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto opts = std::make_shared<app::ReportOptions>();
  auto formats = std::make_shared<std::string>("html,md,json");
  opts->workspace = ".";
  CLI::App* sub = roots.root->add_subcommand(
      "report", "Write the country report for a pair: A-B.html (self-contained), A-B.md and A-B.json");
  sub->add_option("A", opts->a, "First country (code or name, e.g. CHN or China)")->required();
  sub->add_option("B", opts->b, "Second country")->required();
  sub->add_option("-w,--workspace", opts->workspace, "Workspace folder")->capture_default_str();
  sub->add_option("-o,--out", opts->out_dir, "Output folder (default: WORKSPACE/reports)");
  sub->add_option("-f,--format", *formats, "Comma-separated formats: html, md, json")->capture_default_str();
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [opts, formats] {
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
    auto r = app::WriteReport(*opts, Countries());
    if (!r.ok()) return Fail(r.status());
    for (const std::string& l : r->lint) std::cerr << "bilat: warning: " << l << "\n";
    std::cerr << "report " << r->a << "-" << r->b << ": " << r->records << " records, " << r->sources
              << " sources cited\n";
    for (const std::string& f : r->files) std::cout << f << "\n";
    return r->lint.empty() ? kExitOk : kExitError;
  }});
}

}  // namespace bilat::cli
