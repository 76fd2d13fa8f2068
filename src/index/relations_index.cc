#include "index/relations_index.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "core/text.h"

namespace bilat::index {
namespace {

double Transformed(const ComponentSpec& spec, double raw) {
  switch (spec.transform) {
    case Transform::kIdentity:
      return raw;
    case Transform::kLog1p:
      return std::log10(1 + std::max(0.0, raw));
    case Transform::kLog1pUsdM:
      return std::log10(1 + std::max(0.0, raw) / 1e6);
  }
  return raw;
}

double WeightOf(const IndexSettings& s, const std::string& id) {
  auto it = s.weights.find(id);
  return it == s.weights.end() ? 0 : it->second;
}

// Fills scores of one axis from the row's components.
void ScoreAxis(IndexRow* row, Axis axis, int min_components) {
  AxisScore& out = axis == Axis::kWeight ? row->weight : row->warmth;
  std::vector<const ComponentScore*> used;
  for (const ComponentScore& c : row->components) {
    if (c.spec->axis == axis && c.weight > 0) used.push_back(&c);
  }
  out.components = static_cast<int>(used.size());
  if (out.components < std::max(1, min_components)) return;
  // At least one value must rest on a stored row: a score made only of the
  // zeros coverage rules fill in (no trade, no project, not a member) would
  // place a territory no dataset mentions among the partners.
  if (std::none_of(used.begin(), used.end(), [](const ComponentScore* c) { return c->rows > 0; })) {
    out.components = 0;
    return;
  }
  auto mean_without = [&](const ComponentScore* left_out) {
    double sum = 0, w = 0;
    for (const ComponentScore* c : used) {
      if (c == left_out) continue;
      sum += c->weight * c->normalised;
      w += c->weight;
    }
    return sum / w;
  };
  const double score = mean_without(nullptr);
  out.score = score;
  out.low = out.high = score;
  if (used.size() < 2) return;
  for (const ComponentScore* c : used) {
    const double s = mean_without(c);
    out.low = std::min(out.low, s);
    out.high = std::max(out.high, s);
  }
}

void Rank(std::vector<IndexRow*>& rows, AxisScore IndexRow::*axis) {
  std::vector<IndexRow*> scored;
  for (IndexRow* r : rows) {
    if ((r->*axis).score) scored.push_back(r);
  }
  std::stable_sort(scored.begin(), scored.end(), [&](const IndexRow* x, const IndexRow* y) {
    return *(x->*axis).score > *(y->*axis).score;
  });
  for (size_t i = 0; i < scored.size(); ++i) (scored[i]->*axis).rank = static_cast<int>(i + 1);
}

}  // namespace

IndexSettings DefaultIndexSettings() {
  IndexSettings s;
  for (const ComponentSpec& c : ComponentSpecs()) s.weights[c.id] = 1;
  return s;
}

Result<IndexSettings> LoadIndexSettings(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read the index weights file " + path);
  IndexSettings s;
  s.path = path;
  for (const ComponentSpec& c : ComponentSpecs()) s.weights[c.id] = 0;
  std::string line;
  int n = 0;
  auto fail = [&](const std::string& what) {
    return Status::InvalidArgument(path + ":" + std::to_string(n) + ": " + what +
                                   " (expected 'normalisation z|minmax', 'min_components N' or "
                                   "'weight COMPONENT W'; see docs/index.md)");
  };
  while (std::getline(in, line)) {
    ++n;
    std::string_view t = Trim(line);
    if (t.empty() || t.front() == '#') continue;
    std::istringstream words{std::string(t)};
    std::string key, a, b, extra;
    words >> key >> a >> b >> extra;
    if (!extra.empty()) return fail("too many fields");
    if (key == "normalisation" && b.empty()) {
      if (a == "z") {
        s.normalisation = Normalisation::kZScore;
      } else if (a == "minmax") {
        s.normalisation = Normalisation::kMinMax;
      } else {
        return fail("unknown normalisation '" + a + "'");
      }
    } else if (key == "min_components" && b.empty()) {
      char* end = nullptr;
      long v = std::strtol(a.c_str(), &end, 10);
      if (a.empty() || *end || v < 1 || v > 20) return fail("min_components must be a whole number from 1 to 20");
      s.min_components = static_cast<int>(v);
    } else if (key == "weight") {
      if (!FindComponent(a)) {
        std::string known;
        for (const ComponentSpec& c : ComponentSpecs()) known += (known.empty() ? "" : ", ") + c.id;
        return fail("unknown component '" + a + "' (known: " + known + ")");
      }
      char* end = nullptr;
      double w = std::strtod(b.c_str(), &end);
      if (b.empty() || *end || !std::isfinite(w) || w < 0) return fail("weight of '" + a + "' must be a number >= 0");
      s.weights[a] = w;
    } else {
      return fail("cannot read '" + std::string(t) + "'");
    }
  }
  return s;
}

std::optional<WarmthReading> ReadWarmth(const AxisScore& warmth, Normalisation normalisation) {
  if (!warmth.score || normalisation != Normalisation::kZScore) return std::nullopt;
  const double z = *warmth.score;
  WarmthReading r;
  r.level = static_cast<int>(std::lround(std::clamp(3 * z, -9.0, 9.0)));
  if (r.level == 0) {
    r.name = "about average";  // |z| < 1/6
  } else if (z < -2) {
    r.name = "much colder";
  } else if (z < -1) {
    r.name = "colder";
  } else if (z < 0) {
    r.name = "somewhat colder";
  } else if (z < 1) {
    r.name = "somewhat warmer";
  } else if (z < 2) {
    r.name = "warmer";
  } else {
    r.name = "much warmer";
  }
  return r;
}

std::vector<const IndexRow*> RelationsIndex::Year(int year) const {
  std::vector<const IndexRow*> out;
  for (const IndexRow& r : rows) {
    if (r.year == year) out.push_back(&r);
  }
  return out;
}

std::vector<const IndexRow*> RelationsIndex::Partner(const std::string& partner) const {
  // rows are ordered by partner, then year: a partner's rows are one run.
  auto first = std::lower_bound(rows.begin(), rows.end(), partner,
                                [](const IndexRow& r, const std::string& p) { return r.partner < p; });
  std::vector<const IndexRow*> out;
  for (auto it = first; it != rows.end() && it->partner == partner; ++it) out.push_back(&*it);
  return out;
}

RelationsIndex ComputeIndex(const SeriesComponents& components, const IndexSettings& settings) {
  RelationsIndex out;
  out.country = components.country;
  out.settings = settings;
  // Pooled scale of each component over every partner-year.
  for (const ComponentValues& c : components.components) {
    ComponentScale scale;
    scale.spec = c.spec;
    scale.first_year = c.first_year;
    scale.last_year = c.last_year;
    scale.files.assign(c.files.begin(), c.files.end());
    double sum = 0, sum2 = 0, lo = 0, hi = 0;
    for (const auto& [partner, years] : c.cells) {
      ++scale.partners;
      for (const auto& [year, cell] : years) {
        const double t = Transformed(*c.spec, cell.value);
        if (scale.values == 0) lo = hi = t;
        lo = std::min(lo, t);
        hi = std::max(hi, t);
        sum += t;
        sum2 += t * t;
        ++scale.values;
      }
    }
    if (settings.normalisation == Normalisation::kZScore) {
      scale.centre = scale.values ? sum / scale.values : 0;
      const double var = scale.values > 1 ? (sum2 - scale.values * scale.centre * scale.centre) / (scale.values - 1) : 0;
      scale.spread = var > 1e-12 ? std::sqrt(var) : 1;
    } else {
      scale.centre = lo;
      scale.spread = hi - lo > 1e-12 ? hi - lo : 1;
    }
    out.scales.push_back(std::move(scale));
  }
  // Every partner-year some component has a value for.
  std::map<std::pair<std::string, int>, IndexRow> rows;
  for (size_t i = 0; i < components.components.size(); ++i) {
    const ComponentValues& c = components.components[i];
    const double w = WeightOf(settings, c.spec->id);
    if (w <= 0) continue;
    for (const auto& [partner, years] : c.cells) {
      for (const auto& [year, cell] : years) {
        IndexRow& row = rows[{partner, year}];
        row.partner = partner;
        row.year = year;
        ComponentScore s;
        s.spec = c.spec;
        s.raw = cell.value;
        s.normalised = (Transformed(*c.spec, cell.value) - out.scales[i].centre) / out.scales[i].spread;
        s.weight = w;
        s.carried = cell.carried;
        s.from_year = cell.from_year;
        s.rows = cell.rows;
        row.components.push_back(s);
      }
    }
  }
  for (auto& [key, row] : rows) {
    for (const ComponentSpec& spec : ComponentSpecs()) {
      if (WeightOf(settings, spec.id) <= 0) continue;
      bool present = std::any_of(row.components.begin(), row.components.end(),
                                 [&](const ComponentScore& c) { return c.spec == &spec; });
      if (!present) row.missing.push_back(spec.id);
    }
    ScoreAxis(&row, Axis::kWeight, settings.min_components);
    ScoreAxis(&row, Axis::kWarmth, settings.min_components);
    out.rows.push_back(std::move(row));
  }
  // Ranks per year and their change on the year before.
  std::map<int, std::vector<IndexRow*>> by_year;
  for (IndexRow& r : out.rows) by_year[r.year].push_back(&r);
  std::map<std::pair<std::string, int>, const IndexRow*> lookup;
  for (auto& [year, rs] : by_year) {
    Rank(rs, &IndexRow::weight);
    Rank(rs, &IndexRow::warmth);
    for (IndexRow* r : rs) lookup[{r->partner, year}] = r;
  }
  // A rank change is shown only when the partner's axis rests on the same
  // components both years: a component that starts or stops (trade data
  // ending, a dataset's first year) would otherwise pass for a move.
  auto same_components = [](const IndexRow& x, const IndexRow& y, Axis axis) {
    std::vector<const ComponentSpec*> a, b;
    for (const ComponentScore& c : x.components) {
      if (c.spec->axis == axis) a.push_back(c.spec);
    }
    for (const ComponentScore& c : y.components) {
      if (c.spec->axis == axis) b.push_back(c.spec);
    }
    return a == b;
  };
  for (IndexRow& r : out.rows) {
    auto prev = lookup.find({r.partner, r.year - 1});
    if (prev == lookup.end()) continue;
    const IndexRow& p = *prev->second;
    if (r.weight.rank && p.weight.rank && same_components(r, p, Axis::kWeight)) {
      r.weight.rank_change = *p.weight.rank - *r.weight.rank;
    }
    if (r.warmth.rank && p.warmth.rank && same_components(r, p, Axis::kWarmth)) {
      r.warmth.rank_change = *p.warmth.rank - *r.warmth.rank;
    }
  }
  // The years and the default one.
  // Default year: the latest in which at least half as many partners as in
  // the best year have both axes, on at least 90% of the best year's mean
  // number of components (so that a year after most datasets end, scored
  // on two or three components, is not the default).
  std::map<int, std::pair<int, int>> both;  // year -> (rows, components)
  for (const IndexRow& r : out.rows) {
    if (!r.weight.score && !r.warmth.score) continue;
    if (out.first_year == 0 || r.year < out.first_year) out.first_year = r.year;
    out.last_year = std::max(out.last_year, r.year);
    if (r.weight.score && r.warmth.score) {
      ++both[r.year].first;
      both[r.year].second += r.weight.components + r.warmth.components;
    }
  }
  int best_rows = 0;
  double best_mean = 0;
  for (const auto& [year, v] : both) {
    best_rows = std::max(best_rows, v.first);
    best_mean = std::max(best_mean, static_cast<double>(v.second) / v.first);
  }
  for (const auto& [year, v] : both) {
    if (2 * v.first >= best_rows && static_cast<double>(v.second) / v.first >= 0.9 * best_mean) {
      out.default_year = year;
    }
  }
  if (out.default_year == 0) out.default_year = out.last_year;
  return out;
}

std::vector<MonthlyReading> MonthlyWarmth(const SeriesComponents& components, const IndexSettings& settings,
                                          const std::string& partner) {
  std::vector<MonthlyReading> out;
  for (const MonthlyValues& m : components.monthly) {
    const ComponentSpec* spec = FindComponent(m.id);
    if (!spec || WeightOf(settings, m.id) <= 0) continue;
    double sum = 0, sum2 = 0, lo = 0, hi = 0;
    int n = 0;
    for (const auto& [p, months] : m.cells) {
      for (const auto& [month, cell] : months) {
        const double t = Transformed(*spec, cell.value);
        if (n == 0) lo = hi = t;
        lo = std::min(lo, t), hi = std::max(hi, t);
        sum += t, sum2 += t * t, ++n;
      }
    }
    double centre = 0, spread = 1;
    if (settings.normalisation == Normalisation::kZScore) {
      centre = n ? sum / n : 0;
      const double var = n > 1 ? (sum2 - n * centre * centre) / (n - 1) : 0;
      spread = var > 1e-12 ? std::sqrt(var) : 1;
    } else {
      centre = lo;
      spread = hi - lo > 1e-12 ? hi - lo : 1;
    }
    auto it = m.cells.find(partner);
    if (it == m.cells.end()) continue;
    for (const auto& [month, cell] : it->second) {
      out.push_back({month, cell.value, (Transformed(*spec, cell.value) - centre) / spread, cell.rows});
    }
  }
  return out;
}

}  // namespace bilat::index
