#include "store/sqlite_db.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace bilat::store {
namespace {

std::unique_ptr<SqliteDb> MemoryDb() {
  auto db = SqliteDb::Open(":memory:", /*create=*/true);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(db).value();
}

TEST(SqliteDb, OpenWithoutCreateOfMissingFileIsIoError) {
  auto db = SqliteDb::Open("/nonexistent/dir/bilat.db", /*create=*/false);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kIoError);
  EXPECT_EQ(db.status().message().rfind("/nonexistent/dir/bilat.db: cannot open database: ", 0),
            0u)
      << db.status().message();
}

TEST(SqliteDb, ForeignKeysAreOnAfterOpen) {
  auto db = MemoryDb();
  EXPECT_EQ(*db->QueryInt("PRAGMA foreign_keys;"), 1);
}

TEST(SqliteDb, ExecErrorNamesTheDatabase) {
  auto db = MemoryDb();
  Status st = db->Exec("SELEC 1;");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_EQ(st.message(), ":memory:: near \"SELEC\": syntax error");
}

TEST(SqliteDb, PrepareErrorIsInternal) {
  auto db = MemoryDb();
  auto st = db->Prepare("SELECT * FROM missing_table");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.status().code(), StatusCode::kInternal);
  EXPECT_EQ(st.status().message(), ":memory:: cannot prepare SQL: no such table: missing_table");
}

TEST(SqliteDb, QueryIntWithoutRowsIsNotFound) {
  auto db = MemoryDb();
  ASSERT_TRUE(db->Exec("CREATE TABLE t (x INTEGER);").ok());
  Result<long long> n = db->QueryInt("SELECT x FROM t");
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(n.status().message(), "query returned no row");
}

TEST(Statement, BindsAndReadsBackEveryValueKind) {
  auto db = MemoryDb();
  ASSERT_TRUE(db->Exec("CREATE TABLE t (a, b, c, d);").ok());
  auto ins = db->Prepare("INSERT INTO t VALUES (?, ?, ?, ?)");
  ASSERT_TRUE(ins.ok());
  ASSERT_TRUE(ins->Bind(1, Value{std::monostate{}}).ok());
  ASSERT_TRUE(ins->Bind(2, Value{std::string("Қазақ")}).ok());
  ASSERT_TRUE(ins->Bind(3, Value{2013LL}).ok());
  ASSERT_TRUE(ins->Bind(4, Value{27.4}).ok());
  ASSERT_FALSE(*ins->Step());
  auto sel = db->Prepare("SELECT a, b, c, d FROM t");
  ASSERT_TRUE(sel.ok());
  ASSERT_TRUE(*sel->Step());
  EXPECT_EQ(sel->ColumnCount(), 4);
  EXPECT_EQ(sel->ColumnName(1), "b");
  EXPECT_EQ(sel->ColumnValue(0), Value{std::monostate{}});
  EXPECT_EQ(sel->ColumnValue(1), Value{std::string("Қазақ")});
  EXPECT_EQ(sel->ColumnValue(2), Value{2013LL});
  EXPECT_EQ(sel->ColumnValue(3), Value{27.4});
  EXPECT_FALSE(*sel->Step());
}

TEST(Statement, ResetClearsBindings) {
  auto db = MemoryDb();
  ASSERT_TRUE(db->Exec("CREATE TABLE t (a);").ok());
  auto ins = db->Prepare("INSERT INTO t VALUES (?)");
  ASSERT_TRUE(ins.ok());
  ASSERT_TRUE(ins->Bind(1, Value{1LL}).ok());
  ASSERT_TRUE(ins->Step().ok());
  ins->Reset();
  ASSERT_TRUE(ins->Step().ok());  // unbound: NULL
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM t WHERE a IS NULL"), 1);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM t WHERE a = 1"), 1);
}

