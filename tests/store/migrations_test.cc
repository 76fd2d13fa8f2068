#include "store/migrations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "core/registry_schema.h"

namespace bilat::store {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<SqliteDb> MemoryDb() {
  auto db = SqliteDb::Open(":memory:", /*create=*/true);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(db).value();
}

long long Count(SqliteDb* db, const std::string& sql) {
  Result<long long> n = db->QueryInt(sql);
  EXPECT_TRUE(n.ok()) << sql << ": " << n.status().ToString();
  return n.ok() ? *n : -1;
}

bool HasTable(SqliteDb* db, const std::string& name) {
  return Count(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='" + name +
                       "'") == 1;
}

const char kInsertSource[] =
    "INSERT INTO sources (id, title, publisher, url, published, origin_file, origin_line, "
    "row_hash) VALUES ('src-1', 'Joint statement', 'MFA', 'https://example.org', '2019-09-11', "
    "'sources.csv', 2, 'h')";

TEST(Migrations, FreshDatabaseMigratesToLatest) {
  auto db = MemoryDb();
  EXPECT_EQ(*SchemaVersion(db.get()), 0);
  ASSERT_TRUE(Migrate(db.get()).ok());
  EXPECT_EQ(*SchemaVersion(db.get()), LatestSchemaVersion());
  for (const KindSpec& k : RegistryKinds()) EXPECT_TRUE(HasTable(db.get(), std::string(k.name)));
  EXPECT_TRUE(HasTable(db.get(), "ingest_log"));
}

TEST(Migrations, MigratingTwiceChangesNothing) {
  auto db = MemoryDb();
  ASSERT_TRUE(Migrate(db.get()).ok());
  ASSERT_TRUE(db->Exec(kInsertSource).ok());
  ASSERT_TRUE(Migrate(db.get()).ok());
  EXPECT_EQ(*SchemaVersion(db.get()), LatestSchemaVersion());
  EXPECT_EQ(Count(db.get(), "SELECT count(*) FROM sources"), 1);
}

TEST(Migrations, StopsAtTheTargetVersion) {
  auto db = MemoryDb();
  ASSERT_TRUE(Migrate(db.get(), 1).ok());
  EXPECT_EQ(*SchemaVersion(db.get()), 1);
  EXPECT_TRUE(HasTable(db.get(), "sources"));
  EXPECT_FALSE(HasTable(db.get(), "ingest_log"));
}

TEST(Migrations, UpgradesVersionOneInPlaceKeepingRows) {
  auto db = MemoryDb();
  ASSERT_TRUE(Migrate(db.get(), 1).ok());
  ASSERT_TRUE(db->Exec(kInsertSource).ok());
  ASSERT_TRUE(Migrate(db.get()).ok());
  EXPECT_EQ(*SchemaVersion(db.get()), LatestSchemaVersion());
  EXPECT_TRUE(HasTable(db.get(), "ingest_log"));
  EXPECT_EQ(Count(db.get(), "SELECT count(*) FROM sources WHERE id = 'src-1' AND "
                            "publisher = 'MFA'"),
            1);
}

TEST(Migrations, UpgradesVersionOneFileAfterReopening) {
  fs::path path = fs::temp_directory_path() /
                  ("bilat_migrations_test_" + std::to_string(::getpid()) + ".db");
  fs::remove(path);
  {
    auto db = SqliteDb::Open(path.string(), /*create=*/true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(Migrate(db->get(), 1).ok());
    ASSERT_TRUE((*db)->Exec(kInsertSource).ok());
  }
  {
    auto db = SqliteDb::Open(path.string(), /*create=*/false);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    EXPECT_EQ(*SchemaVersion(db->get()), 1);
    ASSERT_TRUE(Migrate(db->get()).ok());
    EXPECT_EQ(*SchemaVersion(db->get()), LatestSchemaVersion());
    EXPECT_EQ(Count(db->get(), "SELECT count(*) FROM sources"), 1);
    EXPECT_EQ(Count(db->get(), "SELECT count(*) FROM ingest_log"), 0);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

// The schema as SQLite stores it: every CREATE statement, by name.
std::map<std::string, std::string> SchemaSql(SqliteDb* db) {
  std::map<std::string, std::string> out;
  auto st = db->Prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL");
  EXPECT_TRUE(st.ok()) << st.status().ToString();
  if (!st.ok()) return out;
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok() || !*row) break;
    out[st->ColumnText(0)] = st->ColumnText(1);
  }
  return out;
}

TEST(Migrations, SteppingOneVersionAtATimeGivesTheSameSchema) {
  auto direct = MemoryDb();
  ASSERT_TRUE(Migrate(direct.get()).ok());
  auto stepped = MemoryDb();
  for (int v = 1; v <= LatestSchemaVersion(); ++v) {
    ASSERT_TRUE(Migrate(stepped.get(), v).ok()) << "to version " << v;
    EXPECT_EQ(*SchemaVersion(stepped.get()), v);
  }
  EXPECT_EQ(SchemaSql(stepped.get()), SchemaSql(direct.get()));
  EXPECT_FALSE(SchemaSql(direct.get()).empty());
}

TEST(Migrations, RefusesNewerSchema) {
  auto db = MemoryDb();
  ASSERT_TRUE(db->Exec("PRAGMA user_version = 99;").ok());
  Status st = Migrate(db.get());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(st.message(), ":memory:: workspace schema version 99 is newer than this bilat "
                          "understands (" + std::to_string(LatestSchemaVersion()) +
                              "); update bilat");
  EXPECT_EQ(*SchemaVersion(db.get()), 99);
  EXPECT_EQ(Count(db.get(), "SELECT count(*) FROM sqlite_master"), 0);  // nothing touched
}

TEST(Migrations, FailedStepLeavesVersionAndTablesAlone) {
  auto db = MemoryDb();
  // A table in the way makes step 1 fail part-way through.
  ASSERT_TRUE(db->Exec("CREATE TABLE trade (x INTEGER);").ok());
  Status st = Migrate(db.get());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kInternal);
  EXPECT_EQ(st.message().rfind("schema migration to version 1 failed: ", 0), 0u) << st.message();
  EXPECT_EQ(*SchemaVersion(db.get()), 0);
  EXPECT_FALSE(HasTable(db.get(), "sources"));  // created before the failure, rolled back
}

// The SQL type a column of each ColumnType is stored as.
std::string SqlType(ColumnType t) {
  switch (t) {
    case ColumnType::kYear:
    case ColumnType::kCount:
      return "INTEGER";
    case ColumnType::kDecimal:
    case ColumnType::kPercent:
    case ColumnType::kMoney:
      return "REAL";
    default:
      return "TEXT";
  }
}

struct TableColumn {
  std::string type;
  bool not_null = false;
};

std::map<std::string, TableColumn> TableInfo(SqliteDb* db, std::string_view table) {
  std::map<std::string, TableColumn> out;
  auto st = db->Prepare("PRAGMA table_info(\"" + std::string(table) + "\")");
  EXPECT_TRUE(st.ok()) << st.status().ToString();
  if (!st.ok()) return out;
  while (true) {
    Result<bool> row = st->Step();
    if (!row.ok() || !*row) break;
    out[st->ColumnText(1)] = {st->ColumnText(2), st->ColumnInt(3) != 0};
  }
  return out;
}

TEST(Migrations, EveryKindSpecColumnExistsInItsTable) {
  auto db = MemoryDb();
  ASSERT_TRUE(Migrate(db.get()).ok());
  for (const KindSpec& k : RegistryKinds()) {
    std::map<std::string, TableColumn> info = TableInfo(db.get(), k.name);
    std::set<std::string> expected = {"origin_file", "origin_line", "row_hash"};
    for (const ColumnSpec& c : k.columns) {
      const std::string name(c.name);
      expected.insert(name);
      auto it = info.find(name);
      if (it == info.end()) {
        ADD_FAILURE() << k.name << "." << name << " has no column in the table";
        continue;
      }
      EXPECT_EQ(it->second.type, SqlType(c.type)) << k.name << "." << name;
      if (name != "id") {  // the primary key
        EXPECT_EQ(it->second.not_null, c.required) << k.name << "." << name;
      }
    }
    std::set<std::string> actual;
    for (const auto& [name, col] : info) actual.insert(name);
    EXPECT_EQ(actual, expected) << "table " << k.name << " has columns the spec lacks";
  }
}

TEST(Migrations, ForeignKeysAreEnforced) {
  auto db = MemoryDb();
  ASSERT_TRUE(Migrate(db.get()).ok());
  Status st = db->Exec(
      "INSERT INTO exchanges (id, date, kind, \"from\", \"to\", leader, source_id, locator, "
      "origin_file, origin_line, row_hash) VALUES ('ex-1', '2013-09-07', 'visit', 'CHN', "
      "'KAZ', 'Xi Jinping', 'no-such-source', 'p. 1', 'exchanges.csv', 2, 'h')");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message(), ":memory:: FOREIGN KEY constraint failed");
  EXPECT_EQ(Count(db.get(), "SELECT count(*) FROM exchanges"), 0);
}

TEST(Migrations, TablesAreStrict) {
  auto db = MemoryDb();
  ASSERT_TRUE(Migrate(db.get()).ok());
  Status st = db->Exec(
      "INSERT INTO sources (id, title, publisher, published, origin_file, origin_line, "
      "row_hash) VALUES ('s', 't', 'p', '2019', 'sources.csv', 'line two', 'h')");
  EXPECT_FALSE(st.ok());
}

}  // namespace
}  // namespace bilat::store
