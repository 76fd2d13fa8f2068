#include "store/trade_store.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "core/trade_datasets.h"

namespace bilat::store {
namespace {

Status StepDone(Statement* st) {
  BILAT_ASSIGN_OR_RETURN(bool row, st->Step());
  (void)row;
  st->Reset();
  return Status::Ok();
}

TradeFileSummary SummaryFrom(const Statement& st) {
  TradeFileSummary s;
  s.id = st.ColumnInt(0);
  s.path = st.ColumnText(1);
  s.dataset = st.ColumnText(2);
  s.layout = st.ColumnText(3);
  s.rows_read = static_cast<uint64_t>(st.ColumnInt(4));
  s.rows_stored = static_cast<uint64_t>(st.ColumnInt(5));
  s.rows_duplicate = static_cast<uint64_t>(st.ColumnInt(6));
  s.issues = static_cast<uint64_t>(st.ColumnInt(7));
  s.ingested_at = st.ColumnText(8);
  return s;
}

Result<std::vector<TradeFileSummary>> Summaries(Statement* st) {
  std::vector<TradeFileSummary> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(SummaryFrom(*st));
  }
  return out;
}

constexpr const char* kFileColumns =
    "f.id, f.path, f.dataset, f.layout, f.rows_read, f.rows_stored, f.rows_duplicate, f.issues, f.ingested_at";

Status RunFlows(Statement* st, const FlowFn& fn) {
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    fn(st->ColumnView(0), st->ColumnView(1), st->ColumnView(2), st->ColumnView(3), st->ColumnDouble(4));
  }
  return Status::Ok();
}

void AppendProduct(std::string* packed, std::string_view code, double value) {
  packed->push_back(static_cast<char>(code.size()));
  packed->append(code);
  char bytes[8];
  std::memcpy(bytes, &value, 8);
  packed->append(bytes, 8);
}

}  // namespace

bool IsReconciledTradeDataset(std::string_view dataset) {
  const TradeDataset* d = FindTradeDataset(dataset);
  return d && d->reconciled;
}

