// SqliteDb and Statement: a thin RAII layer over the SQLite C API that turns
// return codes into Status. Only the store module includes sqlite3.h.
//
// A SqliteDb is one connection; it is not safe to use from two threads at
// once (open one per thread). A Statement borrows its SqliteDb and must not
// outlive it.
#ifndef BILAT_STORE_SQLITE_DB_H_
#define BILAT_STORE_SQLITE_DB_H_

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
// workspace counts as busy (StatusCode::kBusy).
inline constexpr int kBusyTimeoutMs = 5000;
// The Status of a failed SQLite call `rc` on the database at `path`.
Status SqliteError(int rc, const std::string& path, const std::string& message);

class SqliteDb {
 public:
  // Opens (creating if `create`) the database at `path` with foreign keys on,
  // WAL journaling and a busy timeout. ":memory:" gives an in-memory database.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, bool create);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // How long to wait for another connection's lock (kBusyTimeoutMs by default).
  void SetBusyTimeout(int ms);
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
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
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
