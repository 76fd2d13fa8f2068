#include "app/write_site.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "app/atomic_write.h"
#include "app/query_index.h"
#include "core/csv_writer.h"
#include "index/index_export.h"
#include "index/standing.h"
#include "ingest/datasets/adapters.h"
#include "report/format.h"
#include "report/report_builder.h"
#include "site/site_pages.h"
#include "site/world_map.h"
#include "store/dataset_store.h"
#include "store/workspace.h"

namespace bilat::app {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, std::string> Regions(const std::string& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab != std::string::npos) out[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return out;
}

// The docs link to each other and to source files by relative paths the
// site does not ship: such links become their text; http(s) links stay.
std::string WithoutRelativeLinks(const std::string& html) {
  static const std::regex kRelative(R"re(<a href="(?!https?:|#)[^"]*">([^<]*)</a>)re");
  return std::regex_replace(html, kRelative, "$1");
}

}  // namespace

Result<SiteResult> WriteSite(const SiteOptions& o, const CountryRegistry& countries,
                             const SeriesProgressFn& progress) {
  auto t0 = std::chrono::steady_clock::now();
  if (o.out_dir.empty()) return Status::InvalidArgument("bilat site needs --out DIR");
  BILAT_ASSIGN_OR_RETURN(const Country* ca, countries.Resolve(o.a));
  const std::string data_dir = ingest::DefaultDatasetDataDir();
  BILAT_ASSIGN_OR_RETURN(site::WorldMap world,
                         site::LoadWorldMap(data_dir + "/geo/world-atlas-2.0.2.countries-110m.json", countries));
  const std::map<std::string, std::string> regions = Regions(data_dir + "/geo/country_regions.tsv");

  // Every report at DIR/A/B/.
  SeriesOptions so;
  so.workspace = o.workspace;
  so.a = ca->alpha3;
  so.out_dir = o.out_dir;
  so.formats = {"html", "md", "json"};
  so.index_weights = o.index_weights;
  so.site_layout = true;
  BILAT_ASSIGN_OR_RETURN(SeriesResult series, WriteSeriesReports(so, countries, progress));
  SiteResult out;
  out.a = ca->alpha3;
  out.reports = static_cast<int>(series.reports.size());
  out.failed = series.failed;
  std::set<std::string> written;
  for (const ReportResult& r : series.reports) written.insert(r.b);

  // The index of the series.
  BILAT_ASSIGN_OR_RETURN(index::IndexSettings settings, LoadIndexSettingsOrDefault(o.index_weights));
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(o.workspace));
  BILAT_ASSIGN_OR_RETURN(auto standing, index::LoadSeriesStanding(ws->db(), ca->alpha3, settings));
  const index::RelationsIndex& ix = standing->index;
  site::IndexPageInputs page;
  page.country = ca->alpha3;
  page.country_name = ca->display_name;
  page.year = ix.default_year;
  page.last_year = ix.default_year;
  page.first_year = std::max(ix.first_year, ix.default_year - 14);
  std::map<std::string, site::MapStyle> weight_style, warmth_style;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const std::string& partner : standing->components.partners) {
    const Country* cb = countries.Find(partner);
    site::PartnerEntry e;
    e.alpha3 = partner;
    e.name = cb ? cb->display_name : partner;
    auto region = regions.find(partner);
    e.region = region == regions.end() ? "" : region->second;
    e.href = written.count(partner) ? ca->alpha3 + "/" + partner + "/index.html" : "";
    for (int y = page.first_year; y <= page.last_year; ++y) {
      const index::IndexRow* r = standing->Row(partner, y);
      e.weight_path.push_back(r && r->weight.score ? *r->weight.score : nan);
      e.warmth_path.push_back(r && r->warmth.score ? *r->warmth.score : nan);
    }
    if (const index::IndexRow* r = standing->Row(partner, ix.default_year)) {
      e.weight = r->weight.score;
      e.warmth = r->warmth.score;
      e.weight_rank = r->weight.rank;
      e.warmth_rank = r->warmth.rank;
      e.weight_change = r->weight.rank_change;
      e.warmth_change = r->warmth.rank_change;
      if (auto reading = index::ReadWarmth(r->warmth, settings.normalisation)) e.reading = reading->name;
    }
    if (!e.weight && !e.warmth && e.href.empty()) continue;
    auto title = [&](const char* axis, std::optional<double> v) {
      return e.name + ": " + axis + " " + (v ? report::FormatFixed(*v, 2) : std::string("no score"));
    };
    weight_style[partner] = {site::WeightColour(e.weight), e.href, title("weight", e.weight)};
    warmth_style[partner] = {site::WarmthColour(e.warmth), e.href, title("warmth", e.warmth)};
    page.partners.push_back(std::move(e));
  }
  std::stable_sort(page.partners.begin(), page.partners.end(), [](const auto& x, const auto& y) {
    const int rx = x.weight_rank.value_or(1 << 30), ry = y.weight_rank.value_or(1 << 30);
    return rx != ry ? rx < ry : x.name < y.name;
  });
  for (const auto& shape : world.shapes) out.partners_on_map += weight_style.count(shape.alpha3) ? 1 : 0;
  // The series' own country, in dark grey.
  weight_style[ca->alpha3] = warmth_style[ca->alpha3] = {"#555555", "", ca->display_name + " (the series' country)"};
  page.weight_map_svg = site::WorldMapSvg(world, weight_style,
                                          "Weight of " + ca->display_name + "'s relationships, " +
                                              std::to_string(ix.default_year),
                                          "svg-weight");
  page.warmth_map_svg = site::WorldMapSvg(world, warmth_style,
                                          "Warmth of " + ca->display_name + "'s relationships, " +
                                              std::to_string(ix.default_year),
                                          "svg-warmth");

