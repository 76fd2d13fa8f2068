#include "store/sqlite_db.h"

#include <sqlite3.h>

namespace bilat::store {

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  // One connection per thread (see the class comment): no SQLite mutexes.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::IoError(path + ": cannot open database: " + msg);
  }
  std::unique_ptr<SqliteDb> out(new SqliteDb(db, path));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  BILAT_RETURN_IF_ERROR(out->Exec("PRAGMA foreign_keys = ON;"));
  if (path != ":memory:") {
    // WAL with synchronous=NORMAL: a crash of bilat (even kill -9) never
    // loses a committed transaction or corrupts the file; only a power loss
    // may drop the last commits, which a re-run of the ingest restores.
    BILAT_RETURN_IF_ERROR(out->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"));
    // A 64 MiB page cache keeps a large ingest's B-tree pages in memory
    // instead of spilling them to the WAL mid-transaction.
    BILAT_RETURN_IF_ERROR(out->Exec("PRAGMA cache_size = -65536;"));
  }
  return out;
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

long long SqliteDb::Changes() const { return sqlite3_changes64(db_); }
long long SqliteDb::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

std::string SqliteDb::LastError() const { return sqlite3_errmsg(db_); }

// A failed SQLite call as a Status: a locked workspace and a full disk say
// so (and a locked one is kBusy, exit code 4, which a script may retry).
Status SqliteError(int rc, const std::string& path, const std::string& message) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy(path + ": the workspace is busy: another process (another bilat?) is writing to it; " +
                          "bilat waited " + std::to_string(kBusyTimeoutMs / 1000) +
                          " s. Run again when it has finished");
    case SQLITE_FULL:
      return Status::IoError(path + ": the disk is full (" + message + "); nothing of this step was stored");
    default:
      return Status::IoError(path + ": " + message);
  }
}

void SqliteDb::SetBusyTimeout(int ms) { sqlite3_busy_timeout(db_, ms); }

Status SqliteDb::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return SqliteError(rc, path_, msg);
  }
  return Status::Ok();
}

Result<Statement> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return Status::Internal(path_ + ": cannot prepare SQL: " + LastError());
  }
  return Statement(this, stmt);
}

Result<long long> SqliteDb::QueryInt(std::string_view sql) {
  BILAT_ASSIGN_OR_RETURN(Statement st, Prepare(sql));
  BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("query returned no row");
  return st.ColumnInt(0);
}

Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(stmt_);
    db_ = o.db_;
    stmt_ = o.stmt_;
    o.stmt_ = nullptr;
  }
  return *this;
}
Statement::~Statement() { sqlite3_finalize(stmt_); }

Status Statement::Bind(int index, const Value& value) {
  int rc = SQLITE_OK;
  if (std::holds_alternative<std::monostate>(value)) {
    rc = sqlite3_bind_null(stmt_, index);
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    rc = sqlite3_bind_text(stmt_, index, s->data(), static_cast<int>(s->size()),
                           SQLITE_TRANSIENT);
  } else if (const auto* n = std::get_if<long long>(&value)) {
    rc = sqlite3_bind_int64(stmt_, index, *n);
  } else if (const auto* d = std::get_if<double>(&value)) {
    rc = sqlite3_bind_double(stmt_, index, *d);
  }
  if (rc != SQLITE_OK) return Status::Internal("bind failed: " + db_->LastError());
  return Status::Ok();
}

Status Statement::BindBlob(int index, std::string_view bytes) {
  if (sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC) != SQLITE_OK) {
    return Status::Internal("bind failed: " + db_->LastError());
  }
  return Status::Ok();
}

Status Statement::BindText(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) != SQLITE_OK) {
    return Status::Internal("bind failed: " + db_->LastError());
  }
  return Status::Ok();
}

Status Statement::BindInt(int index, long long value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) return Status::Internal("bind failed: " + db_->LastError());
  return Status::Ok();
}

Status Statement::BindDouble(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) return Status::Internal("bind failed: " + db_->LastError());
  return Status::Ok();
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(rc, db_->path(), db_->LastError());
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

Value Statement::ColumnValue(int col) const {
  switch (sqlite3_column_type(stmt_, col)) {
    case SQLITE_INTEGER: return static_cast<long long>(sqlite3_column_int64(stmt_, col));
    case SQLITE_FLOAT: return sqlite3_column_double(stmt_, col);
    case SQLITE_NULL: return std::monostate{};
    default: return ColumnText(col);
  }
}

std::string Statement::ColumnText(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? std::string(reinterpret_cast<const char*>(t),
                         static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

long long Statement::ColumnInt(int col) const { return sqlite3_column_int64(stmt_, col); }
std::string_view Statement::ColumnView(int col) const {
  const void* p = sqlite3_column_type(stmt_, col) == SQLITE_BLOB ? sqlite3_column_blob(stmt_, col)
                                                                  : static_cast<const void*>(sqlite3_column_text(stmt_, col));
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(n)) : std::string_view();
}

double Statement::ColumnDouble(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::ColumnName(int col) const { return sqlite3_column_name(stmt_, col); }

Transaction::Transaction(SqliteDb* db) : db_(db), begin_(db->Exec("BEGIN IMMEDIATE;")) {}
Transaction::~Transaction() {
  if (begin_.ok() && !done_) (void)db_->Exec("ROLLBACK;");
}
Status Transaction::Commit() {
  BILAT_RETURN_IF_ERROR(begin_);
  BILAT_RETURN_IF_ERROR(db_->Exec("COMMIT;"));
  done_ = true;
  return Status::Ok();
}

}  // namespace bilat::store
