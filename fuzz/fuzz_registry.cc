// Registry CSV: the CSV parser and the validator of every registry kind.
// The selector byte picks the kind whose file the bytes become.
#include <filesystem>

#include "core/registry_schema.h"
#include "fuzz/fuzz_util.h"
#include "ingest/registry/csv_table.h"
#include "ingest/registry/registry_validator.h"

using namespace bilat;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [selector, bytes] = fuzz::Select(data, size);
  (void)ingest::ParseCsv("fuzz.csv", std::string(bytes));

  const auto kinds = RegistryKinds();
  const KindSpec& kind = kinds[selector % kinds.size()];
  static const std::string dir = fuzz::ScratchDir() + "/registry";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string path = dir + "/" + std::string(kind.file);
  fuzz::WriteScratchFile("registry/" + std::string(kind.file), bytes);
  ingest::RegistryBatch batch = ingest::ValidateRegistryDir(dir, "registry", fuzz::Countries());
  // Every rejected row is counted, and no more rows are valid than were read.
  size_t valid = 0;
  for (const auto& records : batch.records) valid += records.size();
  if (valid > static_cast<size_t>(batch.rows_read)) __builtin_trap();
  return 0;
}
