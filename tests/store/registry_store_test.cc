#include "store/registry_store.h"

#include <gtest/gtest.h>

#include "store/migrations.h"

namespace bilat::store {
namespace {

using Cells = std::initializer_list<std::pair<std::string_view, Value>>;
using Batch = std::vector<std::vector<Record>>;

size_t KindIndex(std::string_view name) {
  const auto kinds = RegistryKinds();
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (kinds[i].name == name) return i;
  }
  ADD_FAILURE() << "no kind " << name;
  return 0;
}

// A Record of `kind` with the given cells set and every other cell NULL.
Record Rec(std::string_view kind, Cells cells, int line = 2) {
  Record r;
  r.kind = FindKind(kind);
  r.values.assign(r.kind->columns.size(), std::monostate{});
  for (const auto& [column, value] : cells) {
    int i = r.ColumnIndex(column);
    if (i < 0) {
      ADD_FAILURE() << kind << " has no column " << column;
      continue;
    }
    r.values[i] = value;
  }
  r.origin_file = std::string(r.kind->file);
  r.origin_line = line;
  return r;
}

Record Source(const std::string& id, int line = 2) {
  return Rec("sources",
             {{"id", id}, {"title", "Joint statement"}, {"publisher", "MFA"},
              {"url", "https://example.org/" + id}, {"published", "2019-09-11"}},
             line);
}

Record Exchange(const std::string& id, const std::string& from, const std::string& to,
                const std::string& leader = "Xi Jinping", const std::string& source = "src-1",
                int line = 2) {
  return Rec("exchanges",
             {{"id", id}, {"date", "2013-09-07"}, {"kind", "state_visit"}, {"from", from},
              {"to", to}, {"leader", leader}, {"status", "actual"}, {"source_id", source},
              {"locator", "p. 1"}},
             line);
}

Batch EmptyBatch() { return Batch(RegistryKinds().size()); }

std::vector<const KindSpec*> Present(std::initializer_list<std::string_view> names) {
  std::vector<const KindSpec*> out;
  for (std::string_view n : names) out.push_back(FindKind(n));
  return out;
}

std::vector<std::string> Ids(const std::vector<Record>& rows) {
  std::vector<std::string> out;
  for (const Record& r : rows) out.push_back(r.Text("id"));
  return out;
}

using Strings = std::vector<std::string>;

class RegistryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = SqliteDb::Open(":memory:", /*create=*/true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(Migrate(db_.get()).ok());
  }

  // One source and two exchanges.
  static Batch BaseBatch() {
    Batch b = EmptyBatch();
    b[KindIndex("sources")] = {Source("src-1")};
    b[KindIndex("exchanges")] = {Exchange("ex-1", "CHN", "KAZ", "Xi Jinping", "src-1", 2),
                                 Exchange("ex-2", "KAZ", "CHN", "Tokayev", "src-1", 3)};
    return b;
  }

  std::map<std::string, SyncCounts> Sync(const Batch& batch,
                                         std::initializer_list<std::string_view> present) {
    auto counts = SyncRegistry(db_.get(), batch, Present(present));
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    return counts.ok() ? *counts : std::map<std::string, SyncCounts>{};
  }

  std::vector<Record> Load(std::string_view kind) {
    auto rows = LoadRecords(db_.get(), *FindKind(kind));
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? *rows : std::vector<Record>{};
  }

  std::unique_ptr<SqliteDb> db_;
};

TEST_F(RegistryStoreTest, StoringABatchAddsEveryRow) {
  auto counts = Sync(BaseBatch(), {"sources", "exchanges"});
  EXPECT_EQ(counts["sources"].added, 1);
  EXPECT_EQ(counts["exchanges"].added, 2);
  EXPECT_EQ(counts["exchanges"].unchanged, 0);
  EXPECT_EQ(Ids(Load("exchanges")), (Strings{"ex-1", "ex-2"}));
}

TEST_F(RegistryStoreTest, StoringTheSameBatchTwiceChangesNothing) {
  Sync(BaseBatch(), {"sources", "exchanges"});
  auto counts = Sync(BaseBatch(), {"sources", "exchanges"});
  EXPECT_EQ(counts["sources"].added, 0);
  EXPECT_EQ(counts["sources"].unchanged, 1);
  EXPECT_EQ(counts["exchanges"].added, 0);
  EXPECT_EQ(counts["exchanges"].updated, 0);
  EXPECT_EQ(counts["exchanges"].removed, 0);
  EXPECT_EQ(counts["exchanges"].unchanged, 2);
}

TEST_F(RegistryStoreTest, ChangingOneValueCountsOneUpdate) {
  Sync(BaseBatch(), {"sources", "exchanges"});
  Batch b = BaseBatch();
  Record& ex2 = b[KindIndex("exchanges")][1];
  ex2.values[ex2.ColumnIndex("leader")] = std::string("Kassym-Jomart Tokayev");
  auto counts = Sync(b, {"sources", "exchanges"});
  EXPECT_EQ(counts["exchanges"].updated, 1);
  EXPECT_EQ(counts["exchanges"].unchanged, 1);
  EXPECT_EQ(counts["exchanges"].added, 0);
  std::vector<Record> rows = Load("exchanges");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].Text("leader"), "Kassym-Jomart Tokayev");
}

