#include "index/standing.h"

namespace bilat::index {

const IndexRow* SeriesStanding::Row(const std::string& partner, int year) const {
  for (const IndexRow& r : index.rows) {
    if (r.partner == partner && r.year == year) return &r;
  }
  return nullptr;
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
