#include "store/sqlite_db.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>

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
  (*second)->SetBusyTimeout(100);
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