Result<std::unique_ptr<TradeFileWriter>> TradeFileWriter::Begin(SqliteDb* db, const TradeFileInfo& info) {
  std::unique_ptr<TradeFileWriter> w(new TradeFileWriter(db, info));
  w->tx_ = std::make_unique<Transaction>(db);
  BILAT_RETURN_IF_ERROR(w->tx_->status());
  BILAT_ASSIGN_OR_RETURN(std::optional<int64_t> existing, FindTradeFile(db, info.content_hash));
  if (existing) {
    return Status::AlreadyExists(info.path + ": the same content is already stored (file " +
                                 std::to_string(*existing) + ")");
  }
  {
    BILAT_ASSIGN_OR_RETURN(
        Statement st, db->Prepare("INSERT INTO trade_files (content_hash, path, dataset, layout, file_size, "
                                  "file_mtime_ns, rows_read, rows_stored, rows_duplicate, issues, ingested_at) "
                                  "VALUES (?,?,?,?,?,?,0,0,0,0, strftime('%Y-%m-%dT%H:%M:%SZ','now'))"));
    BILAT_RETURN_IF_ERROR(st.BindText(1, info.content_hash));
    BILAT_RETURN_IF_ERROR(st.BindText(2, info.path));
    BILAT_RETURN_IF_ERROR(st.BindText(3, info.dataset));
    BILAT_RETURN_IF_ERROR(st.BindText(4, info.layout));
    BILAT_RETURN_IF_ERROR(st.BindInt(5, static_cast<long long>(info.file_size)));
    BILAT_RETURN_IF_ERROR(st.BindInt(6, info.file_mtime_ns));
    BILAT_RETURN_IF_ERROR(StepDone(&st));
    w->file_id_ = db->LastInsertRowId();
  }
  BILAT_ASSIGN_OR_RETURN(Statement ins, db->Prepare("INSERT INTO trade_flows VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                                                    "ON CONFLICT DO NOTHING"));
  w->insert_flow_.emplace(std::move(ins));
  BILAT_ASSIGN_OR_RETURN(Statement find,
                         db->Prepare("SELECT f.path, t.line, t.value_usd FROM trade_flows t JOIN trade_files f "
                                     "ON f.id = t.file_id WHERE t.dataset = ? AND t.year = ? AND t.reporter = ? "
                                     "AND t.partner = ? AND t.flow = ? AND t.product = ? AND t.period = ?"));
  w->find_flow_.emplace(std::move(find));
  BILAT_ASSIGN_OR_RETURN(Statement ins_obs, db->Prepare("INSERT INTO indicator_values VALUES (?,?,?,?,?,?,?) "
                                                        "ON CONFLICT DO NOTHING"));
  w->insert_obs_.emplace(std::move(ins_obs));
  BILAT_ASSIGN_OR_RETURN(Statement find_obs,
                         db->Prepare("SELECT f.path, v.line, v.value FROM indicator_values v JOIN trade_files f "
                                     "ON f.id = v.file_id WHERE v.series = ? AND v.country = ? AND v.year = ?"));
  w->find_obs_.emplace(std::move(find_obs));
  BILAT_ASSIGN_OR_RETURN(Statement issue, db->Prepare("INSERT INTO trade_issues VALUES (?,?,?,?,?)"));
  w->insert_issue_.emplace(std::move(issue));
  w->years_.assign(ingest::kMaxTradeYear - ingest::kMinTradeYear + 1, false);
  return w;
}

TradeFileWriter::~TradeFileWriter() {
  // Statements first, then the transaction rolls back if not committed.
  insert_flow_.reset();
  find_flow_.reset();
  insert_obs_.reset();
  find_obs_.reset();
  insert_issue_.reset();
  tx_.reset();
}

Result<std::optional<EarlierRow>> TradeFileWriter::Earlier(Statement* lookup) {
  BILAT_ASSIGN_OR_RETURN(bool row, lookup->Step());
  std::optional<EarlierRow> out;
  if (row) out = EarlierRow{lookup->ColumnText(0), static_cast<uint64_t>(lookup->ColumnInt(1)),
                            lookup->ColumnDouble(2)};
  lookup->Reset();
  return out;
}

namespace {

// The key of trade_flows (dataset, year, reporter, partner, flow, product,
// period) as parameters 1-7: the first columns of the INSERT and the whole
// WHERE of the lookup.
Status BindFlowKey(Statement* st, const std::string& dataset, const ingest::TradeFlow& f) {
  BILAT_RETURN_IF_ERROR(st->BindText(1, dataset));
  BILAT_RETURN_IF_ERROR(st->BindInt(2, f.year));
  BILAT_RETURN_IF_ERROR(st->BindText(3, f.reporter));
  BILAT_RETURN_IF_ERROR(st->BindText(4, f.partner));
  BILAT_RETURN_IF_ERROR(st->BindText(5, ingest::FlowName(f.flow)));
  BILAT_RETURN_IF_ERROR(st->BindText(6, f.product));
  return st->BindText(7, f.period);
}

// The key of indicator_values (series, country, year) as parameters 1-3.
Status BindObservationKey(Statement* st, const ingest::IndicatorObservation& o) {
  BILAT_RETURN_IF_ERROR(st->BindText(1, o.series));
  BILAT_RETURN_IF_ERROR(st->BindText(2, o.country));
  return st->BindInt(3, o.year);
}

}  // namespace

Result<bool> TradeFileWriter::StepInsert(Statement* insert) {
  BILAT_RETURN_IF_ERROR(StepDone(insert));
  // ON CONFLICT DO NOTHING: no row changed means the key was stored before.
  if (db_->Changes() == 1) {
    ++stored_;
    return true;
  }
  ++duplicates_;
  return false;
}

Result<std::optional<EarlierRow>> TradeFileWriter::AddFlow(const ingest::TradeFlow& f) {
  Statement& st = *insert_flow_;
  BILAT_RETURN_IF_ERROR(BindFlowKey(&st, info_.dataset, f));
  BILAT_RETURN_IF_ERROR(st.BindDouble(8, f.value_usd));
  if (f.quantity) {
    BILAT_RETURN_IF_ERROR(st.BindDouble(9, *f.quantity));
  } else {
    BILAT_RETURN_IF_ERROR(st.Bind(9, Value()));
  }
  BILAT_RETURN_IF_ERROR(st.BindText(10, f.quantity_unit));
  BILAT_RETURN_IF_ERROR(st.BindInt(11, file_id_));
  BILAT_RETURN_IF_ERROR(st.BindInt(12, static_cast<long long>(f.line)));
  BILAT_ASSIGN_OR_RETURN(bool stored, StepInsert(&st));
  if (stored) {
    if (f.year >= ingest::kMinTradeYear && f.year <= ingest::kMaxTradeYear) years_[f.year - ingest::kMinTradeYear] = true;
    return std::optional<EarlierRow>();
  }
  BILAT_RETURN_IF_ERROR(BindFlowKey(&*find_flow_, info_.dataset, f));
  return Earlier(&*find_flow_);
}

Result<std::optional<EarlierRow>> TradeFileWriter::AddObservation(const ingest::IndicatorObservation& o) {
  Statement& st = *insert_obs_;
  BILAT_RETURN_IF_ERROR(BindObservationKey(&st, o));
  BILAT_RETURN_IF_ERROR(st.BindDouble(4, o.value));
  BILAT_RETURN_IF_ERROR(st.BindInt(5, o.is_country ? 1 : 0));
  BILAT_RETURN_IF_ERROR(st.BindInt(6, file_id_));
  BILAT_RETURN_IF_ERROR(st.BindInt(7, static_cast<long long>(o.line)));
  BILAT_ASSIGN_OR_RETURN(bool stored, StepInsert(&st));
  if (stored) return std::optional<EarlierRow>();
  BILAT_RETURN_IF_ERROR(BindObservationKey(&*find_obs_, o));
  return Earlier(&*find_obs_);
}

Status TradeFileWriter::AddIssue(const ingest::LoadIssue& issue) {
  Statement& st = *insert_issue_;
  BILAT_RETURN_IF_ERROR(st.BindInt(1, file_id_));
  BILAT_RETURN_IF_ERROR(st.BindInt(2, static_cast<long long>(issue.line)));
  BILAT_RETURN_IF_ERROR(st.BindText(3, issue.field));
  BILAT_RETURN_IF_ERROR(st.BindText(4, issue.message));
  BILAT_RETURN_IF_ERROR(st.BindText(5, issue.hint));
  return StepDone(&st);
}

Result<bool> TradeFileWriter::YearHadFlows(int year) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db_->Prepare("SELECT 1 FROM trade_flows WHERE dataset = ? AND year = ? "
                                                    "AND file_id <> ? LIMIT 1"));
  BILAT_RETURN_IF_ERROR(st.BindText(1, info_.dataset));
  BILAT_RETURN_IF_ERROR(st.BindInt(2, year));
  BILAT_RETURN_IF_ERROR(st.BindInt(3, file_id_));
  return st.Step();
}

