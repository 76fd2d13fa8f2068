// Use case: the relations index of a country's series (`bilat index A`), or
// one pair across the years (`bilat index A B`). docs/index.md.
#ifndef BILAT_APP_QUERY_INDEX_H_
#define BILAT_APP_QUERY_INDEX_H_

#include <memory>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"
#include "index/components.h"
#include "index/relations_index.h"
#include "index/trajectory.h"

namespace bilat::app {

struct IndexQuery {
  std::string workspace = ".";
  std::string a;             // any country code or name
  std::string b;             // "" for every partner of A
  int year = 0;              // A alone: 0 for the index's default year
  std::string weights_path;  // "" for data/index_weights.tsv
};

struct IndexAnswer {
  std::string a, b;  // alpha-3
  int year = 0;      // A alone: the year shown
  index::SeriesComponents components;
  index::RelationsIndex index;
  std::vector<const index::IndexRow*> rows;  // A alone: the year's rows by weight rank; a pair: by year
  std::vector<index::MonthlyReading> months;  // a pair: monthly event balance
};

// The default weights file: $BILAT_DATA_DIR/index_weights.tsv (or the
// source tree's data folder).
std::string DefaultIndexWeightsPath();
// Reads the weights file (the default one when `path` is empty).
Result<index::IndexSettings> LoadIndexSettingsOrDefault(const std::string& path);

// The forecasts of A's series (`bilat trajectory A [B]`): every partner's
// backtest, or one pair's forecasts.
struct TrajectoryAnswer {
  std::string a, b;
  index::SeriesComponents components;
  index::RelationsIndex index;
  index::Trajectories trajectories;
};
Result<std::unique_ptr<TrajectoryAnswer>> QueryTrajectory(const IndexQuery& q, const CountryRegistry& countries);

// A alone: the rows of the year (the default year when none is given),
// ordered by weight rank. A and B: the pair's rows, by year.
Result<std::unique_ptr<IndexAnswer>> QueryIndex(const IndexQuery& q, const CountryRegistry& countries);

}  // namespace bilat::app

#endif  // BILAT_APP_QUERY_INDEX_H_
