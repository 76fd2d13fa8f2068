// The site's own pages (the pair pages are the reports): the index of every
// partner with both axes, a sparkline, rank change and region, sortable and
// filterable, with the world map coloured by either axis; and the page on the
// method and the sources. Pages are complete HTML strings that need nothing
// outside the site: inline CSS, inline SVG, one small inline script that
// only sorts, filters and switches maps (everything reads without it).
#ifndef BILAT_SITE_SITE_PAGES_H_
#define BILAT_SITE_SITE_PAGES_H_

#include <optional>
#include <string>
#include <vector>

namespace bilat::site {

struct PartnerEntry {
  std::string alpha3, name, region;
  std::string href;  // "CHN/KAZ/index.html", "" when no report was written
  std::optional<double> weight, warmth;
  std::optional<int> weight_rank, warmth_rank, weight_change, warmth_change;
  std::string reading;             // warmth reading, "" when none
  std::vector<double> warmth_path;  // the last years' warmth scores, oldest first (NaN = no score)
  std::vector<double> weight_path;
};

struct IndexPageInputs {
  std::string country_name;  // "China"
  std::string country;       // "CHN"
  int year = 0;
  int first_year = 0, last_year = 0;  // of the sparklines
  std::vector<PartnerEntry> partners;  // by weight rank
  std::string weight_map_svg, warmth_map_svg;
  std::vector<std::pair<std::string, std::string>> downloads;  // (href, label)
};
std::string IndexPage(const IndexPageInputs& in);

struct SourceLine {
  std::string dataset, file, scope;
  long long rows = 0;
};
// `method_html`: the method documents rendered (safe HTML).
std::string MethodPage(const std::string& country_name, const std::string& method_html,
                       const std::vector<SourceLine>& sources);

// Colour of a score on a map: weight on a sequential scale, warmth on a
// diverging one (blue warm, red cold); "" for no score.
std::string WeightColour(std::optional<double> z);
std::string WarmthColour(std::optional<double> z);

}  // namespace bilat::site

#endif  // BILAT_SITE_SITE_PAGES_H_
