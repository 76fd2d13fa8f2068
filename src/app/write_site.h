// Use case: the published series (`bilat site A -w W --out DIR`): every
// partner's report at DIR/A/B/ (index.html, report.json, report.md), an
// index page with both index axes, sparklines, ranks, regions and the world
// map, downloads (the index as CSV and JSON, the series summary), and a page
// on the method and the sources. Works from disk and from any static host:
// no page requests anything outside the site.
#ifndef BILAT_APP_WRITE_SITE_H_
#define BILAT_APP_WRITE_SITE_H_

#include <string>
#include <vector>

#include "app/write_report.h"
#include "core/country.h"
#include "core/status.h"

namespace bilat::app {

struct SiteOptions {
  std::string workspace;
  std::string a;
  std::string out_dir;
  std::string index_weights;  // "" for data/index_weights.tsv
};

struct SiteResult {
  std::string a;
  std::string index_page;  // DIR/index.html
  int reports = 0;
  int partners_on_map = 0;
  std::vector<std::string> failed;
  double seconds = 0;
};

Result<SiteResult> WriteSite(const SiteOptions& options, const CountryRegistry& countries,
                             const SeriesProgressFn& progress = {});

}  // namespace bilat::app

#endif  // BILAT_APP_WRITE_SITE_H_
