// Trade and macro storage: flows from UN Comtrade and CEPII BACI files,
// each country's derived totals, and World Bank WDI observations, with the
// files they came from and the problems found in them.
//
// Writes go through a TradeFileWriter, one transaction per file: the file
// row, its flows or observations, its issues and the rebuilt totals land
// together or not at all. A flow's key (dataset, year, reporter, partner,
// flow, product, period) is unique across files: a row already stored from
// another file is not stored again, and the writer says where the first one
// came from, so overlapping files are never counted twice.
#ifndef BILAT_STORE_TRADE_STORE_H_
#define BILAT_STORE_TRADE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/trade/trade_types.h"
#include "store/sqlite_db.h"

namespace bilat::store {

// "baci" gives one reconciled figure per exporter -> importer flow;
// "comtrade" gives each reporter's own statements.
bool IsReconciledTradeDataset(std::string_view dataset);

struct TradeFileInfo {
  std::string content_hash;  // XXH3-128, hex
  std::string path;
  std::string dataset;  // "comtrade", "baci" or "wdi"
  std::string layout;   // "comtrade-legacy", "comtrade-api", "baci", "wdi-wide", "wdi-long"
  uint64_t file_size = 0;
  int64_t file_mtime_ns = 0;
};

// Where a flow or observation was first stored.
struct EarlierRow {
  std::string path;
  uint64_t line = 0;
  double value = 0;
};

// One derived total. Rows with product "TOTAL" go to trade_totals; rows
// with partner "WLD" and a product go to trade_product_totals, packed per
// country and flow as repeated [1 byte: code length n][n bytes: the HS
// code][8 bytes: the value, IEEE double, little-endian].
struct TradeTotal {
  std::string country, partner;  // partner "WLD" = the world
  std::string flow;              // "export" or "import"
  std::string product;           // "TOTAL" = all goods
  double value_usd = 0;
};

class TradeFileWriter {
 public:
  // Begins the file's transaction and records the file. Fails with
  // AlreadyExists when a file with the same content hash is stored.
  static Result<std::unique_ptr<TradeFileWriter>> Begin(SqliteDb* db, const TradeFileInfo& info);
  ~TradeFileWriter();  // rolls back unless committed

  // Stores a flow; when its key is already stored, stores nothing and
  // returns where the earlier row came from.
  Result<std::optional<EarlierRow>> AddFlow(const ingest::TradeFlow& flow);
  Result<std::optional<EarlierRow>> AddObservation(const ingest::IndicatorObservation& obs);
  Status AddIssue(const ingest::LoadIssue& issue);

  // Whether the dataset held flows of `year` before this file.
  Result<bool> YearHadFlows(int year);

  // Annual (period "") export and import flows of `year` in this dataset,
  // stored ones and this file's, for rebuilding the totals.
  Status ForEachAnnualFlow(int year, const std::function<void(std::string_view reporter, std::string_view partner,
                                                              std::string_view flow, std::string_view product,
                                                              double value)>& fn);
  // Replaces the dataset's totals for `year`.
  Status ReplaceTotals(int year, const std::vector<TradeTotal>& totals);

  // Years this file stored flows for, ascending.
  std::vector<int> years() const;
  uint64_t rows_stored() const { return stored_; }
  uint64_t rows_duplicate() const { return duplicates_; }
  int64_t file_id() const { return file_id_; }

  // Records the counts and commits.
  Status Commit(uint64_t rows_read, uint64_t issues);

 private:
  TradeFileWriter(SqliteDb* db, TradeFileInfo info) : db_(db), info_(std::move(info)) {}
  Result<std::optional<EarlierRow>> Earlier(Statement* lookup);
  // Steps an INSERT ... ON CONFLICT DO NOTHING; true if it stored the row.
  Result<bool> StepInsert(Statement* insert);

  SqliteDb* db_;
  TradeFileInfo info_;
  std::unique_ptr<Transaction> tx_;
  int64_t file_id_ = 0;
  std::optional<Statement> insert_flow_, find_flow_, insert_obs_, find_obs_, insert_issue_;
  std::vector<bool> years_;  // index year - kMinTradeYear
  uint64_t stored_ = 0, duplicates_ = 0;
};

// The id of a trade or WDI file already stored with this content hash, or
// from this path with this size and modification time.
Result<std::optional<int64_t>> FindTradeFile(SqliteDb* db, const std::string& content_hash);
Result<std::optional<int64_t>> FindTradeFileByStat(SqliteDb* db, const std::string& path, uint64_t size,
                                                   int64_t mtime_ns);

struct TradeFileSummary {
  int64_t id = 0;
  std::string path, dataset, layout, ingested_at;
  uint64_t rows_read = 0, rows_stored = 0, rows_duplicate = 0, issues = 0;
};
// Stored files, by id; `dataset` "" for all.
Result<std::vector<TradeFileSummary>> TradeFiles(SqliteDb* db, const std::string& dataset = "");

// Years with flows for a dataset, and whether a dataset has flows touching a
// country as reporter or partner.
Result<std::vector<int>> TradeYears(SqliteDb* db, const std::string& dataset);

// The totals of a dataset-year (every country), and the product-level
// annual flows reported by `country` or naming it as partner.
using FlowFn = std::function<void(std::string_view reporter, std::string_view partner, std::string_view flow,
                                  std::string_view product, double value)>;
Status ForEachTotal(SqliteDb* db, const std::string& dataset, int year, const FlowFn& fn);
Status ForEachFlowOf(SqliteDb* db, const std::string& dataset, int year, const std::string& country,
                     const FlowFn& fn);
// Files holding flows of `year` reported by `a` or by `b` (for citing a
// pair's figures; in BACI the exporter is the reporter, so a's imports from
// b are b's rows). Both are key-range lookups.
Result<std::vector<TradeFileSummary>> TradeFilesFor(SqliteDb* db, const std::string& dataset, int year,
                                                    const std::string& a, const std::string& b);

// One stored WDI observation with its provenance.
struct IndicatorValue {
  int year = 0;
  double value = 0;
  std::string path;  // the file
  uint64_t line = 0;
};
// Observations of `series` for `country`, ascending years.
Result<std::vector<IndicatorValue>> LoadIndicatorSeries(SqliteDb* db, const std::string& series,
                                                        const std::string& country);

}  // namespace bilat::store

#endif  // BILAT_STORE_TRADE_STORE_H_
