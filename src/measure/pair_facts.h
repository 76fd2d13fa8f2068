// PairFacts: every stored record about one country pair, and the figures
// derived from them (trade series with growth, counts per year, sector
// totals, required growth for targets). Derived figures keep pointers to the
// records they come from, so a report can cite each input.
//
// PairFacts owns its records; the pointers inside derived structs point into
// it and live as long as it does. Do not copy a PairFacts (pointers would
// dangle); it is move-only.
#ifndef BILAT_MEASURE_PAIR_FACTS_H_
#define BILAT_MEASURE_PAIR_FACTS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/record.h"
#include "core/status.h"
#include "measure/dataset_facts.h"
#include "measure/event_series.h"
#include "measure/trade_facts.h"

namespace bilat::store {
class SqliteDb;
}

namespace bilat::measure {

struct TradePoint {
  int year = 0;
  double value_usd = 0;
  const Record* record = nullptr;
  // Growth on the previous year of the same series, when that year exists.
  std::optional<double> computed_growth_pct;
  const Record* previous = nullptr;
  std::optional<double> stated_growth_pct;  // as the source states it
  bool exact = true;  // false for a bound ("more than $5 billion"): no growth is computed from it
};

// Full-year total trade of the pair in US dollars, as one reporter states it
// ("" = the source does not say whose statistics). One point per year: when
// several rows give the same year, the first by id is used and the others
// are listed in `alternatives`.
struct TradeSeries {
  std::string reporter;
  std::vector<TradePoint> points;  // ascending years
  std::vector<const Record*> alternatives;
};

// Same year, two reporters: the gap between their figures.
struct MirrorGap {
  int year = 0;
  const Record* a = nullptr;  // reporter a's figure
  const Record* b = nullptr;
  double gap_pct = 0;         // 100 * (a / b - 1)
};

// One visit or meeting: consecutive days of contact by the same leader in
// the same direction (registry rows are often one per day, as in China
// Vitae), merged when each row is at most kEpisodeGapDays after the last.
// A row dated only to the year (CEIAS) joins the first dated episode of the
// same leader and direction in that year, so a trip two sources record
// counts once and cites both; without one it is an episode of its own.
struct ExchangeEpisode {
  std::vector<const Record*> records;  // by date; front() opens the episode
  Date start, end;
  std::string from, to, leader;
};
inline constexpr int kEpisodeGapDays = 3;

struct YearCount {
  int year = 0;
  int count = 0;
  std::vector<const Record*> records;
};

// Sector totals count single projects only: a row standing for a group of
// projects (count > 1, e.g. "55 projects worth over $27.4 billion") may
// overlap the single ones and is reported apart, in `project_groups`.
struct SectorTotal {
  std::string sector;
  int projects = 0;
  int with_value = 0;    // projects whose value is stated
  double value_usd = 0;  // sum of stated US-dollar values
  std::vector<const Record*> records;
};

struct TargetAssessment {
  const Record* target = nullptr;
  // Latest observation of the target's indicator for its country (or pair).
  const Record* latest = nullptr;
  int latest_year = 0;
  double latest_value = 0;
  std::optional<double> required_growth_pct;  // per year, to reach the target
  // Record over the last (up to) five observed years: compound growth for
  // level indicators, the mean for rate indicators.
  const Record* record_start = nullptr;
  std::optional<double> recent_growth_pct;
  int recent_years = 0;
  std::vector<const Record*> recent_inputs;  // observations behind the mean
};

// Event data about the pair from one dataset (GDELT or ICEWS): the monthly
// series both ways, the most-reported stored events, and Records that let a
// report cite them like registry rows (the dataset as a source; each series
// and event as a cited record with its file and line).
struct EventPulse {
  std::string dataset;          // "gdelt" or "icews"
  EventSeries ab, ba;           // a -> b and b -> a, monthly
  int files = 0;                // event files of the dataset in the workspace
  Record source;                // a sources-kind Record describing the dataset
  Record ab_record, ba_record;  // cite the stored aggregates
  std::vector<store::StoredEvent> top;   // most-reported, both ways
  std::vector<Record> top_records;       // parallel to `top`
  std::vector<std::string> top_names;    // CAMEO event names, parallel to `top`
};

// Trade statistics of the pair from ingested Comtrade or BACI files: the
// indicators for each year, and Records that let a report cite them (the
// dataset's files as a source; each year's stored flows as a cited record).
struct TradeStatistics {
  std::string dataset;               // "baci" or "comtrade"
  Record source;                     // a sources-kind Record naming the files
  std::vector<TradeReading> readings;  // ascending years
  std::vector<Record> year_records;    // parallel to readings
};

// One stated figure of the pair's goods trade for a year (and period), from
// the registry or from a text: the total both ways, or the flow from
// `exporter` to `importer` (stated as the exporter's exports or the
// importer's imports: the same goods, so the two are compared).
struct TradeClaim {
  int year = 0;
  std::string period;    // "" for the calendar year
  std::string exporter, importer;  // both "" for total trade
  std::string stated_as;           // "total", "exports" or "imports"
  std::string reporter;  // whose statistics, "" if not stated
  bool is_total() const { return exporter.empty(); }
  // The quantity compared: claims with equal keys are about the same goods.
  bool SameQuantity(const TradeClaim& o) const {
    return year == o.year && period == o.period && exporter == o.exporter && importer == o.importer;
  }
  double value_usd = 0;
  bool exact = true;     // false for "more than ..." and the like
  std::optional<double> stated_growth_pct;
  const Record* record = nullptr;  // registry row or text record
  std::string origin;    // "registry" or "text"
};

// A claim set beside every other stated figure for the same quantity (year,
// period and direction), and its stated growth beside the growth its own
// source's figures give.
struct ClaimCheck {
  TradeClaim claim;
  struct Other {
    TradeClaim claim;
    double diff_pct = 0;  // 100 * (claim / other - 1)
  };
  std::vector<Other> others;
  // Growth from the same source's (or same reporter's) previous-year figure.
  std::optional<double> computed_growth_pct;
  const Record* previous = nullptr;
  // The same quantity in ingested trade statistics (calendar-year claims
  // only): BACI's reconciled figure, and each side's Comtrade statement of
  // it (a flow: the exporter's exports and the importer's imports; only the
  // claim's reporter's, when it names one).
  struct Data {
    std::string dataset;   // "baci" or "comtrade"
    std::string reporter;  // whose statement ("" for BACI)
    double value_usd = 0;
    double diff_pct = 0;   // 100 * (claim / data - 1)
    const Record* record = nullptr;  // the year's stored flows
  };
  std::vector<Data> data;
};
// Figures within this many percent of each other agree (rounding in print).
inline constexpr double kClaimTolerancePct = 0.5;

struct PairFacts {
  PairFacts() = default;
  PairFacts(PairFacts&&) = default;
  PairFacts& operator=(PairFacts&&) = default;
  PairFacts(const PairFacts&) = delete;
  PairFacts& operator=(const PairFacts&) = delete;

