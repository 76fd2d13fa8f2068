// The world map of the site: country outlines from a TopoJSON file
// (world-atlas, Natural Earth 1:110m; data/geo/README.md), projected with
// the Equal Earth projection (Šavrič, Patterson & Jenny 2018: equal-area,
// so large countries do not dominate by projection) and drawn as inline SVG
// with one link per country.
#ifndef BILAT_SITE_WORLD_MAP_H_
#define BILAT_SITE_WORLD_MAP_H_

#include <map>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"

namespace bilat::site {

struct CountryShape {
  std::string numeric;  // ISO 3166-1 numeric as the file gives it
  std::string alpha3;   // "" for shapes without an ISO code (Kosovo, N. Cyprus, Somaliland)
  std::string name;     // the file's name
  std::string path;     // SVG path data in map coordinates
};

struct WorldMap {
  std::vector<CountryShape> shapes;  // Antarctica left out
  double width = 960, height = 0;
};

// Reads and projects the TopoJSON `countries` object. Errors name the file.
Result<WorldMap> LoadWorldMap(const std::string& topojson_path, const CountryRegistry& countries);

// How one country is drawn: a fill, a link (relative URL, "" for none) and
// a tooltip.
struct MapStyle {
  std::string fill;
  std::string href;
  std::string title;
};

// The map as an <svg> element: countries without a style in light grey,
// every link keyboard-focusable with its title as the accessible name.
std::string WorldMapSvg(const WorldMap& map, const std::map<std::string, MapStyle>& by_alpha3,
                        const std::string& title, const std::string& id);

}  // namespace bilat::site

#endif  // BILAT_SITE_WORLD_MAP_H_
