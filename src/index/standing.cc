#include "index/standing.h"

#include <algorithm>
#include <utility>

namespace bilat::index {

const IndexRow* SeriesStanding::Row(const std::string& partner, int year) const {
  // index.rows are ordered by partner, then year (called per partner and
  // year by every report and the site: a search, not a scan of 14,000 rows).
  auto it = std::lower_bound(index.rows.begin(), index.rows.end(), std::pair<const std::string&, int>(partner, year),
                             [](const IndexRow& r, const std::pair<const std::string&, int>& key) {
                               return r.partner < key.first || (r.partner == key.first && r.year < key.second);
                             });
  return it != index.rows.end() && it->partner == partner && it->year == year ? &*it : nullptr;
}

const ComponentValues* SeriesStanding::Component(const std::string& id) const {
  for (const ComponentValues& c : components.components) {
    if (c.spec->id == id) return &c;
  }
  return nullptr;
}

Result<std::unique_ptr<SeriesStanding>> LoadSeriesStanding(store::SqliteDb* db, const std::string& country,
                                                           const IndexSettings& settings) {
  auto out = std::make_unique<SeriesStanding>();
  BILAT_ASSIGN_OR_RETURN(out->components, LoadSeriesComponents(db, country));
  out->index = ComputeIndex(out->components, settings);
  out->trajectories = ComputeTrajectories(out->components, out->index);
  return out;
}

}  // namespace bilat::index
