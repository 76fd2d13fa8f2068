// `bilat extract FILES... --format gold|jsonl|table|registry [--out DIR]`.
#include <iostream>

#include "app/extract_text.h"
#include "cli/command.h"

namespace bilat::cli {

void RegisterExtractCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto opts = std::make_shared<app::ExtractOptions>();
  auto max_mb = std::make_shared<size_t>(16);
  CLI::App* sub = roots.root->add_subcommand(
      "extract",
      "Extract visits, meetings and events, trade figures, quantities, money and percentages from "
      "English text (plain text, HTML, JSON Lines), each with its evidence span; or write them as candidate "
      "registry rows for review (--format registry -o DIR, docs/formats/registry_candidates.md)");
  sub->add_option("FILES", opts->files, "Input files: .txt (optional first line 'URL: ...'), .html, .jsonl")
      ->required();
  sub->add_option("-f,--format", opts->format,
                  "gold: one JSON per document in the scoring schema; jsonl: one item per line; table; "
                  "registry: candidate rows of the registry CSV files for review (needs --out)")
      ->check(CLI::IsMember({"gold", "jsonl", "table", "registry"}))
      ->capture_default_str();
  sub->add_option("-o,--out", opts->out_dir,
                  "Output folder (gold: DOC.json per document; jsonl/table: extract.jsonl or extract.tsv; "
                  "registry: a new folder for the candidate CSV files and README.md). Default: standard output");
  sub->add_option("--max-mb", *max_mb, "Refuse documents larger than this many MiB")->capture_default_str();
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [opts, max_mb] {
    opts->max_document_bytes = *max_mb << 20;
    auto r = app::ExtractText(*opts, Countries(), &std::cout);
    if (!r.ok()) return Fail(r.status());
    for (const auto& issue : r->issues) std::cerr << "bilat: " << issue.ToString() << "\n";
    std::cerr << "extract: " << r->documents << " documents, " << r->sentences << " sentences, " << r->items
              << " items";
    if (r->files_refused) std::cerr << "; " << r->files_refused << " files refused";
    std::cerr << "\n";
    if (opts->format == "registry") {
      size_t unmapped = 0;
      for (const auto& [type, n] : r->unmapped) unmapped += n;
      std::cerr << "extract: " << r->candidate_rows << " candidate registry rows to review (review = candidate)";
      if (unmapped) std::cerr << "; " << unmapped << " items have no registry column (listed in README.md)";
      std::cerr << "\n";
    }
    if (!opts->out_dir.empty()) {
      for (const std::string& f : r->written) std::cout << f << "\n";
    }
    return r->files_refused ? kExitBadInput : kExitOk;
  }});
}

}  // namespace bilat::cli
