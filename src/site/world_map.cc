#include "site/world_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "report/format.h"

namespace bilat::site {
namespace {

using Point = std::pair<double, double>;

// Equal Earth, in units where the equator spans about ±2.7.
Point EqualEarth(double lon_deg, double lat_deg) {
  constexpr double kA1 = 1.340264, kA2 = -0.081106, kA3 = 0.000893, kA4 = 0.003796;
  const double m = std::sqrt(3.0) / 2;
  const double lambda = lon_deg * M_PI / 180, phi = lat_deg * M_PI / 180;
  const double theta = std::asin(m * std::sin(phi));
  const double t2 = theta * theta, t6 = t2 * t2 * t2;
  const double x = lambda * std::cos(theta) / (m * (kA1 + 3 * kA2 * t2 + t6 * (7 * kA3 + 9 * kA4 * t2)));
  const double y = theta * (kA1 + kA2 * t2 + t6 * (kA3 + kA4 * t2));
  return {x, y};
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

Result<WorldMap> LoadWorldMap(const std::string& path, const CountryRegistry& countries) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot read the world map (set BILAT_DATA_DIR to bilat's data folder)");
  nlohmann::json topo;
  try {
    in >> topo;
  } catch (const std::exception& e) {
    return Status::Corruption(path + ": not JSON (" + e.what() + ")");
  }
  try {
    const auto& scale = topo.at("transform").at("scale");
    const auto& translate = topo.at("transform").at("translate");
    const double sx = scale.at(0), sy = scale.at(1), tx = translate.at(0), ty = translate.at(1);
    // Decode every arc to projected points.
    std::vector<std::vector<Point>> arcs;
    for (const auto& arc : topo.at("arcs")) {
      std::vector<Point> pts;
      double x = 0, y = 0;
      for (const auto& p : arc) {
        x += p.at(0).get<double>();
        y += p.at(1).get<double>();
        pts.push_back(EqualEarth(x * sx + tx, y * sy + ty));
      }
      arcs.push_back(std::move(pts));
    }
    // Map coordinates: Equal Earth spans x ±2.7066, y ±1.3173; latitudes
    // below -60 (Antarctica) are not drawn, so the map is cropped there.
    WorldMap map;
    const double kx = 2.7066, ytop = 1.3173, ybottom = EqualEarth(0, -60).second;
    const double scale_px = map.width / (2 * kx);
    map.height = (ytop - ybottom) * scale_px;
    auto px = [&](const Point& p) { return Point{(p.first + kx) * scale_px, (ytop - p.second) * scale_px}; };
    auto ring_path = [&](const nlohmann::json& ring) {
      std::string d;
      bool first = true;
      double prev_x = 0;
      for (const auto& index_json : ring) {
        const int index = index_json.get<int>();
        const std::vector<Point>& arc = arcs.at(static_cast<size_t>(index >= 0 ? index : ~index));
        std::vector<Point> pts(arc);
        if (index < 0) std::reverse(pts.begin(), pts.end());
        for (size_t i = first ? 0 : 1; i < pts.size(); ++i) {
          const Point q = px(pts[i]);
          // A ring that crosses the antimeridian (Fiji, Russia's far east)
          // jumps across the map: start a new subpath there instead of
          // drawing a line around the world.
          const bool jump = !d.empty() && std::fabs(q.first - prev_x) > map.width / 2;
          d += (d.empty() || jump ? "M" : "L") + Num(q.first) + "," + Num(q.second);
          prev_x = q.first;
        }
        first = false;
      }
      return d.empty() ? d : d + "Z";
    };
    for (const auto& g : topo.at("objects").at("countries").at("geometries")) {
      CountryShape shape;
      shape.numeric = g.contains("id") && g["id"].is_string() ? g["id"].get<std::string>() : "";
      shape.name = g.contains("properties") ? g["properties"].value("name", "") : "";
      if (shape.numeric == "010") continue;  // Antarctica
      if (!shape.numeric.empty()) {
        if (const Country* c = countries.Find(shape.numeric)) shape.alpha3 = c->alpha3;
      }
      const std::string type = g.value("type", "");
      if (type == "Polygon") {
        for (const auto& ring : g.at("arcs")) shape.path += ring_path(ring);
      } else if (type == "MultiPolygon") {
        for (const auto& polygon : g.at("arcs")) {
          for (const auto& ring : polygon) shape.path += ring_path(ring);
        }
      }
      if (!shape.path.empty()) map.shapes.push_back(std::move(shape));
    }
    return map;
  } catch (const std::exception& e) {
    return Status::Corruption(path + ": not a world-atlas TopoJSON file (" + e.what() + ")");
  }
}

std::string WorldMapSvg(const WorldMap& map, const std::map<std::string, MapStyle>& by_alpha3,
                        const std::string& title, const std::string& id) {
  using report::EscapeHtml;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + EscapeHtml(id) + "\" class=\"world-map\" viewBox=\"0 0 " +
                    Num(map.width) + " " + Num(map.height) + "\" role=\"img\" aria-labelledby=\"" + EscapeHtml(id) +
                    "-title\"><title id=\"" + EscapeHtml(id) + "-title\">" + EscapeHtml(title) + "</title>";
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"#f4f7fa\"/>";
  for (const CountryShape& s : map.shapes) {
    auto it = s.alpha3.empty() ? by_alpha3.end() : by_alpha3.find(s.alpha3);
    const std::string name = it != by_alpha3.end() && !it->second.title.empty() ? it->second.title : s.name;
    const std::string fill = it != by_alpha3.end() && !it->second.fill.empty() ? it->second.fill : "#d9d9d9";
    std::string path = "<path d=\"" + s.path + "\" fill=\"" + EscapeHtml(fill) +
                       "\" stroke=\"#fff\" stroke-width=\"0.4\" data-iso=\"" + EscapeHtml(s.alpha3) + "\"><title>" +
                       EscapeHtml(name) + "</title></path>";
    if (it != by_alpha3.end() && !it->second.href.empty()) {
      svg += "<a href=\"" + EscapeHtml(it->second.href) + "\" aria-label=\"" + EscapeHtml(name) + "\">" + path + "</a>";
    } else {
      svg += path;
    }
  }
  return svg + "</svg>";
}

}  // namespace bilat::site