  std::string a, b;  // alpha-3, in the order asked
  // Records by kind name ("exchanges", ...), ordered by id. Held in
  // unique vectors that are never resized after Load, so pointers stay valid.
  std::map<std::string, std::vector<Record>> records;
  std::map<std::string, Record> sources;  // by source id

  std::vector<TradeSeries> trade;        // one per reporter
  std::vector<MirrorGap> mirror_gaps;    // latest years first
  std::vector<YearCount> exchanges_per_year;  // episodes per year (actual only)
  std::vector<const Record*> exchanges_by_date;
  std::vector<ExchangeEpisode> episodes;      // actual exchanges, by date
  std::vector<const Record*> partnership_levels;  // by date
  std::vector<SectorTotal> sectors;      // largest value first
  std::vector<const Record*> project_groups;  // rows with count > 1
  std::vector<TargetAssessment> targets;
  std::vector<EventPulse> pulse;  // datasets with events for the pair
  // Facts extracted from texts about the pair, with Records to cite them
  // (parallel to text_items) and one source per document.
  std::vector<store::TextItem> text_items;
  std::vector<Record> text_records;
  std::vector<ClaimCheck> claims;  // one per stated total-trade figure, by year
  std::vector<TradeStatistics> trade_stats;  // one per dataset with flows of the pair
  // Observations of the bulk datasets (UN votes, posts, visas, finance, ...)
  // and the dataset rows left out because another row states them.
  DatasetFacts datasets;

  // Adds the sources of `pulse` to `sources` (call after filling pulse).
  void RegisterPulseSources();

  const std::vector<Record>& Of(const std::string& kind) const;
};

// Record kinds for event data citations (not registry files).
const KindSpec& EventRecordKind();      // "events": one stored event
const KindSpec& AggregateRecordKind();  // "dyad_months": a stored series
const KindSpec& TextRecordKind();       // "text_items": one extracted fact
const KindSpec& TradeRecordKind();      // "trade_flows": a pair's stored flows of a year

// Whether a projects record belongs with investment and construction (the
// economy section's sectors and totals): not a troubled transaction (the
// risks section), and not a loan, grant or aid project from a bulk dataset
// (AidData's official finance, in the finance section). A curator's loan in
// the registry stays where the curator put it.
bool IsInvestmentProject(const Record& r);

// Loads every record about (a, b) and derives the figures above. A series
// of reports passes one TradeYearCache to read each trade dataset-year once.
Result<PairFacts> LoadPairFacts(store::SqliteDb* db, const std::string& a, const std::string& b,
                                TradeYearCache* trade_cache = nullptr);

// The derivations, exposed for tests: they read `facts->records`.
void DeriveFigures(PairFacts* facts);

}  // namespace bilat::measure

#endif  // BILAT_MEASURE_PAIR_FACTS_H_
