#include "core/trade_datasets.h"

namespace bilat {

const TradeDataset* FindTradeDataset(std::string_view name) {
  static constexpr TradeDataset kDatasets[] = {
      {"comtrade", "UN Comtrade", "Comtrade", "United Nations Statistics Division", "https://comtradeplus.un.org/",
       "Each reporter's own statements.", false, true},
      {"baci", "CEPII BACI", "BACI", "CEPII", "http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37",
       "Reconciled flows: one value per exporter-importer flow (FOB).", true, true},
      {"imf_dots", "IMF Direction of Trade Statistics", "IMF DOTS", "International Monetary Fund",
       "https://data.imf.org/", "Each reporter's own statements of goods exports (FOB) and imports (CIF), all products.",
       false, false},
  };
  for (const TradeDataset& d : kDatasets) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

}  // namespace bilat
