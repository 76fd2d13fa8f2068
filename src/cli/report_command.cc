// `bilat report A B [C ...]` and `bilat report A --all-partners`.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "app/write_report.h"
#include "cli/command.h"
#include "report/format.h"

namespace bilat::cli {
namespace {

std::vector<std::string> SplitFormats(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text + ",") {
    if (c == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item += c;
    }
  }
  return out;
}

int RunSeries(const app::ReportOptions& o) {
  app::SeriesOptions s;
  s.workspace = o.workspace;
  s.index_weights = o.index_weights;
  s.a = o.a;
  s.out_dir = o.out_dir;
  s.formats = o.formats;
  const bool tty = ::isatty(2);
  app::SeriesProgressFn progress;
  if (tty) {
    progress = [](size_t done, size_t total, const std::string& partner) {
      std::fprintf(stderr, "\rreports: %zu of %zu (%s)   ", done, total, partner.c_str());
    };
  }
  auto r = app::WriteSeriesReports(s, Countries(), progress);
  if (tty) std::fprintf(stderr, "\r%60s\r", "");
  if (!r.ok()) return Fail(r.status());
  int exit_code = kExitOk;
  size_t lint = 0;
  for (const auto& rep : r->reports) {
    for (const std::string& l : rep.lint) std::cerr << "bilat: warning: " << rep.b << ": " << l << "\n";
    lint += rep.lint.size();
  }
  for (const std::string& f : r->failed) std::cerr << "bilat: not written: " << f << "\n";
  std::cerr << "series " << r->a << ": " << r->reports.size() << " reports in "
            << report::FormatFixed(r->seconds, 1) << " s";
  if (!r->reports.empty()) {
    std::cerr << " (" << report::FormatFixed(1000.0 * r->seconds / static_cast<double>(r->reports.size()), 0)
              << " ms each)";
  }
  std::cerr << "; what each could fill: " << r->summary_md << "\n";
  std::cout << r->summary_md << "\n" << r->summary_csv << "\n";
  if (!r->failed.empty() || lint) exit_code = kExitError;
  return exit_code;
}

}  // namespace

void RegisterReportCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto opts = std::make_shared<app::ReportOptions>();
  auto formats = std::make_shared<std::string>("html,md,json");
  auto partners = std::make_shared<std::vector<std::string>>();
  auto all = std::make_shared<bool>(false);
  opts->workspace = ".";
  CLI::App* sub = roots.root->add_subcommand(
      "report", "Write the country report for a pair: A-B.html (self-contained), A-B.md and A-B.json. Give "
                "several partners (bilat report CHN KAZ UZB KGZ) to write a series, or --all-partners for one "
                "report per partner the workspace holds data for, with a summary SERIES-A.md/.csv of what each "
                "could fill.");
  sub->add_option("A", opts->a, "First country (code or name, e.g. CHN or China)")->required();
  CLI::Option* b = sub->add_option("B", *partners, "Partner country, or several for a series")->expected(1, -1);
  CLI::Option* flag = sub->add_flag("--all-partners", *all, "Every partner of A that the workspace holds data for");
  flag->excludes(b);
  sub->add_option("-w,--workspace", opts->workspace, "Workspace folder")->capture_default_str();
  sub->add_option("-o,--out", opts->out_dir, "Output folder (default: WORKSPACE/reports)");
  sub->add_option("-f,--format", *formats,
                  "Comma-separated formats: html, md, json, pdf (printed from the HTML by headless Chromium: A4, "
                  "running header, page numbers, table of contents)")
      ->capture_default_str();
  sub->add_option("--index-weights", opts->index_weights,
                  "Relations index settings and weights for the \"Standing and trajectory\" section (default: "
                  "bilat's data/index_weights.tsv; see bilat index)");
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [opts, formats, partners, all] {
    opts->formats = SplitFormats(*formats);
    if (*all) return RunSeries(*opts);
    if (partners->empty()) {
      std::cerr << "bilat: report needs a partner B (or several), or --all-partners\n";
      return kExitUsage;
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
      for (const std::string& m : r->warnings) std::cerr << "bilat: " << m << "\n";
      std::cerr << "report " << r->a << "-" << r->b << ": " << r->records << " records, " << r->sources
                << " sources cited\n";
      for (const std::string& f : r->files) std::cout << f << "\n";
      if (!r->lint.empty()) exit_code = std::max(exit_code, kExitError);
    }
    return exit_code;
  }});
}

}  // namespace bilat::cli
