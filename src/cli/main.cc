// bilat command line: parses arguments, calls app/, prints results.
// This is the only place (with serve/) that prints or chooses exit codes.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <unistd.h>

#include "app/use_cases.h"
#include "core/country.h"

namespace {

// Exit codes (documented in README.md and `bilat --help`).
constexpr int kExitOk = 0;
constexpr int kExitError = 1;      // bilat could not do it (I/O, missing workspace, ...)
constexpr int kExitUsage = 2;      // the command line is wrong
constexpr int kExitBadInput = 3;   // input data were refused (registry errors)

constexpr const char* kExitCodesHelp =
    "Exit codes: 0 success; 1 failure (I/O, missing workspace, internal); "
    "2 usage error; 3 input data refused (e.g. registry validation errors).";

std::string_view Plural(long n, std::string_view one, std::string_view many) { return n == 1 ? one : many; }

int Fail(const bilat::Status& st) {
  std::cerr << "bilat: " << st.message() << "\n";
  return st.code() == bilat::StatusCode::kInvalidArgument ? kExitUsage : kExitError;
}

std::shared_ptr<const bilat::CountryRegistry> Countries() {
  auto r = bilat::CountryRegistry::LoadDefault();
  if (!r.ok()) {
    std::cerr << "bilat: " << r.status().message() << "\n";
    std::exit(kExitError);
  }
  return *r;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bilat: quantitative, sourced reports on the relations between two countries.\n"
               "Typical session:\n"
               "  bilat init W\n"
               "  bilat ingest registry W/registry --workspace W\n"
               "  bilat report CHN KAZ --workspace W"};
  app.footer(kExitCodesHelp);
  app.require_subcommand(1);
  app.set_version_flag("--version", "bilat 0.1.0");

  // init
  std::string init_dir;
  CLI::App* init = app.add_subcommand("init", "Create a workspace folder (database, registry/, notes/, reports/). "
                                              "Safe to re-run: it upgrades an older workspace in place.");
  init->add_option("DIR", init_dir, "Workspace folder to create")->required();
  init->footer(kExitCodesHelp);

  // ingest registry
  CLI::App* ingest = app.add_subcommand("ingest", "Load data into a workspace");
  ingest->require_subcommand(1);
  bilat::app::IngestRegistryOptions reg_opts;
  reg_opts.workspace = ".";
  CLI::App* reg = ingest->add_subcommand(
      "registry",
      "Validate and store a folder of curated registry CSV files (docs/formats/registry.md). "
      "The whole batch is checked first; every problem is listed as file:line:column, and nothing "
      "is stored unless the batch is valid. Re-ingesting unchanged files changes nothing.");
  reg->add_option("DIR", reg_opts.registry_dir, "Folder holding sources.csv, exchanges.csv, ...")
      ->required()->check(CLI::ExistingDirectory);
  reg->add_option("-w,--workspace", reg_opts.workspace, "Workspace folder")->capture_default_str();
  reg->add_flag("--skip-invalid", reg_opts.skip_invalid,
                "Store the valid rows and list each rejected one, instead of refusing the batch");
  reg->footer(kExitCodesHelp);

  // report
  bilat::app::ReportOptions rep_opts;
  rep_opts.workspace = ".";
  std::string formats = "html,md,json";
  CLI::App* rep = app.add_subcommand(
      "report", "Write the country report for a pair: A-B.html (self-contained), A-B.md and A-B.json");
  rep->add_option("A", rep_opts.a, "First country (code or name, e.g. CHN or China)")->required();
  rep->add_option("B", rep_opts.b, "Second country")->required();
  rep->add_option("-w,--workspace", rep_opts.workspace, "Workspace folder")->capture_default_str();
  rep->add_option("-o,--out", rep_opts.out_dir, "Output folder (default: WORKSPACE/reports)");
  rep->add_option("-f,--format", formats, "Comma-separated formats: html, md, json")->capture_default_str();
  rep->footer(kExitCodesHelp);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  if (init->parsed()) {
    auto r = bilat::app::InitWorkspace(init_dir);
    if (!r.ok()) return Fail(r.status());
    std::cout << (r->created ? "created workspace " : "workspace ") << r->dir << " (schema version "
              << r->schema_version << (r->created ? ")" : ", up to date)") << "\n";
    return kExitOk;
  }

  if (reg->parsed()) {
    auto countries = Countries();
    auto r = bilat::app::IngestRegistry(reg_opts, *countries);
    if (!r.ok()) return Fail(r.status());
    for (const auto& issue : r->issues) std::cerr << issue.ToString() << "\n";
    if (!r->stored) {
      std::cerr << "bilat: registry refused: " << r->issues.size() << " "
                << Plural(static_cast<long>(r->issues.size()), "problem", "problems") << " in "
                << r->rows_rejected << " of " << r->rows_read
                << " rows; nothing was stored. Fix them, or pass --skip-invalid to store the valid rows.\n";
      return kExitBadInput;
    }
    std::cout << "registry " << reg_opts.registry_dir << ": " << r->rows_read << " rows read, "
              << r->total.added << " added, " << r->total.updated << " updated, " << r->total.unchanged
              << " unchanged, " << r->total.removed << " removed";
    if (r->rows_rejected) std::cout << ", " << r->rows_rejected << " rejected (listed above)";
    std::cout << "\n";
    return kExitOk;
  }

  if (rep->parsed()) {
    rep_opts.formats.clear();
    std::string item;
    for (char c : formats + ",") {
      if (c == ',') {
        if (!item.empty()) rep_opts.formats.push_back(item);
        item.clear();
      } else if (c != ' ') {
        item += c;
      }
    }
    auto countries = Countries();
    auto r = bilat::app::WriteReport(rep_opts, *countries);
    if (!r.ok()) return Fail(r.status());
    for (const std::string& l : r->lint) std::cerr << "bilat: warning: " << l << "\n";
    std::cerr << "report " << r->a << "-" << r->b << ": " << r->records << " records, " << r->sources
              << " sources cited\n";
    for (const std::string& f : r->files) std::cout << f << "\n";
    return r->lint.empty() ? kExitOk : kExitError;
  }
  return kExitUsage;
}
