#include "store/sqlite_db.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <mutex>

namespace bilat::store {

namespace {

std::mutex observer_mu;
LockWaitObserver& Observer() {
  static LockWaitObserver observer;
  return observer;
}

// "file:" URI of a path, for opening it immutable.
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      uri += buf;
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, s < 10 ? "%.1f s" : "%.0f s", s);
  return buf;
}

}  // namespace

int DefaultLockWaitMs() {
  const char* env = std::getenv("BILAT_LOCK_WAIT");
  if (!env || !*env) return kDefaultLockWaitMs;
  char* end = nullptr;
  double s = std::strtod(env, &end);
  if (*end != '\0' || !(s >= 0) || s > 7 * 24 * 3600) return kDefaultLockWaitMs;
  return static_cast<int>(s * 1000);
}

void SetLockWaitObserver(LockWaitObserver observer) {
  std::lock_guard<std::mutex> lock(observer_mu);
  Observer() = std::move(observer);
}

long WriteLockHolder(const std::string& path) {
  // SQLite's WAL-index lock bytes start at offset 120 of the -shm file, the
  // first being the write lock (https://sqlite.org/walformat.html).
  int fd = ::open((path + "-shm").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 120;
  fl.l_len = 1;
  long pid = 0;
  if (::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK) pid = fl.l_pid;
  ::close(fd);
  return pid;
}

// SQLite calls this while another connection holds the lock a statement
// needs. Waits in short sleeps up to the limit, reporting as it goes.
int SqliteDb::OnBusy(void* self, int count) {
  auto* db = static_cast<SqliteDb*>(self);
  using Clock = std::chrono::steady_clock;
  const auto now = Clock::now();
  if (count == 0) {
    db->wait_start_ = now;
    db->next_wait_report_ = now + std::chrono::seconds(1);
  }
  const double waited = std::chrono::duration<double>(now - db->wait_start_).count();
  const double limit = db->lock_wait_ms_ / 1000.0;
  if (waited >= limit) return 0;
  if (now >= db->next_wait_report_) {
    db->next_wait_report_ = now + std::chrono::seconds(10);
    std::lock_guard<std::mutex> lock(observer_mu);
    if (Observer()) Observer()({db->path_, waited, limit, WriteLockHolder(db->path_)});
  }
  // Short sleeps first (most locks are brief), then 100 ms, never past the limit.
  int sleep_ms = count < 10 ? 5 : 100;
  sleep_ms = std::min(sleep_ms, std::max(1, static_cast<int>((limit - waited) * 1000)));
  sqlite3_sleep(sleep_ms);
  return 1;
}

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
  // SQLite opens a file it cannot write read-only without saying so, and a
  // WAL database needs its folder writable too: say so here, once, rather
  // than fail later with "attempt to write a readonly database".
  if (path != ":memory:") {
    const std::string folder = std::filesystem::path(path).parent_path().string();
    if (sqlite3_db_readonly(db, "main") == 1 || ::access(folder.empty() ? "." : folder.c_str(), W_OK) != 0) {
      sqlite3_close(db);
      return Status::IoError(path + ": the workspace is read-only (the database or its folder cannot be " +
                             "written); commands that only read it (report, trade, events, index, site, serve) " +
                             "work, this one writes to it: run it where the workspace is writable");
    }
  }
  std::unique_ptr<SqliteDb> out(new SqliteDb(db, path, /*read_only=*/false));
  sqlite3_busy_handler(db, &SqliteDb::OnBusy, out.get());
  BILAT_RETURN_IF_ERROR(out->Exec("PRAGMA foreign_keys = ON;"));
  if (path != ":memory:") {
    // WAL with synchronous=NORMAL: a crash of bilat (even kill -9) never
    // loses a committed transaction or corrupts the file; only a power loss
    // may drop the last commits, which a re-run of the ingest restores.
    // 16 KiB pages for a new database (an existing one keeps its own): a
    // large event ingest writes a third fewer bytes of B-tree and makes a
    // quarter of the write calls; its store step took 0.55 s with 4 KiB
    // pages and 0.33 s with 16 KiB (bench/README.md). Must precede WAL.
    BILAT_RETURN_IF_ERROR(out->Exec("PRAGMA page_size = 16384;"));
    BILAT_RETURN_IF_ERROR(out->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"));
    // A 64 MiB page cache keeps a large ingest's B-tree pages in memory
    // instead of spilling them to the WAL mid-transaction.
    BILAT_RETURN_IF_ERROR(out->Exec("PRAGMA cache_size = -65536;"));
  }
  return out;
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::OpenReadOnly(const std::string& path) {
  // A WAL database is read through its -shm file; where SQLite can neither
  // open nor create it (a read-only folder after the last writer removed
  // it), the file is opened immutable: no writer can exist there either.
  for (bool immutable : {false, true}) {
    sqlite3* db = nullptr;
    const std::string name = immutable ? FileUri(path) : path;
    int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | (immutable ? SQLITE_OPEN_URI : 0);
    int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      sqlite3_close(db);
      if (!immutable && (rc & 0xff) == SQLITE_CANTOPEN) continue;
      return Status::IoError(path + ": cannot open database for reading: " + msg);
    }
    std::unique_ptr<SqliteDb> out(new SqliteDb(db, path, /*read_only=*/true));
    // The busy handler before the first read: a reader opening while another
    // connection briefly holds the WAL index (its first reader rebuilding it,
    // or a writer checkpointing) waits instead of failing "database is locked".
    sqlite3_busy_handler(db, &SqliteDb::OnBusy, out.get());
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema;", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
      // CANTOPEN or READONLY_CANTINIT: the -shm file cannot be made here.
      if (!immutable && ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY)) continue;
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) return out->Error(rc, out->LastError());
      return Status::IoError(path + ": cannot open database for reading: " + out->LastError());
    }
    BILAT_RETURN_IF_ERROR(out->Exec("PRAGMA cache_size = -65536;"));
    return out;
  }
  return Status::IoError(path + ": cannot open database for reading");
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

long long SqliteDb::Changes() const { return sqlite3_changes64(db_); }
long long SqliteDb::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

std::string SqliteDb::LastError() const { return sqlite3_errmsg(db_); }

Status SqliteDb::Error(int rc, const std::string& message) const {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: {
      const long holder = WriteLockHolder(path_);
      return Status::Busy(path_ + ": the workspace is busy: " +
                          (holder ? "process " + std::to_string(holder) : std::string("another process")) +
                          " (another bilat?) is writing to it; bilat waited " + Seconds(lock_wait_ms_ / 1000.0) +
                          " (set BILAT_LOCK_WAIT to the seconds to wait). Run again when it has finished");
    }
    case SQLITE_FULL:
      return Status::IoError(path_ + ": the disk is full (" + message + "); nothing of this step was stored");
    case SQLITE_READONLY:
      return Status::IoError(path_ + ": the workspace is read-only (" + message +
                             "); this command writes to it: run it where the workspace is writable");
    default:
      return Status::IoError(path_ + ": " + message);
  }
}

Status SqliteDb::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Error(rc, msg);
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
  return db_->Error(rc, db_->LastError());
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
