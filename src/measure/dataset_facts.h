// DatasetFacts: what the bulk datasets say about a pair beyond the
// registry-kind records they add (those live in PairFacts::records beside
// the curated rows): UN voting, diplomatic posts, visa rules, development
// finance sums, public-diplomacy counts, the GDELT-derived score, and the
// dataset rows left out because another row states the same fact.
//
// Every reading keeps the Records it rests on (one per stored observation,
// citing the dataset's source with file and line), so a report cites each
// figure as it cites a registry row.
#ifndef BILAT_MEASURE_DATASET_FACTS_H_
#define BILAT_MEASURE_DATASET_FACTS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/record.h"
#include "store/dataset_store.h"

namespace bilat::measure {

// Record kind citing one stored observation ("observations").
const KindSpec& ObservationRecordKind();

// A dataset row left out of every figure, and why: a curated registry row
// states the same fact (the registry wins), or a newer edition of the same
// dataset is loaded (AEI revises past rows; editions are never added up).
struct Superseded {
  Record record;
  std::string by;    // the id of the row (or the scope) that stands
  std::string rule;  // "registry row citing the same line", "same exchange in the registry", "newer edition"
};

struct UnVotingYear {
  int year = 0;                 // the year the session opened
  std::string session;          // "session 78"
  std::optional<double> agree;  // share (0-1) of votes `voter` cast as the other side did
  std::string voter;            // alpha-3 of the side whose agreement the dataset gives
  const Record* agree_record = nullptr;
  std::optional<double> distance;  // |ideal point a - ideal point b|
  const Record* ideal_a = nullptr;
  const Record* ideal_b = nullptr;
};

// One sender's diplomatic posts in the host country in one Lowy edition.
struct PostEdition {
  int year = 0;
  int embassies = 0, consulates = 0, other = 0;
  std::vector<std::string> places;  // "Astana (Embassy)"
  std::vector<const Record*> records;
};

// A run of releases with the same visa rule for one passport and destination.
struct VisaSpell {
  std::string category;         // visa_free, visa_required, ...
  std::optional<double> days;   // visa-free days, when given
  std::string from, to;         // first and last release dates
  const Record* first = nullptr;
  const Record* last = nullptr;
};

struct YearValue {
  int year = 0;
  double value = 0;
  std::vector<const Record*> records;
};

struct DatasetFacts {
  DatasetFacts() = default;
  DatasetFacts(DatasetFacts&&) = default;
  DatasetFacts& operator=(DatasetFacts&&) = default;

  std::vector<store::StoredObservation> observations;
  std::vector<Record> records;   // parallel to observations
  std::map<std::string, Record> sources;  // by id, for the scopes cited
  std::vector<Superseded> superseded;

  std::vector<UnVotingYear> un_voting;  // ascending years
  // Posts of a in b ("a") and of b in a ("b"), ascending editions.
  std::vector<PostEdition> posts_a_in_b, posts_b_in_a;
  // Visa rules for a's passport entering b, and b's entering a.
  std::vector<VisaSpell> visa_a_to_b, visa_b_to_a;
  // Development finance from a to b or b to a (GCDF; lender first): by
  // measure ("gcdf.usd_const_2021", "gcdf.oda_like", ...), ascending years.
  std::string finance_lender, finance_recipient;
  std::map<std::string, std::vector<YearValue>> finance;
  // Public diplomacy counts (AidData): by measure, ascending years.
  std::map<std::string, std::vector<YearValue>> public_diplomacy;
  // The GDELT-derived daily score summed by year, and days with a score.
  std::vector<YearValue> score_by_year;
  std::vector<YearValue> score_days_by_year;
  std::string score_last_day;  // the series' last day ("2024-02-23"): a year after it is partial
  // BRI membership the list gives as uncertain (no date).
  const Record* bri_uncertain = nullptr;
};

// Loads the observations about (a, b) and derives the readings above.
Status LoadDatasetFacts(store::SqliteDb* db, const std::string& a, const std::string& b, DatasetFacts* out);

// Leaves out of `records` (by kind) the dataset rows another row states
// again, moving them to `out->superseded`: a dataset row whose file and line a
// registry row cites as its locator, a dataset exchange with the same date,
// direction and leader as a registry exchange, and projects of an older AEI
// edition when a newer one is loaded. Call before deriving figures.
void ApplyPrecedence(std::map<std::string, std::vector<Record>>* records, DatasetFacts* out);

}  // namespace bilat::measure

#endif  // BILAT_MEASURE_DATASET_FACTS_H_