Status TradeFileWriter::ForEachAnnualFlow(
    int year, const std::function<void(std::string_view, std::string_view, std::string_view, std::string_view,
                                       double)>& fn) {
  BILAT_ASSIGN_OR_RETURN(Statement st,
                         db_->Prepare("SELECT reporter, partner, flow, product, value_usd FROM trade_flows "
                                      "WHERE dataset = ? AND year = ? AND period = '' "
                                      "AND flow IN ('export', 'import')"));
  BILAT_RETURN_IF_ERROR(st.BindText(1, info_.dataset));
  BILAT_RETURN_IF_ERROR(st.BindInt(2, year));
  return RunFlows(&st, fn);
}

Status TradeFileWriter::ReplaceTotals(int year, const std::vector<TradeTotal>& totals) {
  for (const char* table : {"trade_totals", "trade_product_totals"}) {
    BILAT_ASSIGN_OR_RETURN(Statement del, db_->Prepare(std::string("DELETE FROM ") + table +
                                                       " WHERE dataset = ? AND year = ?"));
    BILAT_RETURN_IF_ERROR(del.BindText(1, info_.dataset));
    BILAT_RETURN_IF_ERROR(del.BindInt(2, year));
    BILAT_RETURN_IF_ERROR(StepDone(&del));
  }
  BILAT_ASSIGN_OR_RETURN(Statement st, db_->Prepare("INSERT INTO trade_totals VALUES (?,?,?,?,?,?)"));
  // Product rows are packed per (country, flow); codes longer than 255
  // bytes cannot occur (HS codes are digits).
  std::map<std::pair<std::string, std::string>, std::pair<int64_t, std::string>> packed;
  for (const TradeTotal& t : totals) {
    if (t.product != "TOTAL") {
      if (t.partner == "WLD" && t.product.size() < 256) {
        auto& [n, bytes] = packed[{t.country, t.flow}];
        ++n;
        AppendProduct(&bytes, t.product, t.value_usd);
      }
      continue;
    }
    BILAT_RETURN_IF_ERROR(st.BindText(1, info_.dataset));
    BILAT_RETURN_IF_ERROR(st.BindInt(2, year));
    BILAT_RETURN_IF_ERROR(st.BindText(3, t.country));
    BILAT_RETURN_IF_ERROR(st.BindText(4, t.partner));
    BILAT_RETURN_IF_ERROR(st.BindText(5, t.flow));
    BILAT_RETURN_IF_ERROR(st.BindDouble(6, t.value_usd));
    BILAT_RETURN_IF_ERROR(StepDone(&st));
  }
  BILAT_ASSIGN_OR_RETURN(Statement pt, db_->Prepare("INSERT INTO trade_product_totals VALUES (?,?,?,?,?,?)"));
  for (const auto& [key, value] : packed) {
    BILAT_RETURN_IF_ERROR(pt.BindText(1, info_.dataset));
    BILAT_RETURN_IF_ERROR(pt.BindInt(2, year));
    BILAT_RETURN_IF_ERROR(pt.BindText(3, key.first));
    BILAT_RETURN_IF_ERROR(pt.BindText(4, key.second));
    BILAT_RETURN_IF_ERROR(pt.BindInt(5, value.first));
    BILAT_RETURN_IF_ERROR(pt.BindBlob(6, value.second));
    BILAT_RETURN_IF_ERROR(StepDone(&pt));
  }
  return Status::Ok();
}

