// What the extractor finds: the six kinds of the scoring schema
// (../shared/corpus/SCORING.md) plus, for every item, its evidence (document,
// character span, the sentence) and a confidence, and for events a CAMEO code
// and Goldstein value so that text-derived events aggregate with GDELT's.
// Plain value types.
#ifndef BILAT_INGEST_TEXT_ITEMS_H_
#define BILAT_INGEST_TEXT_ITEMS_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/text/dates.h"

namespace bilat::text {

struct Evidence {
  std::string doc_id;
  size_t begin = 0;  // code points into Document::original, half-open
  size_t end = 0;
  // The sentence as written, shared by every item read from that sentence: a
  // sentence dense with figures gives many items, and a copy in each made
  // memory grow with items x sentence length (9 MB of numbers took 3.9 GB).
  std::shared_ptr<const std::string> sentence;
  const std::string& text() const {
    static const std::string kEmpty;
    return sentence ? *sentence : kEmpty;
  }
};

struct CameoCoding {
  std::string code;        // "042"; a string: CAMEO codes keep leading zeros
  double goldstein = 0;    // -10 .. +10
  std::string source;      // actor country, ISO alpha-3
  std::string target;
};

struct Visit {
  std::string visitor_country;  // ISO alpha-3
  std::string visitor;          // "Xi Jinping", or the phrase when no name is known
  std::string host_country;
  TextDate date;
  std::string kind;    // "state visit", "official visit", "summit attendance", "visit"
  std::string status;  // "actual" or "planned"
  CameoCoding cameo;
  double confidence = 0;
  Evidence evidence;
  int date_strength = 0;  // internal: 2 stated in the sentence, 1 from the story, 0 document date
};

struct Event {
  TextDate date;
  // summit, forum, agreement signed, memorandum signed, partnership
  // established, opening, announcement, meeting, entry into force, launch
  std::string kind;
  std::vector<std::string> parties;  // ISO alpha-3
  std::string what;
  std::string status;  // actual, planned
  CameoCoding cameo;
  double confidence = 0;
  Evidence evidence;
  std::string key;        // internal: what makes two mentions one event
  std::vector<std::string> participants;  // internal: who met (meetings), places excluded
  std::string elsewhere;  // internal: a third country met in ("their meeting in South Korea")
  int date_strength = 0;  // internal, as for visits
};

struct TradeFigure {
  int year = 0;        // 0: the text does not say (written as null)
  int end_year = 0;    // a fiscal year "2021-22": 2022; else 0
  std::string period;  // "" for a calendar year, else "H1", "Jan-Nov", ...
  double value = 0;
  std::string unit;    // "USD billion"
  std::string flow;    // total, exports, imports
  std::string reporter_or_direction;  // "CHN-KAZ" (total) or "CHN->KAZ" (goods flow)
  std::optional<double> yoy_pct;
  std::string qualifier;
  std::string source;
  double confidence = 0;
  Evidence evidence;
};

struct Quantity {
  std::string what;
  double value = 0;
  std::string unit;  // count, jobs, hours per day, times, ...
  TextDate date;
  std::string qualifier;
  double confidence = 0;
  Evidence evidence;
};

struct Money {
  std::string what;
  double value = 0;
  std::string unit;  // "USD billion"
  TextDate date;
  std::string qualifier;
  double confidence = 0;
  Evidence evidence;
};

struct Percentage {
  std::string what;
  double value_low = 0;
  double value_high = 0;
  TextDate date;
  std::string qualifier;
  double confidence = 0;
  Evidence evidence;
};

// Everything found in one document.
struct Extraction {
  std::string doc_id;
  std::string url;
  std::string text_file;
  std::vector<std::string> country_pair;     // the two countries the text is about
  std::vector<std::string> other_countries;  // others it discusses
  TextDate doc_date;
  std::string doc_date_source;
  std::vector<Visit> visits;
  std::vector<Event> events;
  std::vector<TradeFigure> trade;
  std::vector<Quantity> quantities;
  std::vector<Money> money;
  std::vector<Percentage> percentages;
  size_t sentences = 0;
  size_t tokens = 0;
  // Sentences not read because the document already gave kMaxItemsPerDocument
  // items (a file of tables or numbers, not prose); 0 normally.
  size_t sentences_skipped = 0;
};

// The most items one document may give: memory stays bounded on text dense
// with figures (a news article gives tens; 9 MB of numbers gave millions).
inline constexpr size_t kMaxItemsPerDocument = 10000;

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_ITEMS_H_
