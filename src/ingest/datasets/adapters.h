// The dataset adapters: one per bulk dataset bilat reads (China Vitae, CEIAS,
// AEI, AidData, UNGA votes, Lowy, BRI, the partnership ladder, visa rules,
// Confucius Institutes, a GDELT-derived tone score). Each reads one file of
// its dataset and maps its rows to registry-kind Records and Observations,
// with every country name mapped to ISO or listed (docs/formats/datasets.md).
// IMF Direction of Trade files are trade flows and go through the trade
// loaders instead (ingest/trade/dots_reader.h).
#ifndef BILAT_INGEST_DATASETS_ADAPTERS_H_
#define BILAT_INGEST_DATASETS_ADAPTERS_H_

#include <span>
#include <string>
#include <string_view>

#include "core/country.h"
#include "core/status.h"
#include "ingest/datasets/dataset_types.h"

namespace bilat::ingest {

struct AdapterContext {
  const CountryRegistry* countries = nullptr;
  std::string data_dir;  // bilat's data folder (dataset_country_names.tsv)
  std::string label;     // the file as the user named it, for messages
};

using AdapterFn = Result<DatasetLoadResult> (*)(const std::string& path, const AdapterContext& ctx);

struct DatasetAdapter {
  std::string_view name;   // the ingest command: "chinavitae"
  std::string_view title;  // "China Vitae leader engagements"
  std::string_view help;   // one paragraph for --help: what it reads and what it makes
  AdapterFn load;
};

std::span<const DatasetAdapter> DatasetAdapters();
const DatasetAdapter* FindDatasetAdapter(std::string_view name);

// bilat's data folder: $BILAT_DATA_DIR, else the source tree's data/.
std::string DefaultDatasetDataDir();

// The adapters (each in its own file).
Result<DatasetLoadResult> LoadChinaVitae(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadCeias(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadAei(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadGcdf(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadAidDataGeocoded(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadPublicDiplomacy(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadConfucius(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadVisa(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadBri(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadPartnerships(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadLowy(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadUnga(const std::string& path, const AdapterContext& ctx);
Result<DatasetLoadResult> LoadGdeltTone(const std::string& path, const AdapterContext& ctx);

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_DATASETS_ADAPTERS_H_
