// `bilat ingest text FILES...`.
#include <iostream>

#include "app/ingest_text.h"
#include "cli/command.h"

namespace bilat::cli {

void RegisterIngestTextCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto opts = std::make_shared<app::IngestTextOptions>();
  CLI::App* sub = roots.ingest->add_subcommand(
      "text", "Extract visits, events, trade figures, quantities, money and percentages from English texts "
              "(plain text, HTML, JSON Lines) and store them with their evidence sentences; CAMEO-coded visits "
              "and events also join the event tables as dataset 'text'. A document already stored is skipped.");
  sub->add_option("FILES", opts->files, "Text, HTML or JSON Lines files")->required()->check(CLI::ExistingFile);
  sub->add_option("-w,--workspace", opts->workspace, "Workspace folder")->capture_default_str();
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [opts] {
    auto r = app::IngestText(*opts, Countries());
    if (!r.ok()) return Fail(r.status());
    for (const std::string& i : r->issues) std::cerr << i << "\n";
    size_t items = 0, events = 0, skipped = 0;
    for (const auto& d : r->documents) {
      if (d.already_ingested) {
        ++skipped;
        continue;
      }
      items += d.items;
      events += d.events;
      std::cout << d.file << (d.file.find('#') == std::string::npos && d.doc_id.empty() ? "" : " [" + d.doc_id + "]")
                << ": " << d.items << " facts, " << d.events << " coded events\n";
    }
    std::cout << r->documents.size() << " documents: " << items << " facts stored, " << events
              << " coded events, " << skipped << " already ingested, " << r->files_refused << " files refused\n";
    return r->files_refused ? kExitBadInput : kExitOk;
  }});
}

}  // namespace bilat::cli