  // Downloads: the index of every year.
  std::vector<const index::IndexRow*> all;
  for (const index::IndexRow& r : ix.rows) all.push_back(&r);
  const fs::path dir(o.out_dir);
  BILAT_RETURN_IF_ERROR(WriteFileAtomically((dir / "index.json").string(), index::IndexRowsJson(all, settings.normalisation) + "\n"));
  std::string csv;
  for (const auto& row : index::IndexRowsTable(all, settings.normalisation)) csv += CsvRow(row) + "\n";
  BILAT_RETURN_IF_ERROR(WriteFileAtomically((dir / "index.csv").string(), csv));
  page.downloads = {{"index.csv", "The index, every partner and year (CSV)"},
                    {"index.json", "The index, every partner and year (JSON; fields in docs/formats/index_json.md)"},
                    {"SERIES-" + ca->alpha3 + ".csv", "What each report could fill (CSV)"},
                    {"SERIES-" + ca->alpha3 + ".md", "What each report could fill (Markdown)"}};
  out.index_page = (dir / "index.html").string();
  BILAT_RETURN_IF_ERROR(WriteFileAtomically((dir / "index.html").string(), site::IndexPage(page)));

  // Method and sources.
  std::string method;
  for (const char* doc : {"index.md", "forecasts.md"}) {
    const fs::path p = fs::path(data_dir) / ".." / "docs" / doc;
    const std::string text = ReadText(p);
    method += text.empty() ? "<p>" + std::string(doc) + " was not found beside bilat's data folder.</p>"
                           : WithoutRelativeLinks(report::MarkdownToSafeHtml(text));
  }
  std::vector<site::SourceLine> sources;
  BILAT_ASSIGN_OR_RETURN(std::vector<store::DatasetFileSummary> files, store::CurrentDatasetFiles(ws->db()));
  for (const auto& f : files) {
    sources.push_back({f.dataset, fs::path(f.path).filename().string(), f.scope,
                       static_cast<long long>(f.records + f.observations)});
  }
  BILAT_RETURN_IF_ERROR(
      WriteFileAtomically((dir / "method.html").string(), site::MethodPage(ca->display_name, method, sources)));
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace bilat::app
