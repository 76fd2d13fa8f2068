// A series' standing: the relations index and the trajectories of every
// partner of one country, computed once and shared by every report of the
// series (the report's "Standing and trajectory" section and its risks).
#ifndef BILAT_INDEX_STANDING_H_
#define BILAT_INDEX_STANDING_H_

#include <memory>
#include <string>

#include "core/status.h"
#include "index/components.h"
#include "index/relations_index.h"
#include "index/trajectory.h"
#include "store/sqlite_db.h"

namespace bilat::index {

struct SeriesStanding {
  SeriesComponents components;
  RelationsIndex index;
  Trajectories trajectories;

  // The partner's row in `year`, or null.
  const IndexRow* Row(const std::string& partner, int year) const;
  // The component values of a partner, by component id (null when none).
  const ComponentValues* Component(const std::string& id) const;
};

Result<std::unique_ptr<SeriesStanding>> LoadSeriesStanding(store::SqliteDb* db, const std::string& country,
                                                           const IndexSettings& settings);

}  // namespace bilat::index

#endif  // BILAT_INDEX_STANDING_H_