TEST_F(RegistryStoreTest, MovingARowToAnotherLineCountsAnUpdate) {
  Sync(BaseBatch(), {"sources", "exchanges"});
  Batch b = BaseBatch();
  b[KindIndex("exchanges")][0].origin_line = 7;
  auto counts = Sync(b, {"sources", "exchanges"});
  EXPECT_EQ(counts["exchanges"].updated, 1);
  EXPECT_EQ(Load("exchanges")[0].origin_line, 7);
}

TEST_F(RegistryStoreTest, RemovingARowFromAPresentFileCountsARemoval) {
  Sync(BaseBatch(), {"sources", "exchanges"});
  Batch b = BaseBatch();
  b[KindIndex("exchanges")].pop_back();
  auto counts = Sync(b, {"sources", "exchanges"});
  EXPECT_EQ(counts["exchanges"].removed, 1);
  EXPECT_EQ(counts["exchanges"].unchanged, 1);
  EXPECT_EQ(Ids(Load("exchanges")), Strings{"ex-1"});
}

TEST_F(RegistryStoreTest, KindsWhoseFileIsAbsentAreUntouched) {
  Sync(BaseBatch(), {"sources", "exchanges"});
  Batch b = EmptyBatch();
  b[KindIndex("sources")] = {Source("src-1")};
  auto counts = Sync(b, {"sources"});  // no exchanges.csv this time
  EXPECT_EQ(counts.count("exchanges"), 0u);
  EXPECT_EQ(counts["sources"].unchanged, 1);
  EXPECT_EQ(Ids(Load("exchanges")), (Strings{"ex-1", "ex-2"}));
}

TEST_F(RegistryStoreTest, RemovingASourceAndEveryRowCitingItSucceeds) {
  Sync(BaseBatch(), {"sources", "exchanges"});
  auto counts = Sync(EmptyBatch(), {"sources", "exchanges"});
  EXPECT_EQ(counts["exchanges"].removed, 2);
  EXPECT_EQ(counts["sources"].removed, 1);
  EXPECT_TRUE(Load("sources").empty());
}

TEST_F(RegistryStoreTest, RemovingAStillCitedSourceFailsAndChangesNothing) {
  Sync(BaseBatch(), {"sources", "exchanges"});
  Batch b = EmptyBatch();
  b[KindIndex("sources")] = {Source("src-2")};
  auto counts = SyncRegistry(db_.get(), b, Present({"sources"}));
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(counts.status().message(),
            "sources.csv: row 'src-1' was removed from the file but is still cited by stored "
            "rows of another registry file; remove those citations too (:memory:: FOREIGN KEY "
            "constraint failed)");
  EXPECT_EQ(Ids(Load("sources")), Strings{"src-1"});  // src-2 was not added either
}

TEST_F(RegistryStoreTest, FailingBatchLeavesTheDatabaseUnchanged) {
  Sync(BaseBatch(), {"sources", "exchanges"});
  // Bypassing the validator: a new source, an update, and a fact citing a
  // source that does not exist.
  Batch b = BaseBatch();
  b[KindIndex("sources")].push_back(Source("src-2", 3));
  Record& ex1 = b[KindIndex("exchanges")][0];
  ex1.values[ex1.ColumnIndex("leader")] = std::string("Li Keqiang");
  b[KindIndex("exchanges")].push_back(Exchange("ex-3", "CHN", "KAZ", "Xi", "src-missing", 4));
  auto counts = SyncRegistry(db_.get(), b, Present({"sources", "exchanges"}));
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.status().message(), ":memory:: FOREIGN KEY constraint failed");
  EXPECT_EQ(Ids(Load("sources")), Strings{"src-1"});
  std::vector<Record> ex = Load("exchanges");
  EXPECT_EQ(Ids(ex), (Strings{"ex-1", "ex-2"}));
  EXPECT_EQ(ex[0].Text("leader"), "Xi Jinping");
  // The rollback left no transaction open: the next sync works.
  auto again = Sync(BaseBatch(), {"sources", "exchanges"});
  EXPECT_EQ(again["exchanges"].unchanged, 2);
}

TEST_F(RegistryStoreTest, LoadRecordsReturnsTypedValuesAndOrigin) {
  Batch b = EmptyBatch();
  b[KindIndex("sources")] = {Source("src-1")};
  b[KindIndex("trade")] = {Rec("trade",
                               {{"id", "tr-1"}, {"year", 2023LL}, {"reporter", "CHN"},
                                {"partner_a", "CHN"}, {"partner_b", "KAZ"}, {"flow", "total"},
                                {"value", 41.03e9}, {"currency", "USD"}, {"scale", "billions"},
                                {"source_id", "src-1"}, {"locator", "table 3"}},
                               5)};
  Sync(b, {"sources", "trade"});
  std::vector<Record> rows = Load("trade");
  ASSERT_EQ(rows.size(), 1u);
  const Record& r = rows[0];
  EXPECT_EQ(r.kind, FindKind("trade"));
  EXPECT_EQ(r.values, b[KindIndex("trade")][0].values);
  EXPECT_EQ(r.Int("year"), 2023);
  EXPECT_EQ(r.Number("value"), 41.03e9);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(r.values[r.ColumnIndex("period")]));
  EXPECT_EQ(r.Origin(), "trade.csv:5");
}