std::vector<int> TradeFileWriter::years() const {
  std::vector<int> out;
  for (size_t i = 0; i < years_.size(); ++i) {
    if (years_[i]) out.push_back(ingest::kMinTradeYear + static_cast<int>(i));
  }
  return out;
}

Status TradeFileWriter::Commit(uint64_t rows_read, uint64_t issues) {
  {
    BILAT_ASSIGN_OR_RETURN(Statement st, db_->Prepare("UPDATE trade_files SET rows_read = ?, rows_stored = ?, "
                                                      "rows_duplicate = ?, issues = ? WHERE id = ?"));
    BILAT_RETURN_IF_ERROR(st.BindInt(1, static_cast<long long>(rows_read)));
    BILAT_RETURN_IF_ERROR(st.BindInt(2, static_cast<long long>(stored_)));
    BILAT_RETURN_IF_ERROR(st.BindInt(3, static_cast<long long>(duplicates_)));
    BILAT_RETURN_IF_ERROR(st.BindInt(4, static_cast<long long>(issues)));
    BILAT_RETURN_IF_ERROR(st.BindInt(5, file_id_));
    BILAT_RETURN_IF_ERROR(StepDone(&st));
  }
  insert_flow_.reset();
  find_flow_.reset();
  insert_obs_.reset();
  find_obs_.reset();
  insert_issue_.reset();
  return tx_->Commit();
}

