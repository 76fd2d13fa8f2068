// Use cases: write the country report of one pair, and of a whole series
// (one country against every partner the workspace holds data for), with a
// summary of what each report could fill.
#ifndef BILAT_APP_WRITE_REPORT_H_
#define BILAT_APP_WRITE_REPORT_H_

#include <functional>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"
#include "index/standing.h"
#include "store/workspace.h"

namespace bilat::app {

struct ReportOptions {
  std::string workspace;
  std::string index_weights;  // relations index settings; "" for data/index_weights.tsv
  std::string a, b;       // any country code or name
  std::string out_dir;    // default: W/reports
  std::vector<std::string> formats = {"html", "md", "json"};
};

// What a report could fill, section by section: counts of what the
// workspace holds for the pair (0 = the section says the data stop).
struct ReportCoverage {
  int exchanges = 0;         // exchanges (episodes)
  int agreements = 0;        // agreements, milestones, partnership levels
  int un_sessions = 0;       // UN General Assembly sessions with agreement or distance
  int post_editions = 0;     // Lowy editions with posts either way
  int event_datasets = 0;    // GDELT / ICEWS / text datasets with events of the pair
  int trade_years = 0;       // years of ingested trade statistics
  int stated_trade = 0;      // stated trade figures (registry, texts)
  int projects = 0;          // projects and investments
  int finance_years = 0;     // years of development finance sums
  int people = 0;            // people-to-people records and visa rule spells
  int risks = 0;             // troubled transactions and conflictual event months
  int targets = 0;
  int index_year = 0;                    // the relations index year shown (0: no index)
  int weight_rank = 0, warmth_rank = 0;  // the partner's ranks that year (0: not scored)
  int Sections() const;      // sections with something to say
};

struct ReportResult {
  std::vector<std::string> files;  // written, in format order
  std::string a, b;                // resolved alpha-3
  int sources = 0;
  int records = 0;
  ReportCoverage coverage;
  std::vector<std::string> lint;   // internal consistency problems (should be empty)
  std::vector<std::string> warnings;  // about the inputs (a notes file not in UTF-8)
  double seconds = 0;
};
Result<ReportResult> WriteReport(const ReportOptions& options, const CountryRegistry& countries);

struct SeriesOptions {
  std::string workspace;
  // Site layout: each report at OUT/A/B/index.html (+ report.md, report.json)
  // with a navigation bar, instead of OUT/A-B.html.
  bool site_layout = false;
  std::string index_weights;  // relations index settings; "" for data/index_weights.tsv
  std::string a;          // the series' country (code or name)
  std::string out_dir;    // default: W/reports
  std::vector<std::string> formats = {"html", "md", "json"};
};

struct SeriesResult {
  std::string a;
  std::vector<ReportResult> reports;  // by partner code
  std::vector<std::string> failed;    // "KAZ: message"
  std::string summary_md, summary_csv;  // OUT/SERIES-A.md and .csv
  double seconds = 0;
};

// Called after each report with (done, total, partner).
using SeriesProgressFn = std::function<void(size_t, size_t, const std::string&)>;

// Writes a report for every partner of `a` that the workspace holds data
// for, and the summary table of what each could fill.
Result<SeriesResult> WriteSeriesReports(const SeriesOptions& options, const CountryRegistry& countries,
                                        const SeriesProgressFn& progress = {});


// One pair's report rendered in memory ("html", "md" or "json"), in an open
// workspace, for the server; `standing` may be null (the standing section
// then says so).
Result<std::string> RenderReport(store::Workspace* ws, const std::string& a, const std::string& b,
                                 const std::string& format, const CountryRegistry& countries,
                                 const index::SeriesStanding* standing);

// One pair's report rendered in memory ("html", "md" or "json"), exactly
// as WriteReport writes it (the standing of A's series computed the same
// way), for callers that want the document rather than files (the Python
// module). Errors as WriteReport's; nothing is written.
Result<std::string> RenderPairReport(const ReportOptions& options, const std::string& format,
                                     const CountryRegistry& countries);

}  // namespace bilat::app

#endif  // BILAT_APP_WRITE_REPORT_H_