class PairRecordsTest : public RegistryStoreTest {
 protected:
  void SetUp() override {
    RegistryStoreTest::SetUp();
    Batch b = EmptyBatch();
    b[KindIndex("sources")] = {Source("src-1"), Source("src-2", 3)};
    b[KindIndex("exchanges")] = {Exchange("ex-a", "CHN", "KAZ"), Exchange("ex-b", "KAZ", "CHN"),
                                 Exchange("ex-c", "CHN", "KGZ"), Exchange("ex-d", "RUS", "KAZ")};
    auto agreement = [](const std::string& id, const std::string& parties) {
      return Rec("agreements", {{"id", id}, {"date", "2019"}, {"kind", "agreement"},
                                {"parties", parties}, {"title", "t"}, {"source_id", "src-1"},
                                {"locator", "p"}});
    };
    b[KindIndex("agreements")] = {agreement("ag-a", "CHN;KAZ"), agreement("ag-b", "KAZ;KGZ;CHN"),
                                  agreement("ag-c", "CHN;KGZ"), agreement("ag-d", "KAZ"),
                                  agreement("ag-e", "KAZ;UZB;TKM;CHN")};
    auto indicator = [](const std::string& id, const std::string& country) {
      return Rec("indicators", {{"id", id}, {"country", country}, {"year", 2023LL},
                                {"indicator", "gdp"}, {"value", 1.0}, {"source_id", "src-1"},
                                {"locator", "p"}});
    };
    b[KindIndex("indicators")] = {indicator("in-a", "CHN"), indicator("in-b", "RUS"),
                                  indicator("in-c", "KAZ")};
    Sync(b, {"sources", "exchanges", "agreements", "indicators"});
  }

  Strings Pair(std::string_view kind, const std::string& a, const std::string& b) {
    auto rows = LoadPairRecords(db_.get(), *FindKind(kind), a, b);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? Ids(*rows) : Strings{};
  }
};

TEST_F(PairRecordsTest, TwoColumnsMatchInEitherOrder) {
  EXPECT_EQ(Pair("exchanges", "CHN", "KAZ"), (Strings{"ex-a", "ex-b"}));
  EXPECT_EQ(Pair("exchanges", "KAZ", "CHN"), (Strings{"ex-a", "ex-b"}));
  EXPECT_EQ(Pair("exchanges", "KAZ", "RUS"), Strings{"ex-d"});
  EXPECT_EQ(Pair("exchanges", "KAZ", "KGZ"), Strings{});
}

TEST_F(PairRecordsTest, ListMustContainBothCountries) {
  EXPECT_EQ(Pair("agreements", "CHN", "KAZ"), (Strings{"ag-a", "ag-b", "ag-e"}));
  EXPECT_EQ(Pair("agreements", "KAZ", "CHN"), (Strings{"ag-a", "ag-b", "ag-e"}));
  EXPECT_EQ(Pair("agreements", "KGZ", "CHN"), (Strings{"ag-b", "ag-c"}));
  EXPECT_EQ(Pair("agreements", "UZB", "TKM"), Strings{"ag-e"});
  EXPECT_EQ(Pair("agreements", "KAZ", "RUS"), Strings{});
}

TEST_F(PairRecordsTest, OneOfPairMatchesEitherCountry) {
  EXPECT_EQ(Pair("indicators", "KAZ", "CHN"), (Strings{"in-a", "in-c"}));
  EXPECT_EQ(Pair("indicators", "KGZ", "UZB"), Strings{});
}

TEST_F(PairRecordsTest, SourcesAreNotPairSpecific) {
  EXPECT_EQ(Pair("sources", "KGZ", "UZB"), (Strings{"src-1", "src-2"}));
}

TEST_F(RegistryStoreTest, LogIngestAppendsOneRow) {
  SyncCounts total;
  total.added = 3;
  total.updated = 2;
  total.removed = 1;
  ASSERT_TRUE(LogIngest(db_.get(), "ingest registry", "ws/registry", total, 4).ok());
  auto st = db_->Prepare(
      "SELECT command, path, added, updated, removed, rejected, length(at_utc) FROM ingest_log");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*st->Step());
  EXPECT_EQ(st->ColumnText(0), "ingest registry");
  EXPECT_EQ(st->ColumnText(1), "ws/registry");
  EXPECT_EQ(st->ColumnInt(2), 3);
  EXPECT_EQ(st->ColumnInt(3), 2);
  EXPECT_EQ(st->ColumnInt(4), 1);
  EXPECT_EQ(st->ColumnInt(5), 4);
  EXPECT_EQ(st->ColumnInt(6), 20);  // 2024-01-31T10:00:00Z
  EXPECT_FALSE(*st->Step());
}

}  // namespace
}  // namespace bilat::store
