#include "store/dataset_store.h"

#include "store/registry_store.h"

namespace bilat::store {
namespace {

Status StepDone(Statement* st) {
  BILAT_ASSIGN_OR_RETURN(bool row, st->Step());
  (void)row;
  st->Reset();
  return Status::Ok();
}

Result<std::optional<int64_t>> FirstId(Statement* st) {
  BILAT_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st->ColumnInt(0));
}

Result<std::vector<StoredObservation>> ReadObservations(Statement* st) {
  std::vector<StoredObservation> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    StoredObservation o;
    o.scope = st->ColumnText(0);
    o.measure = st->ColumnText(1);
    o.subject = st->ColumnText(2);
    o.object = st->ColumnText(3);
    o.period = st->ColumnText(4);
    o.item = st->ColumnText(5);
    if (Value v = st->ColumnValue(6); const double* d = std::get_if<double>(&v)) {
      o.value = *d;
    } else if (const long long* n = std::get_if<long long>(&v)) {
      o.value = static_cast<double>(*n);
    }
    o.text = st->ColumnText(7);
    o.path = st->ColumnText(8);
    o.line = static_cast<uint64_t>(st->ColumnInt(9));
    out.push_back(std::move(o));
  }
  return out;
}

constexpr const char* kObservationColumns =
    "SELECT o.scope, o.measure, o.subject, o.object, o.period, o.item, o.value, o.text, f.path, o.line "
    "FROM observations o JOIN dataset_files f ON f.id = o.file_id ";

}  // namespace

