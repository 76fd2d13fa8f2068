#include "app/use_cases.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/events/event_lookups.h"
#include "ingest/registry/registry_validator.h"
#include "measure/pair_facts.h"
#include "report/renderers.h"
#include "report/report_builder.h"
#include "store/migrations.h"
#include "store/workspace.h"

namespace bilat::app {

namespace fs = std::filesystem;

Result<InitResult> InitWorkspace(const std::string& dir) {
  std::error_code ec;
  bool existed = fs::exists(fs::path(dir) / store::Workspace::kDbFile, ec);
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Init(dir));
  BILAT_ASSIGN_OR_RETURN(int version, store::SchemaVersion(ws->db()));
  return InitResult{dir, version, !existed};
}

Result<IngestRegistryResult> IngestRegistry(const IngestRegistryOptions& o,
                                            const CountryRegistry& countries) {
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(o.workspace));
  ingest::RegistryBatch batch = ingest::ValidateRegistryDir(o.registry_dir, o.registry_dir, countries);
  IngestRegistryResult r;
  r.issues = std::move(batch.issues);
  r.rows_read = batch.rows_read;
  r.rows_rejected = batch.rows_rejected;
  if (!r.issues.empty() && !o.skip_invalid) return r;
  // A file that could not be read as a whole keeps its stored rows.
  std::vector<const KindSpec*> present;
  for (const KindSpec* k : batch.files_present) {
    if (std::find(batch.files_failed.begin(), batch.files_failed.end(), k) == batch.files_failed.end()) {
      present.push_back(k);
    }
  }
  BILAT_ASSIGN_OR_RETURN(r.counts, store::SyncRegistry(ws->db(), batch.records, present));
  r.stored = true;
  for (const auto& [kind, c] : r.counts) {
    r.total.added += c.added;
    r.total.updated += c.updated;
    r.total.unchanged += c.unchanged;
    r.total.removed += c.removed;
  }
  if (r.total.added || r.total.updated || r.total.removed) {
    BILAT_RETURN_IF_ERROR(
        store::LogIngest(ws->db(), "ingest registry", o.registry_dir, r.total, r.rows_rejected));
  }
  return r;
}

namespace {

Status WriteFile(const fs::path& path, const std::string& content) {
  // Written beside the target and renamed, so a reader never sees half a report.
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(tmp.string() + ": cannot write");
    out << content;
    if (!out.flush()) return Status::IoError(tmp.string() + ": write failed");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Status::IoError(path.string() + ": " + ec.message());
  return Status::Ok();
}

}  // namespace

Result<ReportResult> WriteReport(const ReportOptions& o, const CountryRegistry& countries) {
  for (const std::string& f : o.formats) {
    if (f != "html" && f != "md" && f != "json") {
      return Status::InvalidArgument("unknown report format '" + f + "' (use html, md, json)");
    }
  }
  BILAT_ASSIGN_OR_RETURN(const Country* ca, countries.Resolve(o.a));
  BILAT_ASSIGN_OR_RETURN(const Country* cb, countries.Resolve(o.b));
  if (ca == cb) return Status::InvalidArgument("a report needs two different countries, got " + ca->alpha3 + " twice");
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(o.workspace));
  BILAT_ASSIGN_OR_RETURN(measure::PairFacts facts, measure::LoadPairFacts(ws->db(), ca->alpha3, cb->alpha3));
  if (!facts.pulse.empty()) {
    BILAT_ASSIGN_OR_RETURN(auto lookups, ingest::EventLookups::LoadDefault());
    for (measure::EventPulse& p : facts.pulse) {
      for (const store::StoredEvent& e : p.top) {
        const ingest::CameoEventCode* code = lookups->Event(e.event_code);
        p.top_names.push_back(code ? code->name : "");
      }
    }
  }

  report::ReportInputs in;
  in.facts = &facts;
  in.countries = &countries;
  const std::string pair = ca->alpha3 + "-" + cb->alpha3;
  fs::path notes = fs::path(ws->NotesDir()) / pair;
  for (const std::string& id : report::SectionIds()) {
    fs::path p = notes / (id + ".md");
    std::ifstream f(p, std::ios::binary);
    if (!f) continue;
    std::ostringstream buf;
    buf << f.rdbuf();
    in.authors_text[id] = {"notes/" + pair + "/" + id + ".md", buf.str()};
  }
  report::ReportModel model = report::BuildReport(in);

  std::string out_dir = o.out_dir.empty() ? ws->ReportsDir() : o.out_dir;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return Status::IoError(out_dir + ": cannot create folder: " + ec.message());
  ReportResult r;
  r.a = ca->alpha3;
  r.b = cb->alpha3;
  for (const std::string& fmt : o.formats) {
    std::string content = fmt == "html" ? report::RenderHtml(model)
                          : fmt == "md" ? report::RenderMarkdown(model)
                                        : report::RenderJson(model, facts);
    fs::path path = fs::path(out_dir) / (pair + "." + fmt);
    BILAT_RETURN_IF_ERROR(WriteFile(path, content));
    r.files.push_back(path.string());
  }
  r.sources = static_cast<int>(model.sources.size());
  for (const auto& [kind, rows] : facts.records) r.records += static_cast<int>(rows.size());
  r.lint = model.lint;
  return r;
}

}  // namespace bilat::app
