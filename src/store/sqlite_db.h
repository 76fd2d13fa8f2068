// SqliteDb and Statement: a thin RAII layer over the SQLite C API that turns
// return codes into Status. Only the store module includes sqlite3.h.
//
// A SqliteDb is one connection; it is not safe to use from two threads at
// once (open one per thread). A Statement borrows its SqliteDb and must not
// outlive it.
#ifndef BILAT_STORE_SQLITE_DB_H_
#define BILAT_STORE_SQLITE_DB_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/record.h"
#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace bilat::store {

class Statement;

// How long a writer waits for another process's write to finish before the
// workspace counts as busy (StatusCode::kBusy): kDefaultLockWaitMs, or the
// environment's BILAT_LOCK_WAIT in seconds (0: do not wait).
inline constexpr int kDefaultLockWaitMs = 600 * 1000;
int DefaultLockWaitMs();

// A writer waiting for the workspace: reported about once a second at first,
// then every 10 s, so that a long wait is never silent.
struct LockWait {
  std::string path;        // the database
  double waited_s = 0;     // so far
  double limit_s = 0;      // when it gives up
  long holder_pid = 0;     // the process holding the write lock; 0 if unknown
};
using LockWaitObserver = std::function<void(const LockWait&)>;
// Process-wide; the CLI prints each report on standard error. Empty: silent.
void SetLockWaitObserver(LockWaitObserver observer);

// The process holding the WAL write lock of the database at `path` (read
// from the -shm file's lock byte with F_GETLK), or 0 if none or unknown.
// Locks held by this process itself are not visible.
long WriteLockHolder(const std::string& path);

class SqliteDb {
 public:
  // Opens (creating if `create`) the database at `path` with foreign keys on,
  // WAL journaling and a busy timeout. ":memory:" gives an in-memory database.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, bool create);
  // Opens an existing database for reading only: nothing is written, not
  // even the journal mode. Works where the folder or file is read-only (then
  // the file is read as immutable when SQLite cannot make its -shm file).
  static Result<std::unique_ptr<SqliteDb>> OpenReadOnly(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // How long to wait for another connection's write lock (DefaultLockWaitMs()).
  void SetLockWaitLimit(int ms) { lock_wait_ms_ = ms; }
  int lock_wait_ms() const { return lock_wait_ms_; }
  bool read_only() const { return read_only_; }
  // The Status of a failed SQLite call: a locked workspace (kBusy, naming the
  // holder and the wait), a full disk and a read-only file say so.
  Status Error(int rc, const std::string& message) const;
  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  // Runs `sql` and returns the first column of its first row as an integer.
  Result<long long> QueryInt(std::string_view sql);

  // Rows changed by the last INSERT, UPDATE or DELETE (for hot loops that
  // must know whether an INSERT ... ON CONFLICT DO NOTHING stored its row).
  long long Changes() const;
  long long LastInsertRowId() const;

  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }
  std::string LastError() const;

 private:
  SqliteDb(sqlite3* db, std::string path, bool read_only)
      : db_(db), path_(std::move(path)), read_only_(read_only) {}
  static int OnBusy(void* self, int count);
  sqlite3* db_;
  std::string path_;
  bool read_only_ = false;
  int lock_wait_ms_ = DefaultLockWaitMs();
  std::chrono::steady_clock::time_point wait_start_, next_wait_report_;
};

class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  // Binds parameter `index` (1-based).
  Status Bind(int index, const Value& value);
  // Typed binds for hot loops. BindText does not copy: `text` must stay
  // valid until the statement is stepped and reset.
  Status BindText(int index, std::string_view text);
  Status BindInt(int index, long long value);
  Status BindDouble(int index, double value);
  Status BindBlob(int index, std::string_view bytes);  // no copy, as BindText
  // Steps once: true when a row is available, false when done.
  Result<bool> Step();
  // Resets for re-execution with new bindings.
  void Reset();

  int ColumnCount() const;
  Value ColumnValue(int col) const;
  std::string ColumnText(int col) const;
  // Text or blob bytes without a copy, valid until the next Step or Reset.
  std::string_view ColumnView(int col) const;
  long long ColumnInt(int col) const;
  double ColumnDouble(int col) const;  // 0 for NULL
  std::string ColumnName(int col) const;

 private:
  friend class SqliteDb;
  Statement(SqliteDb* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  SqliteDb* db_;
  sqlite3_stmt* stmt_;
};

// Begins a transaction on construction; rolls back on destruction unless
// Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(SqliteDb* db);
  ~Transaction();
  Status status() const { return begin_; }
  Status Commit();

 private:
  SqliteDb* db_;
  Status begin_;
  bool done_ = false;
};

}  // namespace bilat::store

#endif  // BILAT_STORE_SQLITE_DB_H_