Result<DatasetStoreCounts> StoreDatasetFile(SqliteDb* db, const DatasetFileInfo& info,
                                            const ingest::DatasetLoadResult& r) {
  DatasetStoreCounts counts;
  Transaction tx(db);
  BILAT_RETURN_IF_ERROR(tx.status());
  {
    BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("UPDATE dataset_files SET current = 0 WHERE scope = ?"));
    BILAT_RETURN_IF_ERROR(st.Bind(1, r.scope));
    BILAT_RETURN_IF_ERROR(StepDone(&st));
  }
  {
    BILAT_ASSIGN_OR_RETURN(
        Statement st,
        db->Prepare("INSERT INTO dataset_files (content_hash, path, dataset, scope, layout, file_size, file_mtime_ns, "
                    "rows_read, records, observations, rows_skipped, issues, current, ingested_at) VALUES "
                    "(?,?,?,?,?,?,?,?,?,?,?,0,1,strftime('%Y-%m-%dT%H:%M:%SZ','now'))"));
    int p = 1;
    for (const std::string* s : {&info.content_hash, &info.path, &r.dataset, &r.scope, &r.layout}) {
      BILAT_RETURN_IF_ERROR(st.Bind(p++, *s));
    }
    BILAT_RETURN_IF_ERROR(st.BindInt(p++, static_cast<long long>(info.file_size)));
    BILAT_RETURN_IF_ERROR(st.BindInt(p++, info.file_mtime_ns));
    BILAT_RETURN_IF_ERROR(st.BindInt(p++, static_cast<long long>(r.rows_read)));
    BILAT_RETURN_IF_ERROR(st.BindInt(p++, static_cast<long long>(r.records.size())));
    BILAT_RETURN_IF_ERROR(st.BindInt(p++, static_cast<long long>(r.observations.size())));
    BILAT_RETURN_IF_ERROR(st.BindInt(p++, static_cast<long long>(r.rows_skipped)));
    BILAT_RETURN_IF_ERROR(StepDone(&st));
    counts.file_id = db->LastInsertRowId();
  }
  BILAT_ASSIGN_OR_RETURN(SyncCounts sync, SyncDatasetScope(db, r.scope, r.sources, r.records));
  counts.records_added = sync.added;
  counts.records_updated = sync.updated;
  counts.records_unchanged = sync.unchanged;
  counts.records_removed = sync.removed;

  BILAT_ASSIGN_OR_RETURN(Statement issue, db->Prepare("INSERT INTO dataset_issues (file_id, line, field, message, "
                                                      "hint) VALUES (?,?,?,?,?)"));
  auto add_issue = [&](uint64_t line, const std::string& field, const std::string& message,
                       const std::string& hint) -> Status {
    BILAT_RETURN_IF_ERROR(issue.BindInt(1, counts.file_id));
    BILAT_RETURN_IF_ERROR(issue.BindInt(2, static_cast<long long>(line)));
    BILAT_RETURN_IF_ERROR(issue.Bind(3, field));
    BILAT_RETURN_IF_ERROR(issue.Bind(4, message));
    BILAT_RETURN_IF_ERROR(issue.Bind(5, hint));
    ++counts.issues;
    return StepDone(&issue);
  };
  {
    BILAT_ASSIGN_OR_RETURN(Statement del, db->Prepare("DELETE FROM observations WHERE scope = ?"));
    BILAT_RETURN_IF_ERROR(del.Bind(1, r.scope));
    BILAT_RETURN_IF_ERROR(StepDone(&del));
    BILAT_ASSIGN_OR_RETURN(Statement ins,
                           db->Prepare("INSERT INTO observations (scope, measure, subject, object, period, item, "
                                       "value, text, file_id, line) VALUES (?,?,?,?,?,?,?,?,?,?) "
                                       "ON CONFLICT DO NOTHING"));
    for (const ingest::Observation& o : r.observations) {
      int p = 1;
      for (const std::string* s : {&r.scope, &o.measure, &o.subject, &o.object, &o.period, &o.item}) {
        BILAT_RETURN_IF_ERROR(ins.Bind(p++, *s));
      }
      BILAT_RETURN_IF_ERROR(o.value ? ins.BindDouble(p++, *o.value) : ins.Bind(p++, Value{}));
      BILAT_RETURN_IF_ERROR(ins.Bind(p++, o.text));
      BILAT_RETURN_IF_ERROR(ins.BindInt(p++, counts.file_id));
      BILAT_RETURN_IF_ERROR(ins.BindInt(p++, static_cast<long long>(o.line)));
      BILAT_RETURN_IF_ERROR(StepDone(&ins));
      if (db->Changes() == 1) {
        ++counts.observations;
      } else {
        ++counts.duplicate_observations;
        BILAT_RETURN_IF_ERROR(add_issue(o.line, o.measure,
                                        "the same " + o.measure + " value for " + o.subject +
                                            (o.object.empty() ? "" : "/" + o.object) + " " + o.period +
                                            " is given twice in the file; the first row stands",
                                        "remove the repeated row"));
      }
    }
  }
  for (const ingest::LoadIssue& i : r.issues) BILAT_RETURN_IF_ERROR(add_issue(i.line, i.field, i.message, i.hint));
  for (const auto& [key, u] : r.unmapped) {
    std::string rows = std::to_string(u.rows) + (u.rows == 1 ? " row" : " rows");
    if (u.deliberate) {
      BILAT_RETURN_IF_ERROR(add_issue(u.first_line, u.field, "'" + u.name + "' is not a country (" + u.why + "): " +
                                                                 rows + " skipped on purpose",
                                      ""));
    } else {
      BILAT_RETURN_IF_ERROR(add_issue(u.first_line, u.field, "unknown country '" + u.name + "': " + rows + " skipped",
                                      "add the name to data/dataset_country_names.tsv"));
    }
  }
  {
    BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("UPDATE dataset_files SET issues = ?, observations = ? "
                                                     "WHERE id = ?"));
    BILAT_RETURN_IF_ERROR(st.BindInt(1, static_cast<long long>(counts.issues + r.issues_suppressed)));
    BILAT_RETURN_IF_ERROR(st.BindInt(2, static_cast<long long>(counts.observations)));
    BILAT_RETURN_IF_ERROR(st.BindInt(3, counts.file_id));
    BILAT_RETURN_IF_ERROR(StepDone(&st));
  }
  BILAT_RETURN_IF_ERROR(tx.Commit());
  return counts;
}

