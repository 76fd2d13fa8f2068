// Trade and indicator files: UN Comtrade, IMF DOTS, World Bank WDI and BACI
// (with its country and product code files). Selector picks the reader.
#include "fuzz/fuzz_util.h"
#include "ingest/trade/baci_reader.h"
#include "ingest/trade/comtrade_reader.h"
#include "ingest/trade/dots_reader.h"
#include "ingest/trade/wdi_reader.h"

using namespace bilat;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [selector, bytes] = fuzz::Select(data, size);
  ingest::LoadLimits limits;
  std::string path = fuzz::WriteScratchFile("trade.csv", bytes);
  switch (selector % 5) {
    case 0:
      (void)ingest::ReadComtradeCsv(path, "trade.csv", fuzz::Countries(), limits);
      break;
    case 1:
      (void)ingest::ReadDotsCsv(path, "trade.csv", fuzz::Countries(), limits);
      break;
    case 2:
      (void)ingest::ReadWdiCsv(path, "trade.csv", fuzz::Countries(), limits);
      break;
    case 3: {
      ingest::BaciCodes codes;
      codes.SetCountry(156, "CHN");
      codes.SetCountry(398, "KAZ");
      ingest::BaciOptions options;
      options.label = "trade.csv";
      (void)ingest::LoadBaci(path, codes, options);
      break;
    }
    case 4: {
      auto codes = ingest::BaciCodes::LoadCountries(path, "country_codes.csv");
      if (codes.ok()) (void)codes->LoadProducts(path, "product_codes.csv");
      break;
    }
  }
  return 0;
}
