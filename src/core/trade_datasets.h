// The trade statistics datasets bilat ingests into its trade store, and what
// a report says about each: its name, publisher, and whether it gives each
// reporter's own statements (Comtrade, IMF DOTS: mirror gaps can be measured)
// or one reconciled figure per flow (BACI).
#ifndef BILAT_CORE_TRADE_DATASETS_H_
#define BILAT_CORE_TRADE_DATASETS_H_

#include <string_view>

namespace bilat {

struct TradeDataset {
  std::string_view name;       // as stored: "comtrade", "baci", "imf_dots"
  std::string_view title;      // "UN Comtrade"
  std::string_view short_name; // "Comtrade", in tables and captions
  std::string_view publisher;
  std::string_view url;
  std::string_view note;       // what one figure is
  bool reconciled;             // one figure per exporter-importer flow
  bool by_product;             // flows by HS product (RCA, HHI, complementarity possible)
};

// The dataset named `name`, or null.
const TradeDataset* FindTradeDataset(std::string_view name);

}  // namespace bilat

#endif  // BILAT_CORE_TRADE_DATASETS_H_