Result<std::optional<int64_t>> FindTradeFile(SqliteDb* db, const std::string& content_hash) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT id FROM trade_files WHERE content_hash = ?"));
  BILAT_RETURN_IF_ERROR(st.BindText(1, content_hash));
  BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st.ColumnInt(0));
}

Result<std::optional<int64_t>> FindTradeFileByStat(SqliteDb* db, const std::string& path, uint64_t size,
                                                   int64_t mtime_ns) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT id FROM trade_files WHERE path = ? AND file_size = ? "
                                                   "AND file_mtime_ns = ?"));
  BILAT_RETURN_IF_ERROR(st.BindText(1, path));
  BILAT_RETURN_IF_ERROR(st.BindInt(2, static_cast<long long>(size)));
  BILAT_RETURN_IF_ERROR(st.BindInt(3, mtime_ns));
  BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st.ColumnInt(0));
}

Result<std::vector<TradeFileSummary>> TradeFiles(SqliteDb* db, const std::string& dataset) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare(std::string("SELECT ") + kFileColumns +
                                                   " FROM trade_files f WHERE ? = '' OR f.dataset = ? ORDER BY f.id"));
  BILAT_RETURN_IF_ERROR(st.BindText(1, dataset));
  BILAT_RETURN_IF_ERROR(st.BindText(2, dataset));
  return Summaries(&st);
}

Result<std::vector<int>> TradeYears(SqliteDb* db, const std::string& dataset) {
  BILAT_ASSIGN_OR_RETURN(Statement st,
                         db->Prepare("SELECT DISTINCT year FROM trade_totals WHERE dataset = ? ORDER BY year"));
  // (Years come from the derived totals: only years with annual flows.)
  BILAT_RETURN_IF_ERROR(st.BindText(1, dataset));
  std::vector<int> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(static_cast<int>(st.ColumnInt(0)));
  }
  return out;
}

Status ForEachTotal(SqliteDb* db, const std::string& dataset, int year, const FlowFn& fn) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT country, partner, flow, 'TOTAL', value_usd "
                                                   "FROM trade_totals WHERE dataset = ? AND year = ?"));
  BILAT_RETURN_IF_ERROR(st.BindText(1, dataset));
  BILAT_RETURN_IF_ERROR(st.BindInt(2, year));
  BILAT_RETURN_IF_ERROR(RunFlows(&st, fn));
  BILAT_ASSIGN_OR_RETURN(Statement pt, db->Prepare("SELECT country, flow, packed FROM trade_product_totals "
                                                   "WHERE dataset = ? AND year = ?"));
  BILAT_RETURN_IF_ERROR(pt.BindText(1, dataset));
  BILAT_RETURN_IF_ERROR(pt.BindInt(2, year));
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, pt.Step());
    if (!row) break;
    std::string_view country = pt.ColumnView(0), flow = pt.ColumnView(1), packed = pt.ColumnView(2);
    size_t i = 0;
    while (i < packed.size()) {
      size_t n = static_cast<unsigned char>(packed[i]);
      if (i + 1 + n + 8 > packed.size()) {
        return Status::Corruption(db->path() + ": trade_product_totals of " + std::string(country) + " " +
                                  std::to_string(year) + " is truncated (rebuild: re-ingest the year's files)");
      }
      double value;
      std::memcpy(&value, packed.data() + i + 1 + n, 8);
      fn(country, "WLD", flow, packed.substr(i + 1, n), value);
      i += 1 + n + 8;
    }
  }
  return Status::Ok();
}

