// The relations index: every partner of one country placed on two axes,
// the weight of the relationship and its warmth, per year. The axes are
// never averaged into one number.
//
// Each component is transformed (logs for amounts and counts), normalised
// across the whole series (every partner, every year pooled, so that a
// partner's movement over time shows), and weighted by a file the user can
// change. A missing component is left out of the axis and listed, never
// counted as zero; each axis score carries a band from leaving out one
// component at a time. docs/index.md states every formula and choice.
#ifndef BILAT_INDEX_RELATIONS_INDEX_H_
#define BILAT_INDEX_RELATIONS_INDEX_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "index/components.h"

namespace bilat::index {

enum class Normalisation {
  kZScore,  // (t - mean) / sd over every partner-year with a value
  kMinMax,  // (t - min) / (max - min) over the same
};

// The weights file (data/index_weights.tsv; format in docs/index.md).
struct IndexSettings {
  Normalisation normalisation = Normalisation::kZScore;
  int min_components = 2;                 // fewer on an axis: no score
  std::map<std::string, double> weights;  // by component id; 0 leaves it out
  std::string path;                       // the file read, "" for built-in defaults
};
// The built-in defaults (every component weight 1).
IndexSettings DefaultIndexSettings();
// Reads a weights file; an unknown component, a bad number or a negative
// weight is an error naming the line.
Result<IndexSettings> LoadIndexSettings(const std::string& path);

// One component's reading for one partner-year.
struct ComponentScore {
  const ComponentSpec* spec = nullptr;
  double raw = 0;          // in the spec's unit
  double normalised = 0;   // after transform and normalisation
  double weight = 0;
  bool carried = false;
  int from_year = 0;
  int rows = 0;
};

struct AxisScore {
  std::optional<double> score;  // weighted mean of the normalised components
  double low = 0, high = 0;     // band: the lowest and highest score leaving out one component
  int components = 0;           // components used
  std::optional<int> rank;      // 1 = heaviest / warmest among partners scored that year
  std::optional<int> rank_change;  // previous year's rank - this year's (positive = moved up)
};

struct IndexRow {
  std::string partner;
  int year = 0;
  AxisScore weight, warmth;
  std::vector<ComponentScore> components;  // present ones, in spec order
  std::vector<std::string> missing;        // component ids with no value (weight > 0)
};

// The named reading of a warmth score: level -9..+9 (three levels to a
// standard deviation of the series) and its name. Only for z-scores.
struct WarmthReading {
  int level = 0;
  // Level 0 (|z| < 1/6): "about average". Otherwise cut at -2, -1, 0, 1 and
  // 2 sd: "much colder", "colder", "somewhat colder", "somewhat warmer",
  // "warmer", "much warmer" (than the average partner-year).
  std::string name;
};
std::optional<WarmthReading> ReadWarmth(const AxisScore& warmth, Normalisation normalisation);

// Pooled normalisation constants of one component.
struct ComponentScale {
  const ComponentSpec* spec = nullptr;
  double centre = 0, spread = 1;  // mean and sd, or min and (max - min)
  int values = 0;
  int partners = 0;
  int first_year = 0, last_year = 0;
  std::vector<std::string> files;
};

struct RelationsIndex {
  std::string country;
  IndexSettings settings;
  std::vector<ComponentScale> scales;  // parallel to ComponentSpecs()
  std::vector<IndexRow> rows;          // by partner, then year
  int first_year = 0, last_year = 0;   // years with at least one scored partner
  // The latest year in which at least half as many partners as in the best
  // year have both axes: the default year of `bilat index`.
  int default_year = 0;

  // The rows of one year, or of one partner.
  std::vector<const IndexRow*> Year(int year) const;
  std::vector<const IndexRow*> Partner(const std::string& partner) const;
};

RelationsIndex ComputeIndex(const SeriesComponents& components, const IndexSettings& settings);

// Monthly normalised readings of the components with monthly data (the
// event balance), pooled over every partner-month like the yearly ones.
struct MonthlyReading {
  std::string month;  // "2019-04"
  double raw = 0, normalised = 0;
  int rows = 0;
};
std::vector<MonthlyReading> MonthlyWarmth(const SeriesComponents& components, const IndexSettings& settings,
                                          const std::string& partner);

}  // namespace bilat::index

#endif  // BILAT_INDEX_RELATIONS_INDEX_H_
