#include "store/workspace.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "store/migrations.h"

namespace bilat::store {
namespace {

namespace fs = std::filesystem;

// A fresh path under the system temp dir (not created), removed afterwards.
class TempPath {
 public:
  TempPath() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("bilat_workspace_test_" + std::to_string(::getpid()) + "_" +
             std::to_string(counter++));
    fs::remove_all(path_);
  }
  ~TempPath() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

TEST(Workspace, InitCreatesFoldersAndDatabase) {
  TempPath dir;
  auto ws = Workspace::Init(dir.str());
  ASSERT_TRUE(ws.ok()) << ws.status().ToString();
  EXPECT_TRUE(fs::is_directory(dir.str() + "/registry"));
  EXPECT_TRUE(fs::is_directory(dir.str() + "/notes"));
  EXPECT_TRUE(fs::is_directory(dir.str() + "/reports"));
  EXPECT_TRUE(fs::is_regular_file(dir.str() + "/bilat.db"));
  EXPECT_EQ((*ws)->dir(), dir.str());
  EXPECT_EQ((*ws)->RegistryDir(), dir.str() + "/registry");
  EXPECT_EQ((*ws)->NotesDir(), dir.str() + "/notes");
  EXPECT_EQ((*ws)->ReportsDir(), dir.str() + "/reports");
  EXPECT_EQ(*SchemaVersion((*ws)->db()), LatestSchemaVersion());
}

TEST(Workspace, InitAgainKeepsTheData) {
  TempPath dir;
  {
    auto ws = Workspace::Init(dir.str());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ASSERT_TRUE((*ws)->db()->Exec("INSERT INTO ingest_log (at_utc, command, path, added, "
                                  "updated, removed, rejected) VALUES ('t', 'c', 'p', 1, 0, 0, 0)")
                    .ok());
  }
  std::ofstream(dir.str() + "/registry/sources.csv") << "id\n";
  auto again = Workspace::Init(dir.str());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*(*again)->db()->QueryInt("SELECT count(*) FROM ingest_log"), 1);
  EXPECT_TRUE(fs::exists(dir.str() + "/registry/sources.csv"));
}

TEST(Workspace, OpenFindsAnInitialisedWorkspace) {
  TempPath dir;
  ASSERT_TRUE(Workspace::Init(dir.str()).ok());
  auto ws = Workspace::Open(dir.str());
  ASSERT_TRUE(ws.ok()) << ws.status().ToString();
  EXPECT_EQ(*SchemaVersion((*ws)->db()), LatestSchemaVersion());
}

TEST(Workspace, OpenWithoutDatabaseSuggestsInit) {
  TempPath dir;
  fs::create_directories(dir.str());
  auto ws = Workspace::Open(dir.str());
  ASSERT_FALSE(ws.ok());
  EXPECT_EQ(ws.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ws.status().message(), dir.str() + ": not a bilat workspace (no bilat.db); create one "
                                               "with 'bilat init " + dir.str() + "'");
  EXPECT_FALSE(fs::exists(dir.str() + "/bilat.db"));  // Open never creates
}

TEST(Workspace, OpenOfMissingFolderIsNotFound) {
  TempPath dir;
  auto ws = Workspace::Open(dir.str());
  ASSERT_FALSE(ws.ok());
  EXPECT_EQ(ws.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(dir.str()));
}

TEST(Workspace, OpenUpgradesAnOlderSchema) {
  TempPath dir;
  fs::create_directories(dir.str());
  {
    auto db = SqliteDb::Open(dir.str() + "/bilat.db", /*create=*/true);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(db->get(), 1).ok());
  }
  auto ws = Workspace::Open(dir.str());
  ASSERT_TRUE(ws.ok()) << ws.status().ToString();
  EXPECT_EQ(*SchemaVersion((*ws)->db()), LatestSchemaVersion());
  EXPECT_TRUE(*(*ws)->db()->QueryInt("SELECT count(*) FROM sqlite_master WHERE name = "
                                     "'ingest_log'"));
}

TEST(Workspace, OpenRefusesANewerSchema) {
  TempPath dir;
  ASSERT_TRUE(Workspace::Init(dir.str()).ok());
  {
    auto db = SqliteDb::Open(dir.str() + "/bilat.db", /*create=*/false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("PRAGMA user_version = 99;").ok());
  }
  auto ws = Workspace::Open(dir.str());
  ASSERT_FALSE(ws.ok());
  EXPECT_EQ(ws.status().code(), StatusCode::kFailedPrecondition);
}

TEST(Workspace, InitUnderAFileIsIoError) {
  TempPath dir;
  fs::create_directories(dir.str());
  const std::string file = dir.str() + "/plain-file";
  std::ofstream(file) << "x";
  auto ws = Workspace::Init(file + "/ws");
  ASSERT_FALSE(ws.ok());
  EXPECT_EQ(ws.status().code(), StatusCode::kIoError);
  EXPECT_EQ(ws.status().message().rfind(file + "/ws: cannot create folder: ", 0), 0u)
      << ws.status().message();
}

}  // namespace
}  // namespace bilat::store