Status ForEachFlowOf(SqliteDb* db, const std::string& dataset, int year, const std::string& country,
                     const FlowFn& fn) {
  // The country's own rows are one key range; rows naming it as partner are
  // one range per reporter, found through the reporters in the totals.
  BILAT_ASSIGN_OR_RETURN(Statement own,
                         db->Prepare("SELECT reporter, partner, flow, product, value_usd FROM trade_flows "
                                     "WHERE dataset = ?1 AND year = ?2 AND reporter = ?3 AND period = '' "
                                     "AND flow IN ('export', 'import') AND product <> 'TOTAL'"));
  BILAT_RETURN_IF_ERROR(own.BindText(1, dataset));
  BILAT_RETURN_IF_ERROR(own.BindInt(2, year));
  BILAT_RETURN_IF_ERROR(own.BindText(3, country));
  BILAT_RETURN_IF_ERROR(RunFlows(&own, fn));
  BILAT_ASSIGN_OR_RETURN(Statement others,
                         db->Prepare("SELECT t.reporter, t.partner, t.flow, t.product, t.value_usd "
                                     "FROM (SELECT DISTINCT country FROM trade_totals WHERE dataset = ?1 "
                                     "AND year = ?2 AND country <> ?3) c "
                                     "JOIN trade_flows t ON t.dataset = ?1 AND t.year = ?2 AND t.reporter = c.country "
                                     "AND t.partner = ?3 "
                                     "WHERE t.period = '' AND t.flow IN ('export', 'import') AND t.product <> 'TOTAL'"));
  BILAT_RETURN_IF_ERROR(others.BindText(1, dataset));
  BILAT_RETURN_IF_ERROR(others.BindInt(2, year));
  BILAT_RETURN_IF_ERROR(others.BindText(3, country));
  return RunFlows(&others, fn);
}

Result<std::vector<TradeFileSummary>> TradeFilesFor(SqliteDb* db, const std::string& dataset, int year,
                                                    const std::string& a, const std::string& b) {
  BILAT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare(std::string("SELECT ") + kFileColumns +
                  " FROM trade_files f WHERE f.dataset = ?1 AND (EXISTS (SELECT 1 FROM trade_flows t "
                  "WHERE t.dataset = ?1 AND t.year = ?2 AND t.reporter = ?3 AND t.file_id = f.id) OR "
                  "EXISTS (SELECT 1 FROM trade_flows t WHERE t.dataset = ?1 AND t.year = ?2 AND t.reporter = ?4 "
                  "AND t.file_id = f.id)) ORDER BY f.id"));
  BILAT_RETURN_IF_ERROR(st.BindText(1, dataset));
  BILAT_RETURN_IF_ERROR(st.BindInt(2, year));
  BILAT_RETURN_IF_ERROR(st.BindText(3, a));
  BILAT_RETURN_IF_ERROR(st.BindText(4, b));
  return Summaries(&st);
}

Result<std::vector<IndicatorValue>> LoadIndicatorSeries(SqliteDb* db, const std::string& series,
                                                        const std::string& country) {
  BILAT_ASSIGN_OR_RETURN(Statement st,
                         db->Prepare("SELECT v.year, v.value, f.path, v.line FROM indicator_values v "
                                     "JOIN trade_files f ON f.id = v.file_id WHERE v.series = ? AND v.country = ? "
                                     "ORDER BY v.year"));
  BILAT_RETURN_IF_ERROR(st.BindText(1, series));
  BILAT_RETURN_IF_ERROR(st.BindText(2, country));
  std::vector<IndicatorValue> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({static_cast<int>(st.ColumnInt(0)), st.ColumnDouble(1), st.ColumnText(2),
                   static_cast<uint64_t>(st.ColumnInt(3))});
  }
  return out;
}

}  // namespace bilat::store
