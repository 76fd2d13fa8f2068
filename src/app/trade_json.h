// A trade answer as JSON: what `bilat trade --format json` prints and
// `/api/v1/pairs/A/B/trade` answers (fields in docs/trade_indicators.md).
#ifndef BILAT_APP_TRADE_JSON_H_
#define BILAT_APP_TRADE_JSON_H_

#include <string>

#include "app/query_trade.h"

namespace bilat::app {

std::string TradeAnswerJson(const TradeAnswer& answer);

}  // namespace bilat::app

#endif  // BILAT_APP_TRADE_JSON_H_
