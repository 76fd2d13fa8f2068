// `bilat site A -w W --out DIR`: the series as a static site.
#include <unistd.h>

#include <iostream>

#include "app/write_site.h"
#include "cli/command.h"

namespace bilat::cli {

void RegisterSiteCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto o = std::make_shared<app::SiteOptions>();
  o->workspace = ".";
  CLI::App* sub = roots.root->add_subcommand(
      "site",
      "Write the series of A as a static site that works from disk and from any static host, requesting nothing "
      "outside itself: DIR/index.html (every partner with both index axes, trend lines, rank changes and regions, "
      "sortable and filterable, and a world map coloured by either axis), one page per pair at DIR/A/B/ (the "
      "report, with its JSON and Markdown), the index as CSV and JSON, and DIR/method.html.");
  sub->add_option("A", o->a, "The series' country (name or ISO code)")->required();
  sub->add_option("-w,--workspace", o->workspace, "Workspace folder")->capture_default_str();
  sub->add_option("-o,--out", o->out_dir, "Output folder")->required();
  sub->add_option("--index-weights", o->index_weights, "Relations index settings and weights (see bilat index)");
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [o] {
    const bool tty = isatty(STDERR_FILENO);
    auto progress = [tty](size_t done, size_t total, const std::string& partner) {
      if (tty) {
        std::cerr << "\rsite: report " << done << "/" << total << " (" << partner << ")   " << std::flush;
        if (done == total) std::cerr << "\n";
      }
    };
    auto r = app::WriteSite(*o, Countries(), progress);
    if (!r.ok()) return Fail(r.status());
    for (const std::string& f : r->failed) std::cerr << "bilat: not written: " << f << "\n";
    std::cerr << "site " << r->a << ": " << r->reports << " pair pages, " << r->partners_on_map
              << " partners on the map, in " << static_cast<int>(r->seconds * 10) / 10.0 << " s\n";
    std::cout << r->index_page << "\n";
    return kExitOk;
  }});
}

}  // namespace bilat::cli
