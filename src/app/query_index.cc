#include "app/query_index.h"

#include <algorithm>

#include "ingest/datasets/adapters.h"
#include "store/workspace.h"

namespace bilat::app {

std::string DefaultIndexWeightsPath() { return ingest::DefaultDatasetDataDir() + "/index_weights.tsv"; }

Result<index::IndexSettings> LoadIndexSettingsOrDefault(const std::string& path) {
  return index::LoadIndexSettings(path.empty() ? DefaultIndexWeightsPath() : path);
}

Result<std::unique_ptr<IndexAnswer>> QueryIndex(const IndexQuery& q, const CountryRegistry& countries) {
  auto out = std::make_unique<IndexAnswer>();
  BILAT_ASSIGN_OR_RETURN(const Country* a, countries.Resolve(q.a));
  out->a = a->alpha3;
  if (!q.b.empty()) {
    BILAT_ASSIGN_OR_RETURN(const Country* b, countries.Resolve(q.b));
    out->b = b->alpha3;
    if (out->b == out->a) return Status::InvalidArgument("A and B are the same country (" + out->a + ")");
  }
  BILAT_ASSIGN_OR_RETURN(index::IndexSettings settings, LoadIndexSettingsOrDefault(q.weights_path));
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(q.workspace));
  BILAT_ASSIGN_OR_RETURN(out->components, index::LoadSeriesComponents(ws->db(), out->a));
  out->index = index::ComputeIndex(out->components, settings);
  const index::RelationsIndex& ix = out->index;
  if (ix.rows.empty()) {
    return Status::NotFound("no index for " + out->a + ": the workspace holds none of the datasets the index reads "
                            "(trade totals, AEI, GCDF, leader travel, Lowy, UN votes, GDELT score, partnerships, "
                            "visa, BRI); see docs/index.md and scripts/series_workspace.sh");
  }
  if (!out->b.empty()) {
    out->rows = ix.Partner(out->b);
    if (out->rows.empty()) {
      return Status::NotFound("no index values for " + out->a + " and " + out->b +
                              ": none of the index's datasets pairs them");
    }
    out->months = index::MonthlyWarmth(out->components, settings, out->b);
    return out;
  }
  out->year = q.year ? q.year : ix.default_year;
  if (out->year < ix.first_year || out->year > ix.last_year) {
    return Status::NotFound("no index for " + std::to_string(out->year) + ": the index of " + out->a + " runs from " +
                            std::to_string(ix.first_year) + " to " + std::to_string(ix.last_year));
  }
  out->rows = ix.Year(out->year);
  std::stable_sort(out->rows.begin(), out->rows.end(), [](const index::IndexRow* x, const index::IndexRow* y) {
    const int rx = x->weight.rank.value_or(1 << 30), ry = y->weight.rank.value_or(1 << 30);
    return rx != ry ? rx < ry : x->partner < y->partner;
  });
  return out;
}

Result<std::unique_ptr<TrajectoryAnswer>> QueryTrajectory(const IndexQuery& q, const CountryRegistry& countries) {
  auto out = std::make_unique<TrajectoryAnswer>();
  BILAT_ASSIGN_OR_RETURN(const Country* a, countries.Resolve(q.a));
  out->a = a->alpha3;
  if (!q.b.empty()) {
    BILAT_ASSIGN_OR_RETURN(const Country* b, countries.Resolve(q.b));
    out->b = b->alpha3;
  }
  BILAT_ASSIGN_OR_RETURN(index::IndexSettings settings, LoadIndexSettingsOrDefault(q.weights_path));
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(q.workspace));
  BILAT_ASSIGN_OR_RETURN(out->components, index::LoadSeriesComponents(ws->db(), out->a));
  out->index = index::ComputeIndex(out->components, settings);
  out->trajectories = index::ComputeTrajectories(out->components, out->index);
  if (!out->b.empty()) {
    bool any = false;
    for (const auto& k : out->trajectories.kinds) any = any || k.Of(out->b);
    if (!any) {
      return Status::NotFound("no series of " + out->a + " and " + out->b +
                              " long enough to forecast (bilat index " + out->a + " " + out->b + " shows what there is)");
    }
  }
  return out;
}

}  // namespace bilat::app
