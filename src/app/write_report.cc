#include "app/write_report.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.h"
#include "app/atomic_write.h"
#include "app/print_pdf.h"
#include "app/query_index.h"
#include "index/standing.h"
#include "ingest/events/event_lookups.h"
#include "measure/pair_facts.h"
#include "report/format.h"
#include "report/renderers.h"
#include "report/report_builder.h"
#include "store/partners.h"
#include "store/workspace.h"

namespace bilat::app {

namespace fs = std::filesystem;

namespace {

Status WriteFile(const fs::path& path, const std::string& content) {
  return WriteFileAtomically(path.string(), content);
}

// Months of an event series with material conflict (CAMEO quad class 4).
int ConflictMonths(const measure::EventSeries& s) {
  int n = 0;
  for (const measure::EventPeriod& p : s.periods) n += p.q[3] > 0;
  return n;
}

ReportCoverage CoverageOf(const measure::PairFacts& f) {
  ReportCoverage c;
  c.exchanges = static_cast<int>(f.episodes.size());
  c.agreements = static_cast<int>(f.Of("agreements").size());
  c.un_sessions = static_cast<int>(f.datasets.un_voting.size());
  c.post_editions = static_cast<int>(std::max(f.datasets.posts_a_in_b.size(), f.datasets.posts_b_in_a.size()));
  c.event_datasets = static_cast<int>(f.pulse.size());
  for (const measure::TradeStatistics& ts : f.trade_stats) c.trade_years += static_cast<int>(ts.readings.size());
  c.stated_trade = static_cast<int>(f.Of("trade").size());
  for (const Record& r : f.Of("projects")) {
    if (r.Text("status") == "troubled") {
      ++c.risks;
    } else {
      ++c.projects;
    }
  }
  for (const auto& [m, series] : f.datasets.finance) c.finance_years = std::max(c.finance_years, static_cast<int>(series.size()));
  c.finance_years += static_cast<int>(f.Of("finance").size());
  c.people = static_cast<int>(f.Of("people").size() + f.datasets.visa_a_to_b.size() + f.datasets.visa_b_to_a.size() +
                              f.datasets.public_diplomacy.size());
  for (const measure::EventPulse& p : f.pulse) c.risks += ConflictMonths(p.ab) + ConflictMonths(p.ba);
  c.targets = static_cast<int>(f.Of("targets").size());
  return c;
}

// The site's way back from a pair's page: a navigation bar after <body>.
std::string WithSiteNavigation(const std::string& html, const std::string& country) {
  const size_t body = html.find("<body>");
  if (body == std::string::npos) return html;
  const std::string nav =
      "<nav class=\"site-nav\" aria-label=\"Site\" style=\"font:14px sans-serif;padding:8px 0;border-bottom:1px "
      "solid #ccc;margin-bottom:12px\"><a href=\"../../index.html\">All partners of " +
      report::EscapeHtml(country) + "</a> · <a href=\"../../method.html\">Method and sources</a> · <a "
      "href=\"report.json\">JSON</a> · <a href=\"report.md\">Markdown</a></nav>";
  return html.substr(0, body + 6) + nav + html.substr(body + 6);
}

// The facts of a pair and the report model built from them (the model's
// citations are copies; RenderJson also reads the facts).
struct PairModel {
  measure::PairFacts facts;
  report::ReportModel model;
  std::vector<std::string> warnings;
};

Result<std::unique_ptr<PairModel>> BuildPairModel(store::Workspace* ws, const Country* ca, const Country* cb,
                                                  const CountryRegistry& countries, measure::TradeYearCache* cache,
                                                  const index::SeriesStanding* standing) {
  auto out = std::make_unique<PairModel>();
  BILAT_ASSIGN_OR_RETURN(out->facts, measure::LoadPairFacts(ws->db(), ca->alpha3, cb->alpha3, cache));
  measure::PairFacts& facts = out->facts;
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
  in.standing = standing;
  const std::string pair = ca->alpha3 + "-" + cb->alpha3;
  fs::path notes = fs::path(ws->NotesDir()) / pair;
  for (const std::string& id : report::SectionIds()) {
    fs::path p = notes / (id + ".md");
    std::ifstream f(p, std::ios::binary);
    if (!f) continue;
    std::ostringstream buf;
    buf << f.rdbuf();
    std::string text = buf.str();
    if (!IsValidUtf8(text)) {
      out->warnings.push_back("notes/" + pair + "/" + id + ".md is not UTF-8; read as Windows-1252 (save it as UTF-8)");
      text = AsUtf8(text);
    }
    in.authors_text[id] = {"notes/" + pair + "/" + id + ".md", std::move(text)};
  }
  out->model = report::BuildReport(in);
  return out;
}

// One report, in an open workspace; `cache` is shared across a series.
Result<ReportResult> WritePair(store::Workspace* ws, const Country* ca, const Country* cb, const std::string& out_dir,
                               const std::vector<std::string>& formats, const CountryRegistry& countries,
                               measure::TradeYearCache* cache, const index::SeriesStanding* standing,
                               bool site = false) {
  auto t0 = std::chrono::steady_clock::now();
  BILAT_ASSIGN_OR_RETURN(auto built, BuildPairModel(ws, ca, cb, countries, cache, standing));
  const measure::PairFacts& facts = built->facts;
  const report::ReportModel& model = built->model;
  std::vector<std::string> warnings = std::move(built->warnings);
  const std::string pair = ca->alpha3 + "-" + cb->alpha3;

  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return Status::IoError(out_dir + ": cannot create folder: " + ec.message());
  ReportResult r;
  r.a = ca->alpha3;
  r.b = cb->alpha3;
  // A site keeps each pair at a stable address, DIR/A/B/, with the report
  // as its index page and a way back to the series.
  const fs::path dir = site ? fs::path(out_dir) / ca->alpha3 / cb->alpha3 : fs::path(out_dir);
  if (site) {
    fs::create_directories(dir, ec);
    if (ec) return Status::IoError(dir.string() + ": cannot create folder: " + ec.message());
  }
  // The text formats are written as one set (never half new, half old); a
  // PDF is printed after them from the HTML.
  std::vector<std::pair<std::string, std::string>> set;
  for (const std::string& fmt : formats) {
    if (fmt == "pdf") continue;
    std::string content = fmt == "html" ? report::RenderHtml(model)
                          : fmt == "md" ? report::RenderMarkdown(model)
                                        : report::RenderJson(model, facts);
    if (site && fmt == "html") content = WithSiteNavigation(content, ca->display_name);
    fs::path path = dir / (site ? (fmt == "html" ? std::string("index.html") : "report." + fmt) : pair + "." + fmt);
    set.emplace_back(path.string(), std::move(content));
  }
  BILAT_RETURN_IF_ERROR(WriteFilesAtomically(set));
  for (const auto& [path, content] : set) r.files.push_back(path);
  for (const std::string& fmt : formats) {
    if (fmt == "pdf") {
      // Printed from the HTML by Chromium; the HTML it prints from is removed.
      const fs::path source = dir / (pair + ".print.html");
      BILAT_RETURN_IF_ERROR(WriteFile(source, report::RenderHtml(model)));
      const fs::path path = dir / (site ? std::string("report.pdf") : pair + ".pdf");
      Status printed = PrintPdf(source.string(), path.string());
      fs::remove(source, ec);
      BILAT_RETURN_IF_ERROR(printed);
      r.files.push_back(path.string());
    }
  }
  r.sources = static_cast<int>(model.sources.size());
  for (const auto& [kind, rows] : facts.records) r.records += static_cast<int>(rows.size());
  r.coverage = CoverageOf(facts);
  if (standing) {
    r.coverage.index_year = standing->index.default_year;
    if (const index::IndexRow* row = standing->Row(cb->alpha3, standing->index.default_year)) {
      r.coverage.weight_rank = row->weight.rank.value_or(0);
      r.coverage.warmth_rank = row->warmth.rank.value_or(0);
    }
  }
  r.lint = model.lint;
  r.warnings = std::move(warnings);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

Status CheckFormats(const std::vector<std::string>& formats) {
  for (const std::string& f : formats) {
    if (f != "html" && f != "md" && f != "json" && f != "pdf") {
      return Status::InvalidArgument("unknown report format '" + f + "' (use html, md, json, pdf)");
    }
  }
  return Status::Ok();
}

std::string Cell(int n) { return n ? std::to_string(n) : "-"; }

}  // namespace

int ReportCoverage::Sections() const {
  return (exchanges || agreements || un_sessions || post_editions) + (event_datasets > 0) +
         (trade_years || stated_trade || projects) + (finance_years > 0) + (people > 0) + (risks > 0) + (targets > 0);
}

Result<ReportResult> WriteReport(const ReportOptions& o, const CountryRegistry& countries) {
  BILAT_RETURN_IF_ERROR(CheckFormats(o.formats));
  BILAT_ASSIGN_OR_RETURN(const Country* ca, countries.Resolve(o.a));
  BILAT_ASSIGN_OR_RETURN(const Country* cb, countries.Resolve(o.b));
  if (ca == cb) return Status::InvalidArgument("a report needs two different countries, got " + ca->alpha3 + " twice");
  BILAT_ASSIGN_OR_RETURN(index::IndexSettings settings, LoadIndexSettingsOrDefault(o.index_weights));
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(o.workspace));
  BILAT_ASSIGN_OR_RETURN(auto standing, index::LoadSeriesStanding(ws->db(), ca->alpha3, settings));
  return WritePair(ws.get(), ca, cb, o.out_dir.empty() ? ws->ReportsDir() : o.out_dir, o.formats, countries, nullptr,
                   standing.get());
}

Result<SeriesResult> WriteSeriesReports(const SeriesOptions& o, const CountryRegistry& countries,
                                        const SeriesProgressFn& progress) {
  auto t0 = std::chrono::steady_clock::now();
  BILAT_RETURN_IF_ERROR(CheckFormats(o.formats));
  BILAT_ASSIGN_OR_RETURN(const Country* ca, countries.Resolve(o.a));
  BILAT_ASSIGN_OR_RETURN(index::IndexSettings settings, LoadIndexSettingsOrDefault(o.index_weights));
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(o.workspace));
  BILAT_ASSIGN_OR_RETURN(std::vector<std::string> partners, store::PartnersOf(ws->db(), ca->alpha3));
  // The index and the forecasts of the whole series, once for every report.
  BILAT_ASSIGN_OR_RETURN(auto standing, index::LoadSeriesStanding(ws->db(), ca->alpha3, settings));
  const std::string out_dir = o.out_dir.empty() ? ws->ReportsDir() : o.out_dir;
  SeriesResult result;
  result.a = ca->alpha3;
  measure::TradeYearCache cache;
  for (size_t i = 0; i < partners.size(); ++i) {
    const Country* cb = countries.Find(partners[i]);
    if (!cb) {
      result.failed.push_back(partners[i] + ": not a country bilat knows");
      continue;
    }
    Result<ReportResult> r =
        WritePair(ws.get(), ca, cb, out_dir, o.formats, countries, &cache, standing.get(), o.site_layout);
    if (r.ok()) {
      result.reports.push_back(std::move(*r));
    } else {
      result.failed.push_back(partners[i] + ": " + r.status().message());
    }
    if (progress) progress(i + 1, partners.size(), partners[i]);
  }
  // The summary: what each report could fill.
  std::ostringstream md, csv;
  md << "# " << ca->display_name << ": the series\n\n"
     << "One report per partner the workspace holds data for (" << result.reports.size()
     << " reports). Each column counts what the report could fill; `-` means the section says the data stop.\n\n"
     << "| partner | report | sections | exchanges | agreements | UN sessions | post editions | event datasets | "
        "trade years | stated trade | projects | finance years | people | risks | targets | weight rank | "
        "warmth rank |\n"
     << "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  csv << "partner,name,report,sections,exchanges,agreements,un_sessions,post_editions,event_datasets,trade_years,"
         "stated_trade,projects,finance_years,people,risks,targets,index_year,weight_rank,warmth_rank\n";
  for (const ReportResult& r : result.reports) {
    const ReportCoverage& c = r.coverage;
    const Country* cb = countries.Find(r.b);
    std::string file = r.a + "-" + r.b + "." + (o.formats.empty() ? "html" : o.formats.front());
    md << "| " << cb->display_name << " (" << r.b << ") | [" << file << "](" << file << ") | " << c.Sections() << " | "
       << Cell(c.exchanges) << " | " << Cell(c.agreements) << " | " << Cell(c.un_sessions) << " | "
       << Cell(c.post_editions) << " | " << Cell(c.event_datasets) << " | " << Cell(c.trade_years) << " | "
       << Cell(c.stated_trade) << " | " << Cell(c.projects) << " | " << Cell(c.finance_years) << " | "
       << Cell(c.people) << " | " << Cell(c.risks) << " | " << Cell(c.targets) << " | " << Cell(c.weight_rank)
       << " | " << Cell(c.warmth_rank) << " |\n";
    std::string name = cb->display_name;
    if (name.find_first_of(",\"") != std::string::npos) {
      std::string q = "\"";
      for (char ch : name) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      name = q + "\"";
    }
    csv << r.b << "," << name << "," << file << "," << c.Sections() << "," << c.exchanges << "," << c.agreements
        << "," << c.un_sessions << "," << c.post_editions << "," << c.event_datasets << "," << c.trade_years << ","
        << c.stated_trade << "," << c.projects << "," << c.finance_years << "," << c.people << "," << c.risks << ","
        << c.targets << "," << (c.index_year ? std::to_string(c.index_year) : "") << ","
        << (c.weight_rank ? std::to_string(c.weight_rank) : "") << ","
        << (c.warmth_rank ? std::to_string(c.warmth_rank) : "") << "\n";
  }
  for (const std::string& f : result.failed) md << "\nNot written: " << f << "\n";
  result.summary_md = (fs::path(out_dir) / ("SERIES-" + ca->alpha3 + ".md")).string();
  result.summary_csv = (fs::path(out_dir) / ("SERIES-" + ca->alpha3 + ".csv")).string();
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  BILAT_RETURN_IF_ERROR(WriteFile(result.summary_md, md.str()));
  BILAT_RETURN_IF_ERROR(WriteFile(result.summary_csv, csv.str()));
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

Result<std::string> RenderReport(store::Workspace* ws, const std::string& a, const std::string& b,
                                 const std::string& format, const CountryRegistry& countries,
                                 const index::SeriesStanding* standing) {
  if (format != "html" && format != "md" && format != "json") {
    return Status::InvalidArgument("a report is rendered in memory as html, md or json, not '" + format + "'");
  }
  BILAT_ASSIGN_OR_RETURN(const Country* ca, countries.Resolve(a));
  BILAT_ASSIGN_OR_RETURN(const Country* cb, countries.Resolve(b));
  if (ca == cb) return Status::InvalidArgument("a report needs two different countries, got " + ca->alpha3 + " twice");
  BILAT_ASSIGN_OR_RETURN(auto built, BuildPairModel(ws, ca, cb, countries, nullptr, standing));
  return format == "html" ? report::RenderHtml(built->model)
         : format == "md" ? report::RenderMarkdown(built->model)
                          : report::RenderJson(built->model, built->facts);
}

Result<std::string> RenderPairReport(const ReportOptions& o, const std::string& format,
                                     const CountryRegistry& countries) {
  BILAT_ASSIGN_OR_RETURN(const Country* ca, countries.Resolve(o.a));
  BILAT_ASSIGN_OR_RETURN(index::IndexSettings settings, LoadIndexSettingsOrDefault(o.index_weights));
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(o.workspace));
  BILAT_ASSIGN_OR_RETURN(auto standing, index::LoadSeriesStanding(ws->db(), ca->alpha3, settings));
  return RenderReport(ws.get(), o.a, o.b, format, countries, standing.get());
}

}  // namespace bilat::app
