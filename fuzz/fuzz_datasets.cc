// The bulk datasets of `bilat ingest dataset` (CEIAS, Lowy, UN votes, BRI,
// partnerships, visa, GCDF, AidData, ...): the selector picks the adapter.
#include "fuzz/fuzz_util.h"
#include "ingest/datasets/adapters.h"

using namespace bilat;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [selector, bytes] = fuzz::Select(data, size);
  const auto adapters = ingest::DatasetAdapters();
  const ingest::DatasetAdapter& adapter = adapters[selector % adapters.size()];
  ingest::AdapterContext ctx;
  ctx.countries = &fuzz::Countries();
  ctx.data_dir = fuzz::DataDir();
  ctx.label = "dataset.csv";
  std::string path = fuzz::WriteScratchFile("dataset.csv", bytes);
  (void)adapter.load(path, ctx);
  return 0;
}