Result<std::optional<int64_t>> FindDatasetFile(SqliteDb* db, const std::string& content_hash) {
  BILAT_ASSIGN_OR_RETURN(Statement st,
                         db->Prepare("SELECT id FROM dataset_files WHERE content_hash = ? AND current = 1"));
  BILAT_RETURN_IF_ERROR(st.Bind(1, content_hash));
  return FirstId(&st);
}

Result<std::optional<int64_t>> FindDatasetFileByStat(SqliteDb* db, const std::string& path, uint64_t size,
                                                     int64_t mtime_ns) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT id FROM dataset_files WHERE path = ? AND file_size = ? "
                                                   "AND file_mtime_ns = ? AND current = 1"));
  BILAT_RETURN_IF_ERROR(st.Bind(1, path));
  BILAT_RETURN_IF_ERROR(st.BindInt(2, static_cast<long long>(size)));
  BILAT_RETURN_IF_ERROR(st.BindInt(3, mtime_ns));
  return FirstId(&st);
}

Result<std::optional<DatasetFileSummary>> CurrentFileOfScope(SqliteDb* db, const std::string& scope) {
  BILAT_ASSIGN_OR_RETURN(std::vector<DatasetFileSummary> all, CurrentDatasetFiles(db));
  for (DatasetFileSummary& s : all) {
    if (s.scope == scope) return std::optional<DatasetFileSummary>(std::move(s));
  }
  return std::optional<DatasetFileSummary>();
}

Result<std::vector<DatasetFileSummary>> CurrentDatasetFiles(SqliteDb* db) {
  BILAT_ASSIGN_OR_RETURN(Statement st,
                         db->Prepare("SELECT id, path, dataset, scope, layout, ingested_at, rows_read, records, "
                                     "observations, rows_skipped, issues FROM dataset_files WHERE current = 1 "
                                     "ORDER BY dataset, scope"));
  std::vector<DatasetFileSummary> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    DatasetFileSummary s;
    s.id = st.ColumnInt(0);
    s.path = st.ColumnText(1);
    s.dataset = st.ColumnText(2);
    s.scope = st.ColumnText(3);
    s.layout = st.ColumnText(4);
    s.ingested_at = st.ColumnText(5);
    s.rows_read = static_cast<uint64_t>(st.ColumnInt(6));
    s.records = static_cast<uint64_t>(st.ColumnInt(7));
    s.observations = static_cast<uint64_t>(st.ColumnInt(8));
    s.rows_skipped = static_cast<uint64_t>(st.ColumnInt(9));
    s.issues = static_cast<uint64_t>(st.ColumnInt(10));
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<StoredObservation>> LoadPairObservations(SqliteDb* db, const std::string& a,
                                                            const std::string& b) {
  BILAT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare(std::string(kObservationColumns) +
                  "WHERE f.current = 1 AND ((o.subject = ?1 AND o.object IN (?2, '')) OR "
                  "(o.subject = ?2 AND o.object IN (?1, ''))) "
                  "ORDER BY o.measure, o.subject, o.object, o.period, o.item"));
  BILAT_RETURN_IF_ERROR(st.Bind(1, a));
  BILAT_RETURN_IF_ERROR(st.Bind(2, b));
  return ReadObservations(&st);
}

Result<std::vector<StoredObservation>> LoadMeasure(SqliteDb* db, const std::string& measure) {
  BILAT_ASSIGN_OR_RETURN(Statement st,
                         db->Prepare(std::string(kObservationColumns) +
                                     "WHERE f.current = 1 AND o.measure = ?1 "
                                     "ORDER BY o.measure, o.subject, o.object, o.period, o.item"));
  BILAT_RETURN_IF_ERROR(st.Bind(1, measure));
  return ReadObservations(&st);
}

}  // namespace bilat::store