TEST(Transaction, RollsBackWithoutCommit) {
  auto db = MemoryDb();
  ASSERT_TRUE(db->Exec("CREATE TABLE t (a);").ok());
  {
    Transaction tx(db.get());
    ASSERT_TRUE(tx.status().ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (1);").ok());
  }
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM t"), 0);
}

TEST(Transaction, KeepsCommittedChanges) {
  auto db = MemoryDb();
  ASSERT_TRUE(db->Exec("CREATE TABLE t (a);").ok());
  {
    Transaction tx(db.get());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (1);").ok());
    ASSERT_TRUE(tx.Commit().ok());
  }
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM t"), 1);
}

// A second writer waits for the first, then gives up with kBusy and a
// message that says what to do, instead of an I/O error.
TEST(Transaction, ASecondWriterWaitsThenReportsTheWorkspaceBusy) {
  const std::string path = ::testing::TempDir() + "/busy-" + std::to_string(::getpid()) + ".db";
  std::remove(path.c_str());
  auto first = SqliteDb::Open(path, true);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE((*first)->Exec("CREATE TABLE t (x INTEGER);").ok());
  auto second = SqliteDb::Open(path, false);
  ASSERT_TRUE(second.ok());
  (*second)->SetLockWaitLimit(100);
  Transaction holding(first->get());
  ASSERT_TRUE(holding.status().ok());
  ASSERT_TRUE((*first)->Exec("INSERT INTO t VALUES (1);").ok());
  Transaction waiting(second->get());
  EXPECT_EQ(waiting.status().code(), StatusCode::kBusy) << waiting.status().ToString();
  EXPECT_NE(waiting.status().message().find("the workspace is busy"), std::string::npos);
  EXPECT_NE(waiting.status().message().find("Run again"), std::string::npos);
  ASSERT_TRUE(holding.Commit().ok());
  Transaction after(second->get());
  EXPECT_TRUE(after.status().ok()) << after.status().ToString();  // free again once the first is done
  std::remove(path.c_str());
}

// What a child process holds: the write lock (a transaction that commits
// one row when it lets go) or, in exclusive locking mode, the whole database,
// which in WAL mode shuts out every other connection, readers too.
enum class Hold { kWriteLock, kExclusive };

// A child process that holds `what` on `path` for `hold_ms`. Returns its pid
// once the lock is held.
pid_t HoldLockInChild(const std::string& path, int hold_ms, Hold what) {
  int ready[2];
  if (pipe(ready) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(ready[0]);
    auto db = SqliteDb::Open(path, false);
    if (!db.ok()) _exit(2);
    auto held = [&] {
      if (write(ready[1], "x", 1) != 1) _exit(4);
      usleep(hold_ms * 1000);
    };
    if (what == Hold::kExclusive) {
      if (!(*db)->Exec("PRAGMA locking_mode = EXCLUSIVE; INSERT INTO t VALUES (9);").ok()) _exit(3);
      held();
      _exit(0);
    }
    {
      Transaction tx(db->get());
      if (!tx.status().ok() || !(*db)->Exec("INSERT INTO t VALUES (7);").ok()) _exit(3);
      held();
      if (!tx.Commit().ok()) _exit(5);
    }
    _exit(0);
  }
  close(ready[1]);
  char c;
  if (read(ready[0], &c, 1) != 1) pid = -1;
  close(ready[0]);
  return pid;
}

std::string FreshDb(const std::string& name) {
  const std::string path = ::testing::TempDir() + "/" + name + "-" + std::to_string(::getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  auto db = SqliteDb::Open(path, true);
  EXPECT_TRUE(db.ok());
  EXPECT_TRUE((*db)->Exec("CREATE TABLE t (x INTEGER);").ok());
  return path;
}

// Writers queue: a second ingest waits for the first (here a process that
// holds the lock 1.5 s), says whom it waits for, then goes through.
TEST(Transaction, AWriterWaitsItsTurnAndSaysWhichProcessItWaitsFor) {
  const std::string path = FreshDb("queue");
  std::vector<LockWait> reports;
  SetLockWaitObserver([&](const LockWait& w) { reports.push_back(w); });
  pid_t child = HoldLockInChild(path, 1500, Hold::kWriteLock);
  ASSERT_GT(child, 0);
  auto db = SqliteDb::Open(path, false);
  ASSERT_TRUE(db.ok());
  (*db)->SetLockWaitLimit(30000);
  const auto t0 = std::chrono::steady_clock::now();
  {
    Transaction tx(db->get());
    ASSERT_TRUE(tx.status().ok()) << tx.status().ToString();
    ASSERT_TRUE((*db)->Exec("INSERT INTO t VALUES (8);").ok());
    ASSERT_TRUE(tx.Commit().ok());
  }
  const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  int status = 0;
  waitpid(child, &status, 0);
  SetLockWaitObserver(nullptr);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_GE(waited, 1.0);  // it did wait rather than fail
  ASSERT_FALSE(reports.empty());
  EXPECT_EQ(reports[0].holder_pid, child);
  EXPECT_EQ(reports[0].path, path);
  EXPECT_DOUBLE_EQ(reports[0].limit_s, 30.0);
  EXPECT_EQ(*(*db)->QueryInt("SELECT count(*) FROM t;"), 2);  // both rows, the child's first
  EXPECT_EQ(*(*db)->QueryInt("SELECT x FROM t ORDER BY rowid LIMIT 1;"), 7);
}

TEST(Transaction, AWriterGivesUpAtItsLimitNamingTheProcessThatHoldsTheLock) {
  const std::string path = FreshDb("limit");
  pid_t child = HoldLockInChild(path, 2000, Hold::kWriteLock);
  ASSERT_GT(child, 0);
  auto db = SqliteDb::Open(path, false);
  ASSERT_TRUE(db.ok());
  (*db)->SetLockWaitLimit(300);
  Transaction tx(db->get());
  EXPECT_EQ(tx.status().code(), StatusCode::kBusy);
  EXPECT_NE(tx.status().message().find("process " + std::to_string(child)), std::string::npos)
      << tx.status().message();
  EXPECT_NE(tx.status().message().find("waited 0.3 s"), std::string::npos) << tx.status().message();
  EXPECT_NE(tx.status().message().find("BILAT_LOCK_WAIT"), std::string::npos);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(SqliteDb, LockWaitLimitComesFromTheEnvironment) {
  setenv("BILAT_LOCK_WAIT", "2.5", 1);
  EXPECT_EQ(DefaultLockWaitMs(), 2500);
  setenv("BILAT_LOCK_WAIT", "soon", 1);  // not a number: the default
  EXPECT_EQ(DefaultLockWaitMs(), kDefaultLockWaitMs);
  unsetenv("BILAT_LOCK_WAIT");
  EXPECT_EQ(DefaultLockWaitMs(), kDefaultLockWaitMs);
}

TEST(SqliteDb, ReadOnlyConnectionReadsAndRefusesWritesSayingSo) {
  const std::string path = FreshDb("readonly");
  {
    auto w = SqliteDb::Open(path, false);
    ASSERT_TRUE((*w)->Exec("INSERT INTO t VALUES (1);").ok());
  }
  auto db = SqliteDb::OpenReadOnly(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_TRUE((*db)->read_only());
  EXPECT_EQ(*(*db)->QueryInt("SELECT count(*) FROM t;"), 1);
  Status st = (*db)->Exec("INSERT INTO t VALUES (2);");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("the workspace is read-only"), std::string::npos) << st.message();
  EXPECT_FALSE(SqliteDb::OpenReadOnly(path + ".missing").ok());
}

// A reader that opens while another connection holds the database (as the
// first reader rebuilding the WAL index briefly does) waits for it instead
// of failing "database is locked" (seen with eight Python threads, one in 20
// runs, before the busy handler was set ahead of the opening read).
TEST(SqliteDb, ReadOnlyOpenWaitsForALockInsteadOfFailing) {
  const std::string path = FreshDb("readwait");
  pid_t child = HoldLockInChild(path, 500, Hold::kExclusive);
  ASSERT_GT(child, 0);
  const auto t0 = std::chrono::steady_clock::now();
  auto db = SqliteDb::OpenReadOnly(path);
  const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_GE(waited, 0.3);  // it waited rather than failed
  EXPECT_EQ(*(*db)->QueryInt("SELECT count(*) FROM t;"), 1);
}

TEST(Transaction, NestedBeginFails) {
  auto db = MemoryDb();
  Transaction outer(db.get());
  ASSERT_TRUE(outer.status().ok());
  Transaction inner(db.get());
  EXPECT_FALSE(inner.status().ok());
  EXPECT_FALSE(inner.Commit().ok());
}

}  // namespace
}  // namespace bilat::store
